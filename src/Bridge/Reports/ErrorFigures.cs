using System.Text.RegularExpressions;
using Hwsim.Bridge.Comparison;
using ScottPlot;
using static Hwsim.Bridge.Reports.FigureStyle;

namespace Hwsim.Bridge.Reports;

/// <summary>
/// The figures every result gets: circuit against software (with the error beside it), the histogram of output
/// errors, and the error of every signal as bars.
/// </summary>
internal static partial class ErrorFigures
{
    /// <summary>Above this many signals the bars show signal families (or the worst signals) instead of each one.</summary>
    public const int MaxBars = 40;

    /// <summary>Scatter of circuit against software output over the compared points, with y = x; beside it the error against the software value.</summary>
    public static ReportFigure Scatter(ComparisonResult r, FigureSink sink)
    {
        var (sw, ck) = ComparedOutputs(r);
        var names = r.Software.OutputNames;
        var mp = new Multiplot();
        mp.AddPlots(2);
        mp.Layout = new ScottPlot.MultiplotLayouts.Grid(1, 2);
        var left = mp.GetPlot(0);
        var right = mp.GetPlot(1);
        Apply(left, $"circuit against software: max |error| {N(r.OutputMaxAbsError)}, RMS {N(r.OutputRmsError)}",
            Label("software output"), Label("circuit output"));
        var errors = sw.Select((s, k) => s.Zip(ck[k], (a, b) => b - a).ToArray()).ToArray();
        var (factor, suffix) = Scale(errors.SelectMany(e => e));
        Apply(right, "error against software output", Label("software output"), Label("circuit \u2212 software", suffix));

        var all = sw.SelectMany(v => v).Concat(ck.SelectMany(v => v)).ToList();
        if (!all.Any(double.IsFinite))
        {
            Empty(left, "no finite outputs");
            Empty(right, "no finite outputs");
            return sink.Save(mp, "scatter", "Circuit against software", "No finite output values to plot.", 1300, 540);
        }
        var (lo, hi) = Limits(all);
        var diagonal = left.Add.Line(lo, lo, hi, hi);
        diagonal.LineColor = Guide;
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.LegendText = "y = x";
        var zero = right.Add.HorizontalLine(0, 1, Guide, LinePattern.Dashed);
        zero.ExcludeFromLegend = true;

        var perOutput = sw.Length <= 8;
        var points = sw.Sum(s => s.Length);
        var size = points > 2000 ? 3f : 6f;
        for (var k = 0; k < sw.Length; k++)
        {
            var color = perOutput ? Series(k) : Circuit;
            var (x, y) = Finite(sw[k], ck[k]);
            var s = left.Add.ScatterPoints(x, y, color);
            s.MarkerSize = size;
            if (perOutput) s.LegendText = names[k];
            else if (k == 0) s.LegendText = $"{sw.Length} outputs x {sw[0].Length} points";
            var (ex, ey) = Finite(sw[k], errors[k].Select(e => e * factor).ToArray());
            var e = right.Add.ScatterPoints(ex, ey, color);
            e.MarkerSize = size;
        }
        left.Axes.SetLimits(lo, hi, lo, hi);
        left.ShowLegend(Edge.Bottom);
        left.Legend.Orientation = Orientation.Horizontal;
        VoltAxis(right, r.Network.Profile.SignalVoltsPerUnit, factor);
        var caption = $"Every output of every compared point ({sw.Length} output{(sw.Length == 1 ? "" : "s")} x {sw.FirstOrDefault()?.Length ?? 0} points" +
                      $"{(r.FromPoint > 0 ? $", from step {r.FromPoint}" : "")}): left the circuit's value against the software's (on y = x when they agree), " +
                      "right the difference, which shows errors far below the output range.";
        return sink.Save(mp, "scatter", "Circuit against software", caption, 1300, 540);
    }

    /// <summary>Histogram of the output errors (circuit − software) over the compared points.</summary>
    public static ReportFigure Histogram(ComparisonResult r, FigureSink sink)
    {
        var (sw, ck) = ComparedOutputs(r);
        var errors = sw.SelectMany((s, k) => s.Zip(ck[k], (a, b) => b - a)).Where(double.IsFinite).ToArray();
        var (factor, suffix) = Scale(errors);
        var plt = NewPlot(null, Label("circuit \u2212 software output", suffix), "count");
        if (errors.Length == 0)
        {
            plt.Title("output error histogram", 15);
            Empty(plt, "no finite output errors");
            return sink.Save(plt, "histogram", "Output error histogram", "No finite output errors.", 800, 500);
        }
        var scaled = errors.Select(e => e * factor).ToArray();
        var mean = errors.Average();
        var std = Math.Sqrt(errors.Sum(e => (e - mean) * (e - mean)) / errors.Length);
        plt.Title($"output error: mean {N(mean)}, std {N(std)}, {errors.Length} values", 15);
        var (lo, hi) = (scaled.Min(), scaled.Max());
        if (hi - lo <= Math.Max(Math.Abs(hi), 1e-300) * 1e-12) (lo, hi) = Limits(scaled, 0);
        var bins = Math.Clamp((int)Math.Ceiling(Math.Sqrt(errors.Length)), 8, 60);
        var width = (hi - lo) / bins;
        var counts = new int[bins];
        foreach (var e in scaled) counts[Math.Clamp((int)((e - lo) / width), 0, bins - 1)]++;
        var bars = counts.Select((c, i) => new Bar
        {
            Position = lo + (i + 0.5) * width,
            Value = c,
            Size = width * 0.95,
            FillColor = Circuit,
            LineWidth = 0,
        }).ToArray();
        plt.Add.Bars(bars);
        var zero = plt.Add.VerticalLine(0, 1, Guide, LinePattern.Dashed);
        zero.ExcludeFromLegend = true;
        plt.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plt.Axes.SetLimits(Math.Min(lo, 0) - width, Math.Max(hi, 0) + width, 0, counts.Max() * 1.12);
        var caption = $"Distribution of circuit \u2212 software over every output of every compared point, in {bins} bins (dashed line: zero error; " +
                      $"{N(r.Network.Profile.SignalVoltsPerUnit)} V per network unit). " +
                      "A narrow peak at zero is agreement; an offset is a systematic error (gain, offset, quantisation bias).";
        return sink.Save(plt, "histogram", "Output error histogram", caption, 800, 500);
    }

    /// <summary>
    /// Max |error| of each signal as horizontal bars (RMS as dots), coloured by layer, on a log axis when the errors
    /// span decades. Many signals are shown as families (<c>lstm.l0.f</c> for all <c>lstm.l0.f[k]</c>) or, when
    /// they form too few families, as the worst <see cref="MaxBars"/> signals.
    /// </summary>
    public static ReportFigure SignalBars(ComparisonResult r, FigureSink sink)
    {
        var (rows, note) = BarRows(r.Signals);
        var layers = r.Signals.Select(s => s.Layer).Distinct().ToList();
        var positives = rows.SelectMany(x => new[] { x.Max, x.Rms }).Where(v => v > 0 && double.IsFinite(v)).ToList();
        var log = positives.Count > 0 && positives.Max() / positives.Min() > 100;
        var floor = log ? Math.Floor(Math.Log10(positives.Min())) : 0;
        double Value(double v) => !log ? (double.IsFinite(v) ? v : 0) : v > 0 && double.IsFinite(v) ? Math.Log10(v) : floor;
        var (factor, suffix) = log ? (1.0, "") : Scale(rows.Select(x => x.Max));

        var plt = NewPlot($"error per signal: max |circuit \u2212 software| (bars), RMS (dots){note}",
            Label(log ? "|error|, log scale" : "|error|", suffix), null);
        var n = rows.Count;
        var top = rows.Count == 0 ? 1 : rows.Max(x => Math.Max(Value(x.Max), Value(x.Rms))) * factor;
        var right = top <= floor ? floor + 1 : top + 0.05 * (top - floor);
        // A signal whose error is not finite (the circuit gave NaN) is a red bar across the whole axis.
        var bars = rows.Select((x, i) => new Bar
        {
            Position = n - 1 - i,
            ValueBase = floor,
            Value = double.IsFinite(x.Max) ? Math.Max(Value(x.Max) * factor, floor) : right,
            Size = 0.7,
            FillColor = double.IsFinite(x.Max) ? Series(layers.IndexOf(x.Layer) % 10) : Error.WithAlpha(0.5),
            LineWidth = 0,
            Orientation = Orientation.Horizontal,
        }).ToList();
        var barPlot = plt.Add.Bars(bars);
        barPlot.Horizontal = true;
        var dots = plt.Add.ScatterPoints(rows.Select(x => Math.Max(Value(x.Rms) * factor, floor)).ToArray(),
            rows.Select((_, i) => (double)(n - 1 - i)).ToArray(), Colors.Black);
        dots.MarkerSize = 6;

        plt.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            rows.Select((_, i) => (double)(n - 1 - i)).ToArray(), rows.Select(x => x.Label).ToArray());
        if (log) LogTicks(plt.Axes.Bottom);
        plt.Axes.SetLimits(floor, right, -0.7, n - 0.3);
        var legend = layers.Select((l, i) => new LegendItem { LabelText = l, FillColor = Series(i % 10) }).ToList();
        legend.Add(new LegendItem { LabelText = "RMS", MarkerShape = MarkerShape.FilledCircle, MarkerFillColor = Colors.Black, MarkerSize = 6 });
        if (rows.Any(x => !double.IsFinite(x.Max))) legend.Add(new LegendItem { LabelText = "not finite", FillColor = Error.WithAlpha(0.5) });
        plt.Legend.ManualItems.AddRange(legend);
        plt.ShowLegend(Edge.Right);
        var height = Math.Clamp(160 + 22 * n, 320, 1100);
        var caption = $"Largest and RMS difference of each signal over all {r.Circuit.Points} points{note}" +
                      $"{(log ? "; log scale, zero errors sit at the left edge" : "")}. The table below lists every signal.";
        return sink.Save(plt, "signals", "Error per signal", caption, 900, height);
    }

    internal sealed record BarRow(string Label, string Layer, double Max, double Rms);

    /// <summary>The bars: every signal, else signal families, else the worst signals; with a note on what was done.</summary>
    internal static (List<BarRow> Rows, string Note) BarRows(IReadOnlyList<SignalError> signals)
    {
        if (signals.Count <= MaxBars)
            return (signals.Select(s => new BarRow(s.Signal, s.Layer, s.MaxAbsError, s.RmsError)).ToList(), "");
        var families = signals.GroupBy(s => Family(s.Signal)).ToList();
        if (families.Count >= 4 && families.Count <= MaxBars)
        {
            var rows = families.Select(g => new BarRow($"{g.Key} ({g.Count()})", g.First().Layer,
                g.Max(s => s.MaxAbsError), Math.Sqrt(g.Average(s => s.RmsError * s.RmsError)))).ToList();
            return (rows, $"; {signals.Count} signals in {families.Count} families");
        }
        var worst = signals.OrderByDescending(s => double.IsNaN(s.MaxAbsError) ? double.PositiveInfinity : s.MaxAbsError).Take(MaxBars)
            .Select(s => new BarRow(s.Signal, s.Layer, s.MaxAbsError, s.RmsError)).ToList();
        return (worst, $"; worst {MaxBars} of {signals.Count} signals");
    }

    /// <summary>A signal's family: its name without the index, <c>lstm.l0.f[3]</c> is <c>lstm.l0.f</c>.</summary>
    internal static string Family(string signal) => IndexSuffix().Replace(signal, "");

    [GeneratedRegex(@"\[\d+\]$")]
    private static partial Regex IndexSuffix();

    /// <summary>Software and circuit outputs over the compared points (from <see cref="ComparisonResult.FromPoint"/>), as [output][point].</summary>
    internal static (double[][] Software, double[][] Circuit) ComparedOutputs(ComparisonResult r)
    {
        var outputs = r.Software.OutputNames.Count;
        var from = Math.Min(r.FromPoint, r.Software.Points);
        var sw = new double[outputs][];
        var ck = new double[outputs][];
        for (var k = 0; k < outputs; k++)
        {
            sw[k] = r.Software.Outputs.Skip(from).Select(row => row[k]).ToArray();
            ck[k] = r.Circuit.Outputs.Skip(from).Select(row => row[k]).ToArray();
        }
        return (sw, ck);
    }
}
