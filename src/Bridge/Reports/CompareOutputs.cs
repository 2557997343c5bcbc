using System.Globalization;
using System.Text;
using Hwsim.Bridge.Comparison;
using Hwsim.Circuits.Blocks;
using Hwsim.Circuits.Results;

namespace Hwsim.Bridge.Reports;

/// <summary>
/// The files of <c>hwsim compare</c> other than the plots and the HTML page: <c>summary.csv</c> (a contract), one CSV per
/// demo and level with every signal both ways, and the netlists that were simulated. Every file is written atomically.
/// </summary>
public static class CompareOutputs
{
    /// <summary>The header of summary.csv: a contract, never change it (add columns at the end only).</summary>
    public const string SummaryHeader =
        "demo,level,engine,output_max_abs_error,output_rms_error,output_range,metric,software_metric,circuit_metric,decision_agreement," +
        "clock_period_s,settling_time_s,energy_per_inference_j,min_clock_period_s";

    private static string N(double x) => x.ToString("R", CultureInfo.InvariantCulture);
    private static string N(double? x) => x is { } v ? N(v) : "";

    public static string Summary(IEnumerable<ComparisonResult> results)
    {
        var sb = new StringBuilder(SummaryHeader).Append('\n');
        foreach (var r in results)
        {
            sb.Append(Field(r.Demo)).Append(',').Append(r.Level.Name()).Append(',').Append(r.Engine).Append(',')
                .Append(N(r.OutputMaxAbsError)).Append(',').Append(N(r.OutputRmsError)).Append(',').Append(N(r.OutputRange)).Append(',')
                .Append(r.Metric.Name()).Append(',').Append(N(r.SoftwareMetric)).Append(',').Append(N(r.CircuitMetric)).Append(',')
                .Append(N(r.DecisionAgreement)).Append(',')
                .Append(N(r.Timing?.ClockPeriod)).Append(',').Append(N(r.Timing?.SettlingTime)).Append(',')
                .Append(N(r.Timing?.EnergyPerInference)).Append(',').Append(N(r.Timing?.MinClockPeriod)).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>
    /// Every signal both ways: <c>point</c>, then <c>SIGNAL:software</c>, <c>SIGNAL:circuit</c> per signal, then the
    /// targets; at the device level last <c>energy_j</c>, the energy the supplies delivered in that point's period.
    /// </summary>
    public static string Signals(ComparisonResult r)
    {
        var sb = new StringBuilder("point");
        foreach (var s in r.Circuit.Signals) sb.Append(',').Append(Field(s + ":software")).Append(',').Append(Field(s + ":circuit"));
        var targets = r.Targets;
        var width = targets?.FirstOrDefault()?.Length ?? 0;
        for (var k = 0; k < width; k++) sb.Append(",target[").Append(k).Append(']');
        var energy = r.Timing?.EnergyPerPoint;
        if (energy is not null) sb.Append(",energy_j");
        sb.Append('\n');
        for (var p = 0; p < r.Circuit.Points; p++)
        {
            sb.Append(p);
            for (var s = 0; s < r.Circuit.Signals.Count; s++)
                sb.Append(',').Append(N(r.Software.Values[p][s])).Append(',').Append(N(r.Circuit.Values[p][s]));
            for (var k = 0; k < width; k++) sb.Append(',').Append(N(targets![p][k]));
            if (energy is not null) sb.Append(',').Append(N(energy[p]));
            sb.Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>
    /// A name from the model file as one CSV field: control characters become spaces (a line break would start a row),
    /// and a field holding a comma or quote is quoted as RFC 4180 says. Plain names are written as they are.
    /// </summary>
    public static string Field(string name)
    {
        if (name.Any(char.IsControl)) name = new string(name.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        return name.Contains(',') || name.Contains('"') ? "\"" + name.Replace("\"", "\"\"") + "\"" : name;
    }

    /// <summary>File stem of a result: <c>DEMO.LEVEL</c>, the name made safe (a model's name is input, not a path).</summary>
    public static string Stem(ComparisonResult r) => $"{SafeFileName.Of(r.Demo)}.{r.Level.Name()}";

    /// <summary>Writes summary.csv, the per-demo CSVs and the netlists under <paramref name="directory"/>; returns the paths.</summary>
    public static IReadOnlyList<string> Write(IReadOnlyList<ComparisonResult> results, string directory)
    {
        var written = new List<string>();
        Directory.CreateDirectory(directory);
        var summary = Path.Combine(directory, "summary.csv");
        AtomicFile.WriteAllText(summary, Summary(results));
        written.Add(summary);
        foreach (var r in results)
        {
            var csv = Path.Combine(directory, Stem(r) + ".csv");
            AtomicFile.WriteAllText(csv, Signals(r));
            written.Add(csv);
            var netlist = Path.Combine(directory, "netlists", Stem(r) + ".cir");
            AtomicFile.WriteAllText(netlist, r.SimulatedNetlist ?? r.Network.Netlist);
            written.Add(netlist);
        }
        return written;
    }
}
