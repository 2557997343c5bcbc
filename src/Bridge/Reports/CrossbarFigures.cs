using Hwsim.Bridge.Comparison;
using Hwsim.Bridge.Compiler;
using Hwsim.Circuits.Blocks;
using ScottPlot;
using static Hwsim.Bridge.Reports.FigureStyle;

namespace Hwsim.Bridge.Reports;

/// <summary>The programmed conductances of a crossbar as heatmaps beside the weights they stand for.</summary>
internal static class CrossbarFigures
{
    /// <summary>
    /// G+, G− and G+ − G− of one crossbar (outputs as rows, inputs as columns, the bias last), and the weights:
    /// with a reference crossbar (the same layer compiled at the ideal level, exact weights) the weight error of this
    /// one, else the weights it represents.
    /// </summary>
    public static ReportFigure Conductances(ComparisonResult r, CrossbarInfo info, Crossbar? reference, FigureSink sink, string kind)
    {
        var xb = info.Crossbar;
        var (outputs, rows) = (xb.Outputs, xb.Rows);
        var plus = Matrix(outputs, rows, (j, i) => xb.Plus[j, i] * 1e6);
        var minus = Matrix(outputs, rows, (j, i) => xb.Minus[j, i] * 1e6);
        var diff = Matrix(outputs, rows, (j, i) => (xb.Plus[j, i] - xb.Minus[j, i]) * 1e6);
        var useReference = reference is not null && reference.Outputs == outputs && reference.Rows == rows && r.Level != FidelityLevel.Ideal;
        var weights = useReference
            ? Matrix(outputs, rows, (j, i) => xb.EffectiveWeight(j, i) - reference!.EffectiveWeight(j, i))
            : Matrix(outputs, rows, (j, i) => xb.EffectiveWeight(j, i));
        var (wFactor, wSuffix) = useReference ? Scale(weights.Cast<double>()) : (1.0, "");

        // An LSTM crossbar stacks the gates' columns in blocks i, f, g, o; a line between the blocks shows them.
        var lstm = outputs % 4 == 0 && r.Network.Signals
            .Where(s => s.Kind == SignalKind.HiddenState && info.Layer.StartsWith(s.Layer, StringComparison.Ordinal))
            .GroupBy(s => s.Sublayer).Any(g => 4 * g.Count() == outputs);
        var blocks = lstm ? outputs / 4 : 0;
        var tall = outputs > 2 * rows;
        var mp = new Multiplot();
        mp.AddPlots(4);
        mp.Layout = tall ? new ScottPlot.MultiplotLayouts.Grid(1, 4) : new ScottPlot.MultiplotLayouts.Grid(2, 2);
        var window = new ScottPlot.Range(xb.Mapping.Gmin * 1e6, xb.Mapping.Gmax * 1e6);
        var span = (xb.Mapping.Gmax - xb.Mapping.Gmin) * 1e6;
        Map(mp.GetPlot(0), plus, "G+ (\u00b5S)", new ScottPlot.Colormaps.Viridis(), window, xb.HasBias, blocks);
        Map(mp.GetPlot(1), minus, "G\u2212 (\u00b5S)", new ScottPlot.Colormaps.Viridis(), window, xb.HasBias, blocks);
        Map(mp.GetPlot(2), diff, "G+ \u2212 G\u2212 (\u00b5S)", new ScottPlot.Colormaps.Balance(), new ScottPlot.Range(-span, span), xb.HasBias, blocks);
        var wMax = weights.Cast<double>().Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(0).Max() * wFactor;
        if (wMax == 0) wMax = 1e-12;
        Map(mp.GetPlot(3), Matrix(outputs, rows, (j, i) => weights[j, i] * wFactor),
            useReference ? $"represented \u2212 exact weight ({wSuffix}weight units)" : "represented weight (G+ \u2212 G\u2212) / scale",
            new ScottPlot.Colormaps.Balance(), new ScottPlot.Range(-wMax, wMax), xb.HasBias, blocks);

        var levels = xb.Mapping.Levels is { } l ? $", {l} levels" : ", analog";
        var caption = $"Crossbar {xb.Name} of layer {info.Layer}: {outputs} outputs x {xb.Inputs} inputs{(xb.HasBias ? " + bias" : "")}, " +
                      $"window {N(xb.Mapping.Gmin * 1e6)}-{N(xb.Mapping.Gmax * 1e6)} \u00b5S{levels}, {N(xb.Mapping.WeightScale * 1e6)} \u00b5S per unit weight. " +
                      (lstm ? $"Output columns in blocks of {blocks} (lines): gates i, f, g, o. " : "") +
                      (useReference
                          ? "Bottom right: the weight the programmed pair stands for minus the exact weight (the same layer at the ideal level): the quantisation and variation error."
                          : "Bottom right: the weight the programmed pair stands for.");
        var (height, width) = tall
            ? (Math.Clamp(160 + 12 * outputs, 560, 1100), Math.Clamp(4 * (180 + 16 * rows), 1100, 1600))
            : (Math.Clamp(200 + 2 * 14 * outputs, 560, 1400), Math.Clamp(400 + 2 * 16 * rows, 900, 1600));
        return sink.Save(mp, kind, $"Crossbar {info.Layer}: conductances", caption, width, height);
    }

    private static double[,] Matrix(int outputs, int rows, Func<int, int, double> value)
    {
        var m = new double[outputs, rows];
        for (var j = 0; j < outputs; j++)
            for (var i = 0; i < rows; i++)
                m[j, i] = value(j, i);
        return m;
    }

    private static void Map(Plot plt, double[,] values, string title, IColormap map, ScottPlot.Range range, bool bias, int blocks)
    {
        Apply(plt, title, bias ? "input row (last: bias)" : "input row", "output column");
        plt.HideGrid();
        var hm = plt.Add.Heatmap(values);
        hm.Colormap = map;
        hm.ManualRange = range;
        // Row 0 of the intensities is drawn at the top: output 0 is the top row, its centre at y = outputs - 1.
        var (outputs, rows) = (values.GetLength(0), values.GetLength(1));
        hm.Rectangle = new CoordinateRect(-0.5, rows - 0.5, -0.5, outputs - 0.5);
        plt.Axes.SetLimits(-0.5, rows - 0.5, -0.5, outputs - 0.5);
        plt.Axes.Bottom.TickGenerator = IndexTicks(rows, i => i);
        plt.Axes.Left.TickGenerator = IndexTicks(outputs, j => outputs - 1 - j);
        var bar = plt.Add.ColorBar(hm, Edge.Right);
        bar.Width = 14;
        for (var k = 1; blocks > 0 && k < outputs / blocks; k++)
        {
            var line = plt.Add.HorizontalLine(outputs - 0.5 - k * blocks, 1.5f, Colors.Black);
            line.ExcludeFromLegend = true;
        }
    }
}
