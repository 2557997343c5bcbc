using Hwsim.Circuits.Netlist;
using Hwsim.Circuits.Simulation;
using Hwsim.TestSupport;
using Hwsim.Verification;

namespace Hwsim.Circuits.Tests.Devices;

/// <summary>
/// <c>.options bypass=1</c>: a MOSFET whose voltages and currents moved less than the convergence tolerances since
/// its last evaluation stamps that evaluation again (mos1load's bypass). ngspice runs the same netlists with the same
/// option, so the two engines must still agree as closely as they do without it.
/// </summary>
public sealed class MosfetBypassTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static string WithBypass(string file) =>
        File.ReadAllText(Path.Combine(DeviceIncludes.Folder, file)).Replace("\n.end", "\n.options bypass=1\n.end");

    [NgspiceFact]
    public void When_IntegratorRunWithBypassInBothEngines_Expect_SameWaveforms()
    {
        var run = BothEngines.RunText(WithBypass("sc_integrator.cir"), "sc_integrator_bypass.cir");

        // Same time points; every vector within 1e-6 of its swing (measured: 3.6e-7 on i(vin), 9e-8 on v(x)). Without
        // bypass the two agree to 1e-9: a bypass decision is a comparison against a tolerance, and the few that sit
        // at the threshold go either way on last-bit differences, then the trajectories differ by that evaluation.
        Assert.Equal(run.Ngspice.Plots[0].PointCount, run.Ours[0].Points);
        BothEngines.AssertAgree(run, waveforms: new WaveformTolerance(1e-6, 1e-12, 1e-15), output: output);
    }

    [NgspiceFact]
    public void When_InverterRunWithBypassInBothEngines_Expect_SameTransferCurveAndTransient()
    {
        var run = BothEngines.RunText(WithBypass("cmos_inverter.cir"), "cmos_inverter_bypass.cir");

        BothEngines.AssertAgree(run, points: new PointTolerance(1e-6, 1e-9, 1e-12), waveforms: new WaveformTolerance(1e-6, 1e-9, 1e-12), output: output);
    }

    [Fact]
    public void When_BypassOn_Expect_LoadsSkippedAndResultsWithinTolerancesOfFullEvaluation()
    {
        var plain = NetlistRun.RunAll(NetlistReader.ReadFile(Path.Combine(DeviceIncludes.Folder, "sc_integrator.cir")))[0];
        var bypassed = NetlistRun.RunAll(NetlistReader.Parse(WithBypass("sc_integrator.cir"), "sc_integrator_bypass.cir"))[0];

        Assert.Equal(0, plain.Statistics!.BypassedDeviceLoads);
        Assert.True(bypassed.Statistics!.BypassedDeviceLoads > bypassed.Statistics.Loads / 10,
            $"{bypassed.Statistics.BypassedDeviceLoads} bypassed of {bypassed.Statistics.Loads} loads");
        // The output at the end of 40 cycles: within reltol of the full evaluation's.
        var last = plain["v(out)"].Real[^1];
        Assert.Equal(last, bypassed["v(out)"].Real[^1], Math.Abs(last) * 1e-3);
    }

    [Fact]
    public void When_BypassOptionRead_Expect_SetAndOffByDefault()
    {
        Assert.False(new SimulationOptions().Bypass);
        var netlist = NetlistReader.Parse("t\nr1 a 0 1\nv1 a 0 1\n.options bypass=1\n.op\n.end\n");
        Assert.True(netlist.Options.Bypass);
    }
}
