using Hwsim.Circuits.Results;

namespace Hwsim.Verification;

/// <summary>
/// Puts ngspice's plots back into netlist order. ngspice 39 runs (and writes) the analyses grouped by type in a
/// fixed order, AC, DC, operating point, transient, and within one type in reverse netlist order (it prepends
/// each analysis line to its type's job list). Knowing the netlist's analysis lines undoes both.
/// </summary>
internal static class PlotOrder
{
    /// <summary>The analysis lines of a netlist (<c>.op</c>, <c>.dc</c>, <c>.ac</c>, <c>.tran</c>), in order.</summary>
    /// <remarks>The title line, <c>.control</c> blocks and everything after <c>.end</c> are skipped; included files are not read.</remarks>
    public static IReadOnlyList<AnalysisKind> Scan(string netlist)
    {
        var kinds = new List<AnalysisKind>();
        var inControl = false;
        foreach (var raw in netlist.Split('\n').Skip(1))
        {
            var line = raw.Trim().ToLowerInvariant();
            var token = line.Split([' ', '\t'], 2)[0];
            if (inControl)
            {
                inControl = token != ".endc";
                continue;
            }

            switch (token)
            {
                case ".control":
                    inControl = true;
                    break;
                case ".end":
                    return kinds;
                case ".op":
                    kinds.Add(AnalysisKind.OperatingPoint);
                    break;
                case ".dc":
                    kinds.Add(AnalysisKind.DcSweep);
                    break;
                case ".ac":
                    kinds.Add(AnalysisKind.Ac);
                    break;
                case ".tran":
                    kinds.Add(AnalysisKind.Transient);
                    break;
                case ".noise":
                    kinds.Add(AnalysisKind.Noise);
                    kinds.Add(AnalysisKind.NoiseIntegrated);
                    break;
            }
        }

        return kinds;
    }

    /// <summary>
    /// The plots in netlist order, or null when the netlist's analysis lines do not match the plots one to one
    /// (analyses in included files, unknown plot types); the caller then keeps the rawfile order.
    /// </summary>
    public static IReadOnlyList<NgspicePlot>? ToNetlistOrder(IReadOnlyList<NgspicePlot> plots, IReadOnlyList<AnalysisKind> netlist)
    {
        if (plots.Count != netlist.Count || plots.Any(p => p.Analysis is null))
        {
            return null;
        }

        var queues = plots.GroupBy(p => p.Analysis!.Value)
            .ToDictionary(g => g.Key, g => new Stack<NgspicePlot>(g)); // a stack pops the last-written first
        var ordered = new List<NgspicePlot>(plots.Count);
        foreach (var kind in netlist)
        {
            if (!queues.TryGetValue(kind, out var stack) || stack.Count == 0)
            {
                return null;
            }

            ordered.Add(stack.Pop());
        }

        return ordered;
    }
}
