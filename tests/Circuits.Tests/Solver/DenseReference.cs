using System.Numerics;
using Hwsim.Circuits.Solver;

namespace Hwsim.Circuits.Tests.Solver;

/// <summary>Independent answers: dense matrices, a dense LU with partial pivoting, residual norms.</summary>
internal static class DenseReference
{
    /// <summary>The matrix as a dense array, 0-based.</summary>
    public static T[,] ToDense<T>(SparseMatrix<T> matrix)
        where T : struct, INumberBase<T>
    {
        int n = matrix.Size;
        var dense = new T[n, n];
        T[] values = matrix.Values;
        for (int h = 1; h <= matrix.NonZeros; h++)
        {
            dense[matrix.RowOf(h) - 1, matrix.ColumnOf(h) - 1] += values[h];
        }

        return dense;
    }

    /// <summary>Solves a dense system by Gaussian elimination with partial pivoting (0-based b and result).</summary>
    public static T[] Solve<T>(T[,] a, T[] b)
        where T : struct, INumberBase<T>
    {
        int n = b.Length;
        var m = (T[,])a.Clone();
        var x = (T[])b.Clone();
        for (int k = 0; k < n; k++)
        {
            int best = k;
            for (int i = k + 1; i < n; i++)
            {
                if (Abs(m[i, k]) > Abs(m[best, k]))
                {
                    best = i;
                }
            }

            if (Abs(m[best, k]) == 0)
            {
                throw new InvalidOperationException("Dense reference: singular.");
            }

            if (best != k)
            {
                for (int j = 0; j < n; j++)
                {
                    (m[k, j], m[best, j]) = (m[best, j], m[k, j]);
                }

                (x[k], x[best]) = (x[best], x[k]);
            }

            for (int i = k + 1; i < n; i++)
            {
                T f = m[i, k] / m[k, k];
                if (f == T.Zero)
                {
                    continue;
                }

                for (int j = k; j < n; j++)
                {
                    m[i, j] -= f * m[k, j];
                }

                x[i] -= f * x[k];
            }
        }

        for (int k = n - 1; k >= 0; k--)
        {
            T sum = x[k];
            for (int j = k + 1; j < n; j++)
            {
                sum -= m[k, j] * x[j];
            }

            x[k] = sum / m[k, k];
        }

        return x;
    }

    public static double Abs<T>(T value)
        where T : struct, INumberBase<T>
    {
        if (value is Complex c)
        {
            return Complex.Abs(c);
        }

        return double.CreateTruncating(T.Abs(value));
    }

    /// <summary>||A x - b||_inf / (||A||_inf ||x||_inf + ||b||_inf), vectors 1-based.</summary>
    public static double RelativeResidual<T>(SparseMatrix<T> matrix, ReadOnlySpan<T> x, ReadOnlySpan<T> b)
        where T : struct, INumberBase<T>
    {
        int n = matrix.Size;
        var ax = new T[n + 1];
        matrix.Multiply(x, ax);
        double r = 0;
        double xNorm = 0;
        double bNorm = 0;
        for (int i = 1; i <= n; i++)
        {
            r = Math.Max(r, Abs(ax[i] - b[i]));
            xNorm = Math.Max(xNorm, Abs(x[i]));
            bNorm = Math.Max(bNorm, Abs(b[i]));
        }

        var rowSums = new double[n + 1];
        T[] values = matrix.Values;
        for (int h = 1; h <= matrix.NonZeros; h++)
        {
            rowSums[matrix.RowOf(h)] += Abs(values[h]);
        }

        double aNorm = rowSums.Max();
        return r / ((aNorm * xNorm) + bNorm);
    }
}
