using System.Globalization;
using System.Net;
using System.Text;
using Hwsim.Bridge.Comparison;
using Hwsim.Bridge.Demos;
using Hwsim.Bridge.MonteCarlo;
using Hwsim.Circuits.Blocks;

namespace Hwsim.Bridge.Reports;

/// <summary>
/// The files of a Monte Carlo run or merge in one folder: montecarlo.csv and montecarlo-summary.csv (a contract),
/// montecarlo-shard.json (the manifest), the figures in plots/ and report.html with the Monte Carlo section. Everything
/// is a function of the manifest and the rows, with no dates or timings, so a merge of shards writes the same bytes
/// as one unsharded run.
/// </summary>
public static class MonteCarloReport
{
    public const string RowsFile = "montecarlo.csv";
    public const string SummaryFile = "montecarlo-summary.csv";

    /// <summary>Writes every file of the study to <paramref name="directory"/>; <paramref name="rows"/> must be sorted.</summary>
    public static IReadOnlyList<MonteCarloSummary> Write(string directory, MonteCarloManifest manifest, IReadOnlyList<MonteCarloRow> rows)
    {
        var summaries = MonteCarloSummary.Of(rows);
        var csv = MonteCarloTable.Write(rows, manifest.SweepColumn);
        var summary = MonteCarloTable.WriteSummary(summaries, manifest.SweepColumn);
        Directory.CreateDirectory(directory);
        // the plots of an earlier study in this folder go: plots/ holds this study's figures only
        var plots = Path.Combine(directory, "plots");
        if (Directory.Exists(plots))
            foreach (var old in Directory.EnumerateFiles(plots, "montecarlo.*.png")) File.Delete(old);
        var figures = rows.GroupBy(r => (r.Demo, r.Level)).Select(g => MonteCarloFigures.Draw(g.ToList(), manifest, directory)).ToList();
        Hwsim.Circuits.Results.AtomicFile.WriteAllText(Path.Combine(directory, RowsFile), csv);
        Hwsim.Circuits.Results.AtomicFile.WriteAllText(Path.Combine(directory, SummaryFile), summary);
        Hwsim.Circuits.Results.AtomicFile.WriteAllText(Path.Combine(directory, MonteCarloManifest.FileName), manifest.Write());
        Hwsim.Circuits.Results.AtomicFile.WriteAllText(Path.Combine(directory, "report.html"), Page(manifest, summaries, figures));
        return summaries;
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);

    private static string G(double? x) => x is { } v ? v.ToString("G4", CultureInfo.InvariantCulture).Replace("E", "e") : "";

    /// <summary>report.html: the study's settings, its summary table and a figure per case and level.</summary>
    public static string Page(MonteCarloManifest m, IReadOnlyList<MonteCarloSummary> summaries, IReadOnlyList<ReportFigure> figures)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
            .Append("<title>hwsim montecarlo</title><style>").Append(HtmlReport.Style).Append("</style></head><body>")
            .Append("<h1>hwsim montecarlo: how often does the circuit still work?</h1>");
        sb.Append("<h2 id=\"montecarlo\">Monte Carlo</h2><p>").Append(m.Samples).Append(" samples per case")
            .Append(m.SweepColumn is null ? "" : $" and value of --{E(m.SweepColumn.Replace('_', '-'))}").Append(" at the ").Append(m.Level.Name())
            .Append(" level. Sample k draws every non-ideality of the mapping profile (programming variation, stuck devices, read noise, drift, ")
            .Append("temperature) from the seed in its row of <a href=\"").Append(MonteCarloReport.RowsFile).Append("\">").Append(RowsFile)
            .Append("</a>, a hash of the study seed and k alone; <code>hwsim compare</code> with the same options and <code>--seed</code> that seed ")
            .Append("builds the same circuit. Files: <a href=\"").Append(SummaryFile).Append("\">").Append(SummaryFile).Append("</a>, <a href=\"")
            .Append(MonteCarloManifest.FileName).Append("\">").Append(MonteCarloManifest.FileName).Append("</a> (the settings), the figures in ")
            .Append("<a href=\"plots/\">plots/</a>.</p>");
        sb.Append("<table><tr><th>setting</th><th>value</th></tr>");
        foreach (var (k, v) in m.Settings) sb.Append("<tr><td>").Append(E(k)).Append("</td><td class=\"l\">").Append(E(v)).Append("</td></tr>");
        sb.Append("</table>");

        sb.Append("<h3>Summary</h3><p>Per case and level: the software network's task metric, the circuits' mean, standard deviation and ")
            .Append("percentiles over the samples, the share of equal decisions (classifiers) and the output RMS error against software.</p>");
        sb.Append("<table><tr><th>demo</th><th>level</th>");
        if (m.SweepColumn is { } col) sb.Append("<th>").Append(E(col)).Append("</th>");
        sb.Append("<th>samples</th><th>metric</th><th>software</th><th>circuit mean</th><th>std</th><th>p5</th><th>median</th><th>p95</th>")
            .Append("<th>same decision, mean</th><th>min</th><th>RMS error median</th><th>p95</th></tr>");
        foreach (var s in summaries)
        {
            sb.Append("<tr><td>").Append(E(s.Demo)).Append("</td><td class=\"l\">").Append(s.Level.Name()).Append("</td>");
            if (m.SweepColumn is not null) sb.Append("<td>").Append(E(s.SweepValue ?? "")).Append("</td>");
            sb.Append("<td>").Append(s.Samples).Append("</td><td class=\"l\">").Append(s.Metric.Name()).Append("</td><td>").Append(G(s.SoftwareMetric))
                .Append("</td><td>").Append(G(s.CircuitMetricMean)).Append("</td><td>").Append(G(s.CircuitMetricStd)).Append("</td><td>").Append(G(s.CircuitMetricP05))
                .Append("</td><td>").Append(G(s.CircuitMetricP50)).Append("</td><td>").Append(G(s.CircuitMetricP95)).Append("</td><td>").Append(G(s.DecisionAgreementMean))
                .Append("</td><td>").Append(G(s.DecisionAgreementMin)).Append("</td><td>").Append(G(s.OutputRmsErrorP50)).Append("</td><td>").Append(G(s.OutputRmsErrorP95))
                .Append("</td></tr>");
        }
        sb.Append("</table>");
        foreach (var f in figures)
        {
            var demo = summaries.FirstOrDefault(s => f.RelativePath.Contains($"montecarlo.{SafeFileName.Of(s.Demo)}.", StringComparison.Ordinal))?.Demo;
            if (demo is not null)
                sb.Append("<h3>").Append(E(demo)).Append("</h3><p>").Append(E(BridgeDemos.Find(demo)?.Description ?? "a model file given with --model")).Append("</p>");
            sb.Append("<figure><img alt=\"").Append(E(f.Title)).Append("\" src=\"").Append(E(f.RelativePath)).Append("\" loading=\"lazy\"><figcaption><b>")
                .Append(E(f.Title)).Append(".</b> ").Append(E(f.Caption)).Append("</figcaption></figure>");
        }
        sb.Append("<p class=\"muted\">Written by hwsim montecarlo.</p></body></html>\n");
        return sb.ToString();
    }
}
