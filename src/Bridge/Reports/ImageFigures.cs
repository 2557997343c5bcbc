using Hwsim.Bridge.Comparison;
using Hwsim.Nn.Data;
using ScottPlot;
using static Hwsim.Bridge.Reports.FigureStyle;

namespace Hwsim.Bridge.Reports;

/// <summary>Image panels for the image demos: an image transform (input, output both ways, difference) and a classifier (inputs, decisions, logits).</summary>
internal static class ImageFigures
{
    /// <summary>Rows of the transform panels (samples) and images of the classifier panels.</summary>
    public const int TransformSamples = 3;
    public const int ClassSamples = 6;

    /// <summary>
    /// For an image transform (conv-sobel): per sample the input, then per output channel the software image, the
    /// circuit image and their difference. Samples: the one with the largest error and the first others.
    /// </summary>
    public static ReportFigure? Transform(ComparisonResult r, FigureSink sink, IReadOnlyList<double[]> inputs, int height, int width)
    {
        var outputs = r.Software.OutputNames.Count;
        if (OutputShape(outputs, height, width) is not var (channels, oh, ow)) return null;
        var points = r.Software.Points;
        var worst = Enumerable.Range(0, points).OrderByDescending(p => MaxError(r, p)).First();
        var samples = new[] { worst }.Concat(Enumerable.Range(0, points).Where(p => p != worst)).Take(TransformSamples).OrderBy(p => p).ToList();

        var inputRange = RangeOf(samples.SelectMany(p => inputs[p]));
        var outRange = Enumerable.Range(0, channels).Select(c => Symmetric(samples.SelectMany(p => Channel(r.Software.Outputs[p], c, oh, ow)))).ToArray();
        var diffRange = Enumerable.Range(0, channels).Select(c => Symmetric(samples.SelectMany(p => Difference(r, p, c, oh, ow)))).ToArray();
        var columns = 1 + 3 * channels;
        var mp = new Multiplot();
        mp.AddPlots(samples.Count * columns);
        mp.Layout = new ScottPlot.MultiplotLayouts.Grid(samples.Count, columns);
        var vs = r.Network.Profile.SignalVoltsPerUnit;
        for (var row = 0; row < samples.Count; row++)
        {
            var p = samples[row];
            var top = row == 0;
            var sample = p == worst && points > 1 ? $"sample {p} (largest error)" : $"sample {p}";
            Panel(mp.GetPlot(row * columns), Image(inputs[p], height, width), new ScottPlot.Colormaps.Grayscale(), inputRange,
                top ? $"input\n{sample}" : sample, "pixel");
            for (var c = 0; c < channels; c++)
            {
                var name = ChannelName(r.Demo, c, channels);
                var x0 = row * columns + 1 + 3 * c;
                Panel(mp.GetPlot(x0), Image(Channel(r.Software.Outputs[p], c, oh, ow).ToArray(), oh, ow), new ScottPlot.Colormaps.Balance(), outRange[c],
                    top ? $"software {name}" : null, "units");
                Panel(mp.GetPlot(x0 + 1), Image(Channel(r.Circuit.Outputs[p], c, oh, ow).ToArray(), oh, ow), new ScottPlot.Colormaps.Balance(), outRange[c],
                    top ? $"circuit {name}" : null, "units");
                var (factor, suffix) = Scale(new[] { diffRange[c].Max });
                Panel(mp.GetPlot(x0 + 2), Image(Difference(r, p, c, oh, ow).Select(d => d * factor).ToArray(), oh, ow), new ScottPlot.Colormaps.Balance(),
                    new ScottPlot.Range(diffRange[c].Min * factor, diffRange[c].Max * factor),
                    top ? $"circuit \u2212 software\n{name}" : null, $"{suffix}units".Replace(", ", " "));
            }
        }
        var caption = $"Samples {string.Join(", ", samples)} of {points} (sample {worst} has the largest error, max |error| {N(r.OutputMaxAbsError)} = " +
                      $"{Volts.Of(r.OutputMaxAbsError, vs)}). Each image has its colour bar: input in grey; outputs on a blue-white-red scale symmetric " +
                      $"about 0 (\u00b1{string.Join(", \u00b1", outRange.Select(x => N(x.Max)))} network units per channel), shared by software and circuit; " +
                      $"differences on their own scale. One network unit is {N(vs)} V.";
        return sink.Save(mp, "images", "Input and output images", caption, 215 * columns, 40 + 215 * samples.Count);
    }

    /// <summary>
    /// For a classifier on images (mlp-shapes): a few input images, each with the target and the software and circuit
    /// decisions, and below it the logits as bars both ways. Disagreements come first, then software mistakes.
    /// </summary>
    public static ReportFigure Classes(ComparisonResult r, FigureSink sink, IReadOnlyList<double[]> inputs, int height, int width)
    {
        var points = r.Software.Points;
        var classes = r.Software.OutputNames.Count;
        var names = ClassNames(r.Demo, classes);
        int Sw(int p) => TaskMetrics.Decision(r.Software.Outputs[p]);
        int Ck(int p) => TaskMetrics.Decision(r.Circuit.Outputs[p]);
        int? Tg(int p) => r.Targets is { } t && p < t.Count && t[p].Length == classes ? TaskMetrics.Decision(t[p]) : null;
        var disagree = Enumerable.Range(0, points).Where(p => Sw(p) != Ck(p)).ToList();
        var wrong = Enumerable.Range(0, points).Where(p => Tg(p) is { } t && t != Sw(p) && !disagree.Contains(p)).ToList();
        // Every disagreement (up to the panel count), then up to half the panels of software mistakes, then the first samples.
        var samples = disagree.Take(ClassSamples).ToList();
        samples.AddRange(wrong.Take(Math.Max(0, ClassSamples / 2 - samples.Count)));
        samples.AddRange(Enumerable.Range(0, points).Where(p => !samples.Contains(p)).Take(ClassSamples - samples.Count));
        samples.Sort();

        var mp = new Multiplot();
        mp.AddPlots(2 * samples.Count);
        mp.Layout = new ScottPlot.MultiplotLayouts.Grid(2, samples.Count);
        var logits = samples.SelectMany(p => r.Software.Outputs[p].Concat(r.Circuit.Outputs[p])).ToList();
        var (lo, hi) = Limits(logits.Append(0));
        hi += 0.4 * (hi - lo); // headroom for the legend
        var inputRange = RangeOf(samples.SelectMany(p => inputs[p]));
        for (var i = 0; i < samples.Count; i++)
        {
            var p = samples[i];
            var img = mp.GetPlot(i);
            var target = Tg(p) is { } t ? $"target {names[t]}" : "";
            Apply(img, $"#{p} {target}\nsoftware {names[Sw(p)]}, circuit {names[Ck(p)]}");
            img.Axes.Title.Label.FontSize = 12;
            HideAxes(img);
            Panel(img, Image(inputs[p], height, width), new ScottPlot.Colormaps.Grayscale(), inputRange, null, "pixel");

            var bars = mp.GetPlot(samples.Count + i);
            Apply(bars, null, null, i == 0 ? Label("logit") : null);
            var list = new List<Bar>();
            for (var c = 0; c < classes; c++)
            {
                list.Add(new Bar { Position = c - 0.2, Value = Clean(r.Software.Outputs[p][c]), Size = 0.38, FillColor = Software, LineWidth = 0 });
                list.Add(new Bar { Position = c + 0.2, Value = Clean(r.Circuit.Outputs[p][c]), Size = 0.38, FillColor = Circuit, LineWidth = 0 });
            }
            bars.Add.Bars(list);
            bars.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                Enumerable.Range(0, classes).Select(c => (double)c).ToArray(), names.ToArray());
            bars.Axes.Bottom.TickLabelStyle.FontSize = 11;
            bars.Axes.SetLimits(-0.6, classes - 0.4, lo, hi);
            if (i == 0)
                bars.ShowLegend(new[] { new LegendItem { LabelText = "software", FillColor = Software }, new LegendItem { LabelText = "circuit", FillColor = Circuit } },
                    Alignment.UpperCenter).Orientation = Orientation.Horizontal;
        }
        var agree = points - disagree.Count;
        var caption = $"Samples {string.Join(", ", samples)} of {points}: decisions agree on {agree} of {points}" +
                      $"{(disagree.Count > 0 ? $" (disagreements shown first: {string.Join(", ", disagree.Take(ClassSamples))})" : "")}" +
                      $"{(wrong.Count > 0 ? $"; the software misclassifies {wrong.Count + disagree.Count(p => Tg(p) is { } t && t != Sw(p))} samples (some shown)" : "")}. " +
                      "Below each image its logits, software in blue and circuit in orange.";
        return sink.Save(mp, "classes", "Inputs, decisions and logits", caption, Math.Max(240 * samples.Count, 600), 620);
    }

    /// <summary>Output channels and image size: the largest (H-d) x (W-d) that divides the output count.</summary>
    internal static (int Channels, int Height, int Width)? OutputShape(int outputs, int height, int width)
    {
        for (var d = 0; d < Math.Min(height, width); d++)
        {
            var size = (height - d) * (width - d);
            if (size > 0 && outputs % size == 0) return (outputs / size, height - d, width - d);
        }
        return null;
    }

    private static string ChannelName(string demo, int c, int channels) =>
        demo == "conv-sobel" && channels == 2 ? (c == 0 ? "Sobel x" : "Sobel y") : $"channel {c}";

    private static IReadOnlyList<string> ClassNames(string demo, int classes) =>
        demo == "mlp-shapes" && classes == ShapeImages.ClassNames.Count
            ? ShapeImages.ClassNames
            : Enumerable.Range(0, classes).Select(c => $"class {c}").ToList();

    private static double MaxError(ComparisonResult r, int p)
    {
        var m = 0.0;
        for (var k = 0; k < r.Software.Outputs[p].Length; k++)
        {
            var d = Math.Abs(r.Circuit.Outputs[p][k] - r.Software.Outputs[p][k]);
            m = double.IsNaN(d) ? double.PositiveInfinity : Math.Max(m, d);
        }
        return m;
    }

    private static IEnumerable<double> Channel(double[] row, int c, int h, int w) => row.Skip(c * h * w).Take(h * w);

    private static IEnumerable<double> Difference(ComparisonResult r, int p, int c, int h, int w) =>
        Channel(r.Circuit.Outputs[p], c, h, w).Zip(Channel(r.Software.Outputs[p], c, h, w), (a, b) => a - b);

    /// <summary>Row-major values as an image: row 0 is the top row.</summary>
    private static double[,] Image(IReadOnlyList<double> values, int h, int w)
    {
        var img = new double[h, w];
        for (var y = 0; y < h; y++)
            for (var x = 0; x < w; x++)
                img[y, x] = y * w + x < values.Count ? values[y * w + x] : double.NaN;
        return img;
    }

    /// <summary>An image in its own plot, square, without axes, with its colour bar (labelled with the unit) on the right.</summary>
    internal static void Panel(Plot plt, double[,] image, IColormap map, ScottPlot.Range range, string? title, string unit)
    {
        if (title is not null)
        {
            Apply(plt, title);
            plt.Axes.Title.Label.FontSize = 12;
        }
        else Apply(plt);
        HideAxes(plt);
        var hm = plt.Add.Heatmap(image);
        hm.Colormap = map;
        hm.ManualRange = range;
        hm.Rectangle = new CoordinateRect(0, 1, 0, 1);
        var bar = plt.Add.ColorBar(hm, Edge.Right);
        bar.Width = 10;
        bar.Label = unit;
        bar.LabelStyle.FontSize = 10;
        bar.Axis.TickLabelStyle.FontSize = 10;
        plt.Axes.SetLimits(-0.04, 1.04, -0.04, 1.04);
        plt.Axes.SquareUnits();
    }

    private static ScottPlot.Range RangeOf(IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).ToList();
        if (finite.Count == 0) return new ScottPlot.Range(0, 1);
        var (lo, hi) = (finite.Min(), finite.Max());
        return hi > lo ? new ScottPlot.Range(lo, hi) : new ScottPlot.Range(lo - 0.5, hi + 0.5);
    }

    private static ScottPlot.Range Symmetric(IEnumerable<double> values)
    {
        var m = values.Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(0).Max();
        if (m == 0) m = 1e-12;
        return new ScottPlot.Range(-m, m);
    }

    private static double Clean(double v) => double.IsFinite(v) ? v : 0;
}
