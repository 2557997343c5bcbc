using Hwsim.Circuits.Results;
using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Analyses;

/// <summary><c>.op</c>: the DC operating point, capacitors open and inductors shorted.</summary>
public sealed class OperatingPointAnalysis : Analysis
{
    public override AnalysisKind Kind => AnalysisKind.OperatingPoint;

    public override string ToNetlist() => ".op";

    public override AnalysisResult Run(CircuitEngine engine)
    {
        PrepareDc(engine);
        var s = engine.State;
        OperatingPointSolver.Solve(engine, AnalysisMode.DcOperatingPoint, s.Options.Itl1);
        var row = (double[])s.Biasing.Solution.Clone();
        return new AnalysisResult(Kind, ToNetlist(), null, UnknownVectors(engine, new[] { row })) { Statistics = engine.Statistics.Snapshot() };
    }

    /// <summary>
    /// Solves the operating point again after inputs changed (e.g. source values set through the engine's
    /// behaviours), reusing the set-up, ordering and the previous solution. Returns the solution vector (index = unknown).
    /// </summary>
    public static double[] Resolve(CircuitEngine engine)
    {
        PrepareDc(engine);
        OperatingPointSolver.Solve(engine, AnalysisMode.DcOperatingPoint, engine.State.Options.Itl1);
        return engine.State.Biasing.Solution;
    }
}
