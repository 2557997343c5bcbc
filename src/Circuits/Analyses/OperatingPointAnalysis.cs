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

    /// <summary>
    /// Solves the operating point again by Newton from the present solution, without the junction initialisation and
    /// the new pivot search that every fresh operating point starts with (<see cref="Resolve"/>), as a DC sweep goes on
    /// from its previous point; when Newton does not converge within ITL2 iterations, the full search of
    /// <see cref="Resolve"/> follows. Meant for a circuit close to one already solved whose solution was put in place,
    /// such as a Monte Carlo sample started from its nominal circuit's solution. Returns the solution vector.
    /// </summary>
    public static double[] Continue(CircuitEngine engine)
    {
        PrepareDc(engine);
        var s = engine.State.Biasing;
        s.Mode = AnalysisMode.DcOperatingPoint;
        s.Init = InitializationMode.Float;
        if (!engine.Newton.Iterate(engine.State.Options.Itl2))
            OperatingPointSolver.Solve(engine, AnalysisMode.DcOperatingPoint, engine.State.Options.Itl1);
        return s.Solution;
    }
}
