using Hwsim.Circuits.Results;

namespace Hwsim.Circuits.Netlist;

/// <summary>Runs every analysis of a parsed netlist on one engine (set-up once), in netlist order.</summary>
public static class NetlistRun
{
    /// <summary>
    /// Runs the analyses; a <see cref="CircuitException"/> about a device, model or node comes out located at the
    /// netlist line that defined it.
    /// </summary>
    public static IReadOnlyList<AnalysisResult> RunAll(ParsedNetlist netlist, Action<AnalysisResult>? onResult = null)
    {
        try
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
        catch (CircuitException e) when (e.Location is null && netlist.LocationOf(e.Subject) is { } location)
        {
            throw e.At(location);
        }
    }
}
