using Hwsim.Nn.Layers;
using Hwsim.Nn.Demos;

namespace Hwsim.Nn.Tests;

/// <summary>
/// Linear and Conv2d against values worked out by hand, and structural properties of the LSTM (stacking, batch
/// independence). The LSTM's numbers themselves, gate by gate, are checked against PyTorch in <see cref="TorchFixtureTests"/>.
/// </summary>
public sealed class HandComputedTests
{
    [Fact]
    public void When_Linear_Expect_XTimesWTransposePlusB()
    {
        var fc = new Linear("fc", 3, 2);
        fc.Weight.SetFlat([0.1, 0.2, 0.3, -0.5, 0.4, 0.0]);
        fc.Bias!.SetFlat([0.5, -1.0]);
        var y = fc.Forward(Batch.FromRows([[1, 2, 3], [-1, 0, 0.5]])).Output.ToRows();
        Assert.Equal(1.9, y[0][0], 1e-14);
        Assert.Equal(-0.7, y[0][1], 1e-14);
        Assert.Equal(0.55, y[1][0], 1e-14);
        Assert.Equal(-0.5, y[1][1], 1e-14);
    }

    [Fact]
    public void When_TwoLayerLstm_Expect_TheSameAsTwoSingleLayersChained()
    {
        var rng = new Rng(12);
        var stacked = new Lstm("s", 2, 3, 2);
        stacked.ResetParameters(rng);
        var first = new Lstm("a", 2, 3);
        var second = new Lstm("b", 3, 3);
        for (int p = 0; p < 4; p++)
        {
            first.Parameters[p].Set(stacked.Parameters[p].Value);
            second.Parameters[p].Set(stacked.Parameters[4 + p].Value);
        }
        var x = TestSupport.RandomBatch(rng, 6, 2, 2);
        var expected = second.Forward(first.Forward(x).Output).Output;
        Assert.Equal(0.0, Tensors.MaxAbsDifference(expected, stacked.Forward(x).Output));
    }

    [Fact]
    public void When_LstmBatch_Expect_EachSampleAsIfAlone()
    {
        var rng = new Rng(13);
        var lstm = new Lstm("l", 2, 4);
        lstm.ResetParameters(rng);
        var x = TestSupport.RandomBatch(rng, 5, 3, 2);
        var all = lstm.Forward(x).Output;
        for (int n = 0; n < 3; n++)
        {
            var alone = lstm.Forward(x.SelectSamples([n])).Output;
            Assert.True(Tensors.MaxAbsDifference(alone, all.SelectSamples([n])) < 1e-15);
        }
    }

    [Fact]
    public void When_Conv2dSobel_Expect_TheDirectFilter()
    {
        var rng = new Rng(14);
        var image = Enumerable.Range(0, 64).Select(_ => rng.NextDouble()).ToArray();
        var network = ConvSobelDemo.Definition.Architecture();
        ConvSobelDemo.Definition.FixedParameters!(network);
        var y = network.Predict(Batch.FromRows([image])).ToRows()[0];
        Assert.Equal(ConvSobelDemo.Filter(image), y);
        // A vertical step edge (dark left, bright right) gives Sobel-x = 4 along it and Sobel-y = 0.
        var step = Enumerable.Range(0, 64).Select(i => i % 8 >= 4 ? 1.0 : 0.0).ToArray();
        var s = network.Predict(Batch.FromRows([step])).ToRows()[0];
        Assert.Equal(4.0, s[0 * 36 + 2 * 6 + 2]);
        Assert.Equal(4.0, s[0 * 36 + 2 * 6 + 3]);
        Assert.Equal(0.0, s[0 * 36 + 2 * 6 + 0]);
        Assert.Equal(0.0, s[1 * 36 + 2 * 6 + 2]);
    }

    [Fact]
    public void When_Conv2dStrideAndPadding_Expect_PyTorchOutputSizeAndValues()
    {
        // 1 x 4 x 4 input 0..15, a 2 x 2 kernel of ones, stride 2, padding 1: output 3 x 3 of window sums.
        var conv = new Conv2d("c", 1, 1, 2, 2, 2, 2, 1, 1);
        conv.Weight.SetFlat([1, 1, 1, 1]);
        conv.Bias!.SetFlat([0.5]);
        var x = Enumerable.Range(0, 16).Select(i => (double)i).ToArray();
        Assert.Equal(9, conv.OutputFeatures(16));
        var y = conv.Forward(Batch.FromRows([x])).Output.ToRows()[0];
        double[] expected = [0, 1 + 2, 3, 4 + 8, 5 + 6 + 9 + 10, 7 + 11, 12, 13 + 14, 15];
        Assert.Equal(expected.Select(v => v + 0.5), y);
    }
}
