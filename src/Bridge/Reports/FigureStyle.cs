using System.Globalization;
using ScottPlot;

namespace Hwsim.Bridge.Reports;

/// <summary>
/// The one look of the comparison figures: font, colours (software blue, circuit orange, target grey, error red),
/// plot sizes, number formats and the power-of-ten scaling of error axes, so every figure reads the same way.
/// </summary>
internal static class FigureStyle
{
    public static readonly Color Software = Color.FromHex("#1f77b4");
    public static readonly Color Circuit = Color.FromHex("#ff7f0e");
    public static readonly Color Target = Color.FromHex("#7f7f7f");
    public static readonly Color Error = Color.FromHex("#d62728");
    public static readonly Color Guide = Color.FromHex("#444444");

    /// <summary>Values and errors are in the network's own units (volts divided by the signal scale for circuits).</summary>
    public const string Units = "network units";

    private static readonly ScottPlot.Palettes.Category10 Palette = new();

    /// <summary>The k-th colour of the series palette (outputs, units, layers).</summary>
    public static Color Series(int k) => Palette.GetColor(k);

    private static readonly Lazy<string> FontName = new(() =>
    {
        // DejaVu Sans is on Debian; when it is missing, let ScottPlot pick a font it can find.
        string[] dirs = ["/usr/share/fonts", "/usr/local/share/fonts", Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".fonts")];
        var found = dirs.Where(Directory.Exists).Any(d => Directory.EnumerateFiles(d, "DejaVuSans.ttf", SearchOption.AllDirectories).Any());
        return found ? "DejaVu Sans" : Fonts.Default;
    });

    /// <summary>A plot in the house style, with its title and axis labels.</summary>
    public static Plot NewPlot(string? title = null, string? xLabel = null, string? yLabel = null)
    {
        var plt = new Plot();
        Apply(plt, title, xLabel, yLabel);
        return plt;
    }

    /// <summary>Puts a plot (e.g. a subplot of a multiplot) in the house style.</summary>
    public static void Apply(Plot plt, string? title = null, string? xLabel = null, string? yLabel = null)
    {
        plt.Font.Set(FontName.Value);
        if (title is not null) plt.Title(title, 15);
        if (xLabel is not null) plt.XLabel(xLabel, 13);
        if (yLabel is not null) plt.YLabel(yLabel, 13);
    }

    /// <summary>A number for titles and labels: 3 significant digits, invariant culture, <c>4.4e-16</c>.</summary>
    public static string N(double x) => double.IsFinite(x) ? x.ToString("G3", CultureInfo.InvariantCulture).Replace("E", "e") : x.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A power of ten (a multiple of 3) that brings values to a readable size on an axis, and the text that says so:
    /// errors of 1e-16 are drawn as 1 with "x1e-15" in the label instead of as ticks ScottPlot cannot space.
    /// </summary>
    public static (double Factor, string Suffix) Scale(IEnumerable<double> values)
    {
        var max = 0.0;
        foreach (var v in values) if (double.IsFinite(v)) max = Math.Max(max, Math.Abs(v));
        if (max == 0) return (1, "");
        var e = (int)Math.Floor(Math.Log10(max));
        if (e >= -2 && e <= 3) return (1, "");
        var e3 = (int)Math.Floor(e / 3.0) * 3;
        return (Math.Pow(10, -e3), $"\u00d71e{e3}, ");
    }

    /// <summary>An axis label with its unit and scale: <c>circuit − software (×1e-3, network units)</c>.</summary>
    public static string Label(string what, string suffix = "") => $"{what} ({suffix}{Units})";

    /// <summary>
    /// A right-hand axis in volts mirroring the left one (network units times <paramref name="voltsPerUnit"/>, divided
    /// by <paramref name="factor"/> when the left axis was scaled by a power of ten), with an SI prefix chosen for its
    /// range: every value plot then reads in both units. Call it after the left limits are final; without set limits
    /// the left axis is fitted to the data first.
    /// </summary>
    public static void VoltAxis(Plot plt, double voltsPerUnit, double factor = 1, bool fitFirst = true)
    {
        if (fitFirst) plt.Axes.AutoScaleY();
        var limits = plt.Axes.GetLimits();
        var (lo, hi) = (limits.Bottom * voltsPerUnit / factor, limits.Top * voltsPerUnit / factor);
        if (!double.IsFinite(lo) || !double.IsFinite(hi) || hi <= lo) return;
        var max = Math.Max(Math.Abs(lo), Math.Abs(hi));
        var (scale, prefix) = max >= 1 ? (1.0, "") : max >= 1e-3 ? (1e-3, "m") : max >= 1e-6 ? (1e-6, "\u00b5") : max >= 1e-9 ? (1e-9, "n")
            : max >= 1e-12 ? (1e-12, "p") : max >= 1e-15 ? (1e-15, "f") : (1e-18, "a");
        plt.Axes.SetLimitsY(lo / scale, hi / scale, plt.Axes.Right);
        plt.Axes.Right.Label.Text = $"{prefix}V (at {N(voltsPerUnit)} V per unit)";
        plt.Axes.Right.Label.FontSize = 12;
        plt.Axes.Right.Label.Bold = false;
    }

    /// <summary>Axis limits that work for any data: finite, never a zero span, a small margin.</summary>
    public static (double Lo, double Hi) Limits(IEnumerable<double> values, double margin = 0.05)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (var v in values)
        {
            if (!double.IsFinite(v)) continue;
            lo = Math.Min(lo, v);
            hi = Math.Max(hi, v);
        }
        if (lo > hi) return (-1, 1);
        var span = hi - lo;
        if (span <= Math.Max(Math.Abs(hi), Math.Abs(lo)) * 1e-12 || span == 0)
        {
            var pad = Math.Max(Math.Abs(hi), 1e-12) * 0.5;
            return (lo - pad, hi + pad);
        }
        return (lo - margin * span, hi + margin * span);
    }

    /// <summary>Log-scale ticks on an axis whose data are log10 values: majors at decades labelled 1eK, log minors.</summary>
    public static void LogTicks(IAxis axis)
    {
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = v => $"1e{v.ToString("0", CultureInfo.InvariantCulture)}",
        };
    }

    /// <summary>No axes, ticks or grid (for image panels), but the title stays.</summary>
    public static void HideAxes(Plot plt)
    {
        foreach (var axis in plt.Axes.GetAxes()) axis.IsVisible = false;
        plt.HideGrid();
    }

    /// <summary>
    /// Ticks for the rows or columns of a matrix drawn with cell k centred at <paramref name="position"/>(k): at most
    /// about ten labels, at a step of 1, 2, 5, 10, ... cells.
    /// </summary>
    public static ScottPlot.TickGenerators.NumericManual IndexTicks(int count, Func<int, double> position)
    {
        var step = 1;
        foreach (var s in new[] { 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000 })
        {
            step = s;
            if (count / s <= 10) break;
        }
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var k = 0; k < count; k += step) ticks.AddMajor(position(k), k.ToString(CultureInfo.InvariantCulture));
        return ticks;
    }

    /// <summary>A note in the middle of an empty plot (no data, or no finite data).</summary>
    public static void Empty(Plot plt, string text, double x = 0, bool keepX = false)
    {
        var t = plt.Add.Text(text, x, 0);
        t.Alignment = Alignment.MiddleCenter;
        t.LabelFontSize = 14;
        if (keepX) plt.Axes.SetLimitsY(-1, 1);
        else plt.Axes.SetLimits(-1, 1, -1, 1);
    }

    /// <summary>Pairs (x, y) where both are finite: NaN or infinite values are left out of a trace, not drawn.</summary>
    public static (double[] X, double[] Y) Finite(IReadOnlyList<double> xs, IReadOnlyList<double> ys)
    {
        var x = new List<double>(xs.Count);
        var y = new List<double>(ys.Count);
        for (var i = 0; i < Math.Min(xs.Count, ys.Count); i++)
        {
            if (!double.IsFinite(xs[i]) || !double.IsFinite(ys[i])) continue;
            x.Add(xs[i]);
            y.Add(ys[i]);
        }
        return (x.ToArray(), y.ToArray());
    }
}
