using Hwsim.Circuits.Results;

namespace Hwsim.Circuits.Netlist;

/// <summary>Runs every analysis of a parsed netlist on one engine (set-up once), in netlist order.</summary>
public static class NetlistRun
{
    public static IReadOnlyList<AnalysisResult> RunAll(ParsedNetlist netlist, Action<AnalysisResult>? onResult = null)
    {
        var engine = netlist.CreateEngine();
        var results = new List<AnalysisResult>();
        foreach (var analysis in netlist.Analyses)
        {
            var r = analysis.Run(engine);
            results.Add(r);
            onResult?.Invoke(r);
        }
        return results;
    }
}
