using System.Globalization;
using System.Net;
using System.Text;
using Hwsim.Bridge.Comparison;
using Hwsim.Bridge.Demos;
using Hwsim.Circuits.Blocks;
using Hwsim.Circuits.Results;

namespace Hwsim.Bridge.Reports;

/// <summary>
/// report.html of <c>hwsim compare</c>: one page, readable offline (no external CSS, JS or images: every figure is
/// embedded as a base64 PNG). Top to bottom: the summary table (the columns of summary.csv, then the worst signal),
/// the mapping profiles used, then per demo and level its facts, notes, figures, the per-signal table (collapsible)
/// and links to its CSV, netlist and PNG files, all relative to the page.
/// </summary>
public static class HtmlReport
{
    /// <summary>Signal tables longer than this start collapsed.</summary>
    public const int OpenTableRows = 12;

    /// <summary>Draws the figures into <c>DIR/plots</c> and writes <c>DIR/report.html</c>.</summary>
    public static void Write(IReadOnlyList<ComparisonResult> results, string directory)
    {
        var figures = ComparisonFigures.Write(results, directory);
        var path = Path.Combine(directory, "report.html");
        AtomicFile.WriteAllText(path, Page(figures, directory));
    }

    /// <summary>The page for results whose figures are drawn; text that names <paramref name="directory"/> names it as <c>.</c>.</summary>
    public static string Page(IReadOnlyList<ResultFigures> figures, string directory)
    {
        var page = new PageBuilder(Path.GetFullPath(directory));
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

        public PageBuilder(string directory) { _directory = directory.TrimEnd(Path.DirectorySeparatorChar); }

        private const string Css =
            "body{font-family:'DejaVu Sans',Verdana,sans-serif;margin:1.5em auto;max-width:1350px;padding:0 1em;color:#222;line-height:1.4}" +
            "h1{font-size:1.6em}h2{border-bottom:2px solid #1f77b4;padding-bottom:.2em;margin-top:2em}h3{margin-top:1.6em;color:#1f4e79}" +
            "table{border-collapse:collapse;margin:.5em 0;font-size:.9em}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}" +
            "th{background:#eef3f8}td:first-child,th:first-child{text-align:left}tr:nth-child(even) td{background:#fafafa}" +
            "pre{background:#f6f6f6;padding:.8em;border:1px solid #e4e4e4;overflow-x:auto}" +
            "figure{margin:1em 0 2em 0}figure img{max-width:100%;height:auto;border:1px solid #ddd}figcaption{font-size:.9em;color:#444;max-width:1100px}" +
            "nav a{margin-right:.8em}.facts{background:#f4f8fb;border-left:4px solid #1f77b4;padding:.5em .8em}.warn{color:#a40000}" +
            "summary{cursor:pointer;font-weight:bold;margin:.5em 0}td.l{text-align:left}.muted{color:#777}";

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
                .Append(". Values and errors are in network units (circuit volts divided by the signal scale). ")
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
                .Append("<i>decision_agreement</i> is the share of samples where circuit and software decide the same class. ")
                .Append("The last four columns belong to the device level, the only one simulated in time: the clock period used, the settling time measured ")
                .Append("(the worst time for an output, or an LSTM state, to stay within 0.1 % of its range of its final value in a compute phase), the energy the ")
                .Append("supplies delivered per inference (a whole sequence for LSTMs, one sample otherwise) and the shortest period at which the metric stays within 1 %.</p>");
            _sb.Append("<table><tr>");
            foreach (var h in CompareOutputs.SummaryHeader.Split(',')) _sb.Append("<th>").Append(E(h)).Append("</th>");
            _sb.Append("<th>worst signal</th><th>its max |error|</th><th>points</th><th>time (s)</th></tr>");
            foreach (var r in results)
            {
                var worst = r.Signals.OrderByDescending(s => double.IsNaN(s.MaxAbsError) ? double.PositiveInfinity : s.MaxAbsError).FirstOrDefault();
                _sb.Append("<tr><td><a href=\"#").Append(Anchor(r.Demo, r.Level.Name())).Append("\">").Append(E(r.Demo)).Append("</a></td>")
                    .Append("<td class=\"l\">").Append(r.Level.Name()).Append("</td><td class=\"l\">").Append(E(r.Engine)).Append("</td>")
                    .Append("<td>").Append(G(r.OutputMaxAbsError)).Append("</td><td>").Append(G(r.OutputRmsError)).Append("</td><td>").Append(G(r.OutputRange)).Append("</td>")
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
            _sb.Append("<p>").Append(T(description)).Append("</p>");
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
                .Append("</b>, RMS ").Append(G(r.OutputRmsError)).Append(", output range ").Append(G(r.OutputRange));
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

        private void Figure(ReportFigure fig)
        {
            _sb.Append("<figure><img alt=\"").Append(E(fig.Title)).Append("\" src=\"data:image/png;base64,")
                .Append(Convert.ToBase64String(fig.Png)).Append("\"><figcaption><b>").Append(E(fig.Title)).Append(".</b> ")
                .Append(T(fig.Caption)).Append(" <a href=\"").Append(E(fig.RelativePath)).Append("\">").Append(E(fig.RelativePath)).Append("</a></figcaption></figure>");
        }

        private void SignalTable(ComparisonResult r)
        {
            _sb.Append("<details").Append(r.Signals.Count <= OpenTableRows ? " open" : "").Append("><summary>Signals (")
                .Append(r.Signals.Count).Append("): max and RMS |circuit \u2212 software|, software range</summary>")
                .Append("<table><tr><th>signal</th><th>layer</th><th>max |error|</th><th>RMS error</th><th>software min</th><th>software max</th><th>max error / range</th></tr>");
            foreach (var s in r.Signals)
            {
                _sb.Append("<tr><td>").Append(E(s.Signal)).Append("</td><td class=\"l\">").Append(E(s.Layer)).Append("</td><td>").Append(G(s.MaxAbsError))
                    .Append("</td><td>").Append(G(s.RmsError)).Append("</td><td>").Append(G(s.SoftwareMin)).Append("</td><td>").Append(G(s.SoftwareMax))
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
