using System.Numerics;
using System.Runtime.CompilerServices;

namespace Hwsim.Circuits.Simulation;

/// <summary>
/// Newton-Raphson iteration until convergence (SPICE's NIiter) with its convergence test (NIconvTest): load,
/// factor, solve, test, as often as the iteration limit allows. The one test of whether an unknown has settled
/// serves both the decision to stop and the report of the nodes that did not settle.
/// </summary>
internal sealed class NewtonIteration
{
    private readonly CircuitEngine _engine;
    private readonly SimulationState _state;
    private readonly LinearSystem<double> _system;
    private readonly IConvergenceBehavior[] _convergence;
    private readonly bool[] _isVoltage;
    private bool _shouldReorder = true;

    // The linear circuit's last full load: the factor call it made and the coefficient and gmin its matrix was made with.
    private int _linearFactorCall = -1;
    private double _linearAg0, _linearGmin;

    public NewtonIteration(CircuitEngine engine, LinearSystem<double> system, IConvergenceBehavior[] convergence)
    {
        _engine = engine;
        _state = engine.State;
        _system = system;
        _convergence = convergence;
        var unknowns = _state.Unknowns;
        _isVoltage = Enumerable.Range(0, unknowns.Count + 1).Select(i => unknowns.KindOf(i) == UnknownKind.Voltage).ToArray();
    }

    /// <summary>The unsettled nodes when Newton last gave up (for the non-convergence report).</summary>
    public IReadOnlyList<string> LastUnsettled { get; set; } = Array.Empty<string>();

    /// <summary>
    /// Iterates until convergence. On success <see cref="BiasingState.Solution"/> holds the point of the last load,
    /// as ngspice reports it. Returns false when <paramref name="maxIterations"/> (raised to at least 100, as
    /// ngspice does) are exhausted.
    /// </summary>
    public bool Iterate(int maxIterations)
    {
        var s = _state.Biasing;
        var statistics = _engine.Statistics;
        if (maxIterations < 100) maxIterations = 100;

        if ((s.Mode & AnalysisMode.TransientOperatingPoint) != 0 && s.UseIc)
        {
            (s.Rhs, s.Solution) = (s.Solution, s.Rhs);
            _engine.Load();
            return true;
        }

        if (_engine.IsLinear && (s.Mode & AnalysisMode.Transient) != 0
            && s.Init is InitializationMode.Predict or InitializationMode.Transient)
            return SolveLinear();

        var iteration = 0;
        var ipass = false;
        while (true)
        {
            s.NonConvergenceCount = 0;
            _engine.Load();
            iteration++;
            if (s.Init == InitializationMode.Junction || (s.Init == InitializationMode.Transient && iteration == 1))
                _shouldReorder = true;
            _system.Factor(_shouldReorder);
            _shouldReorder = false;
            statistics.LuNonZeros = _system.LuNonZeros;
            _system.Solve(s.Rhs);
            statistics.NewtonIterations++;

            if (iteration > maxIterations)
            {
                LastUnsettled = UnsettledNodes();
                return false;
            }

            bool converged;
            if (s.NonConvergenceCount == 0 && iteration != 1)
            {
                // ngspice 39 (NEWCONV): NIconvTest returns CKTconvTest's error code, not its CKTnoncon, and NIiter
                // assigns that to CKTnoncon; so the device tests only name a trouble device and never hold Newton back.
                converged = NodesConverged(s.Rhs, s.Solution);
                if (converged) NameUnconvergedDevice();
            }
            else
            {
                converged = false;
            }
            if (s.Rhs.Length > 1 && double.IsNaN(s.Rhs[1])) converged = false;

            switch (s.Init)
            {
                case InitializationMode.Float:
                    if ((s.Mode & AnalysisMode.Dc) != 0 && _state.NodeSets.Count > 0)
                    {
                        if (ipass) converged = false;
                        ipass = false;
                    }
                    if (converged) return true;
                    break;
                case InitializationMode.Junction:
                    s.Init = InitializationMode.Fix;
                    _shouldReorder = true;
                    break;
                case InitializationMode.Fix:
                    if (converged) s.Init = InitializationMode.Float;
                    ipass = true;
                    break;
                case InitializationMode.SmallSignal:
                case InitializationMode.Transient:
                case InitializationMode.Predict:
                    if (s.Init == InitializationMode.Transient && iteration <= 1) _shouldReorder = true;
                    s.Init = InitializationMode.Float;
                    break;
            }
            (s.Rhs, s.Solution) = (s.Solution, s.Rhs);
        }
    }

    /// <summary>
    /// A time point of a linear circuit: load, factor (reused when the values are those factored), solve once. A second
    /// Newton iteration would load the same matrix and right-hand side and find the same solution, so only what it
    /// would write besides is done: the devices' states at the solution. The solution is reported as ngspice reports
    /// it after its second iteration (the point of its last load, this solve's result). While the step stays, so do
    /// the matrix and its factors: then only the right-hand side is loaded.
    /// </summary>
    private bool SolveLinear()
    {
        var s = _state.Biasing;
        var statistics = _engine.Statistics;
        s.NonConvergenceCount = 0;
        var ag0 = _state.Transient.Ag[0];
        if (s.Init == InitializationMode.Predict && _system.FactorCalls == _linearFactorCall && ag0 == _linearAg0
            && _state.DiagonalGmin == _linearGmin && !s.ConstantStampsChanged)
        {
            _engine.LoadRightHandSide();
            statistics.ReusedFactorizations++;
        }
        else
        {
            _engine.Load();
            _system.Factor(_shouldReorder || s.Init == InitializationMode.Transient);
            _shouldReorder = false;
            statistics.LuNonZeros = _system.LuNonZeros;
            (_linearFactorCall, _linearAg0, _linearGmin) = (_system.FactorCalls, ag0, _state.DiagonalGmin);
        }
        _system.Solve(s.Rhs);
        statistics.NewtonIterations++;
        if (!AllFinite(s.Rhs))
        {
            LastUnsettled = UnsettledNodes();
            return false;
        }
        (s.Rhs, s.Solution) = (s.Solution, s.Rhs);
        s.Init = InitializationMode.Float;
        _engine.UpdateStates();
        return true;
    }

    /// <summary>True when no element is NaN or infinite: x * 0 is 0 for every finite x and NaN otherwise, summed a vector at a time.</summary>
    internal static bool AllFinite(double[] values)
    {
        var span = values.AsSpan();
        var sum = Vector<double>.Zero;
        var i = 0;
        for (; i + Vector<double>.Count <= span.Length; i += Vector<double>.Count)
            sum += new Vector<double>(span.Slice(i, Vector<double>.Count)) * Vector<double>.Zero;
        var total = Vector.Sum(sum);
        for (; i < span.Length; i++) total += span[i] * 0;
        return !double.IsNaN(total);
    }

    /// <summary>
    /// SPICE's node test: every unknown moved less than reltol*max(|new|,|old|) + vntol (voltages) or abstol
    /// (currents), and none is NaN. The only place the tolerance of an unknown is stated.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Moved(int i, double next, double previous)
    {
        var o = _state.Options;
        var abs = _isVoltage[i] ? o.VnTol : o.AbsTol;
        return double.IsNaN(next) || Math.Abs(next - previous) > o.RelTol * Math.Max(Math.Abs(next), Math.Abs(previous)) + abs;
    }

    private bool NodesConverged(double[] next, double[] previous)
    {
        for (var i = 1; i < next.Length; i++)
            if (Moved(i, next[i], previous[i])) return false;
        return true;
    }

    /// <summary>The nodes whose last two iterates still differ by more than the tolerance, the largest change first.</summary>
    public IReadOnlyList<string> UnsettledNodes()
    {
        var list = new List<(string Name, double Change)>();
        var next = _state.Biasing.Rhs;
        var previous = _state.Biasing.Solution;
        for (var i = 1; i < next.Length; i++)
        {
            if (!Moved(i, next[i], previous[i])) continue;
            var change = Math.Abs(next[i] - previous[i]);
            list.Add((_state.Unknowns.VectorNameOf(i), double.IsNaN(change) ? double.PositiveInfinity : change));
        }
        return list.OrderByDescending(x => x.Change).Select(x => x.Name).ToList();
    }

    /// <summary>
    /// Device tests (SPICE's CKTconvTest), which like ngspice read the solution the devices were loaded at (the MOSFET
    /// reads the new one, as mos1conv.c does). As in ngspice 39 they only name the trouble device.
    /// </summary>
    private void NameUnconvergedDevice()
    {
        foreach (var c in _convergence)
        {
            if (!c.IsConvergent())
            {
                _state.Biasing.TroubleDevice = ((Behavior)c).Name;
                return;
            }
        }
    }
}
