using Hwsim.Bridge.Comparison;
using Hwsim.Circuits.Blocks;

namespace Hwsim.Bridge.MonteCarlo;

/// <summary>
/// The distribution of a case's samples at one level (and sweep value): a row of montecarlo-summary.csv. The
/// standard deviation is the sample one (n - 1; 0 for one sample); percentiles interpolate linearly between order
/// statistics (position (n - 1) p, numpy's default). Metrics are empty where the case has none.
/// </summary>
public sealed record MonteCarloSummary(
    string Demo,
    FidelityLevel Level,
    int Samples,
    TaskMetric Metric,
    double? SoftwareMetric,
    double? CircuitMetricMean,
    double? CircuitMetricStd,
    double? CircuitMetricP05,
    double? CircuitMetricP50,
    double? CircuitMetricP95,
    double? DecisionAgreementMean,
    double? DecisionAgreementMin,
    double OutputRmsErrorP50,
    double OutputRmsErrorP95,
    string? SweepValue)
{
    /// <summary>One summary per group of sorted rows (demo, level, sweep value), in their order.</summary>
    public static IReadOnlyList<MonteCarloSummary> Of(IReadOnlyList<MonteCarloRow> sorted)
    {
        var result = new List<MonteCarloSummary>();
        var start = 0;
        while (start < sorted.Count)
        {
            var first = sorted[start];
            var end = start;
            while (end < sorted.Count && sorted[end].Demo == first.Demo && sorted[end].Level == first.Level && sorted[end].SweepValue == first.SweepValue) end++;
            var group = sorted.Skip(start).Take(end - start).ToList();
            var metric = group.Where(r => r.CircuitMetric is not null).Select(r => r.CircuitMetric!.Value).ToArray();
            var agreement = group.Where(r => r.DecisionAgreement is not null).Select(r => r.DecisionAgreement!.Value).ToArray();
            var rms = group.Select(r => r.OutputRmsError).ToArray();
            result.Add(new MonteCarloSummary(first.Demo, first.Level, group.Count, first.Metric, first.SoftwareMetric,
                Mean(metric), Std(metric), Percentile(metric, 0.05), Percentile(metric, 0.50), Percentile(metric, 0.95),
                Mean(agreement), agreement.Length == 0 ? null : agreement.Min(),
                Percentile(rms, 0.50) ?? 0, Percentile(rms, 0.95) ?? 0, first.SweepValue));
            start = end;
        }
        return result;
    }

    /// <summary>The mean, summed in row order (so that every run of the same rows gives the same bits).</summary>
    public static double? Mean(IReadOnlyList<double> x)
    {
        if (x.Count == 0) return null;
        double sum = 0;
        foreach (var v in x) sum += v;
        return sum / x.Count;
    }

    public static double? Std(IReadOnlyList<double> x)
    {
        if (x.Count == 0) return null;
        if (x.Count == 1) return 0;
        var mean = Mean(x)!.Value;
        double sum = 0;
        foreach (var v in x) sum += (v - mean) * (v - mean);
        return Math.Sqrt(sum / (x.Count - 1));
    }

    /// <summary>The <paramref name="p"/> quantile by linear interpolation between order statistics ((n - 1) p).</summary>
    public static double? Percentile(IReadOnlyList<double> x, double p)
    {
        if (x.Count == 0) return null;
        var sorted = x.OrderBy(v => v).ToArray();
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
