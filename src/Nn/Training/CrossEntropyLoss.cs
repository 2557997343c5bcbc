using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;

namespace Hwsim.Nn.Training;

/// <summary>
/// nn.CrossEntropyLoss with reduction 'mean' on raw scores (logits): softmax, then -sum(t * log p) per row,
/// averaged over rows (samples x steps). Targets are class probabilities; a one-hot row is a class index.
/// </summary>
public sealed class CrossEntropyLoss : ILoss
{
    /// <inheritdoc />
    public string Name => "cross_entropy";

    /// <inheritdoc />
    public double Value(Batch output, Batch target) => Compute(output, target, out _);

    /// <inheritdoc />
    public double Compute(Batch output, Batch target, out Batch gradient)
    {
        LossShapes.Check(output, target);
        double rows = (double)output.Length * output.Size;
        double sum = 0;
        var grads = new Matrix<double>[output.Length];
        for (int t = 0; t < output.Length; t++)
        {
            var z = output[t];
            var y = target[t];
            var g = new DenseMatrix(z.RowCount, z.ColumnCount);
            for (int r = 0; r < z.RowCount; r++)
            {
                double max = double.NegativeInfinity;
                for (int c = 0; c < z.ColumnCount; c++) max = Math.Max(max, z[r, c]);
                double s = 0;
                for (int c = 0; c < z.ColumnCount; c++) s += Math.Exp(z[r, c] - max);
                double logSum = max + Math.Log(s);
                for (int c = 0; c < z.ColumnCount; c++)
                {
                    double logP = z[r, c] - logSum;
                    double tc = y[r, c];
                    if (tc != 0) sum -= tc * logP;
                    // d/dz of -sum_c t_c log softmax_c = softmax * sum(t) - t.
                    g[r, c] = Math.Exp(logP) * RowSum(y, r) - tc;
                }
            }
            grads[t] = g.Divide(rows);
        }
        gradient = new Batch(grads);
        return sum / rows;
    }

    private static double RowSum(Matrix<double> m, int r)
    {
        double s = 0;
        for (int c = 0; c < m.ColumnCount; c++) s += m[r, c];
        return s;
    }

    /// <summary>Softmax of each row (class probabilities from scores).</summary>
    public static Matrix<double> Softmax(Matrix<double> scores)
    {
        var p = new DenseMatrix(scores.RowCount, scores.ColumnCount);
        for (int r = 0; r < scores.RowCount; r++)
        {
            double max = double.NegativeInfinity;
            for (int c = 0; c < scores.ColumnCount; c++) max = Math.Max(max, scores[r, c]);
            double s = 0;
            for (int c = 0; c < scores.ColumnCount; c++) s += p[r, c] = Math.Exp(scores[r, c] - max);
            for (int c = 0; c < scores.ColumnCount; c++) p[r, c] /= s;
        }
        return p;
    }

    /// <summary>One-hot rows for class labels 0..classes-1.</summary>
    public static double[][] OneHot(IReadOnlyList<int> labels, int classes) =>
        labels.Select(l =>
        {
            var row = new double[classes];
            row[l] = 1.0;
            return row;
        }).ToArray();
}
