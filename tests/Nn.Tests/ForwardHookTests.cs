using Hwsim.Nn.Hooks;
using Hwsim.Nn.Layers;
using MathNet.Numerics.LinearAlgebra;

namespace Hwsim.Nn.Tests;

/// <summary>
/// The forward hooks of hardware-aware training: every hooked backward pass against central finite differences
/// (relative error &lt; 1e-6, as for the plain layers), the clips really clipping, and the hooked code with hooks that
/// change nothing giving the plain pass bit for bit.
/// </summary>
public sealed class ForwardHookTests
{
    /// <summary>A smooth function standing in for a measured transfer curve.</summary>
    private sealed class Smooth(Func<double, double> value, Func<double, double> derivative) : IActivationFunction
    {
        public double Value(double x) => value(x);
        public double Derivative(double x) => derivative(x);
    }

    /// <summary>A squashed, slightly shifted sigmoid (as a differential pair's), a saturating tanh and a soft ReLU.</summary>
    private static readonly IActivationFunction CircuitSigmoid = new Smooth(
        x => 0.52 + 0.46 * Math.Tanh(0.45 * x), x => 0.46 * 0.45 * (1 - Math.Tanh(0.45 * x) * Math.Tanh(0.45 * x)));
    private static readonly IActivationFunction CircuitTanh = new Smooth(
        x => 0.93 * Math.Tanh(1.1 * x) + 0.01, x => 0.93 * 1.1 * (1 - Math.Tanh(1.1 * x) * Math.Tanh(1.1 * x)));
    private static readonly IActivationFunction SoftRelu = new Smooth(
        x => Math.Log(1 + Math.Exp(4 * x)) / 4, x => 1 / (1 + Math.Exp(-4 * x)));

    /// <summary>The exact functions as overrides: the hooked code path with nothing changed.</summary>
    private static readonly IActivationFunction ExactSigmoid = new Smooth(Sigmoid.Logistic, x => Sigmoid.Logistic(x) * (1 - Sigmoid.Logistic(x)));
    private static readonly IActivationFunction ExactTanh = new Smooth(Math.Tanh, x => 1 - Math.Tanh(x) * Math.Tanh(x));

    private static readonly ForwardHooks Circuit = new() { Sigmoid = CircuitSigmoid, Tanh = CircuitTanh, Relu = SoftRelu };

    [Fact]
    public void When_LinearWithAffineClip_Expect_OutputsClippedAndGradientsMatchFiniteDifferences()
    {
        var rng = new Rng(21);
        var layer = new Linear("fc", 4, 6);
        layer.ResetParameters(rng);
        var input = TestSupport.RandomBatch(rng, 2, 5, 4, 3.0);
        var hooks = new ForwardHooks { AffineClip = new ClipRange(-0.5, 0.7) };
        var outputs = layer.Forward(input, hooks).Output.Steps.SelectMany(m => m.Enumerate()).ToArray();
        Assert.All(outputs, y => Assert.InRange(y, -0.5, 0.7));
        Assert.Contains(outputs, y => y == -0.5);
        Assert.Contains(outputs, y => y == 0.7);
        Assert.Contains(outputs, y => y > -0.5 && y < 0.7);
        TestSupport.GradientCheck(layer, input, rng, hooks);
    }

    [Theory]
    [InlineData("relu")]
    [InlineData("sigmoid")]
    [InlineData("tanh")]
    public void When_ActivationOverridden_Expect_OverrideRunsAndGradientsMatchFiniteDifferences(string kind)
    {
        var rng = new Rng(22);
        ILayer layer = kind switch { "relu" => new ReLU("a"), "sigmoid" => new Sigmoid("a"), _ => new Tanh("a") };
        var f = kind switch { "relu" => SoftRelu, "sigmoid" => CircuitSigmoid, _ => CircuitTanh };
        var input = TestSupport.RandomBatch(rng, 2, 4, 5, 3.0);
        var pass = layer.Forward(input, Circuit);
        for (int t = 0; t < input.Length; t++)
            Assert.Equal(input[t].Map(f.Value).ToColumnMajorArray(), pass.Output[t].ToColumnMajorArray());
        TestSupport.GradientCheck(layer, input, rng, Circuit);
    }

    [Theory]
    [InlineData(1, 3)]
    [InlineData(2, 2)]
    public void When_LstmWithOverridesAndClips_Expect_ClipsBiteAndGradientsThroughTimeMatchFiniteDifferences(int numLayers, int hidden)
    {
        var rng = new Rng(23);
        var layer = new Lstm("lstm", 2, hidden, numLayers);
        layer.ResetParameters(rng);
        foreach (var p in layer.Parameters) p.Value.MapInplace(v => 3 * v);
        var input = TestSupport.RandomBatch(rng, 5, 3, 2);
        var hooks = Circuit with { AffineClip = new ClipRange(-1.5, 1.2), CellStateClip = new ClipRange(-0.4, 0.45) };
        var pass = (LstmPass)layer.Forward(input, hooks);
        var pre = pass.Steps.SelectMany(l => l).SelectMany(s => s.PreActivation.Enumerate()).ToArray();
        var cells = pass.Steps.SelectMany(l => l).SelectMany(s => s.C.Enumerate()).ToArray();
        Assert.All(pre, a => Assert.InRange(a, -1.5, 1.2));
        Assert.Contains(pre, a => a == -1.5 || a == 1.2);
        Assert.All(cells, c => Assert.InRange(c, -0.4, 0.45));
        Assert.Contains(cells, c => c == -0.4 || c == 0.45);
        Assert.Contains(cells, c => c > -0.4 && c < 0.45);
        TestSupport.GradientCheck(layer, input, rng, hooks);
    }

    [Fact]
    public void When_Conv2dWithAffineClip_Expect_GradientsMatchFiniteDifferences()
    {
        var rng = new Rng(24);
        var layer = new Conv2d("conv", 2, 3, 3, 3, 1, 1, 1, 1);
        layer.ResetParameters(rng);
        var input = TestSupport.RandomBatch(rng, 1, 2, 2 * 5 * 5, 2.0);
        var hooks = new ForwardHooks { AffineClip = new ClipRange(-0.6, 0.5) };
        var outputs = layer.Forward(input, hooks).Output[0].Enumerate().ToArray();
        Assert.Contains(outputs, y => y == -0.6 || y == 0.5);
        TestSupport.GradientCheck(layer, input, rng, hooks);
    }

    [Fact]
    public void When_SequentialWithAllHooks_Expect_GradientsMatchFiniteDifferences()
    {
        var rng = new Rng(25);
        var net = new Sequential(
            new Conv2d("conv", 1, 2, 3, 3, paddingY: 1, paddingX: 1), new Tanh("t1"), new Flatten("flat"),
            new Linear("fc1", 2 * 5 * 5, 6), new ReLU("r"), new Linear("fc2", 6, 3), new Sigmoid("s"));
        net.ResetParameters(rng);
        TestSupport.GradientCheck(net, TestSupport.RandomBatch(rng, 1, 3, 25, 2.0), rng, Circuit with { AffineClip = new ClipRange(-0.8, 0.9) });
    }

    [Fact]
    public void When_HooksChangeNothing_Expect_PlainPass()
    {
        // The hooked code path (overrides, clips) with the exact functions and an unbounded clip: the outputs equal the
        // plain pass's bit for bit, and the gradients to rounding (the hooked LSTM backward multiplies dc * g * s'(a)
        // where the plain one multiplies dc * g * s * (1 - s): the same factors, associated differently).
        var rng = new Rng(26);
        var net = new Sequential(new Lstm("lstm", 2, 3, 2), new Linear("fc", 3, 4), new Tanh("t"), new Linear("fc2", 4, 2), new Sigmoid("s"));
        net.ResetParameters(rng);
        var input = TestSupport.RandomBatch(rng, 4, 3, 2, 2.0);
        var r = TestSupport.RandomBatch(rng, 4, 3, 2);
        var open = new ClipRange(double.NegativeInfinity, double.PositiveInfinity);
        var same = new ForwardHooks { Sigmoid = ExactSigmoid, Tanh = ExactTanh, AffineClip = open, CellStateClip = open };

        (double[] Output, double[][] Grads) Run(ForwardHooks? hooks)
        {
            net.ZeroGrad();
            var pass = hooks is null ? net.Trace(input) : net.Trace(input, hooks);
            net.Backward(pass, r);
            return (pass.Output.Steps.SelectMany(m => m.ToColumnMajorArray()).ToArray(), net.Parameters.Select(p => (double[])p.GradArray.Clone()).ToArray());
        }

        var plain = Run(null);
        var hooked = Run(same);
        Assert.Equal(plain.Output, hooked.Output);
        for (int i = 0; i < plain.Grads.Length; i++)
            Assert.True(TestSupport.RelativeError(hooked.Grads[i], plain.Grads[i]) < 1e-14, $"parameter {i}");
    }

    [Fact]
    public void When_ClipRangeEmpty_Expect_Refused() =>
        Assert.Throws<ArgumentException>(() => new ClipRange(1, 1));
}
