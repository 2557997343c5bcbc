namespace Hwsim.Bridge.Comparison;

/// <summary>The task metric of a demo, as written in summary.csv: <c>accuracy</c>, <c>rmse</c> or <c>none</c>.</summary>
public enum TaskMetric
{
    None,
    Accuracy,
    Rmse,
}

public static class TaskMetrics
{
    public static string Name(this TaskMetric m) => m switch
    {
        TaskMetric.Accuracy => "accuracy",
        TaskMetric.Rmse => "rmse",
        _ => "none",
    };

    /// <summary>Fraction of rows classified right: arg-max against arg-max, or a 0.5 threshold for one output (as Nn's DemoEvaluation).</summary>
    public static double Accuracy(IReadOnlyList<double[]> outputs, IReadOnlyList<double[]> targets)
    {
        var right = 0;
        for (var i = 0; i < outputs.Count; i++) right += Decision(outputs[i]) == Decision(targets[i]) ? 1 : 0;
        return outputs.Count == 0 ? double.NaN : (double)right / outputs.Count;
    }

    /// <summary>RMSE over every output of every row.</summary>
    public static double Rmse(IReadOnlyList<double[]> outputs, IReadOnlyList<double[]> targets)
    {
        double sum = 0;
        long n = 0;
        for (var i = 0; i < outputs.Count; i++)
            for (var k = 0; k < outputs[i].Length; k++)
            {
                var d = outputs[i][k] - targets[i][k];
                sum += d * d;
                n++;
            }
        return n == 0 ? double.NaN : Math.Sqrt(sum / n);
    }

    /// <summary>The class a row decides: arg-max, or for a single output whether it reaches 0.5.</summary>
    public static int Decision(double[] row)
    {
        if (row.Length == 1) return row[0] >= 0.5 ? 1 : 0;
        var best = 0;
        for (var k = 1; k < row.Length; k++) if (row[k] > row[best]) best = k;
        return best;
    }
}
