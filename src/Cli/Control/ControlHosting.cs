using System.Globalization;
using Hwsim.Circuits;
using Hwsim.Circuits.Control;
using Hwsim.Circuits.Control.Vectors;
using Hwsim.Circuits.Netlist;
using Hwsim.Verification;

namespace Hwsim.Cli.Control;

/// <summary>
/// What <c>hwsim run</c> gives a netlist's <c>.control</c> block: its output streams, rawfiles written with the
/// Verification rawfile writer, PNG plots drawn with ScottPlot, the netlist read again for <c>reset</c>, and no file
/// output at all under <c>--sandbox</c>.
/// </summary>
public static class ControlHosting
{
    public static ControlHost For(FileInfo netlist, ResourceLimits limits, TextWriter stdout, TextWriter stderr) => new()
    {
        Out = stdout,
        Error = stderr,
        Reload = changes => NetlistReader.ReadFile(netlist.FullName, limits, changes),
        WriteRawFile = WriteRaw,
        DrawPlot = Draw,
        FilesAllowed = limits.IncludeFolder is null,
    };

    private static void WriteRaw(string path, IReadOnlyList<RawPlot> plots, bool ascii)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        var writer = new RawFileWriter(stream, ascii ? RawFileFormat.Ascii : RawFileFormat.Binary);
        foreach (var plot in plots)
        {
            var complex = plot.Vectors.Any(v => v.IsComplex);
            var variables = plot.Vectors.Select(v => (RawName(v), TypeName(v))).ToArray();
            writer.BeginPlot(plot.Title, plot.Date, plot.PlotName, complex, variables);
            var points = plot.Vectors.Max(v => v.Length);
            var row = new System.Numerics.Complex[plot.Vectors.Count];
            for (var p = 0; p < points; p++)
            {
                for (var k = 0; k < row.Length; k++)
                {
                    var v = plot.Vectors[k];
                    var j = Math.Min(p, v.Length - 1);
                    row[k] = v[j];
                }
                writer.AddPoint(row);
            }
            writer.EndPlot();
        }
    }

    /// <summary>The name ngspice's <c>write</c> gives a vector: <c>i(v1)</c> for <c>v1#branch</c>, a voltage not named <c>v(...)</c> wrapped in <c>v()</c>.</summary>
    private static string RawName(Vector v)
    {
        var name = PlotConversion.ResultName(v.Name);
        return v.Type == VectorType.Voltage && !name.StartsWith("v(", StringComparison.Ordinal) ? $"v({name})" : name;
    }

    private static string TypeName(Vector v) => v.Type.Name();

    /// <summary>Draws the series against their scale (log10 axes drawn as decades) and saves the PNG.</summary>
    private static void Draw(PlotRequest request)
    {
        var plt = new ScottPlot.Plot();
        plt.Font.Set("DejaVu Sans");
        foreach (var s in request.Series)
        {
            var x = request.LogX ? s.X.Select(Log).ToArray() : s.X;
            var y = request.LogY ? s.Y.Select(Log).ToArray() : s.Y;
            var line = plt.Add.ScatterLine(x, y);
            line.LegendText = s.Name;
        }
        if (request.Series.Count > 1) plt.ShowLegend();
        if (request.LogX) plt.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = Decade };
        if (request.LogY) plt.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = Decade };
        plt.Title(request.Title);
        plt.XLabel(request.XLabel);
        plt.SavePng(request.Path, 800, 500);
    }

    private static double Log(double v) => v > 0 ? Math.Log10(v) : double.NaN;

    private static string Decade(double exponent) => Math.Pow(10, exponent).ToString("G3", CultureInfo.InvariantCulture);
}
