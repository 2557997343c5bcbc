using Hwsim.Bridge.Comparison;
using Hwsim.Bridge.Compiler;
using Hwsim.Bridge.Demos;
using Hwsim.Circuits.Blocks;

namespace Hwsim.Bridge.Reports;

/// <summary>The figures of one result, the figures that could not be drawn (with the reason) and remarks on what was left out, for the page.</summary>
public sealed record ResultFigures(ComparisonResult Result, DemoView View, IReadOnlyList<ReportFigure> Figures, IReadOnlyList<string> Problems,
    IReadOnlyList<string> Remarks);

/// <summary>
/// Draws the figures of <c>hwsim compare</c> into <c>DIR/plots/DEMO.LEVEL.KIND.png</c>: for every result
/// <c>scatter</c>, <c>histogram</c> and <c>signals</c>; for sequence models <c>waveform</c> and <c>gates</c> (one per
/// LSTM layer: <c>gates</c>, <c>gates-2</c>, ...); for the image demos <c>images</c> (a transform) or <c>classes</c>
/// (a classifier) and <c>representation</c> (first-layer receptive fields, every layer's activations); and <c>crossbar-LAYER</c> per crossbar (once per demo: at its non-ideal level when there is one).
/// Results are drawn in parallel; a figure that fails is reported, not fatal.
/// </summary>
public static class ComparisonFigures
{
    public static IReadOnlyList<ResultFigures> Write(IReadOnlyList<ComparisonResult> results, string directory)
    {
        var all = new ResultFigures[results.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) };
        Parallel.For(0, results.Count, options, i => all[i] = ForResult(results[i], results, directory));
        return all;
    }

    /// <summary>Every figure of one result; <paramref name="all"/> supplies the ideal-level crossbars as exact weights.</summary>
    public static ResultFigures ForResult(ComparisonResult r, IReadOnlyList<ComparisonResult> all, string directory)
    {
        var sink = new FigureSink(directory, CompareOutputs.Stem(r));
        sink.DeleteOld();
        var figures = new List<ReportFigure>();
        var problems = new List<string>();
        var remarks = new List<string>();
        void Draw(string kind, Func<ReportFigure?> draw)
        {
            try
            {
                if (draw() is { } f) figures.Add(f);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                problems.Add($"figure {kind} could not be drawn: {e.GetType().Name}: {e.Message}");
            }
        }

        var demo = BridgeDemos.Find(r.Demo);
        var view = r.Network.IsSequenceModel ? DemoView.Waveforms : demo?.View == DemoView.Images ? DemoView.Images : DemoView.Samples;
        if (r.Software.Points == 0)
        {
            problems.Add("no points were compared: no figures");
            return new ResultFigures(r, view, figures, problems, remarks);
        }

        Draw("scatter", () => ErrorFigures.Scatter(r, sink));
        Draw("histogram", () => ErrorFigures.Histogram(r, sink));
        Draw("signals", () => ErrorFigures.SignalBars(r, sink));
        if (view == DemoView.Waveforms)
        {
            Draw("waveform", () => WaveformFigures.Outputs(r, sink));
            var layers = r.Network.Signals.Where(s => s.Kind == SignalKind.HiddenState).Select(s => (s.Layer, s.Sublayer)).Distinct().ToList();
            for (var k = 0; k < layers.Count; k++)
            {
                var kind = k == 0 ? "gates" : $"gates-{k + 1}";
                var (layer, sub) = layers[k];
                Draw(kind, () => WaveformFigures.Gates(r, sink, layer, sub, kind));
            }
        }
        if (view == DemoView.Images && demo is not null)
        {
            var inputs = ImageInputs(r, demo, problems);
            // A result with accuracy as its metric is a classifier (decisions and logits), else an image transform.
            if (inputs is not null && r.Metric == TaskMetric.Accuracy)
                Draw("classes", () => ImageFigures.Classes(r, sink, inputs, demo.Settings.Image.Height, demo.Settings.Image.Width));
            else if (inputs is not null)
                Draw("images", () => ImageFigures.Transform(r, sink, inputs, demo.Settings.Image.Height, demo.Settings.Image.Width));
            if (inputs is not null)
                Draw("representation", () => RepresentationFigure.Draw(r, sink, inputs, demo.Settings.Image.Height, demo.Settings.Image.Width));
        }
        if (r.Timing is not null)
        {
            Draw("device-waveform", () => DeviceFigures.Waveform(r, sink));
            Draw("period-sweep", () => DeviceFigures.PeriodSweep(r, sink));
        }
        CrossbarMaps(r, all, sink, Draw, remarks);
        return new ResultFigures(r, view, figures, problems, remarks);
    }

    /// <summary>
    /// A conductance map per crossbar. The ideal level's maps differ from the other levels' only by quantisation, which
    /// the other levels show as their weight error against the ideal crossbar; so the ideal level draws them only
    /// when it is the demo's only level in the run.
    /// </summary>
    private static void CrossbarMaps(ComparisonResult r, IReadOnlyList<ComparisonResult> all, FigureSink sink,
        Action<string, Func<ReportFigure?>> draw, List<string> remarks)
    {
        static bool Drawable(Crossbar xb) => xb.Outputs >= 2 && xb.Outputs * xb.Rows >= 12;
        var other = all.FirstOrDefault(x => x.Demo == r.Demo && x.Level != FidelityLevel.Ideal);
        if (r.Level == FidelityLevel.Ideal && other is not null && r.Network.Crossbars.Any(x => Drawable(x.Crossbar)))
        {
            remarks.Add($"crossbar conductance maps: at the {other.Level.Name()} level, beside the weight error against these exact conductances");
            return;
        }
        var ideal = r.Level == FidelityLevel.Ideal ? null : all.FirstOrDefault(x => x.Demo == r.Demo && x.Level == FidelityLevel.Ideal);
        var used = new HashSet<string>();
        foreach (var info in r.Network.Crossbars)
        {
            if (!Drawable(info.Crossbar))
            {
                var xb = info.Crossbar;
                remarks.Add($"crossbar {xb.Name} ({xb.Outputs} output column{(xb.Outputs == 1 ? "" : "s")}, {xb.Rows} rows) is too small for a map: its conductances are in the netlist");
                continue;
            }
            var kind = "crossbar-" + SafeFileName.Of(info.Layer, "layer");
            for (var n = 2; !used.Add(kind); n++) kind = $"crossbar-{SafeFileName.Of(info.Layer, "layer")}-{n}";
            var reference = ideal?.Network.Crossbars.FirstOrDefault(x => x.Layer == info.Layer && x.Instance == info.Instance)?.Crossbar;
            draw(kind, () => CrossbarFigures.Conductances(r, info, reference, sink, kind));
        }
    }

    /// <summary>The input images of an image demo: the rows the comparison ran, checked against the demo's image size.</summary>
    private static IReadOnlyList<double[]>? ImageInputs(ComparisonResult r, BridgeDemo demo, List<string> problems)
    {
        var (height, width) = demo.Settings.Image;
        var inputs = r.Inputs;
        if (height * width > 0 && inputs.Count == r.Software.Points && inputs.All(row => row.Length == height * width))
            return inputs;
        problems.Add($"image panels left out: the inputs ({inputs.Count} rows of {inputs.FirstOrDefault()?.Length ?? 0}) are not {r.Software.Points} images of {height}x{width}");
        return null;
    }
}
