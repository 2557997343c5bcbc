using System.Globalization;
using System.Text;
using Hwsim.Bridge.Comparison;
using Hwsim.Bridge.Reports;
using Hwsim.Circuits.Blocks;

namespace Hwsim.Bridge.MonteCarlo;

/// <summary>
/// montecarlo.csv and montecarlo-summary.csv (a contract: columns only ever added at the end). Rows are sorted by demo
/// (ordinal), level, sweep value (in the order the option listed them) and sample; numbers are written so that they
/// read back exactly ("R"), which is what lets <c>hwsim merge</c> write the very bytes of an unsharded run.
/// </summary>
public static class MonteCarloTable
{
    /// <summary>The header of montecarlo.csv; a sweep adds its column at the end.</summary>
    public const string Header = "demo,level,sample,seed,output_max_abs_error,output_rms_error,metric,software_metric,circuit_metric,decision_agreement";

    /// <summary>The header of montecarlo-summary.csv; a sweep adds its column at the end.</summary>
    public const string SummaryHeader = "demo,level,samples,metric,software_metric,circuit_metric_mean,circuit_metric_std,circuit_metric_p05,"
        + "circuit_metric_p50,circuit_metric_p95,decision_agreement_mean,decision_agreement_min,output_rms_error_p50,output_rms_error_p95";

    private static string N(double x) => x.ToString("R", CultureInfo.InvariantCulture);
    private static string N(double? x) => x is { } v ? N(v) : "";

    /// <summary>The rows in the files' order; <paramref name="sweepValues"/> gives the order of the sweep values.</summary>
    public static IReadOnlyList<MonteCarloRow> Sorted(IEnumerable<MonteCarloRow> rows, IReadOnlyList<string?> sweepValues) =>
        rows.OrderBy(r => r.Demo, StringComparer.Ordinal).ThenBy(r => r.Level)
            .ThenBy(r => IndexOf(sweepValues, r.SweepValue)).ThenBy(r => r.Sample).ToList();

    private static int IndexOf(IReadOnlyList<string?> values, string? value)
    {
        for (var i = 0; i < values.Count; i++) if (values[i] == value) return i;
        throw new ArgumentException($"sweep value {value} is not among the study's");
    }

    /// <summary>montecarlo.csv of sorted rows; <paramref name="column"/> names the sweep's column, if any.</summary>
    public static string Write(IReadOnlyList<MonteCarloRow> rows, string? column)
    {
        var sb = new StringBuilder(Header);
        if (column is not null) sb.Append(',').Append(column);
        sb.Append('\n');
        foreach (var r in rows)
        {
            sb.Append(CompareOutputs.Field(r.Demo)).Append(',').Append(r.Level.Name()).Append(',')
                .Append(r.Sample.ToString(CultureInfo.InvariantCulture)).Append(',').Append(r.Seed.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(N(r.OutputMaxAbsError)).Append(',').Append(N(r.OutputRmsError)).Append(',').Append(r.Metric.Name()).Append(',')
                .Append(N(r.SoftwareMetric)).Append(',').Append(N(r.CircuitMetric)).Append(',').Append(N(r.DecisionAgreement));
            if (column is not null) sb.Append(',').Append(r.SweepValue);
            sb.Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Reads montecarlo.csv back (for merging); <paramref name="file"/> names it in errors.</summary>
    public static IReadOnlyList<MonteCarloRow> Read(string text, string? column, string file)
    {
        var lines = text.Split('\n');
        var header = Header + (column is null ? "" : "," + column);
        if (lines.Length == 0 || lines[0] != header)
            throw new MonteCarloException($"{file}:1: the header is not '{header}'");
        var rows = new List<MonteCarloRow>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0 && i == lines.Length - 1) break;
            var f = Fields(lines[i]);
            var where = $"{file}:{i + 1}";
            if (f.Count != (column is null ? 10 : 11)) throw new MonteCarloException($"{where}: {f.Count} fields, expected {(column is null ? 10 : 11)}");
            if (!FidelityLevels.TryParse(f[1], out var level)) throw new MonteCarloException($"{where}: unknown level '{f[1]}'");
            var metric = f[6] switch
            {
                "accuracy" => TaskMetric.Accuracy,
                "rmse" => TaskMetric.Rmse,
                "none" => TaskMetric.None,
                _ => throw new MonteCarloException($"{where}: unknown metric '{f[6]}'"),
            };
            rows.Add(new MonteCarloRow(f[0], level, Whole(f[2], where), Long(f[3], where), Number(f[4], where), Number(f[5], where), metric,
                Optional(f[7], where), Optional(f[8], where), Optional(f[9], where), column is null ? null : f[10]));
        }
        return rows;
    }

    /// <summary>The fields of a CSV line (RFC 4180 quotes, as <see cref="CompareOutputs.Field"/> writes them).</summary>
    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var sb = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else sb.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { fields.Add(sb.ToString()); sb.Clear(); }
            else sb.Append(ch);
        }
        fields.Add(sb.ToString());
        return fields;
    }

    private static int Whole(string s, string where) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new MonteCarloException($"{where}: '{s}' is not a sample number");

    private static long Long(string s, string where) =>
        long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new MonteCarloException($"{where}: '{s}' is not a seed");

    private static double Number(string s, string where) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) ? x : throw new MonteCarloException($"{where}: '{s}' is not a number");

    private static double? Optional(string s, string where) => s.Length == 0 ? null : Number(s, where);

    /// <summary>montecarlo-summary.csv: one row per demo, level (and sweep value), from the sorted rows.</summary>
    public static string WriteSummary(IReadOnlyList<MonteCarloSummary> summaries, string? column)
    {
        var sb = new StringBuilder(SummaryHeader);
        if (column is not null) sb.Append(',').Append(column);
        sb.Append('\n');
        foreach (var s in summaries)
        {
            sb.Append(CompareOutputs.Field(s.Demo)).Append(',').Append(s.Level.Name()).Append(',').Append(s.Samples.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(s.Metric.Name()).Append(',').Append(N(s.SoftwareMetric)).Append(',')
                .Append(N(s.CircuitMetricMean)).Append(',').Append(N(s.CircuitMetricStd)).Append(',')
                .Append(N(s.CircuitMetricP05)).Append(',').Append(N(s.CircuitMetricP50)).Append(',').Append(N(s.CircuitMetricP95)).Append(',')
                .Append(N(s.DecisionAgreementMean)).Append(',').Append(N(s.DecisionAgreementMin)).Append(',')
                .Append(N(s.OutputRmsErrorP50)).Append(',').Append(N(s.OutputRmsErrorP95));
            if (column is not null) sb.Append(',').Append(s.SweepValue);
            sb.Append('\n');
        }
        return sb.ToString();
    }
}
