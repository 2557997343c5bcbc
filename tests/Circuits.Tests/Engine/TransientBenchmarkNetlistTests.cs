using Hwsim.Circuits.Results;
using Hwsim.TestSupport;
using Hwsim.Verification;

namespace Hwsim.Circuits.Tests.Engine;

/// <summary>The transient benchmark circuits (shortened) run in both engines and agree, point by point.</summary>
public class TransientBenchmarkNetlistTests
{
    [NgspiceFact]
    public void When_RingOscillatorInBothEngines_Expect_EveryWaveformToAgree()
    {
        var ours = Agreed(TransientBenchmarkNetlists.RingOscillator(5), "ring5.cir");
        // It oscillates: the first stage's output crosses mid-supply many times in 40 ns.
        var v = ours["v(o1)"].Real;
        var crossings = Enumerable.Range(1, v.Length - 1).Count(i => (v[i - 1] - 1.65) * (v[i] - 1.65) < 0);
        Assert.InRange(crossings, 20, 200);
    }

    [NgspiceFact]
    public void When_SwitchedCapacitorIntegratorInBothEngines_Expect_EveryWaveformToAgree()
    {
        // The op-amp input is held only by an open switch at the operating point (ill-conditioned, not singular).
        var ours = Agreed(TransientBenchmarkNetlists.SwitchedCapacitorIntegrator(5), "scint5.cir");
        // The stray-insensitive non-inverting integrator moves Cs/Cf * vin = 25 mV per cycle: 5 cycles, about 125 mV.
        Assert.InRange(ours["v(out)"].Real[^1], 0.11, 0.14);
    }

    [NgspiceFact]
    public void When_StreamingNetworkInBothEngines_Expect_EveryWaveformToAgree()
    {
        var macro = File.ReadAllText(Path.Combine(RepoPaths.Root, "netlists", "demos", "mlp-shapes.macro.cir"));
        Agreed(TransientBenchmarkNetlists.StreamingNetwork(macro, samples: 2), "mlpstream2.cir");
    }

    private static AnalysisResult Agreed(string netlist, string name)
    {
        var run = BothEngines.RunText(netlist, name);
        BothEngines.AssertAgree(run);
        return run.Ours[^1];
    }
}
