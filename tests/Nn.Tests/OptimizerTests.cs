using Hwsim.Nn.Training;

namespace Hwsim.Nn.Tests;

/// <summary>
/// The optimisers step by step against the update equations published in the torch.optim documentation,
/// written here again in scalar form, over a fixed sequence of gradients.
/// </summary>
public sealed class OptimizerTests
{
    private static readonly double[] Grads = [0.5, -1.2, 0.3, 2.0, -0.7, 0.05, 1.1, -0.4];
    private const double Theta0 = 0.8;

    /// <summary>Runs the optimiser on one parameter whose gradient at step t is Grads[t] (plus 0.3 * theta, so it depends on theta).</summary>
    private static double[] Run(Func<Parameter, IOptimizer> make)
    {
        var p = new Parameter("w", 1);
        p.SetFlat([Theta0]);
        var opt = make(p);
        var thetas = new List<double>();
        foreach (var g in Grads)
        {
            p.GradArray[0] = g + 0.3 * p.ValueArray[0];
            opt.Step();
            thetas.Add(p.ValueArray[0]);
        }
        return thetas.ToArray();
    }

    private static double[] Reference(Func<double, double, int, double> update)
    {
        double theta = Theta0;
        var thetas = new List<double>();
        for (int t = 1; t <= Grads.Length; t++)
        {
            double g = Grads[t - 1] + 0.3 * theta;
            theta = update(theta, g, t);
            thetas.Add(theta);
        }
        return thetas.ToArray();
    }

    private static void AssertSame(double[] expected, double[] actual)
    {
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 1e-14);
    }

    [Theory]
    [InlineData(0.1, 0.0, 0.0, 0.0, false)]
    [InlineData(0.1, 0.9, 0.0, 0.0, false)]
    [InlineData(0.05, 0.9, 0.0, 0.0, true)]
    [InlineData(0.1, 0.8, 0.3, 0.01, false)]
    [InlineData(0.1, 0.5, 0.0, 0.1, true)]
    public void When_Sgd_Expect_TorchUpdateRule(double lr, double mu, double dampening, double wd, bool nesterov)
    {
        double b = 0;
        var expected = Reference((theta, g, t) =>
        {
            if (wd != 0) g += wd * theta;
            if (mu != 0)
            {
                b = t > 1 ? mu * b + (1 - dampening) * g : g;
                g = nesterov ? g + mu * b : b;
            }
            return theta - lr * g;
        });
        AssertSame(expected, Run(p => new Sgd([p], lr, mu, dampening, wd, nesterov)));
    }

    [Fact]
    public void When_PlainSgdOneStep_Expect_ThetaMinusLrTimesGrad()
    {
        var p = new Parameter("w", 2);
        p.SetFlat([1.0, -2.0]);
        p.GradArray[0] = 0.5;
        p.GradArray[1] = -0.25;
        new Sgd([p], lr: 0.1).Step();
        Assert.Equal([0.95, -1.975], p.ToFlatArray());
    }

    [Theory]
    [InlineData(0.01, 0.99, 0.0, 0.0, false)]
    [InlineData(0.01, 0.9, 0.0, 0.0, true)]
    [InlineData(0.005, 0.95, 0.9, 0.0, false)]
    [InlineData(0.005, 0.95, 0.5, 0.01, true)]
    public void When_RmsProp_Expect_TorchUpdateRule(double lr, double alpha, double mu, double wd, bool centered)
    {
        const double eps = 1e-8;
        double v = 0, gAve = 0, b = 0;
        var expected = Reference((theta, g, _) =>
        {
            if (wd != 0) g += wd * theta;
            v = alpha * v + (1 - alpha) * g * g;
            double vt = v;
            if (centered)
            {
                gAve = gAve * alpha + (1 - alpha) * g;
                vt -= gAve * gAve;
            }
            if (mu > 0)
            {
                b = mu * b + g / (Math.Sqrt(vt) + eps);
                return theta - lr * b;
            }
            return theta - lr * g / (Math.Sqrt(vt) + eps);
        });
        AssertSame(expected, Run(p => new RmsProp([p], lr, alpha, eps, wd, mu, centered)));
    }

    [Theory]
    [InlineData(0.001, 0.9, 0.999, 0.0, false)]
    [InlineData(0.05, 0.8, 0.99, 0.0, false)]
    [InlineData(0.05, 0.9, 0.999, 0.01, false)]
    [InlineData(0.05, 0.9, 0.999, 0.0, true)]
    public void When_Adam_Expect_TorchUpdateRule(double lr, double beta1, double beta2, double wd, bool amsgrad)
    {
        const double eps = 1e-8;
        double m = 0, v = 0, vMax = 0;
        var expected = Reference((theta, g, t) =>
        {
            if (wd != 0) g += wd * theta;
            m = beta1 * m + (1 - beta1) * g;
            v = beta2 * v + (1 - beta2) * g * g;
            double mHat = m / (1 - Math.Pow(beta1, t));
            double vHat = v / (1 - Math.Pow(beta2, t));
            if (amsgrad)
            {
                vMax = Math.Max(vMax, vHat);
                vHat = vMax;
            }
            return theta - lr * mHat / (Math.Sqrt(vHat) + eps);
        });
        AssertSame(expected, Run(p => new Adam([p], lr, beta1, beta2, eps, wd, amsgrad)));
    }

    [Fact]
    public void When_AdamFirstStep_Expect_StepOfLrInTheDirectionOfMinusGrad()
    {
        // m^ = g and v^ = g^2 after one step, so the update is lr * g / (|g| + eps).
        var p = new Parameter("w", 2);
        p.SetFlat([1.0, 1.0]);
        p.GradArray[0] = 3.0;
        p.GradArray[1] = -0.002;
        new Adam([p], lr: 0.1).Step();
        Assert.Equal(1.0 - 0.1 * 3.0 / (3.0 + 1e-8), p.ToFlatArray()[0], 1e-15);
        Assert.Equal(1.0 + 0.1 * 0.002 / (0.002 + 1e-8), p.ToFlatArray()[1], 1e-15);
    }

    [Fact]
    public void When_Defaults_Expect_PyTorchDefaults()
    {
        var p = new Parameter("w", 1);
        var adam = new Adam([p]);
        Assert.Equal((0.001, 0.9, 0.999, 1e-8, 0.0), (adam.LearningRate, adam.Beta1, adam.Beta2, adam.Eps, adam.WeightDecay));
        var rms = new RmsProp([p]);
        Assert.Equal((0.01, 0.99, 1e-8, 0.0, false), (rms.LearningRate, rms.Alpha, rms.Eps, rms.Momentum, rms.Centered));
        var sgd = new Sgd([p]);
        Assert.Equal((0.001, 0.0, 0.0, false), (sgd.LearningRate, sgd.Momentum, sgd.Dampening, sgd.Nesterov));
    }

    [Fact]
    public void When_ClipGradNorm_Expect_TotalNormScaledToMax()
    {
        var a = new Parameter("a", 2);
        var b = new Parameter("b", 1);
        a.GradArray[0] = 3;
        a.GradArray[1] = 0;
        b.GradArray[0] = 4;
        double total = GradientClipping.ClipNorm([a, b], 1.0);
        Assert.Equal(5.0, total, 1e-15);
        Assert.Equal(3 * 1.0 / (5 + 1e-6), a.GradArray[0], 1e-15);
        Assert.Equal(4 * 1.0 / (5 + 1e-6), b.GradArray[0], 1e-15);
        GradientClipping.ClipNorm([a, b], 10.0);
        Assert.Equal(3 * 1.0 / (5 + 1e-6), a.GradArray[0], 1e-15);
    }
}
