using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;

namespace Hwsim.Nn;

/// <summary>Small helpers over MathNet matrices that the layers share.</summary>
public static class Tensors
{
    /// <summary>Adds a column vector (k x 1, stored as a matrix) to every row of <paramref name="m"/> (n x k), in place.</summary>
    public static void AddRowVector(Matrix<double> m, Matrix<double> column)
    {
        double[] v = m.AsColumnMajorArray() ?? throw new ArgumentException("a dense matrix is needed", nameof(m));
        double[] b = column.AsColumnMajorArray() ?? column.ToColumnMajorArray();
        int rows = m.RowCount;
        for (int c = 0; c < m.ColumnCount; c++)
            for (int r = 0; r < rows; r++) v[c * rows + r] += b[c];
    }

    /// <summary>Adds the column sums of <paramref name="m"/> (n x k) to <paramref name="column"/> (k x 1), in place.</summary>
    public static void AddColumnSums(Matrix<double> column, Matrix<double> m)
    {
        double[] v = m.AsColumnMajorArray() ?? m.ToColumnMajorArray();
        double[] b = column.AsColumnMajorArray() ?? throw new ArgumentException("a dense matrix is needed", nameof(column));
        int rows = m.RowCount;
        for (int c = 0; c < m.ColumnCount; c++)
        {
            double s = 0;
            for (int r = 0; r < rows; r++) s += v[c * rows + r];
            b[c] += s;
        }
    }

    /// <summary>A dense zero matrix.</summary>
    public static DenseMatrix Zeros(int rows, int cols) => new(rows, cols);

    /// <summary>The largest absolute difference between two batches of the same shape.</summary>
    public static double MaxAbsDifference(Batch a, Batch b)
    {
        if (a.Length != b.Length || a.Size != b.Size || a.Features != b.Features)
            throw new ArgumentException("batches differ in shape");
        double max = 0;
        for (int t = 0; t < a.Length; t++)
            max = Math.Max(max, (a[t] - b[t]).Enumerate().Select(Math.Abs).DefaultIfEmpty(0).Max());
        return max;
    }
}
