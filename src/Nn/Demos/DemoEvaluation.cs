using Hwsim.Nn.Models;

namespace Hwsim.Nn.Demos;

/// <summary>The metrics of a demo model on its test set.</summary>
public static class DemoEvaluation
{
    /// <summary>The primary metric, then the demo's extra metrics.</summary>
    public static IReadOnlyList<MetricValue> Evaluate(DemoDefinition demo, NetworkModel model, DemoData data)
    {
        var list = new List<MetricValue>();
        var output = model.Predict(data.Test.Inputs);
        switch (demo.Metric)
        {
            case DemoMetricKind.Accuracy:
                list.Add(new MetricValue("test_accuracy", Accuracy(output, data.Test.Targets, data.EvaluateFromStep), "fraction of test samples classified right"));
                break;
            case DemoMetricKind.Rmse:
                list.Add(new MetricValue("test_rmse", Rmse(output, data.Test.Targets, data.EvaluateFromStep), "root mean square error on the test set"));
                break;
        }
        if (demo.ExtraMetrics is not null) list.AddRange(demo.ExtraMetrics(model, data));
        return list;
    }

    /// <summary>RMSE over every output of every sample, counting steps from <paramref name="fromStep"/>.</summary>
    public static double Rmse(Batch output, Batch target, int fromStep = 0)
    {
        double sum = 0;
        long count = 0;
        for (int t = fromStep; t < output.Length; t++)
            for (int n = 0; n < output.Size; n++)
                for (int f = 0; f < output.Features; f++)
                {
                    double d = output[t][n, f] - target[t][n, f];
                    sum += d * d;
                    count++;
                }
        return Math.Sqrt(sum / count);
    }

    /// <summary>
    /// Fraction of (sample, step) rows classified right: the arg-max of the outputs against the arg-max of the
    /// targets, or for a single output a 0.5 threshold.
    /// </summary>
    public static double Accuracy(Batch output, Batch target, int fromStep = 0)
    {
        int right = 0, count = 0;
        for (int t = fromStep; t < output.Length; t++)
            for (int n = 0; n < output.Size; n++)
            {
                bool ok;
                if (output.Features == 1) ok = output[t][n, 0] >= 0.5 == target[t][n, 0] >= 0.5;
                else ok = ArgMax(output[t].Row(n).ToArray()) == ArgMax(target[t].Row(n).ToArray());
                if (ok) right++;
                count++;
            }
        return (double)right / count;
    }

    private static int ArgMax(double[] v)
    {
        int best = 0;
        for (int i = 1; i < v.Length; i++) if (v[i] > v[best]) best = i;
        return best;
    }
}
