namespace Hwsim.Circuits.Reference;

/// <summary>Everything one ngspice run produced.</summary>
/// <param name="Plots">
/// One plot per analysis, in rawfile order. ngspice 39 does not write them in netlist order: it runs the analyses
/// grouped by type in its own fixed order, AC, DC, operating point, transient (netlist order within one type).
/// Look plots up by kind with <see cref="Plot"/> and <see cref="PlotsOf"/>.
/// </param>
/// <param name="Elapsed">Wall time of the ngspice process, from start to exit (rawfile parsing excluded).</param>
/// <param name="Log">ngspice's standard output followed by its standard error.</param>
public sealed record NgspiceResults(IReadOnlyList<NgspicePlot> Plots, TimeSpan Elapsed, string Log)
{
    /// <summary>The first plot of the given kind.</summary>
    /// <exception cref="InvalidOperationException">No plot of that kind; the message lists the plots present.</exception>
    public NgspicePlot Plot(AnalysisKind kind) =>
        Plots.FirstOrDefault(p => p.Analysis == kind)
        ?? throw new InvalidOperationException(
            $"ngspice wrote no {kind} plot; plots present: {string.Join(", ", Plots.Select(p => p.Name))}.");

    /// <summary>All plots of the given kind, in the order ngspice wrote them.</summary>
    public IReadOnlyList<NgspicePlot> PlotsOf(AnalysisKind kind) => Plots.Where(p => p.Analysis == kind).ToArray();
}
