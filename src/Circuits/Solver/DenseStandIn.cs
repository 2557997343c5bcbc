using System.Numerics;

namespace Hwsim.Circuits.Solver;

// TEMPORARY: a dense stand-in with the API of the sparse solver being written on branch 'solver'.
// Deleted when that branch is merged.

public sealed class SparseMatrix<T> where T : struct, INumberBase<T>
{
    private readonly Dictionary<(int, int), int> _handles = new();
    private readonly List<(int Row, int Col)> _positions = new() { (0, 0) };
    private T[] _values = Array.Empty<T>();

    public SparseMatrix(int size) { Size = size; }
    public int Size { get; }
    public bool IsFixed { get; private set; }
    public T[] Values => _values;
    public int NonZeros => _positions.Count - 1;

    public int GetElement(int row, int col)
    {
        if (row == 0 || col == 0) return 0;
        if (_handles.TryGetValue((row, col), out var h)) return h;
        if (IsFixed) throw new InvalidOperationException("structure is fixed");
        h = _positions.Count;
        _positions.Add((row, col));
        _handles[(row, col)] = h;
        return h;
    }

    public void FixStructure() { IsFixed = true; _values = new T[_positions.Count]; }
    public void Clear() => Array.Clear(_values);
    public (int Row, int Column) PositionOf(int handle) => _positions[handle];
    public int FindElement(int row, int col) => _handles.TryGetValue((row, col), out var h) ? h : -1;
}

public class SolverException : Exception
{
    public SolverException(string message, int unknown) : base(message) { Unknown = unknown; }
    public int Unknown { get; }
}
public sealed class SingularMatrixException : SolverException
{
    public SingularMatrixException(int unknown) : base($"singular matrix at unknown {unknown}", unknown) { }
}
public sealed class StructurallySingularException : SolverException
{
    public StructurallySingularException(int unknown) : base($"structurally singular at unknown {unknown}", unknown) { }
}

public sealed class SolverStatistics
{
    public int AnalyzeCount, FactorCount, RefactorCount, SolveCount;
    public TimeSpan AnalyzeTime, FactorTime, SolveTime;
}

public sealed class SparseLU<T> where T : struct, INumberBase<T>
{
    private readonly SparseMatrix<T> _m;
    private T[,] _a = new T[0, 0];
    private int[] _perm = Array.Empty<int>();
    public SparseLU(SparseMatrix<T> matrix, double relativePivotThreshold = 1e-3, double absolutePivotThreshold = 1e-13) { _m = matrix; }
    public int LuNonZeros => _m.Size * _m.Size;
    public SolverStatistics Statistics { get; } = new();
    public void Analyze() { Statistics.AnalyzeCount++; }
    public bool Refactor() { Factor(); return true; }
    public void Factorize() => Factor();
    public void Factor()
    {
        Statistics.FactorCount++;
        int n = _m.Size;
        _a = new T[n, n];
        for (int h = 1; h <= _m.NonZeros; h++) { var (r, c) = _m.PositionOf(h); _a[r - 1, c - 1] += _m.Values[h]; }
        _perm = Enumerable.Range(0, n).ToArray();
        for (int k = 0; k < n; k++)
        {
            int p = k; double best = Mag(_a[k, k]);
            for (int i = k + 1; i < n; i++) if (Mag(_a[i, k]) > best) { best = Mag(_a[i, k]); p = i; }
            if (best <= 1e-13) throw new SingularMatrixException(k + 1);
            if (p != k) { for (int j = 0; j < n; j++) (_a[k, j], _a[p, j]) = (_a[p, j], _a[k, j]); (_perm[k], _perm[p]) = (_perm[p], _perm[k]); }
            for (int i = k + 1; i < n; i++)
            {
                var f = _a[i, k] / _a[k, k]; _a[i, k] = f;
                if (f == T.Zero) continue;
                for (int j = k + 1; j < n; j++) _a[i, j] -= f * _a[k, j];
            }
        }
    }
    private static double Mag(T x) => x is Complex c ? Math.Abs(c.Real) + Math.Abs(c.Imaginary) : Math.Abs(double.CreateTruncating(x));
    public void Solve(Span<T> x)
    {
        Statistics.SolveCount++;
        int n = _m.Size; var b = new T[n];
        for (int i = 0; i < n; i++) b[i] = x[_perm[i] + 1];
        for (int i = 0; i < n; i++) for (int j = 0; j < i; j++) b[i] -= _a[i, j] * b[j];
        for (int i = n - 1; i >= 0; i--) { for (int j = i + 1; j < n; j++) b[i] -= _a[i, j] * b[j]; b[i] /= _a[i, i]; }
        x[0] = T.Zero; for (int i = 0; i < n; i++) x[i + 1] = b[i];
    }
}
