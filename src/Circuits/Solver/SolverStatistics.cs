using System.Diagnostics;

namespace Hwsim.Circuits.Solver;

/// <summary>
/// Counters and times of one <see cref="SparseLU{T}"/>, for <c>hwsim run --stats</c>. Times are accumulated in
/// <see cref="Stopwatch"/> ticks; updating them does not allocate.
/// </summary>
public sealed class SolverStatistics
{
    /// <summary>Number of unknowns.</summary>
    public int Size { get; internal set; }

    /// <summary>Structural non-zeros of the matrix.</summary>
    public int MatrixNonZeros { get; internal set; }

    /// <summary>nnz(L) + nnz(U) of the current factors, diagonal included.</summary>
    public long LuNonZeros { get; internal set; }

    /// <summary>Strictly-lower non-zeros of the Cholesky factor of the ordered symmetric pattern (what the order promises).</summary>
    public long SymbolicLowerNonZeros { get; internal set; }

    /// <summary>Rows that the ordering treated as dense and placed last.</summary>
    public int DenseRows { get; internal set; }

    /// <summary>Pivots of the last <see cref="SparseLU{T}.Factor"/> taken off the preferred diagonal.</summary>
    public int OffDiagonalPivots { get; internal set; }

    /// <summary>Calls of <see cref="SparseLU{T}.Analyze"/>.</summary>
    public int AnalyzeCount { get; internal set; }

    /// <summary>Calls of <see cref="SparseLU{T}.Factor"/> that succeeded.</summary>
    public int FactorCount { get; internal set; }

    /// <summary>Calls of <see cref="SparseLU{T}.Refactor"/> that succeeded.</summary>
    public int RefactorCount { get; internal set; }

    /// <summary>Calls of <see cref="SparseLU{T}.Refactor"/> that met an unhealthy pivot.</summary>
    public int RefactorFailures { get; internal set; }

    /// <summary>Calls of <see cref="SparseLU{T}.Solve"/> and <see cref="SparseLU{T}.SolveTransposed"/>.</summary>
    public int SolveCount { get; internal set; }

    /// <summary>Stopwatch ticks in <see cref="SparseLU{T}.Analyze"/> (transversal, ordering, symbolic set-up).</summary>
    public long AnalyzeTicks { get; internal set; }

    /// <summary>Stopwatch ticks in the fill-reducing ordering alone (part of <see cref="AnalyzeTicks"/>).</summary>
    public long OrderingTicks { get; internal set; }

    /// <summary>Stopwatch ticks in <see cref="SparseLU{T}.Factor"/>.</summary>
    public long FactorTicks { get; internal set; }

    /// <summary>Stopwatch ticks in <see cref="SparseLU{T}.Refactor"/>.</summary>
    public long RefactorTicks { get; internal set; }

    /// <summary>Stopwatch ticks in the solves.</summary>
    public long SolveTicks { get; internal set; }

    /// <summary>Time in analysis.</summary>
    public TimeSpan AnalyzeTime => ToTime(AnalyzeTicks);

    /// <summary>Time in the ordering (part of <see cref="AnalyzeTime"/>).</summary>
    public TimeSpan OrderingTime => ToTime(OrderingTicks);

    /// <summary>Time in factorisations with pivot search.</summary>
    public TimeSpan FactorTime => ToTime(FactorTicks);

    /// <summary>Time in refactorisations (same pivots).</summary>
    public TimeSpan RefactorTime => ToTime(RefactorTicks);

    /// <summary>Time in solves.</summary>
    public TimeSpan SolveTime => ToTime(SolveTicks);

    /// <summary>Zeroes the counters and times (the sizes are kept).</summary>
    public void Reset()
    {
        AnalyzeCount = FactorCount = RefactorCount = RefactorFailures = SolveCount = 0;
        AnalyzeTicks = OrderingTicks = FactorTicks = RefactorTicks = SolveTicks = 0;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"size {Size}, nnz(A) {MatrixNonZeros}, nnz(L+U) {LuNonZeros}; " +
        $"analyze {AnalyzeCount}x {AnalyzeTime.TotalMilliseconds:F3} ms (ordering {OrderingTime.TotalMilliseconds:F3} ms), " +
        $"factor {FactorCount}x {FactorTime.TotalMilliseconds:F3} ms, " +
        $"refactor {RefactorCount}x {RefactorTime.TotalMilliseconds:F3} ms ({RefactorFailures} fell back), " +
        $"solve {SolveCount}x {SolveTime.TotalMilliseconds:F3} ms";

    private static TimeSpan ToTime(long ticks) => TimeSpan.FromSeconds(ticks / (double)Stopwatch.Frequency);
}
