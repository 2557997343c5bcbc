using Hwsim.Circuits.Netlist;
using Hwsim.Circuits.Results;
using Hwsim.TestSupport;

namespace Hwsim.Circuits.Tests.Netlist;

/// <summary>
/// <c>temper</c> in <c>.param</c>, model and element values: the circuit temperature (<c>.temp</c>), and at each point
/// of a <c>.dc temp</c> sweep that point's temperature, as ngspice 39 re-evaluates such values. Checked against
/// ngspice on the same netlists (1e-6 relative + 1 nV / 1 pA) and against the closed forms of the values.
/// </summary>
public sealed class TemperTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string Resistors = """
        temper in a parameter, an element value and a model value
        .param p='1000+temper'
        v1 1 0 dc 1
        r1 1 0 {p}
        r2 1 0 r='2000+temper'
        .model rm r r='3000+temper'
        r3 1 0 rm
        .temp 50
        .op
        .dc temp 0 100 25
        .end
        """;

    /// <summary>With temper in a sub-circuit instance's parameter too (ngspice 39 stops with a fatal error on that line; hwsim reads it).</summary>
    private static readonly string WithSubcircuit = Resistors.Replace("r3 1 0 rm\n", "r3 1 0 rm\nx1 1 load rr='4000+2*temper'\n.subckt load a rr=1k\nr4 a 0 {rr}\n.ends\n", StringComparison.Ordinal);

    private const string Diodes = """
        temper in a diode model: the saturation current scales with the temperature (ngspice's temper-2.cir)
        .model dtest d is='1e-12 * temper'
        .model dfix d is='1e-12'
        v1 1 0 dc 5
        r1 1 2 5k
        d_test 2 3 dtest
        v_test 3 0 dc=0
        d_fix 2 4 dfix
        v_fix 4 0 dc=0
        .dc temp 10 100 10
        .end
        """;

    private static double Parallel(double t) => 1 / (1 / (1000 + t) + 1 / (2000 + t) + 1 / (3000 + t) + 1 / (4000 + 2 * t));

    [Fact]
    public void When_TemperInValues_Expect_TheTemperatureOfEachPoint()
    {
        Assert.Contains("x1 1 load", WithSubcircuit, StringComparison.Ordinal);
        var results = NetlistRun.RunAll(NetlistReader.Parse(WithSubcircuit, "temper.cir"));
        var op = results[0];
        var dc = results[1];

        Assert.Equal(Parallel(50), -1 / op.Value("i(v1)"), 1e-9 * Parallel(50));
        Assert.Equal([0, 25, 50, 75, 100], dc.Scale!.Real);
        Assert.Equal("temp-sweep", dc.Scale.Name);
        for (var i = 0; i < 5; i++)
            Assert.Equal(Parallel(25 * i), -1 / dc["i(v1)"].Real[i], 1e-9 * Parallel(25 * i));
    }

    [Fact]
    public void When_DiodeSaturationCurrentUsesTemper_Expect_CurrentRatioEqualsTemperature()
    {
        var dc = NetlistRun.RunAll(NetlistReader.Parse(Diodes, "temper.cir")).Single();

        for (var i = 0; i < dc.Points; i++)
            Assert.Equal(dc.Scale!.Real[i], dc["i(v_test)"].Real[i] / dc["i(v_fix)"].Real[i], 1e-6 * dc.Scale.Real[i]);
    }

    [NgspiceFact]
    public void When_LinearTemperNetlistRunInBothEngines_Expect_AgreementTo1e6()
    {
        var run = BothEngines.RunText(Resistors, "temper.cir");

        BothEngines.AssertAgree(run, output: output);
    }

    /// <summary>
    /// ngspice's sweep starts each point's Newton iteration from the last point and stops within its tolerance
    /// (reltol 1e-3), 2.3e-4 of v(2) from its own operating point at 40 C; hwsim solves each point afresh (the netlist
    /// is read again), so it agrees with ngspice's sweep within 5e-4 relative and with ngspice's operating point at
    /// .temp 40 (is = 40 pA) to 1e-6.
    /// </summary>
    [NgspiceFact]
    public void When_DiodeTemperNetlistRunInBothEngines_Expect_AgreementWithinNgspiceNewtonTolerance()
    {
        var run = BothEngines.RunText(Diodes, "temper.cir");
        BothEngines.AssertAgree(run, points: new Verification.PointTolerance(5e-4, 1e-9, 1e-12), output: output);

        var at40 = BothEngines.RunText(
            Diodes.Replace("is='1e-12 * temper'", "is=40e-12", StringComparison.Ordinal).Replace(".dc temp 10 100 10", ".temp 40\n.op", StringComparison.Ordinal),
            "temper40.cir");
        var ours = NetlistRun.RunAll(NetlistReader.Parse(Diodes, "temper.cir")).Single();
        var reference = at40.Ngspice.Plots.Single();
        foreach (var vector in new[] { "v(2)", "i(v_test)", "i(v_fix)" })
        {
            var expected = reference[vector].Real[0];
            Assert.Equal(expected, ours[vector].Real[3], 1e-6 * Math.Abs(expected));
        }
    }

    [Fact]
    public void When_TemperSweepHasSecondSweep_Expect_ClearError()
    {
        var parsed = NetlistReader.Parse("two sweeps\nv1 1 0 1\nr1 1 0 r='1k+temper'\n.dc temp 0 100 50 v1 0 1 1\n.end\n", "temper.cir");

        var e = Assert.ThrowsAny<CircuitException>(() => NetlistRun.RunAll(parsed));
        Assert.Contains("a second sweep with a temperature sweep of a netlist that uses temper is not supported", e.Message, StringComparison.Ordinal);
    }
}
