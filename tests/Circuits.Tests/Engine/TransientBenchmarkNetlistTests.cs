using Hwsim.Circuits.Benchmarks;
using Hwsim.Circuits.Netlist;
using Hwsim.Circuits.Reference;
using Hwsim.Circuits.Tests.Reference;

namespace Hwsim.Circuits.Tests.Engine;

/// <summary>The transient benchmark circuits (shortened) run in both engines and agree, point by point.</summary>
public class TransientBenchmarkNetlistTests
{
    [NgspiceFact]
    public void When_RingOscillatorInBothEngines_Expect_EveryWaveformToAgree()
    {
        var ours = AssertSameAsNgspice(TransientBenchmarkNetlists.RingOscillator(5), "ring5.cir");
        // It oscillates: the first stage's output crosses mid-supply many times in 40 ns.
        var v = ours["v(o1)"].Real;
        var crossings = Enumerable.Range(1, v.Length - 1).Count(i => (v[i - 1] - 1.65) * (v[i] - 1.65) < 0);
        Assert.InRange(crossings, 20, 200);
    }

    [NgspiceFact]
    public void When_SwitchedCapacitorIntegratorInBothEngines_Expect_EveryWaveformToAgree()
    {
        // The op-amp input is held only by an open switch at the operating point (ill-conditioned, not singular).
        var ours = AssertSameAsNgspice(TransientBenchmarkNetlists.SwitchedCapacitorIntegrator(5), "scint5.cir");
        // The stray-insensitive non-inverting integrator moves Cs/Cf * vin = 25 mV per cycle: 5 cycles, about 125 mV.
        Assert.InRange(ours["v(out)"].Real[^1], 0.11, 0.14);
    }

    [NgspiceFact]
    public void When_StreamingNetworkInBothEngines_Expect_EveryWaveformToAgree()
    {
        var macro = File.ReadAllText(Path.Combine(RepositoryRoot(), "netlists", "demos", "mlp-shapes.macro.cir"));
        AssertSameAsNgspice(TransientBenchmarkNetlists.StreamingNetwork(macro, samples: 2), "mlpstream2.cir");
    }

    private static Results.AnalysisResult AssertSameAsNgspice(string netlist, string name)
    {
        var dir = Directory.CreateTempSubdirectory("hwsim-benchnet").FullName;
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, netlist);
        var reference = new NgspiceRunner().Run(path);
        var ours = NetlistRun.RunAll(NetlistReader.ReadFile(path));
        Assert.Equal(reference.Plots.Count, ours.Count);
        var report = EngineVectors.Compare(reference.Plots[^1], ours[^1]);
        Assert.True(report.Passed, report.Message);
        return ours[^1];
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Simulator.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("the repository root (Simulator.sln) is not above the test binaries");
    }
}
