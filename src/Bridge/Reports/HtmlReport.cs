using System.Net;
using System.Text;
using Hwsim.Bridge.Comparison;
using Hwsim.Circuits.Blocks;
using Hwsim.Circuits.Results;

namespace Hwsim.Bridge.Reports;

/// <summary>
/// report.html: one page, readable offline, with the summary table, the profile used and each demo's signal errors.
/// (Plots are embedded by the report's figure writers.)
/// </summary>
public static class HtmlReport
{
    public static void Write(IReadOnlyList<ComparisonResult> results, string directory)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>hwsim compare</title>")
            .Append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}th{background:#eee}td:first-child,th:first-child{text-align:left}pre{background:#f6f6f6;padding:1em}</style></head><body>")
            .Append("<h1>Circuit against software</h1>");
        sb.Append("<h2>Summary</h2><table><tr>");
        foreach (var h in CompareOutputs.SummaryHeader.Split(',')) sb.Append("<th>").Append(h).Append("</th>");
        sb.Append("</tr>");
        foreach (var line in CompareOutputs.Summary(results).Split('\n').Skip(1).Where(l => l.Length > 0))
        {
            sb.Append("<tr>");
            foreach (var cell in line.Split(',')) sb.Append("<td>").Append(WebUtility.HtmlEncode(cell)).Append("</td>");
            sb.Append("</tr>");
        }
        sb.Append("</table>");
        foreach (var r in results)
        {
            sb.Append("<h2>").Append(WebUtility.HtmlEncode($"{r.Demo} at the {r.Level.Name()} level")).Append("</h2>");
            foreach (var note in r.Notes) sb.Append("<p>note: ").Append(WebUtility.HtmlEncode(note)).Append("</p>");
            sb.Append("<h3>Profile</h3><pre>").Append(WebUtility.HtmlEncode(r.Network.Profile.Describe())).Append("</pre>");
            sb.Append("<h3>Signals</h3><table><tr><th>signal</th><th>max |error|</th><th>rms error</th><th>software range</th></tr>");
            foreach (var s in r.Signals)
                sb.Append($"<tr><td>{WebUtility.HtmlEncode(s.Signal)}</td><td>{s.MaxAbsError:G4}</td><td>{s.RmsError:G4}</td><td>{s.Range:G4}</td></tr>");
            sb.Append("</table>");
        }
        sb.Append("</body></html>");
        AtomicFile.WriteAllText(Path.Combine(directory, "report.html"), sb.ToString());
    }
}
