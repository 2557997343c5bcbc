using System.Globalization;
using System.Net;
using System.Text;
using Hwsim.Bridge.Comparison;
using Hwsim.Bridge.Demos;
using Hwsim.Circuits.Blocks;
using Hwsim.Circuits.Results;

namespace Hwsim.Bridge.Reports;

/// <summary>
/// report.html of <c>hwsim compare</c>: one page, readable offline (no external CSS, JS or fonts). Its figures are
/// the PNGs in <c>plots/</c>, linked (the page stays small) or, self-contained, embedded as base64 (one file to mail).
/// Top to bottom: the summary table (short headers, each with the summary.csv column and its meaning as a tooltip,
/// errors also in volts), the mapping profiles used, then per demo and level its facts, notes, figures, the
/// per-signal table (collapsible) and links to its CSV, netlist and PNG files, all relative to the page.
/// </summary>
public static class HtmlReport
{
    /// <summary>Signal tables longer than this start collapsed.</summary>
    public const int OpenTableRows = 12;

    /// <summary>The style sheet of hwsim's pages (the compare report and the Monte Carlo report).</summary>
    internal const string Style =
        "body{font-family:'DejaVu Sans',Verdana,sans-serif;margin:1.5em auto;max-width:1350px;padding:0 1em;color:#222;line-height:1.4}" +
        "h1{font-size:1.6em}h2{border-bottom:2px solid #1f77b4;padding-bottom:.2em;margin-top:2em}h3{margin-top:1.6em;color:#1f4e79}" +
        "table{border-collapse:collapse;margin:.5em 0;font-size:.9em}td,th{border:1px solid #ccc;padding:3px 7px;text-align:right;white-space:nowrap}" +
        "th{background:#eef3f8}th[title]{cursor:help;text-decoration:underline dotted #888}td:first-child,th:first-child{text-align:left}tr:nth-child(even) td{background:#fafafa}" +
        "pre{background:#f6f6f6;padding:.8em;border:1px solid #e4e4e4;overflow-x:auto}" +
        "figure{margin:1em 0 2em 0}figure img{max-width:100%;height:auto;border:1px solid #ddd}figcaption{font-size:.9em;color:#444;max-width:1100px}" +
        "nav a{margin-right:.8em}.facts{background:#f4f8fb;border-left:4px solid #1f77b4;padding:.5em .8em}.warn{color:#a40000}" +
        "summary{cursor:pointer;font-weight:bold;margin:.5em 0}td.l{text-align:left}.muted{color:#777}";

    /// <summary>The summary table's columns: its short header and, as a tooltip, the summary.csv column and its meaning.</summary>
    public static IReadOnlyList<(string Header, string Tooltip)> SummaryColumns { get; } = new[]
    {
        ("demo", "demo: the demo network (or the model file's name)"),
        ("level", "level: the fidelity level of the circuit (ideal, macro, device)"),
        ("engine", "engine: the simulator that ran the circuit"),
        ("max err", "output_max_abs_error: the largest |circuit − software| over every output of every compared point, network units"),
        ("max err (V)", "output_max_abs_error in volts at the circuit's signal scale"),
        ("RMS err", "output_rms_error: root mean square of circuit − software over the compared outputs, network units"),
        ("range", "output_range: max − min of the software outputs over the compared points, network units"),
        ("metric", "metric: the task metric of the demo (accuracy, rmse or none)"),
        ("sw", "software_metric: the task metric of the software network on the test data"),
        ("circuit", "circuit_metric: the task metric of the circuit on the same data"),
        ("agree", "decision_agreement: the share of samples where circuit and software decide the same class"),
        ("period", "clock_period_s: the device level's clock period, seconds (empty at the other levels)"),
        ("settling", "settling_time_s: the worst time, over steps and outputs (and LSTM states), to stay within 0.1 % of the output range of the value at the end of the compute phase, seconds"),
        ("energy", "energy_per_inference_j: the energy of every supply over one inference (a whole sequence for LSTMs, one sample otherwise), joules"),
        ("min period", "min_clock_period_s: the shortest period at which the task metric (without one, the output RMS error against software) over the first points stays within 1 % of its value at the default period, seconds"),
        ("worst signal", "the signal with the largest max |circuit − software| (any layer, not only outputs)"),
        ("its err", "that signal's max |circuit − software|, network units"),
        ("points", "samples or time steps compared"),
        ("s", "wall time of the comparison (compile, simulate, software trace), seconds"),
    };

    /// <summary>
    /// Draws the figures into <c>DIR/plots</c> and writes <c>DIR/report.html</c>; <paramref name="selfContained"/>
    /// embeds the PNGs in the page instead of linking them. Returns the figures drawn.
    /// </summary>
    public static IReadOnlyList<ResultFigures> Write(IReadOnlyList<ComparisonResult> results, string directory, bool selfContained = false)
    {
        var figures = ComparisonFigures.Write(results, directory);
        Inspector.InspectorPage.Write(results, directory);
        var path = Path.Combine(directory, "report.html");
        AtomicFile.WriteAllText(path, Page(figures, directory, selfContained));
        return figures;
    }

    /// <summary>The page for results whose figures are drawn; text that names <paramref name="directory"/> names it as <c>.</c>.</summary>
    public static string Page(IReadOnlyList<ResultFigures> figures, string directory, bool selfContained = false)
    {
        var page = new PageBuilder(Path.GetFullPath(directory), selfContained);
        var results = figures.Select(f => f.Result).ToList();
        page.Head(results);
        page.Summary(results);
        page.Profiles(results);
        foreach (var demo in figures.GroupBy(f => f.Result.Demo))
        {
            page.DemoHeading(demo.Key);
            foreach (var f in demo) page.Result(f);
        }
        return page.End();
    }

    private sealed class PageBuilder
    {
        private readonly StringBuilder _sb = new();
        private readonly string _directory;
        private readonly bool _selfContained;

        public PageBuilder(string directory, bool selfContained)
        {
            _directory = directory.TrimEnd(Path.DirectorySeparatorChar);
            _selfContained = selfContained;
        }

        private const string Css = Style;

        private static string E(string s) => WebUtility.HtmlEncode(s);

        private static string G(double x) => x.ToString("G4", CultureInfo.InvariantCulture).Replace("E", "e");

        /// <summary>An error as a share of a range: a percentage, or for tiny shares a plain number (1.5e-11).</summary>
        private static string Share(double error, double range) =>
            !(range > 0) ? "-"
            : error / range >= 1e-4 ? (error / range).ToString("P2", CultureInfo.InvariantCulture)
            : G(error / range);

        private static string G(double? x) => x is { } v ? G(v) : "";

        private static string Anchor(string demo, string? level = null) =>
            "r-" + new string((level is null ? demo : $"{demo}-{level}").Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray());

        /// <summary>Text for the page: HTML-encoded, with the output folder named <c>.</c> (the page stays free of machine paths).</summary>
        private string T(string text) => E(text.Replace(_directory, ".", StringComparison.Ordinal));

        public void Head(IReadOnlyList<ComparisonResult> results)
        {
            _sb.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
                .Append("<title>hwsim compare: circuit against software</title><style>").Append(Css).Append("</style></head><body>")
                .Append("<h1>hwsim compare: circuit against software</h1>");
            var demos = results.Select(r => r.Demo).Distinct().ToList();
            var levels = results.Select(r => r.Level.Name()).Distinct().ToList();
            var seconds = results.Sum(r => r.Elapsed.TotalSeconds);
            _sb.Append("<p>").Append(demos.Count).Append(" demo").Append(demos.Count == 1 ? "" : "s").Append(" at ")
                .Append(E(string.Join(" and ", levels))).Append(" level").Append(levels.Count == 1 ? "" : "s")
                .Append(", simulated by the <b>hwsim</b> engine in ").Append(seconds.ToString("F1", CultureInfo.InvariantCulture))
                .Append(" s; written ").Append(DateTime.Now.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))
                .Append(". Values and errors are in network units (circuit volts divided by the signal scale, given per level under Profiles); ")
                .Append("errors are also given in volts. ")
                .Append("Files: <a href=\"summary.csv\">summary.csv</a>, one CSV per demo and level (every signal both ways), ")
                .Append("the simulated netlists in <a href=\"netlists/\">netlists/</a>, the figures in <a href=\"plots/\">plots/</a>.</p>");
            _sb.Append("<nav><b>Contents:</b> <a href=\"#summary\">Summary</a><a href=\"#profiles\">Profiles</a>");
            foreach (var d in demos) _sb.Append("<a href=\"#").Append(Anchor(d)).Append("\">").Append(E(d)).Append("</a>");
            _sb.Append("</nav>");
        }

        public void Summary(IReadOnlyList<ComparisonResult> results)
        {
            _sb.Append("<h2 id=\"summary\">Summary</h2><p>The columns of <a href=\"summary.csv\">summary.csv</a> (full precision there), then the signal ")
                .Append("with the largest error, the points compared and the time taken. Errors are over the compared points; ")
                .Append("<i>agree</i> is the share of samples where circuit and software decide the same class. ")
                .Append("Point at a column header for its summary.csv column and meaning. The period, settling, energy and min-period columns belong to the device level, ")
                .Append("the only one simulated in time (empty at the others).</p>");
            _sb.Append("<table class=\"summary\"><tr>");
            foreach (var (h, tip) in SummaryColumns) _sb.Append("<th title=\"").Append(E(tip)).Append("\">").Append(E(h)).Append("</th>");
            _sb.Append("</tr>");
            foreach (var r in results)
            {
                var worst = r.Signals.OrderByDescending(s => double.IsNaN(s.MaxAbsError) ? double.PositiveInfinity : s.MaxAbsError).FirstOrDefault();
                _sb.Append("<tr><td><a href=\"#").Append(Anchor(r.Demo, r.Level.Name())).Append("\">").Append(E(r.Demo)).Append("</a></td>")
                    .Append("<td class=\"l\">").Append(r.Level.Name()).Append("</td><td class=\"l\">").Append(E(r.Engine)).Append("</td>")
                    .Append("<td>").Append(G(r.OutputMaxAbsError)).Append("</td><td>").Append(E(Volts.Of(r.OutputMaxAbsError, r.Network.Profile.SignalVoltsPerUnit))).Append("</td>")
                    .Append("<td>").Append(G(r.OutputRmsError)).Append("</td><td>").Append(G(r.OutputRange)).Append("</td>")
                    .Append("<td class=\"l\">").Append(r.Metric.Name()).Append("</td><td>").Append(G(r.SoftwareMetric)).Append("</td><td>").Append(G(r.CircuitMetric)).Append("</td>")
                    .Append("<td>").Append(G(r.DecisionAgreement)).Append("</td>")
                    .Append("<td>").Append(G(r.Timing?.ClockPeriod)).Append("</td><td>").Append(G(r.Timing?.SettlingTime)).Append("</td>")
                    .Append("<td>").Append(G(r.Timing?.EnergyPerInference)).Append("</td><td>").Append(G(r.Timing?.MinClockPeriod)).Append("</td>")
                    .Append("<td class=\"l\">").Append(E(worst?.Signal ?? "")).Append("</td><td>").Append(worst is null ? "" : G(worst.MaxAbsError)).Append("</td>")
                    .Append("<td>").Append(r.Software.Points).Append("</td><td>").Append(r.Elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture)).Append("</td></tr>");
            }
            _sb.Append("</table>");
        }

        public void Profiles(IReadOnlyList<ComparisonResult> results)
        {
            _sb.Append("<h2 id=\"profiles\">Profiles</h2><p>How the networks became circuits (the mapping profile), per level.</p>");
            foreach (var level in results.GroupBy(r => r.Level))
            {
                var distinct = level.GroupBy(r => r.Network.Profile.Describe()).ToList();
                for (var k = 0; k < distinct.Count; k++)
                {
                    var p = distinct[k];
                    _sb.Append("<h3").Append(k == 0 ? $" id=\"profile-{level.Key.Name()}\"" : "").Append('>').Append(level.Key.Name()).Append(" level");
                    if (distinct.Count > 1) _sb.Append(": ").Append(E(string.Join(", ", p.Select(r => r.Demo))));
                    _sb.Append("</h3><pre>").Append(T(p.Key)).Append("</pre>");
                }
            }
        }

        public void DemoHeading(string demo)
        {
            _sb.Append("<h2 id=\"").Append(Anchor(demo)).Append("\">").Append(E(demo)).Append("</h2>");
            var description = BridgeDemos.Find(demo)?.Description ?? "a model file given with --model";
            _sb.Append("<p>").Append(T(description)).Append(" <b><a href=\"").Append(E(Uri.EscapeDataString(Inspector.InspectorPage.FileName(demo))))
                .Append("\">Open its circuit inspector</a></b>: the block diagram, every block's signals software against circuit, waveforms, transfer curves.</p>");
        }

        public void Result(ResultFigures f)
        {
            var r = f.Result;
            var stem = CompareOutputs.Stem(r);
            _sb.Append("<h3 id=\"").Append(Anchor(r.Demo, r.Level.Name())).Append("\">").Append(E(r.Demo)).Append(" at the ").Append(r.Level.Name()).Append(" level</h3>");
            _sb.Append("<p class=\"facts\">").Append(r.Software.Points).Append(r.Network.IsSequenceModel ? " time steps" : " samples");
            if (r.FromPoint > 0) _sb.Append(" (metrics from step ").Append(r.FromPoint).Append(')');
            _sb.Append(", ").Append(r.Software.OutputNames.Count).Append(" output").Append(r.Software.OutputNames.Count == 1 ? "" : "s")
                .Append(", ").Append(r.Signals.Count).Append(" signals; output max |error| <b>").Append(G(r.OutputMaxAbsError))
                .Append("</b> (").Append(E(Volts.Of(r.OutputMaxAbsError, r.Network.Profile.SignalVoltsPerUnit))).Append(")")
                .Append(", RMS ").Append(G(r.OutputRmsError)).Append(" (").Append(E(Volts.Of(r.OutputRmsError, r.Network.Profile.SignalVoltsPerUnit))).Append(")")
                .Append(", output range ").Append(G(r.OutputRange)).Append(" (").Append(E(Volts.Of(r.OutputRange, r.Network.Profile.SignalVoltsPerUnit))).Append(")");
            if (r.OutputRange > 0) _sb.Append(" (max error ").Append(Share(r.OutputMaxAbsError, r.OutputRange)).Append(" of the range)");
            if (r.Metric != TaskMetric.None)
                _sb.Append("; ").Append(r.Metric.Name()).Append(" software ").Append(G(r.SoftwareMetric)).Append(", circuit ").Append(G(r.CircuitMetric));
            if (r.DecisionAgreement is { } a) _sb.Append("; same decision on ").Append(a.ToString("P1", CultureInfo.InvariantCulture));
            _sb.Append(". Circuit: ").Append(r.Network.InstanceCount).Append(" instances, ").Append(r.Network.Crossbars.Count).Append(" crossbar")
                .Append(r.Network.Crossbars.Count == 1 ? "" : "s").Append(", ").Append(r.NewtonIterations).Append(" Newton iterations, ")
                .Append(r.Elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture)).Append(" s. Profile: <a href=\"#profile-").Append(r.Level.Name()).Append("\">")
                .Append(r.Level.Name()).Append("</a>. Files: <a href=\"").Append(E(Uri.EscapeDataString(stem + ".csv"))).Append("\">").Append(E(stem)).Append(".csv</a>, ")
                .Append("<a href=\"netlists/").Append(E(Uri.EscapeDataString(stem + ".cir"))).Append("\">netlists/").Append(E(stem)).Append(".cir</a>.</p>");
            if (r.Notes.Count > 0 || f.Problems.Count > 0 || f.Remarks.Count > 0)
            {
                _sb.Append("<ul>");
                foreach (var n in r.Notes) _sb.Append("<li>note: ").Append(T(n)).Append("</li>");
                foreach (var n in f.Remarks) _sb.Append("<li class=\"muted\">").Append(T(n)).Append("</li>");
                foreach (var p in f.Problems) _sb.Append("<li class=\"warn\">").Append(T(p)).Append("</li>");
                _sb.Append("</ul>");
            }
            Device(r);
            foreach (var fig in f.Figures) Figure(fig);
            SignalTable(r);
        }

        /// <summary>The device level's timing and energy: the period, settling, the energy split by block kind, and digital hardware beside it.</summary>
        private void Device(ComparisonResult r)
        {
            if (r.Timing is not { } t || DeviceEfficiency.Of(r) is not { } eff) return;
            var per = t.SequencePerInference ? $"one inference (the whole sequence of {r.Software.Points} steps)" : "one inference (one sample)";
            _sb.Append("<p class=\"facts\">One clocked transient (engine <b>").Append(E(r.Engine)).Append("</b>, ").Append(t.TimePoints).Append(" time points): clock period <b>")
                .Append(G(t.ClockPeriod)).Append(" s</b> (compute phase ").Append(G(t.ComputeWindow)).Append(" s), settling time <b>").Append(G(t.SettlingTime))
                .Append(" s</b>, shortest period within 1 %: ").Append(t.MinClockPeriod is { } m ? G(m) + " s" : "not swept").Append(". Energy of ").Append(per)
                .Append(": <b>").Append(G(t.EnergyPerInference)).Append(" J</b>")
                .Append(t.SequencePerInference ? $" ({G(t.EnergyPerInference / Math.Max(1, r.Software.Points))} J per step; per step in the CSV's energy_j column)" : "")
                .Append(".</p>");
            var total = t.EnergyByKind.Values.Sum();
            _sb.Append("<table><tr><th>block kind (supply)</th><th>energy over the run (J)</th><th>share</th></tr>");
            foreach (var (kind, energy) in t.EnergyByKind.OrderByDescending(x => x.Value))
                _sb.Append("<tr><td>").Append(E(KindName(kind))).Append("</td><td>").Append(G(energy)).Append("</td><td>").Append(Share(energy, total)).Append("</td></tr>");
            _sb.Append("</table>");
            _sb.Append("<p>Beside digital hardware (an <i>estimate</i>): ").Append(eff.MacsPerInference.ToString("N0", CultureInfo.InvariantCulture))
                .Append(" multiply-accumulates per inference would cost ").Append(G(eff.Float32Energy)).Append(" J in 32-bit float and ").Append(G(eff.Int8Energy))
                .Append(" J in 8-bit integer arithmetic (").Append(E(DeviceEfficiency.DigitalSource)).Append("; arithmetic only, no memory access). ")
                .Append("This circuit: <b>").Append(G(eff.TopsPerWatt)).Append(" TOPS/W</b> (2 operations per multiply-accumulate). Published LSTM hardware: ")
                .Append(E(DeviceEfficiency.PublishedAnalog)).Append("; ").Append(E(DeviceEfficiency.PublishedDigital)).Append(". The circuit's figure is ")
                .Append("dominated by the op-amps' quiescent power over the clock period; the profile states their supplies and quiescent current.</p>");
        }

        private static string KindName(string kind) => kind switch
        {
            "xbar" => "crossbar row drivers and reads (vdd_xbar, vss_xbar)",
            "amp" => "TIAs and adders (vdd_amp, vss_amp)",
            "act" => "activations (vdd_act, vss_act)",
            "mul" => "Gilbert multipliers (vdd_mul, vss_mul, vb_mul)",
            "hold" => "sample-and-holds (vdd_hold, vss_hold)",
            "clock" => "two-phase clock (vphi1, vphi2)",
            "input" => "input sources (vin*)",
            _ => kind,
        };

        /// <summary>
        /// A figure, linked or embedded. Its pixel size is written on the image so the page is laid out before the
        /// PNGs arrive: a jump to a section then lands on that section, not on where it was before the images above it loaded.
        /// </summary>
        private void Figure(ReportFigure fig)
        {
            var (w, h) = PngSize(fig.Png);
            _sb.Append("<figure><img alt=\"").Append(E(fig.Title)).Append("\" width=\"").Append(w).Append("\" height=\"").Append(h).Append("\" src=\"");
            if (_selfContained) _sb.Append("data:image/png;base64,").Append(Convert.ToBase64String(fig.Png));
            else _sb.Append(E(fig.RelativePath)).Append("\" loading=\"lazy");
            _sb.Append("\"><figcaption><b>").Append(E(fig.Title)).Append(".</b> ")
                .Append(T(fig.Caption)).Append(" <a href=\"").Append(E(fig.RelativePath)).Append("\">").Append(E(fig.RelativePath)).Append("</a></figcaption></figure>");
        }

        private static (int Width, int Height) PngSize(byte[] png) =>
            png.Length >= 24 ? (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20))) : (0, 0);

        private void SignalTable(ComparisonResult r)
        {
            var vs = r.Network.Profile.SignalVoltsPerUnit;
            _sb.Append("<details").Append(r.Signals.Count <= OpenTableRows ? " open" : "").Append("><summary>Signals (")
                .Append(r.Signals.Count).Append("): max and RMS |circuit \u2212 software|, software range</summary>")
                .Append("<table><tr><th>signal</th><th>layer</th><th>max |error|</th><th title=\"max |error| times the signal scale (")
                .Append(G(vs)).Append(" V per unit)\">in volts</th><th>RMS error</th><th>software min</th><th>software max</th><th>max error / range</th></tr>");
            foreach (var s in r.Signals)
            {
                _sb.Append("<tr><td>").Append(E(s.Signal)).Append("</td><td class=\"l\">").Append(E(s.Layer)).Append("</td><td>").Append(G(s.MaxAbsError))
                    .Append("</td><td>").Append(E(Volts.Of(s.MaxAbsError, vs))).Append("</td><td>").Append(G(s.RmsError)).Append("</td><td>").Append(G(s.SoftwareMin)).Append("</td><td>").Append(G(s.SoftwareMax))
                    .Append("</td><td>").Append(Share(s.MaxAbsError, s.Range)).Append("</td></tr>");
            }
            _sb.Append("</table></details>");
        }

        public string End()
        {
            _sb.Append("<p class=\"muted\">Written by hwsim compare.</p></body></html>");
            return _sb.ToString();
        }
    }
}
