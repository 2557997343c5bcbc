using System.Diagnostics;
using Hwsim.Circuits.Devices;
using Hwsim.Circuits.Solver;

namespace Hwsim.Circuits.Simulation;

/// <summary>
/// A circuit bound for simulation: its behaviours, unknowns, matrix (structure fixed at set-up) and solver.
/// Set-up, the symbolic analysis and the ordering happen once; every analysis run on the engine reuses them, so the
/// bridge can change source values and re-solve the operating point cheaply.
/// </summary>
public sealed class CircuitEngine
{
    private readonly List<Behavior> _behaviors = new();
    private Dictionary<string, Behavior>? _byName; // built on first use: a one-shot run never asks for a device by name
    private readonly IBiasingBehavior[] _biasing;
    private readonly IConvergenceBehavior[] _convergence;
    private readonly IFrequencyBehavior[] _frequency;
    private readonly IAcceptBehavior[] _accept;
    private readonly ITemperatureBehavior[] _temperature;
    private readonly ITruncatingBehavior[] _truncating;
    private readonly IInitialConditionBehavior[] _initialConditions;
    private readonly int[] _nodeDiagonals;
    private readonly bool[] _isVoltage;
    private readonly SparseLU<double> _lu;
    private double[] _factoredValues = Array.Empty<double>();
    private bool _factored;
    private bool _shouldReorder = true;
    private SparseLU<System.Numerics.Complex>? _complexLu;

    /// <summary>Binds <paramref name="circuit"/>: creates behaviours, numbers the unknowns, fixes the matrix structure.</summary>
    public CircuitEngine(Circuit circuit, SimulationOptions? options = null)
    {
        var start = Stopwatch.GetTimestamp();
        Circuit = circuit;
        State = new SimulationState((options ?? new SimulationOptions()).Clone(), new Unknowns());
        State.Method = State.Options.Method;
        State.Gmin = State.Options.Gmin;
        var context = new BindingContext(circuit, State);
        foreach (var entity in circuit)
        {
            var behavior = entity.CreateBehavior(context);
            if (behavior is null) continue;
            _behaviors.Add(behavior);
        }
        if (State.Unknowns.Count == 0)
            throw new CircuitException("the circuit has no nodes other than ground");

        var size = State.Unknowns.Count;
        State.Matrix = new SparseMatrix<double>(size);
        State.Matrix.EnsureCapacity(4 * _behaviors.Count + size); // two-terminal stamps and the node diagonals
        foreach (var b in _behaviors) b.Setup(State);
        foreach (var b in _behaviors.OfType<MutualInductanceBehavior>()) b.Connect(ByName, State);
        _nodeDiagonals = Enumerable.Range(1, size)
            .Where(i => State.Unknowns.KindOf(i) == UnknownKind.Voltage)
            .Select(i => State.Matrix.GetElement(i, i)).ToArray();
        State.Matrix.FixStructure();
        State.States.Create(Math.Max(State.Options.MaxOrder, 2) + 2);
        State.FreezeCharges();
        State.Rhs = new double[size + 1];
        State.Solution = new double[size + 1];
        _lu = new SparseLU<double>(State.Matrix, State.Options.PivRel, State.Options.PivTol);

        _biasing = _behaviors.OfType<IBiasingBehavior>().ToArray();
        _convergence = _behaviors.OfType<IConvergenceBehavior>().ToArray();
        _frequency = _behaviors.OfType<IFrequencyBehavior>().ToArray();
        _accept = _behaviors.OfType<IAcceptBehavior>().ToArray();
        _temperature = _behaviors.OfType<ITemperatureBehavior>().ToArray();
        _truncating = _behaviors.OfType<ITruncatingBehavior>().ToArray();
        _initialConditions = _behaviors.OfType<IInitialConditionBehavior>().ToArray();

        _isVoltage = Enumerable.Range(0, size + 1).Select(i => State.Unknowns.KindOf(i) == UnknownKind.Voltage).ToArray();
        Statistics.Unknowns = size;
        Statistics.MatrixNonZeros = State.Matrix.NonZeros;
        Statistics.SetupTime = EngineStatistics.Since(start);
    }

    public Circuit Circuit { get; }
    public SimulationState State { get; }
    public EngineStatistics Statistics { get; } = new();
    public IReadOnlyList<Behavior> Behaviors => _behaviors;

    /// <summary>The behaviour of a device by its (flattened) name.</summary>
    public Behavior this[string name] =>
        ByName.TryGetValue(name, out var b) ? b : throw new KeyNotFoundException($"no device named {name}");

    public bool TryGetBehavior(string name, out Behavior? behavior) => ByName.TryGetValue(name, out behavior);

    private Dictionary<string, Behavior> ByName
    {
        get
        {
            if (_byName is not null) return _byName;
            var map = new Dictionary<string, Behavior>(_behaviors.Count, StringComparer.OrdinalIgnoreCase);
            foreach (var b in _behaviors) map[b.Name] = b;
            return _byName = map;
        }
    }

    internal IReadOnlyList<ITruncatingBehavior> TruncatingBehaviors => _truncating;

    /// <summary>Row handles of node equations that .ic / .nodeset replace (SPICE's ZeroNoncurRow), found once.</summary>
    private readonly Dictionary<int, (int[] VoltageColumns, bool HasCurrentColumn, int Diagonal)> _clampRows = new();

    /// <summary>Sets <c>.ic</c> and <c>.nodeset</c> node values (before running an analysis).</summary>
    public void SetInitialCondition(string node, double value) => SetClamp(State.InitialConditions, node, value, ".ic");

    public void SetNodeSet(string node, double value) => SetClamp(State.NodeSets, node, value, ".nodeset");

    private void SetClamp(Dictionary<int, double> target, string node, double value, string what)
    {
        if (!State.Unknowns.TryGetIndex(node, out var index) || State.Unknowns.KindOf(index) != UnknownKind.Voltage)
            throw new CircuitException($"{what}: node {node} is not in the circuit", node);
        if (index == 0) throw new CircuitException($"{what}: cannot set the ground node", node);
        target[index] = value;
        if (_clampRows.ContainsKey(index)) return;
        var m = State.Matrix;
        var voltages = new List<int>();
        var hasCurrent = false;
        for (var col = 1; col <= State.Unknowns.Count; col++)
        {
            var h = m.FindElement(index, col);
            if (h <= 0) continue;
            if (State.Unknowns.KindOf(col) == UnknownKind.Current) hasCurrent = true;
            else voltages.Add(h);
        }
        var diag = m.FindElement(index, index);
        _clampRows[index] = (voltages.ToArray(), hasCurrent, diag);
    }

    private bool _topologyChecked;

    /// <summary>Checks for floating nodes and voltage-source loops once (before the first DC solution).</summary>
    public void ValidateTopology()
    {
        if (_topologyChecked) return;
        TopologyValidator.Validate(Circuit, State.Unknowns);
        _topologyChecked = true;
    }

    /// <summary>Runs every temperature behaviour (after a change of temperature or before the first analysis).</summary>
    public void UpdateTemperature()
    {
        // Repeated operating points (the bridge solves one per sample) keep their temperature: compute once per change.
        var temperature = State.Options.Temperature + PhysicalConstants.CelsiusToKelvin;
        var nominal = State.Options.NominalTemperature + PhysicalConstants.CelsiusToKelvin;
        if (_temperatureApplied && temperature == State.Temperature && nominal == State.NominalTemperature) return;
        State.Temperature = temperature;
        State.NominalTemperature = nominal;
        foreach (var t in _temperature) t.Temperature(State);
        _temperatureApplied = true;
    }

    private bool _temperatureApplied;

    /// <summary>Assembles the linearised system at the present solution (SPICE's CKTload).</summary>
    internal void Load()
    {
        var start = Stopwatch.GetTimestamp();
        var s = State;
        Array.Clear(s.Rhs);
        s.Matrix.Clear();
        foreach (var b in _biasing) b.Load(s);
        if (s.DiagonalGmin != 0)
        {
            var v = s.Matrix.Values;
            foreach (var d in _nodeDiagonals) v[d] += s.DiagonalGmin;
        }
        if ((s.Mode & AnalysisMode.Dc) != 0)
        {
            if (s.NodeSets.Count > 0 && s.Init is InitializationMode.Junction or InitializationMode.Fix)
                foreach (var (node, value) in s.NodeSets) Clamp(node, value, isNodeSet: true);
            if ((s.Mode & AnalysisMode.TransientOperatingPoint) != 0 && !s.UseIc)
                foreach (var (node, value) in s.InitialConditions) Clamp(node, value, isNodeSet: false);
        }
        s.Rhs[0] = 0;
        Statistics.Loads++;
        Statistics.LoadTime += EngineStatistics.Since(start);
    }

    private void Clamp(int node, double value, bool isNodeSet)
    {
        var (voltages, hasCurrent, diag) = _clampRows[node];
        var v = State.Matrix.Values;
        foreach (var h in voltages) v[h] = 0;
        if (hasCurrent)
        {
            State.Rhs[node] = 1.0e10 * value * State.SourceFactor;
            if (isNodeSet) v[diag] = 1e10;
            else v[diag] += 1e10;
        }
        else
        {
            State.Rhs[node] = value * State.SourceFactor;
            v[diag] = 1;
        }
    }

    /// <summary>
    /// Factors the matrix unless its values are those already factored (a linear circuit, a repeated time step):
    /// full pivoting factorisation when asked to reorder or the first time, else a refactorisation with the same
    /// pivots, falling back to a full one when a pivot has become too small.
    /// </summary>
    internal void Factor()
    {
        var values = State.Matrix.Values;
        // Same values as the last factorisation (a linear circuit, a repeated step): the factors are still valid,
        // even when a reorder was asked for (a new pivot search on the same numbers finds the same pivots).
        if (_factored && values.AsSpan().SequenceEqual(_factoredValues))
        {
            Statistics.ReusedFactorizations++;
            return;
        }
        var start = Stopwatch.GetTimestamp();
        try
        {
            if (!_factored)
            {
                var orderStart = Stopwatch.GetTimestamp();
                _lu.Analyze();
                Statistics.OrderingTime += EngineStatistics.Since(orderStart);
                start = Stopwatch.GetTimestamp();
                _lu.Factor();
                Statistics.Factorizations++;
            }
            else if (_shouldReorder || !_lu.Refactor())
            {
                _lu.Factor();
                Statistics.Factorizations++;
            }
            else
            {
                Statistics.Refactorizations++;
            }
        }
        catch (StructurallySingularException e)
        {
            _factored = false;
            throw Singular(e.Index, structural: true);
        }
        catch (SingularMatrixException e)
        {
            _factored = false;
            throw Singular(e.Index, structural: false);
        }
        Statistics.FactorTime += EngineStatistics.Since(start);
        Statistics.LuNonZeros = _lu.LuNonZeros;
        if (_factoredValues.Length != values.Length) _factoredValues = new double[values.Length];
        values.AsSpan().CopyTo(_factoredValues);
        _factored = true;
        _shouldReorder = false;
    }

    internal void RequestReorder() => _shouldReorder = true;

    internal void SolveInPlace(double[] rhs)
    {
        var start = Stopwatch.GetTimestamp();
        _lu.Solve(rhs);
        rhs[0] = 0;
        Statistics.Solves++;
        Statistics.SolveTime += EngineStatistics.Since(start);
    }

    private SimulationException Singular(int unknown, bool structural)
    {
        var what = State.Unknowns.Describe(unknown);
        var hint = State.Unknowns.KindOf(Math.Clamp(unknown, 0, State.Unknowns.Count)) == UnknownKind.Voltage
            ? "is it floating, or connected only through capacitors or current sources?"
            : "is it in a loop of voltage sources or inductors?";
        return new SimulationException(
            $"{(structural ? "structurally singular" : "singular")} matrix at {what}: {hint}",
            new[] { State.Unknowns.NameOf(Math.Clamp(unknown, 0, State.Unknowns.Count)) }) { NumericallySingular = !structural };
    }

    /// <summary>
    /// Newton-Raphson iteration until convergence (SPICE's NIiter). On success <see cref="SimulationState.Solution"/>
    /// holds the point of the last load, as ngspice reports it. Returns false when <paramref name="maxIterations"/>
    /// (raised to at least 100, as ngspice does) are exhausted.
    /// </summary>
    internal bool Iterate(int maxIterations)
    {
        var s = State;
        if (maxIterations < 100) maxIterations = 100;

        if ((s.Mode & AnalysisMode.TransientOperatingPoint) != 0 && s.UseIc)
        {
            (s.Rhs, s.Solution) = (s.Solution, s.Rhs);
            Load();
            return true;
        }

        var iteration = 0;
        var ipass = false;
        while (true)
        {
            s.NonConvergenceCount = 0;
            Load();
            iteration++;
            if (s.Init == InitializationMode.Junction || (s.Init == InitializationMode.Transient && iteration == 1))
                _shouldReorder = true;
            Factor();
            SolveInPlace(s.Rhs);
            Statistics.NewtonIterations++;

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
                if (converged) DevicesConverged();
            }
            else
            {
                converged = false;
            }
            if (double.IsNaN(s.Rhs[1]) && s.Rhs.Length > 1) converged = false;

            switch (s.Init)
            {
                case InitializationMode.Float:
                    if ((s.Mode & AnalysisMode.Dc) != 0 && s.NodeSets.Count > 0)
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

    /// <summary>SPICE's node test: every unknown moved less than reltol*max(|new|,|old|) + vntol (voltages) or abstol (currents).</summary>
    private bool NodesConverged(double[] next, double[] previous)
    {
        var o = State.Options;
        var isVoltage = _isVoltage;
        for (var i = 1; i < next.Length; i++)
        {
            var n = next[i];
            var p = previous[i];
            if (double.IsNaN(n)) return false;
            var abs = isVoltage[i] ? o.VnTol : o.AbsTol;
            if (Math.Abs(n - p) > o.RelTol * Math.Max(Math.Abs(n), Math.Abs(p)) + abs) return false;
        }
        return true;
    }

    /// <summary>
    /// Device tests (SPICE's CKTconvTest), which like ngspice read the solution the devices were loaded at (the MOSFET
    /// reads the new one, as mos1conv.c does). As in ngspice 39 they only record the trouble device.
    /// </summary>
    private bool DevicesConverged()
    {
        foreach (var c in _convergence)
        {
            if (!c.IsConvergent(State))
            {
                State.TroubleDevice = ((Behavior)c).Name;
                return false;
            }
        }
        return true;
    }

    /// <summary>The unsettled nodes when Newton last gave up (for the non-convergence report).</summary>
    internal IReadOnlyList<string> LastUnsettled { get; set; } = Array.Empty<string>();

    /// <summary>The nodes whose last two iterates still differ by more than the tolerance (for a non-convergence report).</summary>
    internal IReadOnlyList<string> UnsettledNodes()
    {
        var o = State.Options;
        var list = new List<(string Name, double Change)>();
        var next = State.Rhs;
        var prev = State.Solution;
        for (var i = 1; i < next.Length; i++)
        {
            var abs = State.Unknowns.KindOf(i) == UnknownKind.Voltage ? o.VnTol : o.AbsTol;
            var change = Math.Abs(next[i] - prev[i]);
            if (double.IsNaN(next[i]) || change > o.RelTol * Math.Max(Math.Abs(next[i]), Math.Abs(prev[i])) + abs)
                list.Add((State.Unknowns.VectorNameOf(i), double.IsNaN(change) ? double.PositiveInfinity : change));
        }
        return list.OrderByDescending(x => x.Change).Select(x => x.Name).ToList();
    }

    // ---- transient support ----

    internal void Accept()
    {
        foreach (var a in _accept) a.Accept(State);
    }

    internal void SetInitialConditionsFromNodes()
    {
        foreach (var b in _initialConditions) b.SetInitialCondition(State);
    }

    internal void ResetSourceBreakpoints()
    {
        foreach (var b in _behaviors.OfType<IndependentSourceBehavior>()) b.ResetBreakpoints();
    }

    /// <summary>Smallest step any device allows (SPICE's CKTtrunc), before the doubling limit.</summary>
    internal double Truncate(double timeStep)
    {
        var t = State.TruncateCharges(double.MaxValue);
        foreach (var b in _truncating) t = b.Truncate(State, t);
        return Math.Min(2 * timeStep, t);
    }

    // ---- AC support ----

    internal void PrepareAc()
    {
        if (State.ComplexMatrix is not null) return;
        var size = State.Unknowns.Count;
        var cm = new SparseMatrix<System.Numerics.Complex>(size);
        var real = State.Matrix;
        // Same structure, same handles: devices stamp AC values through the handles they already hold.
        for (var h = 1; h <= real.NonZeros; h++)
        {
            var (r, c) = (real.RowOf(h), real.ColumnOf(h));
            if (cm.GetElement(r, c) != h) throw new InvalidOperationException("complex matrix handles diverged");
        }
        cm.FixStructure();
        State.ComplexMatrix = cm;
        State.ComplexRhs = new System.Numerics.Complex[size + 1];
        _complexLu = new SparseLU<System.Numerics.Complex>(cm, State.Options.PivRel, State.Options.PivTol);
    }

    /// <summary>Assembles and solves the complex system at <see cref="SimulationState.Omega"/>; the solution is left in ComplexRhs.</summary>
    internal void SolveAc()
    {
        var s = State;
        Array.Clear(s.ComplexRhs);
        s.ComplexMatrix!.Clear();
        foreach (var f in _frequency) f.LoadAc(s);
        if (s.DiagonalGmin != 0)
        {
            var v = s.ComplexMatrix.Values;
            foreach (var d in _nodeDiagonals) v[d] += s.DiagonalGmin;
        }
        var start = Stopwatch.GetTimestamp();
        try
        {
            _complexLu!.Factorize();
        }
        catch (SolverException e)
        {
            throw Singular(e.Index, e is StructurallySingularException);
        }
        Statistics.FactorTime += EngineStatistics.Since(start);
        start = Stopwatch.GetTimestamp();
        _complexLu.Solve(s.ComplexRhs);
        s.ComplexRhs[0] = 0;
        Statistics.Solves++;
        Statistics.SolveTime += EngineStatistics.Since(start);
    }
}
