using System.Numerics;
using Hwsim.Circuits.Results;
using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Analyses;

/// <summary>
/// <c>.sens v(n[,ref])|i(vsrc) [dc | ac dec|oct|lin n fstart fstop]</c>: the derivative of one output with respect
/// to every device parameter (not normalised), as ngspice's cktsens.c computes it. At the operating point (DC) or the
/// AC solution E at each frequency, each parameter p is moved by delta = p * 1e-6 (1e-6 when p is 0); the loads
/// before and after give the change of the matrix and right-hand side, and dE = Y^-1 (dI - dY E) / delta. Vectors
/// are named after the parameters (<see cref="SensitivityParameter"/>); DC gives one real value each, AC a complex
/// value per frequency with the scale <c>frequency</c>.
/// </summary>
public sealed class SensitivityAnalysis : Analysis
{
    /// <summary>A DC sensitivity (<paramref name="sweep"/> null) or an AC one at the sweep's frequencies.</summary>
    /// <param name="output">The output node (voltage) or voltage source (current).</param>
    /// <param name="reference">The reference node of a voltage output; null: ground.</param>
    /// <param name="isCurrent">True for <c>i(vsrc)</c>.</param>
    /// <param name="sweep">The frequencies of an AC sensitivity: type, points, start, stop.</param>
    public SensitivityAnalysis(string output, string? reference, bool isCurrent, (AcSweepType Type, int Points, double Start, double Stop)? sweep)
    {
        if (sweep is { Points: < 1 }) throw new ArgumentException(".sens: the number of points must be at least 1");
        Output = output;
        Reference = reference;
        IsCurrent = isCurrent;
        Sweep = sweep;
    }

    public string Output { get; }
    public string? Reference { get; }
    public bool IsCurrent { get; }
    public (AcSweepType Type, int Points, double Start, double Stop)? Sweep { get; }

    public override AnalysisKind Kind => AnalysisKind.Sensitivity;

    public override string ToNetlist()
    {
        var output = IsCurrent ? $"i({Output})" : Reference is null ? $"v({Output})" : $"v({Output},{Reference})";
        if (Sweep is not { } s) return $".sens {output}";
        var type = s.Type switch { AcSweepType.Decade => "dec", AcSweepType.Octave => "oct", _ => "lin" };
        return $".sens {output} ac {type} {s.Points} {NetlistNumber.Format(s.Start)} {NetlistNumber.Format(s.Stop)}";
    }

    /// <summary>The frequencies as cktsens.c steps them (its own count_steps: lin n gives n points spaced (stop-start)/n).</summary>
    public IReadOnlyList<double> Frequencies()
    {
        if (Sweep is not { } s) return [];
        double low = s.Start, high = s.Stop, step;
        int n;
        switch (s.Type)
        {
            case AcSweepType.Linear:
                n = s.Points;
                step = (high - low) / s.Points;
                break;
            case AcSweepType.Decade:
                if (low <= 0) low = 1e-3;
                if (high <= low) high = 10 * low;
                n = (int)(s.Points * Math.Log10(high / low) + 1.01);
                step = Math.Pow(10, 1.0 / s.Points);
                break;
            default:
                if (low <= 0) low = 1e-3;
                if (high <= low) high = 2 * low;
                n = (int)(s.Points * Math.Log2(high / low) + 1.01);
                step = Math.Pow(2, 1.0 / s.Points);
                break;
        }
        var list = new List<double>(Math.Max(n, 1));
        var f = low;
        for (var i = 0; i < Math.Max(n, 1); i++)
        {
            list.Add(f);
            f = s.Type == AcSweepType.Linear ? f + step : f * step;
        }
        return list;
    }

    public override AnalysisResult Run(CircuitEngine engine)
    {
        PrepareDc(engine);
        var state = engine.State;
        OperatingPointSolver.Solve(engine, AnalysisMode.DcOperatingPoint, state.Options.Itl1);
        var (positive, negative) = OutputUnknowns(state.Unknowns);
        var leftOut = new List<string>();
        var parameters = SensitivityParameter.Of(engine.Circuit, Sweep is not null, leftOut);
        var point = new OperatingPoint(engine);
        return Sweep is null
            ? RunDc(engine, point, parameters, positive, negative)
            : RunAc(engine, point, parameters, positive, negative);
    }

    private AnalysisResult RunDc(CircuitEngine engine, OperatingPoint point, List<SensitivityParameter> parameters, int positive, int negative)
    {
        var x = point.Solution;
        // The matrix at the operating point, factored once; its load at x also gives the unperturbed residual.
        point.Restore(engine);
        engine.Load();
        var nominal = DcResidual(engine.Circuit, engine.State.Options, point);
        var vectors = new List<ResultVector>(parameters.Count);
        foreach (var p in parameters)
        {
            var value = 0.0;
            if (p.Affects)
            {
                double[] perturbed;
                p.Perturb();
                try
                {
                    perturbed = DcResidual(engine.Circuit, engine.State.Options, point);
                }
                finally
                {
                    p.Restore();
                }
                // dE = Y^-1 (dI - dY E): the residual Y E - I changed by dY E - dI
                var change = new double[x.Length];
                for (var i = 1; i < x.Length; i++) change[i] = nominal[i] - perturbed[i];
                engine.FactorAndSolve(change);
                value = (change[positive] - change[negative]) / p.Delta;
            }
            vectors.Add(new ResultVector(p.Name, [value]));
        }
        return new AnalysisResult(Kind, ToNetlist(), null, vectors) { Statistics = engine.Statistics.Snapshot() };
    }

    private AnalysisResult RunAc(CircuitEngine engine, OperatingPoint point, List<SensitivityParameter> parameters, int positive, int negative)
    {
        var frequencies = Frequencies();
        var state = engine.State;
        point.Restore(engine);
        state.Biasing.Init = InitializationMode.SmallSignal;
        engine.Load();
        engine.PrepareAc();
        // One bound circuit per perturbed parameter, loaded at the operating point, for every frequency.
        var nominal = SmallSignalEngine(engine.Circuit, state.Options, point);
        var perturbed = new CircuitEngine?[parameters.Count];
        for (var k = 0; k < parameters.Count; k++)
        {
            if (!parameters[k].Affects) continue;
            parameters[k].Perturb();
            try
            {
                perturbed[k] = SmallSignalEngine(engine.Circuit, state.Options, point);
            }
            finally
            {
                parameters[k].Restore();
            }
        }
        var values = parameters.Select(_ => new Complex[frequencies.Count]).ToArray();
        state.Biasing.Mode = AnalysisMode.Ac;
        for (var f = 0; f < frequencies.Count; f++)
        {
            var omega = 2 * Math.PI * frequencies[f];
            state.Frequency.Omega = omega;
            engine.SolveAc();
            var e = (Complex[])state.Frequency.Rhs.Clone();
            var reference = AcResidual(nominal, omega, e);
            for (var k = 0; k < parameters.Count; k++)
            {
                if (perturbed[k] is not { } other) continue;
                var residual = AcResidual(other, omega, e);
                var change = new Complex[e.Length];
                for (var i = 1; i < e.Length; i++) change[i] = reference[i] - residual[i];
                engine.SolveAcFactored(change);
                values[k][f] = (change[positive] - change[negative]) / parameters[k].Delta;
            }
        }
        state.Biasing.Mode = AnalysisMode.DcOperatingPoint;
        state.Biasing.Init = InitializationMode.Float;
        var vectors = parameters.Select((p, k) => new ResultVector(p.Name, values[k])).ToList();
        return new AnalysisResult(Kind, ToNetlist(), new ResultVector("frequency", frequencies.ToArray()), vectors)
        {
            Statistics = engine.Statistics.Snapshot(),
        };
    }

    /// <summary>The DC residual Y(x) x - I(x) of the circuit as it is now, bound afresh and loaded at the operating point.</summary>
    private static double[] DcResidual(Circuit circuit, SimulationOptions options, OperatingPoint point)
    {
        var engine = new CircuitEngine(circuit, options);
        engine.UpdateTemperature();
        point.Restore(engine);
        engine.Load();
        var s = engine.State.Biasing;
        var residual = new double[point.Solution.Length];
        s.Matrix.Multiply(point.Solution, residual);
        for (var i = 1; i < residual.Length; i++) residual[i] -= s.Rhs[i];
        return residual;
    }

    /// <summary>The circuit as it is now, bound afresh, its devices' small-signal values set at the operating point.</summary>
    private static CircuitEngine SmallSignalEngine(Circuit circuit, SimulationOptions options, OperatingPoint point)
    {
        var engine = new CircuitEngine(circuit, options);
        engine.UpdateTemperature();
        point.Restore(engine);
        engine.State.Biasing.Init = InitializationMode.SmallSignal;
        engine.Load();
        engine.PrepareAc();
        engine.State.Biasing.Mode = AnalysisMode.Ac;
        return engine;
    }

    /// <summary>The AC residual Y(omega) E - I of a small-signal engine at the AC solution <paramref name="e"/>.</summary>
    private static Complex[] AcResidual(CircuitEngine engine, double omega, Complex[] e)
    {
        engine.State.Frequency.Omega = omega;
        engine.AssembleAc();
        var f = engine.State.Frequency;
        var residual = new Complex[e.Length];
        f.Matrix.Multiply(e, residual);
        for (var i = 1; i < residual.Length; i++) residual[i] -= f.Rhs[i];
        return residual;
    }

    private (int Positive, int Negative) OutputUnknowns(Unknowns unknowns)
    {
        if (IsCurrent)
            return unknowns.TryGetBranch(Output.ToLowerInvariant(), out var branch)
                ? (branch, 0)
                : throw new CircuitException($".sens: the output i({Output}) names no voltage source of the circuit", Output);
        return (Node(unknowns, Output), Reference is null ? 0 : Node(unknowns, Reference));
    }

    private static int Node(Unknowns unknowns, string node)
    {
        if (Unknowns.IsGround(node)) return 0;
        return unknowns.TryGetIndex(node, out var i) && unknowns.KindOf(i) == UnknownKind.Voltage
            ? i
            : throw new CircuitException($".sens: the circuit has no node {node}", node);
    }

    /// <summary>The operating point and the devices' state there, put back into an engine of the same circuit before a load.</summary>
    private sealed class OperatingPoint
    {
        private readonly double[][] _states;

        public OperatingPoint(CircuitEngine engine)
        {
            var s = engine.State;
            Solution = (double[])s.Biasing.Solution.Clone();
            _states = Enumerable.Range(0, s.Transient.States.Depth).Select(k => (double[])s.Transient.States[k].Clone()).ToArray();
        }

        public double[] Solution { get; }

        /// <summary>Loads of <paramref name="engine"/> now read this point, with the junction voltages the devices last limited to.</summary>
        public void Restore(CircuitEngine engine)
        {
            var s = engine.State;
            Solution.AsSpan().CopyTo(s.Biasing.Solution);
            for (var k = 0; k < _states.Length; k++) _states[k].AsSpan().CopyTo(s.Transient.States[k]);
            s.Biasing.Mode = AnalysisMode.DcOperatingPoint;
            s.Biasing.Init = InitializationMode.Float;
        }
    }
}
