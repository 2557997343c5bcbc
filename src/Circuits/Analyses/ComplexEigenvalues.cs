using System.Numerics;

namespace Hwsim.Circuits.Analyses;

/// <summary>
/// The eigenvalues of a small dense complex matrix by the shifted QR algorithm (Wilkinson shifts, deflation from the
/// bottom), for pole-zero analysis, whose matrices are as large as a circuit's unknowns: fine for the tens of unknowns
/// such analyses are run on, O(n^4) beyond.
/// </summary>
internal static class ComplexEigenvalues
{
    /// <summary>The eigenvalues of <paramref name="a"/> (n x n, changed in place).</summary>
    /// <exception cref="SimulationException">The iteration did not converge.</exception>
    public static Complex[] Of(Complex[,] a)
    {
        var n = a.GetLength(0);
        var values = new Complex[n];
        var size = n;
        var iterations = 0;
        while (size > 0)
        {
            if (size == 1)
            {
                values[0] = a[0, 0];
                break;
            }
            var scale = Complex.Abs(a[size - 1, size - 1]) + Complex.Abs(a[size - 2, size - 2]);
            if (LastRowOffDiagonal(a, size) <= 1e-15 * Math.Max(scale, Norm(a, size)))
            {
                values[size - 1] = a[size - 1, size - 1];
                size--;
                iterations = 0;
                continue;
            }
            if (++iterations > 200) throw new SimulationException("pole-zero: the eigenvalue iteration did not converge");
            var shift = iterations % 11 == 0 ? a[size - 1, size - 1] + LastRowOffDiagonal(a, size) : Wilkinson(a, size); // now and then an exceptional shift
            QrStep(a, size, shift);
        }
        return values;
    }

    /// <summary>The largest modulus left of the diagonal in the last row (the matrix is full, not Hessenberg).</summary>
    private static double LastRowOffDiagonal(Complex[,] a, int size)
    {
        var max = 0.0;
        for (var j = 0; j < size - 1; j++) max = Math.Max(max, Complex.Abs(a[size - 1, j]));
        return max;
    }

    private static double Norm(Complex[,] a, int size)
    {
        var max = 0.0;
        for (var i = 0; i < size; i++)
            for (var j = 0; j < size; j++)
                max = Math.Max(max, Complex.Abs(a[i, j]));
        return max;
    }

    /// <summary>The eigenvalue of the trailing 2 x 2 block nearer its last diagonal element.</summary>
    private static Complex Wilkinson(Complex[,] a, int size)
    {
        var p = a[size - 2, size - 2];
        var q = a[size - 2, size - 1];
        var r = a[size - 1, size - 2];
        var s = a[size - 1, size - 1];
        var half = (p - s) / 2;
        var root = Complex.Sqrt(half * half + q * r);
        var mu1 = s - q * r / (half + root);
        var mu2 = s - q * r / (half - root);
        if (half + root == Complex.Zero) return mu2;
        if (half - root == Complex.Zero) return mu1;
        return Complex.Abs(mu1 - s) < Complex.Abs(mu2 - s) ? mu1 : mu2;
    }

    /// <summary>A - mu I = Q R by Givens rotations, then A = R Q + mu I, on the leading size x size block.</summary>
    private static void QrStep(Complex[,] a, int size, Complex mu)
    {
        for (var i = 0; i < size; i++) a[i, i] -= mu;
        var list = new List<(int, Complex, Complex)>();
        // Zero the sub-diagonal part column by column.
        for (var col = 0; col < size - 1; col++)
        {
            for (var row = size - 1; row > col; row--)
            {
                var x = a[row - 1, col];
                var y = a[row, col];
                if (y == Complex.Zero) continue;
                var r = Math.Sqrt(Complex.Abs(x) * Complex.Abs(x) + Complex.Abs(y) * Complex.Abs(y));
                var c = x / r;
                var s = y / r;
                // [c* s*; -s c] applied to rows row-1, row
                for (var k = 0; k < size; k++)
                {
                    var u = a[row - 1, k];
                    var v = a[row, k];
                    a[row - 1, k] = Complex.Conjugate(c) * u + Complex.Conjugate(s) * v;
                    a[row, k] = -s * u + c * v;
                }
                list.Add((row, c, s));
            }
        }
        // R Q: apply the conjugate transposes of the rotations on the right, in the same order.
        foreach (var (row, c, s) in list)
        {
            for (var k = 0; k < size; k++)
            {
                var u = a[k, row - 1];
                var v = a[k, row];
                a[k, row - 1] = u * c + v * s;
                a[k, row] = -u * Complex.Conjugate(s) + v * Complex.Conjugate(c);
            }
        }
        for (var i = 0; i < size; i++) a[i, i] += mu;
    }
}
