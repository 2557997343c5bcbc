using System.Numerics;
using Hwsim.Circuits.Solver;

namespace Hwsim.Circuits.Tests.Solver;

/// <summary>Seeded random sparse systems with a known structure of difficulty.</summary>
internal static class RandomSystems
{
    /// <summary>
    /// A = P D + R with R random sparse, D dominant and P a random permutation (or the identity): row π(c) holds a
    /// dominant entry in column c, so P^T A is strictly row diagonally dominant (non-singular, well conditioned),
    /// while A itself has mostly zero or small diagonal entries when P moves rows. With
    /// <paramref name="tinyDiagonal"/> every diagonal entry not dominant is present with magnitude about 1e-8, so the
    /// preferred (diagonal) pivots exist structurally but must be rejected numerically.
    /// </summary>
    public static SparseMatrix<T> PermutedDominant<T>(int n, int seed, double density, bool permute, bool tinyDiagonal = false)
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
                bool tiny = tinyDiagonal && r == c;
                if (!dominantRow[r, c] && (tiny || random.NextDouble() < density))
                {
                    T v = tiny ? Scale(Value<T>(random), 1e-8) : Value<T>(random);
                    entries[(r, c)] = v;
                    rowAbs[r] += DenseReference.Abs(v);
                }
            }
        }

        for (int c = 0; c < n; c++)
        {
            int r = pi[c];
            double magnitude = (2 * rowAbs[r]) + 0.5 + random.NextDouble(); // stays dominant under a 30 % change
            entries[(r, c)] = Scale(UnitValue<T>(random), magnitude);
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

    /// <summary>Changes every value by a random fraction up to <paramref name="relative"/> (same pattern).</summary>
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

    /// <summary>A random value of modulus 1 (a sign, or a phase for complex numbers).</summary>
    public static T UnitValue<T>(Random random)
        where T : struct, INumberBase<T>
    {
        double angle = 2 * Math.PI * random.NextDouble();
        if (typeof(T) == typeof(Complex))
        {
            return (T)(object)Complex.FromPolarCoordinates(1, angle);
        }

        return angle < Math.PI ? T.One : -T.One;
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
