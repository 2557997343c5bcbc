using System.Globalization;
using Hwsim.Bridge.Comparison;
using Hwsim.Bridge.MonteCarlo;
using Hwsim.Circuits.Blocks;
using ScottPlot;
using static Hwsim.Bridge.Reports.FigureStyle;

namespace Hwsim.Bridge.Reports;

/// <summary>
/// The figures of a Monte Carlo study, one per case and level (<c>plots/montecarlo.DEMO.LEVEL.png</c>): without a
/// sweep, the distribution of the task metric over the samples against software (or, for a case without a task
/// metric, of the output RMS error); with a sweep, the metric against the swept option, median and p5-p95 band, with
/// the software line.
/// </summary>
internal static class MonteCarloFigures
{
    /// <summary>The quantity plotted for a case: its task metric, or the output RMS error against software.</summary>
    private static (string Name, Func<MonteCarloRow, double?> Of, bool IsMetric) Quantity(MonteCarloRow first) =>
        first.Metric == TaskMetric.None
            ? ("output RMS error against software (network units)", r => r.OutputRmsError, false)
            : ($"circuit {first.Metric.Name()}", r => r.CircuitMetric, true);

    public static ReportFigure Draw(IReadOnlyList<MonteCarloRow> rows, MonteCarloManifest manifest, string directory)
    {
        var first = rows[0];
        var sink = new FigureSink(directory, $"montecarlo.{SafeFileName.Of(first.Demo)}.{first.Level.Name()}");
        return manifest.SweepColumn is null ? Distribution(rows, sink) : Sweep(rows, manifest, sink);
    }

    private static ReportFigure Distribution(IReadOnlyList<MonteCarloRow> rows, FigureSink sink)
    {
        var first = rows[0];
        var (name, of, isMetric) = Quantity(first);
        var values = rows.Select(of).Where(v => v is { } x && double.IsFinite(x)).Select(v => v!.Value).ToArray();
        var plt = NewPlot($"{first.Demo} at the {first.Level.Name()} level: {rows.Count} samples", name, "samples");
        if (values.Length == 0)
        {
            Empty(plt, "no finite values");
            return sink.Save(plt, "distribution", "Distribution over the samples", "No finite values to plot.", 900, 520);
        }
        var (lo, hi) = (values.Min(), values.Max());
        var bins = Math.Clamp((int)Math.Ceiling(Math.Sqrt(values.Length)), 5, 40);
        var same = hi - lo <= Math.Max(Math.Abs(hi), 1e-300) * 1e-12;
        if (same)
        {
            // every sample alike (e.g. every circuit classifies all test points right): one bar in the middle of a
            // narrow axis around the value, not an axis stretched around it to values no sample can have
            var half = Math.Max(Math.Abs(hi), 1e-3) * 0.02;
            (lo, hi, bins) = (hi - half, hi + half, 9);
        }
        var width = (hi - lo) / bins;
        var counts = new int[bins];
        foreach (var v in values) counts[Math.Clamp((int)((v - lo) / width), 0, bins - 1)]++;
        var bars = counts.Select((c, i) => new Bar { Position = lo + (i + 0.5) * width, Value = c, Size = width * 0.95, FillColor = Circuit, LineWidth = 0 }).ToArray();
        plt.Add.Bars(bars);
        var p05 = MonteCarloSummary.Percentile(values, 0.05)!.Value;
        var p50 = MonteCarloSummary.Percentile(values, 0.50)!.Value;
        var p95 = MonteCarloSummary.Percentile(values, 0.95)!.Value;
        foreach (var (x, label) in new[] { (p05, "p5"), (p50, "median"), (p95, "p95") })
        {
            var line = plt.Add.VerticalLine(x, 1.5f, Guide, label == "median" ? LinePattern.Solid : LinePattern.Dashed);
            line.LegendText = $"{label} {N(x)}";
        }
        var xs = new List<double> { lo - width, hi + width };
        if (isMetric && first.SoftwareMetric is { } sw)
        {
            var line = plt.Add.VerticalLine(sw, 3, Software);
            line.LegendText = $"software {N(sw)}";
            xs.Add(sw - width);
            xs.Add(sw + width);
        }
        plt.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plt.Axes.SetLimits(xs.Min(), xs.Max(), 0, counts.Max() * 1.15);
        plt.ShowLegend(Edge.Bottom);
        plt.Legend.Orientation = Orientation.Horizontal;
        var caption = (same ? $"Every sample's circuit has the same {name}, {N(values[0])}" : $"The {name} of each sample's circuit, in {bins} bins,")
            + " with its 5th, 50th and 95th percentiles"
            + (isMetric ? " and the software network's value (blue)" : " (zero would be the software network itself)") + ".";
        return sink.Save(plt, "distribution", "Distribution over the samples", caption, 900, 520);
    }

    private static ReportFigure Sweep(IReadOnlyList<MonteCarloRow> rows, MonteCarloManifest manifest, FigureSink sink)
    {
        var first = rows[0];
        var (name, of, isMetric) = Quantity(first);
        var column = manifest.SweepColumn!;
        var values = manifest.SweepValues;
        var numeric = values.All(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        double X(int i) => numeric ? double.Parse(values[i], CultureInfo.InvariantCulture) : i;
        var xs = new List<double>();
        var lo = new List<double>();
        var mid = new List<double>();
        var hi = new List<double>();
        for (var i = 0; i < values.Count; i++)
        {
            var at = rows.Where(r => r.SweepValue == values[i]).Select(of).Where(v => v is { } x && double.IsFinite(x)).Select(v => v!.Value).ToArray();
            if (at.Length == 0) continue;
            xs.Add(X(i));
            lo.Add(MonteCarloSummary.Percentile(at, 0.05)!.Value);
            mid.Add(MonteCarloSummary.Percentile(at, 0.50)!.Value);
            hi.Add(MonteCarloSummary.Percentile(at, 0.95)!.Value);
        }
        var plt = NewPlot($"{first.Demo} at the {first.Level.Name()} level against --{column.Replace('_', '-')}", column.Replace('_', ' '), name);
        if (xs.Count == 0)
        {
            Empty(plt, "no finite values");
            return sink.Save(plt, "sweep", "Against the swept option", "No finite values to plot.", 900, 520);
        }
        var band = plt.Add.FillY(xs.ToArray(), lo.ToArray(), hi.ToArray());
        band.FillColor = Circuit.WithAlpha(0.25);
        band.LineColor = Colors.Transparent;
        band.LegendText = "circuit p5 - p95";
        var median = plt.Add.ScatterLine(xs.ToArray(), mid.ToArray(), Circuit);
        median.LineWidth = 2;
        median.MarkerSize = 7;
        median.LegendText = "circuit median";
        var ys = lo.Concat(hi).ToList();
        if (isMetric && first.SoftwareMetric is { } sw)
        {
            var line = plt.Add.HorizontalLine(sw, 2, Software, LinePattern.Dashed);
            line.LegendText = $"software {N(sw)}";
            ys.Add(sw);
        }
        if (!numeric)
        {
            var ticks = new ScottPlot.TickGenerators.NumericManual();
            for (var i = 0; i < values.Count; i++) ticks.AddMajor(i, values[i]);
            plt.Axes.Bottom.TickGenerator = ticks;
        }
        var (xlo, xhi) = Limits(xs);
        var (ylo, yhi) = Limits(ys, 0.1);
        plt.Axes.SetLimits(xlo, xhi, ylo, yhi);
        plt.ShowLegend(Edge.Bottom);
        plt.Legend.Orientation = Orientation.Horizontal;
        var caption = $"The {name} of the samples' circuits at each value of --{column.Replace('_', '-')}: median (line) and the band from the 5th to "
            + "the 95th percentile" + (isMetric ? ", against the software network (dashed)" : "") + ". Every value meets the same devices (the same seeds), so the "
            + "curve shows the option's effect, not a new draw.";
        return sink.Save(plt, "sweep", "Against the swept option", caption, 900, 520);
    }
}
