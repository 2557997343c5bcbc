using Hwsim.Circuits.Analyses;
using Hwsim.Circuits.Devices;
using Hwsim.Circuits.Netlist;

namespace Hwsim.Circuits.Tests.Engine;

/// <summary>Circuits that cannot be solved say which node or device is to blame.</summary>
public class DiagnosticsTests
{
    [Fact]
    public void When_NodeFloats_Expect_CircuitErrorNamingTheNode()
    {
        var ckt = new Circuit(
            new VoltageSource("V1", "a", "0", 1),
            new Resistor("R1", "a", "0", 1e3),
            new Capacitor("C1", "a", "island", 1e-9),
            new Resistor("R2", "island", "island2", 1e3));
        var e = Assert.Throws<CircuitException>(() => new OperatingPointAnalysis().Run(ckt));
        Assert.Contains("island", e.Message);
        Assert.Contains("no DC path to ground", e.Message);
    }

    [Fact]
    public void When_VoltageSourcesFormLoop_Expect_CircuitErrorNamingThem()
    {
        var ckt = new Circuit(
            new VoltageSource("V1", "a", "0", 1),
            new VoltageSource("V2", "a", "0", 2),
            new Resistor("R1", "a", "0", 1e3));
        var e = Assert.Throws<CircuitException>(() => new OperatingPointAnalysis().Run(ckt));
        Assert.Contains("V1", e.Message);
        Assert.Contains("V2", e.Message);
        Assert.Contains("loop", e.Message);
    }

    [Fact]
    public void When_SwitchOscillatesInDc_Expect_NonConvergenceNamingNodeAndDevice()
    {
        // The switch turns itself off when on and on when off: no DC solution exists.
        var n = NetlistReader.Parse("""
            self-toggling switch
            .model sm SW(vt=0.5 vh=0 ron=1 roff=1meg)
            V1 vdd 0 1
            R1 vdd out 1k
            S1 out 0 out 0 sm
            .op
            .end
            """, "osc.cir");
        var e = Assert.Throws<SimulationException>(() => NetlistRun.RunAll(n));
        Assert.Contains("no convergence", e.Message);
        Assert.Contains("v(out)", e.Message);
        Assert.Contains("s1", e.Message);
    }
}
