using Hwsim.Bridge.Comparison;
using Hwsim.Bridge.Evaluation;

namespace Hwsim.Bridge.MonteCarlo;

/// <summary>The output errors and task metrics of one circuit trace against software, as summary.csv defines them.</summary>
internal static class SampleMeasures
{
    /// <summary>
    /// Errors over every output of the points from the case's first counted point on; the task metric of software and
    /// circuit against the targets; the share of equal decisions (classifiers).
    /// </summary>
    public static (double MaxAbs, double Rms, double? Software, double? Circuit, double? Agreement) Of(ComparisonCase c, SignalTrace software, SignalTrace circuit)
    {
        var from = Math.Clamp(c.FromPoint, 0, Math.Max(0, c.Inputs.Count - 1));
        var swOut = software.Outputs.Skip(from).ToList();
        var ckOut = circuit.Outputs.Skip(from).ToList();
        double max = 0, sum = 0;
        long count = 0;
        for (var p = 0; p < swOut.Count; p++)
            for (var k = 0; k < swOut[p].Length; k++)
            {
                var d = Math.Abs(ckOut[p][k] - swOut[p][k]);
                max = Math.Max(max, d);
                sum += d * d;
                count++;
            }
        double? swMetric = null, ckMetric = null, agreement = null;
        var targets = c.Targets?.Skip(from).ToList();
        if (targets is not null && c.Metric != TaskMetric.None)
            (swMetric, ckMetric) = c.Metric == TaskMetric.Accuracy
                ? (TaskMetrics.Accuracy(swOut, targets), TaskMetrics.Accuracy(ckOut, targets))
                : (TaskMetrics.Rmse(swOut, targets), TaskMetrics.Rmse(ckOut, targets));
        if (c.Metric == TaskMetric.Accuracy && swOut.Count > 0)
            agreement = (double)swOut.Zip(ckOut).Count(x => TaskMetrics.Decision(x.First) == TaskMetrics.Decision(x.Second)) / swOut.Count;
        return (max, count == 0 ? 0 : Math.Sqrt(sum / count), swMetric, ckMetric, agreement);
    }
}
