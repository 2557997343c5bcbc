using System.Diagnostics;

namespace Hwsim.Circuits.Simulation;

/// <summary>Counts and times of one engine, for <c>hwsim run --stats</c> and the benchmarks.</summary>
public sealed class EngineStatistics
{
    public int Unknowns { get; internal set; }
    public int MatrixNonZeros { get; internal set; }
    public int LuNonZeros { get; internal set; }
    public int NewtonIterations { get; internal set; }
    public int Loads { get; internal set; }
    public int Factorizations { get; internal set; }
    public int Refactorizations { get; internal set; }
    /// <summary>Solves that reused an existing factorisation because the matrix had not changed.</summary>
    public int ReusedFactorizations { get; internal set; }
    public int Solves { get; internal set; }
    public int TimePoints { get; internal set; }
    public int AcceptedTimePoints { get; internal set; }
    public int RejectedTimePoints { get; internal set; }

    public TimeSpan SetupTime { get; internal set; }
    public TimeSpan OrderingTime { get; internal set; }
    public TimeSpan FactorTime { get; internal set; }
    public TimeSpan SolveTime { get; internal set; }
    public TimeSpan LoadTime { get; internal set; }

    internal static TimeSpan Since(long start) => Stopwatch.GetElapsedTime(start);
}
