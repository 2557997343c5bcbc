using Hwsim.Circuits.Results;

namespace Hwsim.Verification;

/// <summary>Everything one ngspice run produced.</summary>
/// <param name="Plots">
/// One plot per analysis, in netlist order when <paramref name="InNetlistOrder"/> is true, else in rawfile order.
/// ngspice 39 does not write plots in netlist order: it runs the analyses grouped by type in a fixed order, AC, DC,
/// operating point, transient, and within one type in reverse netlist order. The runner undoes that when the
/// netlist's analysis lines match the plots one to one (not when analyses hide in included files).
/// Look plots up by kind with <see cref="Plot"/> and <see cref="PlotsOf"/>.
/// </param>
/// <param name="Elapsed">Wall time of the ngspice process, from start to exit (rawfile parsing excluded).</param>
/// <param name="Log">ngspice's standard output followed by its standard error.</param>
/// <param name="InNetlistOrder">True when <paramref name="Plots"/> follow the netlist's analysis lines.</param>
public sealed record NgspiceResults(IReadOnlyList<NgspicePlot> Plots, TimeSpan Elapsed, string Log, bool InNetlistOrder = false)
{
    /// <summary>The first plot of the given kind.</summary>
    /// <exception cref="InvalidOperationException">No plot of that kind; the message lists the plots present.</exception>
    public NgspicePlot Plot(AnalysisKind kind) =>
        Plots.FirstOrDefault(p => p.Analysis == kind)
        ?? throw new InvalidOperationException(
            $"ngspice wrote no {kind} plot; plots present: {string.Join(", ", Plots.Select(p => p.Name))}.");

    /// <summary>All plots of the given kind, in the order of <see cref="Plots"/>.</summary>
    public IReadOnlyList<NgspicePlot> PlotsOf(AnalysisKind kind) => Plots.Where(p => p.Analysis == kind).ToArray();
}
