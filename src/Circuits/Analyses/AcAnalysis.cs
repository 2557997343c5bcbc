using System.Numerics;
using Hwsim.Circuits.Results;
using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Analyses;

/// <summary>
/// <c>.ac dec|oct|lin N fstart fstop</c>: the small-signal response around the operating point (ngspice's acan.c).
/// Vectors are complex; the scale is <c>frequency</c>.
/// </summary>
public sealed class AcAnalysis : Analysis
{
    public AcAnalysis(AcSweepType type, int points, double start, double stop)
    {
        if (points < 1) throw new ArgumentException(".ac: the number of points must be at least 1");
        if (start <= 0 && type != AcSweepType.Linear) throw new ArgumentException(".ac: the start frequency must be positive for dec and oct");
        if (stop < start) throw new ArgumentException(".ac: the stop frequency is below the start frequency");
        Type = type;
        PointCount = points;
        Start = start;
        Stop = stop;
    }

    public AcSweepType Type { get; }
    public int PointCount { get; }
    public double Start { get; }
    public double Stop { get; }

    public override AnalysisKind Kind => AnalysisKind.Ac;

    public override string ToNetlist() =>
        $".ac {Type switch { AcSweepType.Decade => "dec", AcSweepType.Octave => "oct", _ => "lin" }} {PointCount} {NetlistNumber.Format(Start)} {NetlistNumber.Format(Stop)}";

    /// <summary>The frequencies, generated as ngspice does (multiplying or adding a step until past stop within a tolerance).</summary>
    public IReadOnlyList<double> Frequencies(double relTol = 1e-3)
    {
        var list = new List<double>();
        double delta;
        switch (Type)
        {
            case AcSweepType.Decade: delta = Math.Exp(Math.Log(10.0) / PointCount); break;
            case AcSweepType.Octave: delta = Math.Exp(Math.Log(2.0) / PointCount); break;
            default:
                // as acan.c: two points give one (ngspice needs more than one step to step at all)
                delta = PointCount - 1 > 1 ? (Stop - Start) / (PointCount - 1) : double.PositiveInfinity;
                break;
        }
        var tol = Type == AcSweepType.Linear ? delta * relTol : delta * Stop * relTol;
        if (double.IsInfinity(tol)) tol = 0;
        var f = Start;
        while (f <= Stop + tol)
        {
            list.Add(f);
            if (Type == AcSweepType.Linear)
            {
                if (double.IsInfinity(delta) || delta == 0) break;
                f += delta;
            }
            else
            {
                if (delta == 1) break;
                f *= delta;
            }
        }
        return list;
    }

    public override AnalysisResult Run(CircuitEngine engine)
    {
        PrepareDc(engine);
        var s = engine.State;
        OperatingPointSolver.Solve(engine, AnalysisMode.DcOperatingPoint, s.Options.Itl1);

        // Let nonlinear devices store their small-signal parameters at the operating point.
        s.Biasing.Init = InitializationMode.SmallSignal;
        engine.Load();

        engine.PrepareAc();
        s.Biasing.Mode = AnalysisMode.Ac;
        var freqs = Frequencies(s.Options.RelTol);
        var n = s.Unknowns.Count;
        var data = new Complex[n + 1][];
        for (var i = 1; i <= n; i++) data[i] = new Complex[freqs.Count];
        for (var k = 0; k < freqs.Count; k++)
        {
            s.Frequency.Omega = 2 * Math.PI * freqs[k];
            engine.SolveAc();
            for (var i = 1; i <= n; i++) data[i][k] = s.Frequency.Rhs[i];
        }
        s.Biasing.Mode = AnalysisMode.DcOperatingPoint;
        s.Biasing.Init = InitializationMode.Float;

        var vectors = new List<ResultVector>(n);
        for (var i = 1; i <= n; i++)
            if (!s.Unknowns.IsInternal(i)) vectors.Add(new ResultVector(s.Unknowns.VectorNameOf(i), data[i]));
        return new AnalysisResult(Kind, ToNetlist(), new ResultVector("frequency", freqs.ToArray()), vectors)
        {
            Statistics = engine.Statistics.Snapshot(),
        };
    }
}
