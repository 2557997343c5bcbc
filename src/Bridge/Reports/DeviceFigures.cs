using Hwsim.Bridge.Comparison;
using ScottPlot;
using static Hwsim.Bridge.Reports.FigureStyle;

namespace Hwsim.Bridge.Reports;

/// <summary>The device level's figures: node waveforms over a clock period, and the task error against the clock period.</summary>
internal static class DeviceFigures
{
    /// <summary>
    /// One step of the clocked transient (the second period, with a little of its neighbours): the clock phases, then
    /// the input, one gate and the computed c and h beside their held values, in volts over microseconds.
    /// </summary>
    public static ReportFigure? Waveform(ComparisonResult r, FigureSink sink)
    {
        if (r.Timing?.Waveforms is not { } w || w.Times.Length < 2) return null;
        var period = w.Schedule.Period;
        var step = BusiestStep(w);
        var (from, to) = (Math.Max(0, (step - 0.15) * period), Math.Min(w.Schedule.Stop, (step + 1.15) * period));
        var index = Enumerable.Range(0, w.Times.Length).Where(i => w.Times[i] >= from && w.Times[i] <= to).ToArray();
        var us = index.Select(i => w.Times[i] * 1e6).ToArray();
        double[] Series(int k) => index.Select(i => w.Values[i][k]).ToArray();
        var clock = w.Names.Select((n, k) => (n, k)).Where(x => x.n is "phi1" or "phi2").ToList();
        var signals = w.Names.Select((n, k) => (n, k)).Where(x => x.n is not ("phi1" or "phi2")).ToList();
        var mp = new Multiplot();
        mp.AddPlots(clock.Count > 0 ? 2 : 1);
        mp.Layout = new ScottPlot.MultiplotLayouts.Grid(clock.Count > 0 ? 2 : 1, 1);
        var sig = mp.GetPlot(0);
        Apply(sig, $"{r.Demo}: step {step} of the clocked transient (T = {N(period * 1e6)} us)", "time (us)", "node voltage (V)");
        for (var j = 0; j < signals.Count; j++)
        {
            var (name, k) = signals[j];
            var line = sig.Add.ScatterLine(us, Series(k), FigureStyle.Series(j));
            line.LineWidth = 2;
            line.LinePattern = name.Contains("_cp", StringComparison.Ordinal) || name.Contains("_hp", StringComparison.Ordinal) ? LinePattern.Dashed : LinePattern.Solid;
            line.LegendText = Describe(name);
        }
        var read = w.Schedule.ReadTime(step) * 1e6;
        var mark = sig.Add.VerticalLine(read, 1, Guide);
        mark.LinePattern = LinePattern.Dotted;
        mark.LegendText = "read (end of compute phase)";
        sig.ShowLegend(Edge.Right);
        if (clock.Count > 0)
        {
            var clk = mp.GetPlot(1);
            Apply(clk, "two-phase clock: phase 1 computes and samples, phase 2 presents the held c and h", "time (us)", "clock (V)");
            foreach (var (name, k) in clock)
            {
                var line = clk.Add.ScatterLine(us, Series(k), name == "phi1" ? Software : Circuit);
                line.LineWidth = 2;
                line.LegendText = name;
            }
            clk.ShowLegend(Edge.Right);
        }
        return sink.Save(mp, "device-waveform", "Device waveforms of one step",
            "Node voltages of the device-level transient over one clock period: solid lines are the computed signals, dashed lines the "
            + "sample-and-hold outputs (the previous c and h the next step reads), the dotted line the read time at the end of the compute phase.",
            1100, clock.Count > 0 ? 800 : 500);
    }

    /// <summary>The step (after the first) among the recorded periods in which the signals move most: the one worth looking at.</summary>
    private static int BusiestStep(Evaluation.DeviceWaveforms w)
    {
        var period = w.Schedule.Period;
        var periods = (int)Math.Min(w.Schedule.Points, Math.Round(w.Times[^1] / period));
        if (periods <= 1) return 0;
        var signals = w.Names.Select((n, k) => (n, k)).Where(x => x.n is not ("phi1" or "phi2") && !Describe(x.n).StartsWith("input", StringComparison.Ordinal)).Select(x => x.k).ToList();
        var best = 1;
        var most = -1.0;
        for (var p = 1; p < periods; p++)
        {
            var inside = Enumerable.Range(0, w.Times.Length).Where(i => w.Times[i] >= p * period && w.Times[i] <= (p + 1) * period).ToList();
            if (inside.Count == 0) continue;
            var swing = signals.Sum(k => inside.Max(i => w.Values[i][k]) - inside.Min(i => w.Values[i][k]));
            if (swing > most) (most, best) = (swing, p);
        }
        return best;
    }

    private static string Describe(string node) => node switch
    {
        _ when node.StartsWith("in", StringComparison.Ordinal) && node.Length <= 4 => $"input {node}",
        _ when node.Contains("_cp", StringComparison.Ordinal) => $"held c ({node})",
        _ when node.Contains("_hp", StringComparison.Ordinal) => $"held h ({node})",
        _ when System.Text.RegularExpressions.Regex.IsMatch(node, @"_c\d+$") => $"computed c ({node})",
        _ when System.Text.RegularExpressions.Regex.IsMatch(node, @"_h\d+$") => $"computed h ({node})",
        _ when System.Text.RegularExpressions.Regex.IsMatch(node, @"_f\d+$") => $"forget gate ({node})",
        _ => node,
    };

    /// <summary>The sweep's metric (task metric, or output RMS error against software) over its first points, against the clock period.</summary>
    public static ReportFigure? PeriodSweep(ComparisonResult r, FigureSink sink)
    {
        if (r.Timing is not { PeriodSweep.Count: > 1 } t) return null;
        var plt = NewPlot($"{r.Demo}: {t.PeriodSweepMetric} against the clock period", "clock period (us)",
            t.PeriodSweepMetric == "accuracy" ? "accuracy" : $"{t.PeriodSweepMetric} (network units)");
        var xs = t.PeriodSweep.Select(p => p.Period * 1e6).ToArray();
        var ys = t.PeriodSweep.Select(p => p.Metric).ToArray();
        var line = plt.Add.ScatterLine(xs, ys, Circuit);
        line.LineWidth = 2;
        line.MarkerSize = 7;
        line.LegendText = "circuit";
        // 1 % worse than at the default period: below it for accuracy, above it for an error
        var band = plt.Add.HorizontalLine(t.PeriodSweepMetric == "accuracy" ? ys[0] * 0.99 : ys[0] * 1.01, 1, Guide);
        band.LinePattern = LinePattern.Dotted;
        band.LegendText = "1 % from the default period's";
        if (t.MinClockPeriod is { } min)
        {
            var m = plt.Add.VerticalLine(min * 1e6, 1, Software);
            m.LegendText = $"shortest period within 1 %: {N(min * 1e6)} us";
        }
        // off the data: an error is low at long periods (upper right free), an accuracy high (lower right free)
        plt.ShowLegend(t.PeriodSweepMetric == "accuracy" ? Alignment.LowerRight : Alignment.UpperRight);
        return sink.Save(plt, "period-sweep", $"{char.ToUpperInvariant(t.PeriodSweepMetric[0])}{t.PeriodSweepMetric[1..]} against clock period",
            $"The device-level transient of the first {Math.Min(Comparer.SweepPoints, r.Software.Points)} points at shorter and shorter periods: once the compute phase is shorter than the settling, the outputs are read before they arrive. The default period {N(t.ClockPeriod * 1e6)} us comes from the settling time measured at 100 us.",
            900, 500);
    }
}
