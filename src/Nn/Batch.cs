using MathNet.Numerics.LinearAlgebra;

namespace Hwsim.Nn;

/// <summary>
/// The value that flows between layers: a batch of N samples, each a sequence of T steps of F features, stored as
/// one N x F matrix per step. Feed-forward data is the special case T = 1. Layers other than LSTM act on every
/// step independently (like a PyTorch layer applied to every time step); an LSTM consumes the steps in order.
/// Images are flattened per sample in PyTorch's (channel, row, column) order.
/// </summary>
public sealed class Batch
{
    private readonly Matrix<double>[] steps;

    /// <summary>Wraps one N x F matrix per step (all with the same shape).</summary>
    public Batch(IReadOnlyList<Matrix<double>> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        if (steps.Count == 0) throw new ArgumentException("a batch needs at least one step", nameof(steps));
        int n = steps[0].RowCount, f = steps[0].ColumnCount;
        foreach (var m in steps)
            if (m.RowCount != n || m.ColumnCount != f)
                throw new ArgumentException($"every step must be {n} x {f}, found {m.RowCount} x {m.ColumnCount}", nameof(steps));
        this.steps = steps.ToArray();
    }

    /// <summary>A feed-forward batch (one step) from one matrix of N rows by F features.</summary>
    public Batch(Matrix<double> single) : this(new[] { single }) { }

    /// <summary>Number of time steps T.</summary>
    public int Length => steps.Length;

    /// <summary>Number of samples N.</summary>
    public int Size => steps[0].RowCount;

    /// <summary>Number of features F per step.</summary>
    public int Features => steps[0].ColumnCount;

    /// <summary>The N x F matrix of step <paramref name="t"/>.</summary>
    public Matrix<double> this[int t] => steps[t];

    /// <summary>All steps in order.</summary>
    public IReadOnlyList<Matrix<double>> Steps => steps;

    /// <summary>N samples of one step each: one row per sample.</summary>
    public static Batch FromRows(IReadOnlyList<double[]> rows)
    {
        if (rows.Count == 0) throw new ArgumentException("no rows", nameof(rows));
        return new Batch(Matrix<double>.Build.DenseOfRows(rows));
    }

    /// <summary>One sequence (N = 1): one row per time step.</summary>
    public static Batch FromSequence(IReadOnlyList<double[]> steps)
    {
        if (steps.Count == 0) throw new ArgumentException("no steps", nameof(steps));
        return new Batch(steps.Select(s => Matrix<double>.Build.DenseOfRowArrays(s)).ToArray());
    }

    /// <summary>N sequences of equal length: <c>sequences[n][t][f]</c>.</summary>
    public static Batch FromSequences(IReadOnlyList<double[][]> sequences)
    {
        if (sequences.Count == 0) throw new ArgumentException("no sequences", nameof(sequences));
        int t = sequences[0].Length;
        if (sequences.Any(s => s.Length != t)) throw new ArgumentException("sequences differ in length", nameof(sequences));
        var steps = new Matrix<double>[t];
        for (int k = 0; k < t; k++)
            steps[k] = Matrix<double>.Build.DenseOfRows(sequences.Select(s => s[k]));
        return new Batch(steps);
    }

    /// <summary>A batch of zeros with the given shape.</summary>
    public static Batch Zeros(int length, int size, int features) =>
        new(Enumerable.Range(0, length).Select(_ => Matrix<double>.Build.Dense(size, features)).ToArray());

    /// <summary>The rows of a one-step batch (one per sample) or of a one-sample batch (one per step).</summary>
    public double[][] ToRows()
    {
        if (Length == 1) return steps[0].ToRowArrays();
        if (Size == 1) return steps.Select(m => m.Row(0).ToArray()).ToArray();
        throw new InvalidOperationException($"a batch of {Size} sequences of {Length} steps has no single row layout");
    }

    /// <summary>Sequence <paramref name="n"/> as <c>[t][f]</c>.</summary>
    public double[][] Sequence(int n) => steps.Select(m => m.Row(n).ToArray()).ToArray();

    /// <summary>The samples at the given indices, in that order.</summary>
    public Batch SelectSamples(IReadOnlyList<int> indices) =>
        new(steps.Select(m => Matrix<double>.Build.DenseOfRows(indices.Select(i => m.Row(i)))).ToArray());

    /// <summary>Steps [from, from + count).</summary>
    public Batch SliceSteps(int from, int count) => new(steps.Skip(from).Take(count).ToArray());

    /// <summary>A deep copy.</summary>
    public Batch Clone() => new(steps.Select(m => m.Clone()).ToArray());

    /// <summary>Applies a function to every step.</summary>
    public Batch Map(Func<Matrix<double>, Matrix<double>> f) => new(steps.Select(f).ToArray());
}
