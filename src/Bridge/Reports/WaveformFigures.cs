using Hwsim.Bridge.Comparison;
using Hwsim.Bridge.Compiler;
using ScottPlot;
using static Hwsim.Bridge.Reports.FigureStyle;

namespace Hwsim.Bridge.Reports;

/// <summary>Waveforms over the time steps of a sequence model: the outputs, and the gates and states of an LSTM layer.</summary>
internal static class WaveformFigures
{
    /// <summary>How many units of an LSTM layer the gate figure shows (those with the largest errors).</summary>
    public const int Units = 3;

    /// <summary>The outputs over the steps, software and circuit (and the target when known); below, their difference.</summary>
    public static ReportFigure Outputs(ComparisonResult r, FigureSink sink)
    {
        var steps = r.Software.Points;
        var xs = Enumerable.Range(0, steps).Select(t => (double)t).ToArray();
        var names = r.Software.OutputNames;
        var mp = new Multiplot();
        mp.AddPlots(2);
        mp.Layout = new ScottPlot.MultiplotLayouts.Grid(2, 1);
        var top = mp.GetPlot(0);
        var bottom = mp.GetPlot(1);
        Apply(top, $"outputs over time: max |error| {N(r.OutputMaxAbsError)}, RMS {N(r.OutputRmsError)}", "time step", Label("output"));
        var errors = Enumerable.Range(0, names.Count)
            .Select(k => Enumerable.Range(0, steps).Select(t => r.Circuit.Outputs[t][k] - r.Software.Outputs[t][k]).ToArray()).ToArray();
        var (factor, suffix) = Scale(errors.SelectMany(e => e));
        Apply(bottom, "output error over time", "time step", Label("circuit \u2212 software", suffix));

        var targets = r.Targets is { } tg && tg.Count == steps && tg.All(row => row.Length == names.Count) ? tg : null;
        var several = names.Count > 1;
        for (var k = 0; k < names.Count; k++)
        {
            var label = several ? $"{names[k]} " : "";
            if (targets is not null)
            {
                var (tx, ty) = Finite(xs, targets.Select(row => row[k]).ToArray());
                var t = top.Add.ScatterPoints(tx, ty, Target);
                t.MarkerSize = 5;
                t.LegendText = $"{label}target";
            }
            var (sx, sy) = Finite(xs, r.Software.Outputs.Select(row => row[k]).ToArray());
            SoftwareTrace(top.Add.ScatterLine(sx, sy, several ? Series(k) : Software), steps).LegendText = $"{label}software";
            var (cx, cy) = Finite(xs, r.Circuit.Outputs.Select(row => row[k]).ToArray());
            CircuitTrace(top.Add.ScatterLine(cx, cy, several ? Series(k) : Circuit), steps).LegendText = $"{label}circuit";
            var (ex, ey) = Finite(xs, errors[k].Select(e => e * factor).ToArray());
            var e = bottom.Add.ScatterLine(ex, ey, several ? Series(k) : Error);
            e.MarkerSize = steps == 1 ? 5 : 0;
            e.LegendText = names[k];
        }
        foreach (var plt in new[] { top, bottom })
        {
            if (r.FromPoint > 0)
            {
                var from = plt.Add.VerticalLine(r.FromPoint, 1, Guide, LinePattern.Dotted);
                from.ExcludeFromLegend = true;
            }
            plt.Axes.SetLimitsX(-0.5, Math.Max(steps - 0.5, 0.5));
            plt.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        }
        if (!r.Circuit.Outputs.SelectMany(row => row).Any(double.IsFinite))
            Empty(bottom, "the circuit's outputs are not finite (NaN)", (steps - 1) / 2.0, keepX: true);
        // Legends below the axes, never over the data; a right-hand axis gives every value in volts too.
        top.ShowLegend(Edge.Bottom);
        top.Legend.Orientation = Orientation.Horizontal;
        if (several) { bottom.ShowLegend(Edge.Bottom); bottom.Legend.Orientation = Orientation.Horizontal; }
        else bottom.HideLegend();
        var vs = r.Network.Profile.SignalVoltsPerUnit;
        VoltAxis(top, vs);
        VoltAxis(bottom, vs, factor);
        var caption = "The network outputs at every time step: software as a wide pale line, circuit as a thin line with dots on it" +
                      $"{(targets is not null ? ", targets as grey dots" : "")}; below, circuit \u2212 software." +
                      (r.FromPoint > 0 ? $" The metrics count from step {r.FromPoint} (dotted line); earlier steps warm the state up." : "");
        return sink.Save(mp, "waveform", "Outputs over time", caption, 1200, 800);
    }

    /// <summary>
    /// Gates i, f, g, o and states c, h of one LSTM layer over the steps, for the <see cref="Units"/> units with the
    /// largest errors: software solid, circuit dashed on the left, circuit − software on the right.
    /// </summary>
    public static ReportFigure? Gates(ComparisonResult r, FigureSink sink, string layer, int sublayer, string kind)
    {
        var signals = r.Network.Signals.Select((s, i) => (Signal: s, Column: i)).Where(x => x.Signal.Layer == layer && x.Signal.Sublayer == sublayer).ToList();
        var hidden = signals.Count(x => x.Signal.Kind == SignalKind.HiddenState);
        if (hidden == 0) return null;
        var rows = new List<(string Name, Func<int, int?> Column)>
        {
            ("i: input gate", u => Column(signals, SignalKind.Gate, 0 * hidden + u)),
            ("f: forget gate", u => Column(signals, SignalKind.Gate, 1 * hidden + u)),
            ("g: cell candidate", u => Column(signals, SignalKind.Gate, 2 * hidden + u)),
            ("o: output gate", u => Column(signals, SignalKind.Gate, 3 * hidden + u)),
            ("c: cell state", u => Column(signals, SignalKind.CellState, u)),
            ("h: hidden state", u => Column(signals, SignalKind.HiddenState, u)),
        };
        var errorOf = r.Signals.ToDictionary(s => s.Signal, s => s.MaxAbsError);
        double UnitError(int u) => rows.Select(row => row.Column(u)).OfType<int>()
            .Select(c => errorOf.GetValueOrDefault(r.Network.Signals[c].Name)).DefaultIfEmpty(0).Max();
        var units = Enumerable.Range(0, hidden).OrderByDescending(UnitError).ThenBy(u => u).Take(Units).OrderBy(u => u).ToList();

        var steps = r.Software.Points;
        var xs = Enumerable.Range(0, steps).Select(t => (double)t).ToArray();
        var mp = new Multiplot();
        mp.AddPlots(rows.Count * 2);
        mp.Layout = new ScottPlot.MultiplotLayouts.Grid(rows.Count, 2);
        var label = signals[0].Signal.Name.Split('.') is { Length: > 2 } parts ? $"{parts[0]}.{parts[1]}" : layer;
        for (var k = 0; k < rows.Count; k++)
        {
            var (name, column) = rows[k];
            var value = mp.GetPlot(2 * k);
            var error = mp.GetPlot(2 * k + 1);
            var last = k == rows.Count - 1;
            var cols = units.Select(u => (Unit: u, Column: column(u))).Where(x => x.Column is not null).Select(x => (x.Unit, Column: x.Column!.Value)).ToList();
            var errs = cols.Select(x => Enumerable.Range(0, steps).Select(t => r.Circuit.Values[t][x.Column] - r.Software.Values[t][x.Column]).ToArray()).ToList();
            var (factor, suffix) = Scale(errs.SelectMany(e => e));
            Apply(value, $"{label} {name}", last ? "time step" : null, Label("value"));
            Apply(error, $"{name}: circuit \u2212 software", last ? "time step" : null, Label("error", suffix));
            for (var j = 0; j < cols.Count; j++)
            {
                var (unit, col) = cols[j];
                var (sx, sy) = Finite(xs, r.Software.Series(col));
                SoftwareTrace(value.Add.ScatterLine(sx, sy, Series(j)), steps);
                var (cx, cy) = Finite(xs, r.Circuit.Series(col));
                CircuitTrace(value.Add.ScatterLine(cx, cy, Series(j)), steps);

                var (ex, ey) = Finite(xs, errs[j].Select(e => e * factor).ToArray());
                var e = error.Add.ScatterLine(ex, ey, Series(j));
                e.MarkerSize = steps == 1 ? 4 : 0;

            }
            if (cols.Count == 0)
            {
                Empty(value, "not in the circuit's signals");
                Empty(error, "not in the circuit's signals");
            }
            else
            {
                foreach (var plt in new[] { value, error })
                {
                    plt.Axes.SetLimitsX(-0.5, Math.Max(steps - 0.5, 0.5));
                    plt.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
                }
            }
            if (cols.Count > 0)
            {
                VoltAxis(value, r.Network.Profile.SignalVoltsPerUnit);
                VoltAxis(error, r.Network.Profile.SignalVoltsPerUnit, factor);
            }
            if (k == 0 && cols.Count > 0)
            {
                var items = cols.Select((x, j) => new LegendItem { LabelText = $"unit {x.Unit}", LineColor = Series(j), LineWidth = 2 }).ToList();
                items.Add(new LegendItem { LabelText = "software", LineColor = Guide.WithAlpha(SoftwareAlpha), LineWidth = SoftwareWidth });
                items.Add(new LegendItem { LabelText = "circuit", LineColor = Guide, LineWidth = 1.2f, MarkerShape = MarkerShape.FilledCircle, MarkerFillColor = Guide, MarkerLineColor = Guide, MarkerSize = 4 });
                value.Legend.ManualItems.AddRange(items);
                value.ShowLegend(Alignment.UpperCenter, Orientation.Horizontal);
                value.Legend.FontSize = 11;
                // Headroom above the traces for the one-line legend.
                value.Axes.AutoScaleY();
                var limits = value.Axes.GetLimits();
                value.Axes.SetLimitsY(limits.Bottom, limits.Top + 0.35 * (limits.Top - limits.Bottom));
                VoltAxis(value, r.Network.Profile.SignalVoltsPerUnit, fitFirst: false);
            }
        }
        var caption = $"Gates and states of {label} for unit{(units.Count == 1 ? "" : "s")} {string.Join(", ", units)} " +
                      $"(the {(units.Count < hidden ? $"{units.Count} of {hidden} units with the largest errors" : "layer's units")}): " +
                      "software as a wide pale line, circuit as a thin line with dots on it, one colour per unit; " +
                      "the right column is circuit \u2212 software, where even agreement to solver precision shows. Right-hand axes in volts.";
        return sink.Save(mp, kind, $"Gates and states ({label})", caption, 1250, 1300);
    }

    private const float SoftwareWidth = 6;
    private const double SoftwareAlpha = 0.35;

    /// <summary>Software: a wide pale line, so that a circuit trace lying exactly on it stays visible inside it.</summary>
    private static ScottPlot.Plottables.Scatter SoftwareTrace(ScottPlot.Plottables.Scatter s, int steps)
    {
        s.LineWidth = SoftwareWidth;
        s.Color = s.Color.WithAlpha(SoftwareAlpha);
        s.MarkerSize = steps == 1 ? 12 : 0;
        return s;
    }

    /// <summary>Circuit: a thin line with a dot at every step.</summary>
    private static ScottPlot.Plottables.Scatter CircuitTrace(ScottPlot.Plottables.Scatter s, int steps)
    {
        s.LineWidth = 1.2f;
        s.MarkerSize = steps <= 200 ? 4 : 0;
        s.MarkerShape = MarkerShape.FilledCircle;
        return s;
    }

    private static int? Column(List<(Signal Signal, int Column)> signals, SignalKind kind, int index)
    {
        foreach (var x in signals) if (x.Signal.Kind == kind && x.Signal.Index == index) return x.Column;
        return null;
    }
}
