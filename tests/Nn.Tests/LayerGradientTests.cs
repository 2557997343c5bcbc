using Hwsim.Nn.Layers;
using MathNet.Numerics.LinearAlgebra;

namespace Hwsim.Nn.Tests;

/// <summary>Every layer's backward pass against central finite differences (relative error &lt; 1e-6).</summary>
public sealed class LayerGradientTests
{
    [Fact]
    public void When_Linear_Expect_GradientsMatchFiniteDifferences()
    {
        var rng = new Rng(1);
        var layer = new Linear("fc", 4, 3);
        layer.ResetParameters(rng);
        TestSupport.GradientCheck(layer, TestSupport.RandomBatch(rng, 2, 5, 4), rng);
    }

    [Fact]
    public void When_LinearWithoutBias_Expect_GradientsMatchFiniteDifferences()
    {
        var rng = new Rng(2);
        var layer = new Linear("fc", 3, 2, bias: false);
        layer.ResetParameters(rng);
        TestSupport.GradientCheck(layer, TestSupport.RandomBatch(rng, 1, 4, 3), rng);
    }

    [Theory]
    [InlineData("relu")]
    [InlineData("sigmoid")]
    [InlineData("tanh")]
    public void When_Activation_Expect_GradientsMatchFiniteDifferences(string kind)
    {
        var rng = new Rng(3);
        ILayer layer = kind switch { "relu" => new ReLU("a"), "sigmoid" => new Sigmoid("a"), _ => new Tanh("a") };
        var input = TestSupport.RandomBatch(rng, 2, 4, 5, 3.0);
        // Keep ReLU inputs away from its kink at 0, where the derivative does not exist.
        input = input.Map(m => m.Map(v => Math.Abs(v) < 0.05 ? v + 0.1 : v));
        TestSupport.GradientCheck(layer, input, rng);
    }

    [Fact]
    public void When_Flatten_Expect_IdentityGradient()
    {
        var rng = new Rng(4);
        TestSupport.GradientCheck(new Flatten("f"), TestSupport.RandomBatch(rng, 1, 3, 6), rng);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 3)]
    [InlineData(2, 3)]
    [InlineData(3, 2)]
    public void When_Lstm_Expect_GradientsThroughTimeMatchFiniteDifferences(int numLayers, int hidden)
    {
        var rng = new Rng(5);
        var layer = new Lstm("lstm", 2, hidden, numLayers);
        layer.ResetParameters(rng);
        foreach (var p in layer.Parameters) p.Value.MapInplace(v => 3 * v); // larger weights: gates away from 0.5
        TestSupport.GradientCheck(layer, TestSupport.RandomBatch(rng, 5, 3, 2), rng);
    }

    [Fact]
    public void When_LstmWithInitialState_Expect_StateGradientsMatchFiniteDifferences()
    {
        var rng = new Rng(6);
        var layer = new Lstm("lstm", 2, 3, 2);
        layer.ResetParameters(rng);
        var input = TestSupport.RandomBatch(rng, 4, 2, 2);
        var h0 = Enumerable.Range(0, 2).Select(_ => TestSupport.RandomBatch(rng, 1, 2, 3)[0]).ToArray();
        var c0 = Enumerable.Range(0, 2).Select(_ => TestSupport.RandomBatch(rng, 1, 2, 3)[0]).ToArray();
        var state = new LstmState(h0, c0);
        var pass = layer.Run(input, state);
        var r = TestSupport.RandomBatch(rng, 4, 2, 3);
        // Also weigh the final state so its gradient path is exercised through the loss of the outputs only.
        layer.Backward(pass, r);
        double Loss() => TestSupport.Dot(layer.Run(input, state).Output, r);
        var grad = pass.InitialStateGradient!;
        for (int k = 0; k < 2; k++)
        {
            var numH = TestSupport.Numeric(h0[k].AsColumnMajorArray()!, Loss);
            var numC = TestSupport.Numeric(c0[k].AsColumnMajorArray()!, Loss);
            Assert.True(TestSupport.RelativeError(grad.H[k].ToColumnMajorArray(), numH) < 1e-6, $"h0[{k}]");
            Assert.True(TestSupport.RelativeError(grad.C[k].ToColumnMajorArray(), numC) < 1e-6, $"c0[{k}]");
        }
    }

    [Theory]
    [InlineData(1, 1, 3, 3, 1, 0, 6)]
    [InlineData(2, 3, 3, 3, 1, 1, 5)]
    [InlineData(2, 2, 3, 2, 2, 1, 7)]
    public void When_Conv2d_Expect_GradientsMatchFiniteDifferences(int inC, int outC, int kh, int kw, int stride, int pad, int side)
    {
        var rng = new Rng(7);
        var layer = new Conv2d("conv", inC, outC, kh, kw, stride, stride, pad, pad);
        layer.ResetParameters(rng);
        TestSupport.GradientCheck(layer, TestSupport.RandomBatch(rng, 1, 2, inC * side * side), rng);
    }

    [Fact]
    public void When_Sequential_Expect_GradientsMatchFiniteDifferences()
    {
        var rng = new Rng(8);
        var net = new Sequential(
            new Conv2d("conv", 1, 2, 3, 3, paddingY: 1, paddingX: 1), new Tanh("t1"), new Flatten("flat"),
            new Linear("fc1", 2 * 5 * 5, 6), new ReLU("r"), new Linear("fc2", 6, 3), new Sigmoid("s"));
        net.ResetParameters(rng);
        TestSupport.GradientCheck(net, TestSupport.RandomBatch(rng, 1, 3, 25), rng);
    }

    [Fact]
    public void When_LstmThenLinear_Expect_GradientsMatchFiniteDifferences()
    {
        var rng = new Rng(9);
        var net = new Sequential(new Lstm("lstm", 1, 4), new Linear("fc", 4, 1));
        net.ResetParameters(rng);
        TestSupport.GradientCheck(net, TestSupport.RandomBatch(rng, 6, 2, 1), rng);
    }
}
