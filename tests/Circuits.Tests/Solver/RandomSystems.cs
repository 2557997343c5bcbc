using System.Numerics;
using Hwsim.Circuits.Solver;

namespace Hwsim.Circuits.Tests.Solver;

/// <summary>Seeded random sparse systems with a known structure of difficulty.</summary>
internal static class RandomSystems
{
    /// <summary>
    /// A = P D + R with R random sparse, D dominant and P a random permutation (or the identity): row π(c) holds a
    /// dominant entry in column c, so P^T A is strictly row diagonally dominant (non-singular, well conditioned),
    /// while A itself has mostly zero or small diagonal entries when P moves rows.
    /// </summary>
    public static SparseMatrix<T> PermutedDominant<T>(int n, int seed, double density, bool permute)
        where T : struct, INumberBase<T>
    {
        var random = new Random(seed);
        int[] pi = Enumerable.Range(0, n).ToArray();
        if (permute)
        {
            random.Shuffle(pi);
        }

        var entries = new Dictionary<(int Row, int Col), T>();
        var rowAbs = new double[n];
        var dominantRow = new bool[n, n];
        for (int c = 0; c < n; c++)
        {
            dominantRow[pi[c], c] = true;
        }

        for (int r = 0; r < n; r++)
        {
            for (int c = 0; c < n; c++)
            {
                if (!dominantRow[r, c] && random.NextDouble() < density)
                {
                    T v = Value<T>(random);
                    entries[(r, c)] = v;
                    rowAbs[r] += DenseReference.Abs(v);
                }
            }
        }

        for (int c = 0; c < n; c++)
        {
            int r = pi[c];
            double magnitude = rowAbs[r] + 0.5 + random.NextDouble();
            entries[(r, c)] = Scale(Value<T>(random), magnitude);
        }

        return Build(n, entries);
    }

    /// <summary>
    /// A random sparse matrix with a full but tiny diagonal (so the preferred pivots must often be rejected) and a
    /// random full-rank-looking off-diagonal part.
    /// </summary>
    public static SparseMatrix<T> TinyDiagonal<T>(int n, int seed, double density)
        where T : struct, INumberBase<T>
    {
        var random = new Random(seed);
        var entries = new Dictionary<(int Row, int Col), T>();
        int[] pi = Enumerable.Range(0, n).ToArray();
        random.Shuffle(pi);
        for (int c = 0; c < n; c++)
        {
            entries[(pi[c], c)] = Value<T>(random);
            entries[(c, c)] = Scale(Value<T>(random), 1e-8);
            for (int r = 0; r < n; r++)
            {
                if (random.NextDouble() < density && !entries.ContainsKey((r, c)))
                {
                    entries[(r, c)] = Value<T>(random);
                }
            }
        }

        return Build(n, entries);
    }

    /// <summary>A random right-hand side, 1-based (element 0 unused).</summary>
    public static T[] Rhs<T>(int n, int seed)
        where T : struct, INumberBase<T>
    {
        var random = new Random(seed ^ 0x5bd1e995);
        var b = new T[n + 1];
        for (int i = 1; i <= n; i++)
        {
            b[i] = Value<T>(random);
        }

        return b;
    }

    /// <summary>Replaces every value by a new random one (same pattern), keeping the dominant entries dominant.</summary>
    public static void Perturb<T>(SparseMatrix<T> matrix, int seed, double relative)
        where T : struct, INumberBase<T>
    {
        var random = new Random(seed);
        T[] values = matrix.Values;
        for (int h = 1; h <= matrix.NonZeros; h++)
        {
            values[h] += Scale(values[h], relative * ((2 * random.NextDouble()) - 1));
        }
    }

    public static T Value<T>(Random random)
        where T : struct, INumberBase<T>
    {
        double re = (2 * random.NextDouble()) - 1;
        if (typeof(T) == typeof(Complex))
        {
            return (T)(object)new Complex(re, (2 * random.NextDouble()) - 1);
        }

        return T.CreateTruncating(re);
    }

    private static T Scale<T>(T value, double factor)
        where T : struct, INumberBase<T>
    {
        if (typeof(T) == typeof(Complex))
        {
            return (T)(object)((Complex)(object)value * factor);
        }

        return value * T.CreateTruncating(factor);
    }

    private static SparseMatrix<T> Build<T>(int n, Dictionary<(int Row, int Col), T> entries)
        where T : struct, INumberBase<T>
    {
        var matrix = new SparseMatrix<T>(n);
        var handles = new List<(int Handle, T Value)>();
        foreach (var ((r, c), v) in entries)
        {
            handles.Add((matrix.GetElement(r + 1, c + 1), v));
        }

        matrix.FixStructure();
        foreach (var (h, v) in handles)
        {
            matrix.Values[h] = v;
        }

        return matrix;
    }
}
