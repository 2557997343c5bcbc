using Hwsim.Bridge.Mapping;
using Hwsim.Bridge.Training;
using Hwsim.Circuits.Blocks;
using Hwsim.Circuits.Netlist;
using Hwsim.TestSupport;
using Xunit.Abstractions;

namespace Hwsim.Bridge.Tests;

/// <summary>
/// The device blocks' measured transfer curves that hardware-aware training at the device level uses: the curve is
/// the circuit (ngspice gives the same sweep), its interpolation follows the circuit between the swept points, its
/// derivative is the interpolant's, and the hooks of the device level carry it.
/// </summary>
public sealed class DeviceActivationCurveTests(ITestOutputHelper output)
{
    private static readonly MappingProfile Profile = MappingProfile.For(FidelityLevel.Device);
    private static readonly Dictionary<ActivationKind, DeviceActivationCurve> Curves = new();

    private static DeviceActivationCurve Curve(ActivationKind kind)
    {
        lock (Curves)
        {
            if (!Curves.TryGetValue(kind, out var c)) Curves[kind] = c = DeviceActivationCurve.Measure(kind, Profile);
            return c;
        }
    }

    /// <summary>
    /// The characterisation netlist runs unchanged in ngspice and gives the same curve: v(y) at every point within
    /// 1e-5 of Vs. Not tighter, for a reason found here: ngspice's DC sweep of the precision rectifier lands off the
    /// operating point at its op-amps' internal nodes (gain 1e5 after a 1e-9 reltol on the inputs: at x = 1.7 its
    /// sweep from -10 has v(x1.xrect.gain) 1 mV away from what its own .op at 1.7 gives, which is ours to 7 digits),
    /// and the output moves by up to 6e-6 V with it. Tanh and sigmoid agree to about 1e-9 V.
    /// </summary>
    [NgspiceTheory]
    [InlineData(ActivationKind.Tanh)]
    [InlineData(ActivationKind.Sigmoid)]
    [InlineData(ActivationKind.Relu)]
    public void When_CurveMeasured_Expect_NgspiceSweepsTheSame(ActivationKind kind)
    {
        var curve = Curve(kind);
        var run = BothEngines.RunText(curve.Netlist, $"curve-{kind}.cir");
        var theirs = run.Ngspice.Plots.Single().RealValues("v(y)");
        Assert.Equal(curve.Outputs.Count, theirs.Count);
        var vs = Profile.SignalVoltsPerUnit;
        var worst = Enumerable.Range(0, theirs.Count).Max(i => Math.Abs(theirs[i] / vs - curve.Outputs[i]));
        output.WriteLine($"{kind}: {theirs.Count} points, worst |ngspice - ours| = {worst:G3} of Vs");
        Assert.True(worst < 1e-5, $"{kind}: ngspice's curve differs by {worst:G3} of Vs");
    }

    /// <summary>
    /// Between its points the smooth curve is the circuit: a second sweep half a step off the first agrees with the
    /// interpolant within 2e-5 of Vs (the monotone cubic's error on a 0.025-unit grid), except within a step of a knee
    /// sharper than the grid (ReLU's at 0, and where its op-amp meets the rail), where a smooth curve rounds the
    /// corner: there within 0.005 (0.17 % of ReLU's 2.95 range).
    /// </summary>
    [Theory]
    [InlineData(ActivationKind.Tanh)]
    [InlineData(ActivationKind.Sigmoid)]
    [InlineData(ActivationKind.Relu)]
    public void When_InterpolatedBetweenPoints_Expect_TheCircuitsValue(ActivationKind kind)
    {
        var curve = Curve(kind);
        var h = DeviceActivationCurve.Step;
        var (start, stop) = (-6 + h / 2, 6 - h / 2);
        var netlist = DeviceActivationCurve.CharacterisationNetlist(kind, Profile, start, stop);
        var r = NetlistRun.RunAll(NetlistReader.Parse(netlist, "midpoints.cir"))[0];
        var vs = Profile.SignalVoltsPerUnit;
        var x = r["v(x)"].Real.Select(v => v / vs).ToArray();
        var y = r["v(y)"].Real.Select(v => v / vs).ToArray();
        Assert.True(x.Length > 400);
        // a knee: the circuit's slope over the step before differs from the slope over the step after by more than 0.2
        bool NearKnee(double at) => Math.Abs((curve.Value(at + 1.5 * h) - curve.Value(at + 0.5 * h)) - (curve.Value(at - 0.5 * h) - curve.Value(at - 1.5 * h))) / h > 0.2;
        var smooth = Enumerable.Range(0, x.Length).Where(i => !NearKnee(x[i])).ToList();
        var worstSmooth = smooth.Max(i => Math.Abs(curve.Value(x[i]) - y[i]));
        var worst = Enumerable.Range(0, x.Length).Max(i => Math.Abs(curve.Value(x[i]) - y[i]));
        output.WriteLine($"{kind}: {x.Length} midpoints ({x.Length - smooth.Count} at knees), worst |interpolant - circuit| = {worstSmooth:G3} away from knees, {worst:G3} in all");
        Assert.True(worstSmooth < 2e-5, $"{kind}: interpolant off the circuit by {worstSmooth:G3}");
        Assert.True(worst < 0.005, $"{kind}: interpolant off the circuit by {worst:G3} at a knee");
        if (kind != ActivationKind.Relu) Assert.Equal(x.Length, smooth.Count);
    }

    /// <summary>The derivative is the interpolant's (central differences, 1e-6 relative), continuous across points, 0 outside the sweep.</summary>
    [Theory]
    [InlineData(ActivationKind.Tanh)]
    [InlineData(ActivationKind.Sigmoid)]
    [InlineData(ActivationKind.Relu)]
    public void When_Differentiated_Expect_FiniteDifferenceOfTheCurve(ActivationKind kind)
    {
        var curve = Curve(kind);
        var random = new Random(7);
        for (var n = 0; n < 200; n++)
        {
            var x = -9 + 18 * random.NextDouble();
            const double e = 1e-6;
            var fd = (curve.Value(x + e) - curve.Value(x - e)) / (2 * e);
            Assert.True(Math.Abs(curve.Derivative(x) - fd) <= 1e-6 * Math.Max(1, Math.Abs(fd)) + 1e-6, $"{kind} at {x}: {curve.Derivative(x)} vs {fd}");
        }
        // continuity at a knot: the slopes of the two pieces meet
        var knot = DeviceActivationCurve.Step * 40;
        Assert.Equal(curve.Derivative(knot - 1e-12), curve.Derivative(knot + 1e-12), 6);
        Assert.Equal(0, curve.Derivative(1e6));
        Assert.Equal(curve.Outputs[^1], curve.Value(1e6));
        Assert.Equal(curve.Outputs[0], curve.Value(-1e6));
    }

    /// <summary>
    /// The curves are the blocks' stated behaviour: tanh and sigmoid within 2 % of full scale of the ideal function
    /// over their stated ranges (ActivationTests states the same for the blocks) and monotone there (beyond, a saturated
    /// pair's output drifts by 1e-5 with its base currents: that is the circuit, and the curve keeps it); ReLU follows x up to
    /// where its op-amp output nears the activation supply's rail, and stays there.
    /// </summary>
    [Fact]
    public void When_Measured_Expect_TheBlocksStatedBehaviour()
    {
        foreach (var (kind, range) in new[] { (ActivationKind.Tanh, 3.0), (ActivationKind.Sigmoid, 6.0) })
        {
            var c = Curve(kind);
            for (var x = -range; x <= range; x += 0.01)
                Assert.True(Math.Abs(c.Value(x) - kind.Apply(x)) < 0.02, $"{kind} at {x}: {c.Value(x)}");
            for (var x = -range; x < range; x += 0.003) Assert.True(c.Value(x + 0.003) >= c.Value(x), $"{kind} not monotone at {x}");
        }
        var relu = Curve(ActivationKind.Relu);
        Assert.Equal(1.0, relu.Value(1), 3);
        Assert.Equal(0.0, relu.Value(-2), 3);
        var top = relu.Value(10);
        output.WriteLine($"relu saturates at {top:F4} (activation supply {Profile.Supplies.Activation.Positive} V, op-amp headroom {SupplyRails.Headroom} V, Vs {Profile.SignalVoltsPerUnit} V)");
        Assert.InRange(top, 2.5, Profile.Supplies.Activation.Positive - SupplyRails.Headroom);
    }

    /// <summary>The device level's hooks use the measured curves; the macro level's keep the exact functions; ideal is refused.</summary>
    [Fact]
    public void When_HooksBuiltForDevice_Expect_MeasuredActivations()
    {
        var device = HardwareAwareHooks.For(Profile, 1, FidelityLevel.Device);
        Assert.IsType<DeviceActivationCurve>(device.Forward.Tanh);
        Assert.IsType<DeviceActivationCurve>(device.Forward.Sigmoid);
        Assert.IsType<DeviceActivationCurve>(device.Forward.Relu);
        Assert.Equal(Curve(ActivationKind.Tanh).Value(0.7), device.Forward.Tanh!.Value(0.7));
        var macro = HardwareAwareHooks.For(MappingProfile.For(FidelityLevel.Macro), 1);
        Assert.Null(macro.Forward.Tanh);
        Assert.Throws<ArgumentException>(() => HardwareAwareHooks.For(Profile, 1, FidelityLevel.Ideal));
    }
}
