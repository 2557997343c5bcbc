using Hwsim.Circuits.Netlist;

namespace Hwsim.Circuits.Control;

/// <summary>One plot of a <c>write</c> command: its vectors, the scale first when it has one.</summary>
public sealed record RawPlot(string Title, string PlotName, DateTime Date, IReadOnlyList<Vectors.Vector> Vectors);

/// <summary>A series of a <c>plot</c> command: a vector against its scale.</summary>
public sealed record PlotSeries(string Name, double[] X, double[] Y);

/// <summary>What a <c>plot</c> or <c>gnuplot</c> command asks for: a PNG at <see cref="Path"/>.</summary>
public sealed record PlotRequest(string Path, string Title, string XLabel, IReadOnlyList<PlotSeries> Series, bool LogX, bool LogY);

/// <summary>
/// What a control session needs from the program running it: where it prints, how it writes rawfiles and plot
/// images (the engine library writes neither format itself), how it re-reads the netlist for <c>reset</c> after
/// <c>alterparam</c>, and whether the netlist may write files at all (not under <c>--sandbox</c>).
/// </summary>
public sealed class ControlHost
{
    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    /// <summary>Re-reads the netlist with top-level <c>.param</c> values (and <c>subckt.param</c> defaults) replaced; null when it cannot.</summary>
    public Func<IReadOnlyDictionary<string, double>, ParsedNetlist>? Reload { get; init; }

    /// <summary>Writes plots to an ngspice rawfile: path, plots, ascii.</summary>
    public Action<string, IReadOnlyList<RawPlot>, bool>? WriteRawFile { get; init; }

    /// <summary>Draws a PNG; null when the program cannot draw.</summary>
    public Action<PlotRequest>? DrawPlot { get; init; }

    /// <summary>False when the netlist must not write files (<c>write</c>, <c>wrdata</c>, <c>print &gt; file</c>, plots).</summary>
    public bool FilesAllowed { get; init; } = true;

    /// <summary>The folder relative paths of written files resolve against (ngspice: the working directory).</summary>
    public string Folder { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>The date written on plots and tables.</summary>
    public DateTime Date { get; init; } = DateTime.Now;
}
