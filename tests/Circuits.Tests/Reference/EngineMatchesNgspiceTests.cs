using Hwsim.Circuits.Netlist;
using Hwsim.Verification;
using Hwsim.TestSupport;

namespace Hwsim.Circuits.Tests.Reference;

/// <summary>
/// The engine's proof: every netlist of netlists/engine runs in ngspice and in our engine, and every vector ngspice
/// writes is compared. Operating points, sweeps and AC to 1e-6 relative (+1 nV / 1 pA); transients to 1e-3 of each
/// vector's peak-to-peak after interpolating onto ngspice's time points. Our engine follows ngspice's time-step
/// control, so the switching netlists meet the same tolerance (measured: ~1e-11 of peak-to-peak).
/// </summary>
public class EngineMatchesNgspiceTests
{
    public static TheoryData<string> Netlists()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(RepoPaths.EngineNetlists, "*.cir").Order()) data.Add(Path.GetFileName(f));
        return data;
    }

    [NgspiceTheory]
    [MemberData(nameof(Netlists))]
    public void When_NetlistRunInBothEngines_Expect_EveryVectorToAgree(string file)
    {
        BothEngines.AssertAgree(Path.Combine(RepoPaths.EngineNetlists, file));
    }

    [NgspiceFact]
    public void When_ParsedNetlistWrittenBack_Expect_NgspiceGivesTheSameResults()
    {
        // Writing a parsed circuit back out gives a netlist that ngspice runs with the same results.
        foreach (var file in new[] { "subckt_params.cir", "diode_rectifier.cir", "transformer.cir", "source_waveforms.cir" })
        {
            var path = Path.Combine(RepoPaths.EngineNetlists, file);
            var parsed = NetlistReader.ReadFile(path);
            var written = NetlistWriter.Write(parsed);
            var original = new NgspiceRunner().Run(path);
            var rewritten = new NgspiceRunner().RunText(written, RepoPaths.EngineNetlists);
            Assert.Equal(original.Plots.Count, rewritten.Plots.Count);
            for (var i = 0; i < original.Plots.Count; i++)
            {
                var report = ResultComparer.Compare(original.Plots[i], rewritten.Plots[i]);
                Assert.True(report.Passed, $"{file} written back:\n{written}\n{report.Message}");
            }
        }
    }
}
