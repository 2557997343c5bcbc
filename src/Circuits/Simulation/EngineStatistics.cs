using System.Diagnostics;

namespace Hwsim.Circuits.Simulation;

/// <summary>
/// Counts and times of one engine, for <c>hwsim run --stats</c> and the benchmarks: the one record of what the
/// engine, its Newton iteration and its solver phases (symbolic analysis, factor, refactor, solve) did. A result
/// keeps a copy as it was when the analysis ended.
/// </summary>
public sealed record EngineStatistics
{
    public int Unknowns { get; internal set; }
    public int MatrixNonZeros { get; internal set; }
    /// <summary>nnz(L) + nnz(U) of the latest real factorisation, both diagonals included.</summary>
    public int LuNonZeros { get; internal set; }
    public int NewtonIterations { get; internal set; }
    public int Loads { get; internal set; }
    /// <summary>Device evaluations skipped by bypass (<c>.options bypass=1</c>): the device stamped its previous one.</summary>
    public int BypassedDeviceLoads { get; internal set; }
    /// <summary>Symbolic analyses (transversal, order, fill) this engine made; 0 when it was handed a shared one.</summary>
    public int SymbolicAnalyses { get; internal set; }
    /// <summary>Factorisations with a pivot search (real and complex).</summary>
    public int Factorizations { get; internal set; }
    /// <summary>Refactorisations with the pivots of the last factorisation (real and complex).</summary>
    public int Refactorizations { get; internal set; }
    /// <summary>Refactorisations that met an unhealthy pivot and fell back to a full factorisation.</summary>
    public int RefactorFailures { get; internal set; }
    /// <summary>Solves that reused an existing factorisation because the matrix had not changed.</summary>
    public int ReusedFactorizations { get; internal set; }
    public int Solves { get; internal set; }
    /// <summary>Unknowns in the constant leading block of the matrix order (0: the plain order; see <c>SymbolicAnalysis.LeadingSize</c>).</summary>
    public int LeadingBlockSize { get; internal set; }
    /// <summary>The symbolic analysis's choice between the plain and the constrained order, with its estimates.</summary>
    public Hwsim.Circuits.Solver.BlockChoice? BlockChoice { get; internal set; }
    /// <summary>Times the leading block of the factors was computed (a factorisation, or a refactorisation after its values changed).</summary>
    public int LeadingBlockFactorizations { get; internal set; }
    /// <summary>Refactorisations that reused the leading block and recomputed only the trailing one, and pivot searches that resumed at the trailing block.</summary>
    public int LeadingBlockReuses { get; internal set; }
    /// <summary>Factorisations in which a leading pivot was too small on the leading rows, so the block was not kept apart.</summary>
    public int LeadingPivotFallbacks { get; internal set; }
    public int TimePoints { get; internal set; }
    public int AcceptedTimePoints { get; internal set; }
    public int RejectedTimePoints { get; internal set; }

    public TimeSpan SetupTime { get; internal set; }
    /// <summary>Time in the symbolic analysis (maximum transversal, ordering, fill).</summary>
    public TimeSpan OrderingTime { get; internal set; }
    public TimeSpan FactorTime { get; internal set; }
    public TimeSpan SolveTime { get; internal set; }
    public TimeSpan LoadTime { get; internal set; }

    /// <summary>A copy as the counters stand now (the engine goes on counting in its own).</summary>
    public EngineStatistics Snapshot() => this with { };

    internal static TimeSpan Since(long start) => Stopwatch.GetElapsedTime(start);
}
