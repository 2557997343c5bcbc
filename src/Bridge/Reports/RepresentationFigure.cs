using Hwsim.Bridge.Comparison;
using Hwsim.Circuits.Blocks;
using ScottPlot;
using static Hwsim.Bridge.Reports.FigureStyle;

namespace Hwsim.Bridge.Reports;

/// <summary>
/// The deep representation of an image demo, as the inspector page shows it: every first-layer unit's weights (as
/// programmed: the weight its conductance pair stands for) drawn as an image of its receptive field, and, for one
/// input (the sample with the largest output error), every layer's values, software above circuit.
/// </summary>
internal static class RepresentationFigure
{
    /// <summary>Receptive fields per row of the figure.</summary>
    public const int PerRow = 8;

    public static ReportFigure? Draw(ComparisonResult r, FigureSink sink, IReadOnlyList<double[]> inputs, int height, int width)
    {
        var first = r.Network.Crossbars.FirstOrDefault();
        if (first is null) return null;
        var xb = first.Crossbar;
        var side = (int)Math.Round(Math.Sqrt(xb.Inputs));
        var (fh, fw) = xb.Inputs == height * width ? (height, width) : side * side == xb.Inputs ? (side, side) : (0, 0);
        if (fh == 0) return null;

        var layers = r.Network.Signals.Select((s, i) => (s, i)).GroupBy(x => x.s.Layer).Select(g => (Layer: g.Key, Columns: g.Select(x => x.i).ToList())).ToList();
        var perRow = Math.Min(PerRow, xb.Outputs);
        var fieldRows = (xb.Outputs + perRow - 1) / perRow;
        var columns = Math.Max(perRow, 1 + layers.Count);
        var mp = new Multiplot();
        mp.AddPlots((fieldRows + 1) * columns);
        mp.Layout = new ScottPlot.MultiplotLayouts.Grid(fieldRows + 1, columns);
        var wMax = Enumerable.Range(0, xb.Outputs).SelectMany(j => Enumerable.Range(0, xb.Inputs).Select(i => Math.Abs(xb.EffectiveWeight(j, i)))).Where(double.IsFinite).DefaultIfEmpty(1e-12).Max();
        for (var j = 0; j < fieldRows * columns; j++)
        {
            var plt = mp.GetPlot(j / columns * columns + j % columns);
            var unit = j / columns * perRow + j % columns;
            if (j % columns >= perRow || unit >= xb.Outputs)
            {
                HideAxes(plt);
                continue;
            }
            var field = new double[fh, fw];
            for (var y = 0; y < fh; y++)
                for (var x = 0; x < fw; x++)
                    field[y, x] = xb.EffectiveWeight(unit, y * fw + x);
            ImageFigures.Panel(plt, field, new ScottPlot.Colormaps.Balance(), new ScottPlot.Range(-wMax, wMax), $"{first.Layer} unit {unit}", "weight");
        }

        var worst = Enumerable.Range(0, r.Software.Points).OrderByDescending(p => r.Software.Outputs[p].Zip(r.Circuit.Outputs[p], (a, b) => Math.Abs(a - b)).DefaultIfEmpty(0).Max()).First();
        var row = fieldRows * columns;
        var input = new double[height, width];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                input[y, x] = inputs[worst][y * width + x];
        var lo = inputs[worst].Where(double.IsFinite).DefaultIfEmpty(0).Min();
        var hi = inputs[worst].Where(double.IsFinite).DefaultIfEmpty(1).Max();
        ImageFigures.Panel(mp.GetPlot(row), input, new ScottPlot.Colormaps.Grayscale(), new ScottPlot.Range(lo, hi > lo ? hi : lo + 1), $"input: sample {worst}", "pixel");
        for (var k = 0; k < layers.Count && k + 1 < columns; k++)
        {
            var (layer, cols) = layers[k];
            var values = new double[2, cols.Count];
            for (var c = 0; c < cols.Count; c++)
            {
                values[0, c] = r.Software.Values[worst][cols[c]];
                values[1, c] = r.Circuit.Values[worst][cols[c]];
            }
            var m = values.Cast<double>().Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(1e-12).Max();
            var plt = mp.GetPlot(row + 1 + k);
            Apply(plt, $"{layer} ({cols.Count})\nsoftware over circuit");
            plt.Axes.Title.Label.FontSize = 12;
            HideAxes(plt);
            var hm = plt.Add.Heatmap(values);
            hm.Colormap = new ScottPlot.Colormaps.Balance();
            hm.ManualRange = new ScottPlot.Range(-m, m);
            hm.Rectangle = new CoordinateRect(0, 1, 0, 0.5);
            var bar = plt.Add.ColorBar(hm, Edge.Right);
            bar.Width = 10;
            bar.Label = "units";
            bar.LabelStyle.FontSize = 10;
            bar.Axis.TickLabelStyle.FontSize = 10;
            var split = plt.Add.Line(0, 0.25, 1, 0.25);
            split.LineColor = Colors.Black;
            split.LineWidth = 1.5f;
            plt.Axes.SetLimits(-0.04, 1.04, -0.3, 0.8);
        }
        for (var k = row + 1 + layers.Count; k < (fieldRows + 1) * columns; k++) HideAxes(mp.GetPlot(k));
        var caption = $"Top: what each unit of {first.Layer} looks for, its {xb.Inputs} programmed weights ((G+ \u2212 G\u2212) / scale at the {r.Level.Name()} level) " +
                      $"drawn as a {fh}x{fw} image (red: a bright pixel there raises the unit, blue lowers it). Bottom: sample {worst} (the largest output error) " +
                      "and every layer's values for it, the software row above the circuit row, in network units. The inspector page shows the same for any sample.";
        return sink.Save(mp, "representation", "The deep representation", caption, Math.Max(200 * columns, 560), 190 * (fieldRows + 1) + 20);
    }
}
