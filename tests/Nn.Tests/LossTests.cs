using Hwsim.Nn.Training;
using MathNet.Numerics.LinearAlgebra;

namespace Hwsim.Nn.Tests;

/// <summary>Losses: hand-computed values and gradients against finite differences.</summary>
public sealed class LossTests
{
    private static Batch Rows(params double[][] rows) => Batch.FromRows(rows);

    [Fact]
    public void When_Mse_Expect_MeanOfSquaresOverAllElements()
    {
        var y = Rows([1, 2], [3, 4]);
        var t = Rows([0, 2], [5, 4]);
        double l = new MseLoss().Compute(y, t, out var g);
        Assert.Equal((1 + 0 + 4 + 0) / 4.0, l, 1e-15);
        Assert.Equal(2 * 1 / 4.0, g[0][0, 0], 1e-15);
        Assert.Equal(2 * -2 / 4.0, g[0][1, 0], 1e-15);
    }

    [Fact]
    public void When_CrossEntropy_Expect_NegativeLogSoftmaxOfTheTargetClass()
    {
        var z = Rows([1, 2, 3], [0, 0, 0]);
        var t = Rows([0, 0, 1], [1, 0, 0]);
        double l = new CrossEntropyLoss().Compute(z, t, out _);
        double p0 = Math.Exp(3) / (Math.Exp(1) + Math.Exp(2) + Math.Exp(3));
        double expected = (-Math.Log(p0) - Math.Log(1.0 / 3)) / 2;
        Assert.Equal(expected, l, 1e-14);
    }

    [Theory]
    [InlineData("mse")]
    [InlineData("ce")]
    [InlineData("ce-soft")]
    public void When_Loss_Expect_GradientMatchesFiniteDifferences(string kind)
    {
        var rng = new Rng(10);
        var output = TestSupport.RandomBatch(rng, 3, 4, 5, 2.0);
        Batch target;
        ILoss loss;
        if (kind == "mse")
        {
            loss = new MseLoss();
            target = TestSupport.RandomBatch(rng, 3, 4, 5);
        }
        else
        {
            loss = new CrossEntropyLoss();
            target = new Batch(Enumerable.Range(0, 3).Select(_ =>
            {
                var m = Matrix<double>.Build.Dense(4, 5);
                for (int r = 0; r < 4; r++)
                    if (kind == "ce") m[r, rng.NextInt(5)] = 1;
                    else
                    {
                        var w = Enumerable.Range(0, 5).Select(_ => rng.NextDouble()).ToArray();
                        for (int c = 0; c < 5; c++) m[r, c] = w[c] / w.Sum();
                    }
                return m;
            }).ToArray());
        }
        loss.Compute(output, target, out var g);
        for (int t = 0; t < 3; t++)
        {
            var numeric = TestSupport.Numeric(output[t].AsColumnMajorArray()!, () => loss.Value(output, target));
            Assert.True(TestSupport.RelativeError(g[t].ToColumnMajorArray(), numeric) < 1e-6);
        }
    }
}
