using System.Globalization;
using Hwsim.Circuits.Blocks;

namespace Hwsim.Bridge.Reports;

/// <summary>A block's transfer curve(s) beside its ideal function (<c>hwsim block NAME --plot</c>), as PNG or SVG.</summary>
public static class BlockPlot
{
    /// <summary>
    /// Plots circuit (solid, with markers) and ideal (dashed) against the input, and for one-input blocks the error on
    /// a right-hand axis; a two-input block gets one circuit curve per value of its second input. SVG when <paramref name="path"/> ends in .svg, else PNG (800 x 500),
    /// written to a temporary file first and renamed, so no half-written file is left behind.
    /// </summary>
    public static void Save(string path, BlockSweep sweep)
    {
        var plt = new ScottPlot.Plot();
        plt.Font.Set(PlotFont());
        var palette = new ScottPlot.Palettes.Category10();
        var groups = sweep.Input2 is null
            ? new[] { (Label: "", Rows: Enumerable.Range(0, sweep.Points).ToArray()) }
            : Enumerable.Range(0, sweep.Points).GroupBy(i => Math.Round(sweep.Input2[i], 9))
                .Select(g => (Label: $" ({Short(sweep.Block.Input2Label!)} = {F(g.Key)})", Rows: g.ToArray())).ToArray();
        for (var k = 0; k < groups.Length; k++)
        {
            var (label, rows) = groups[k];
            var order = rows.OrderBy(i => sweep.Input[i]).ToArray();
            var xs = order.Select(i => sweep.Input[i]).ToArray();
            var color = palette.GetColor(k);
            var ideal = plt.Add.ScatterLine(xs, order.Select(i => sweep.Ideal[i]).ToArray());
            ideal.LinePattern = ScottPlot.LinePattern.Dashed;
            ideal.LineWidth = 2;
            ideal.Color = ScottPlot.Colors.Black.WithAlpha(0.5);
            // one legend entry for the ideal curves of a family
            if (k == 0) ideal.LegendText = $"ideal: {sweep.Block.IdealLabel}";
            var circuit = plt.Add.Scatter(xs, order.Select(i => sweep.Circuit[i]).ToArray());
            circuit.LegendText = $"circuit{label}";
            circuit.Color = color;
            circuit.MarkerSize = 4;
            if (sweep.Input2 is null)
            {
                // the error is usually too small to see beside the curves: draw it on its own axis
                var error = plt.Add.ScatterLine(xs, order.Select(i => sweep.Circuit[i] - sweep.Ideal[i]).ToArray());
                error.LegendText = "error: circuit - ideal (right axis)";
                error.Color = palette.GetColor(3);
                error.LinePattern = ScottPlot.LinePattern.Dotted;
                error.Axes.YAxis = plt.Axes.Right;
                plt.Axes.Right.Label.Text = "error (output units)";
            }
        }
        plt.Title($"{sweep.Block.Name} ({sweep.Level.Name()}): max error {F(sweep.MaxError)}, RMS {F(sweep.RmsError)}");
        plt.XLabel(sweep.Block.InputLabel);
        plt.YLabel(sweep.Block.OutputLabel);
        if (groups.Length > 1) plt.ShowLegend(ScottPlot.Edge.Right);
        else plt.ShowLegend(ScottPlot.Alignment.UpperLeft);

        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var svg = full.EndsWith(".svg", StringComparison.OrdinalIgnoreCase);
        var tmp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileNameWithoutExtension(full)}.{Guid.NewGuid():N}.tmp{(svg ? ".svg" : ".png")}");
        try
        {
            if (svg) plt.SaveSvg(tmp, 800, 500);
            else plt.SavePng(tmp, 800, 500);
            File.Move(tmp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(tmp)) File.Delete(tmp);
        }
    }

    private static string Short(string label) => label.Split(" (")[0];

    private static string F(double x) => x.ToString("G3", CultureInfo.InvariantCulture);

    private static string PlotFont()
    {
        // DejaVu Sans is on Debian; when it is missing, let ScottPlot pick a font it can find.
        string[] dirs = ["/usr/share/fonts", "/usr/local/share/fonts", Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".fonts")];
        bool found = dirs.Where(Directory.Exists).Any(d => Directory.EnumerateFiles(d, "DejaVuSans.ttf", SearchOption.AllDirectories).Any());
        return found ? "DejaVu Sans" : ScottPlot.Fonts.Default;
    }
}
