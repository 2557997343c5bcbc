using System.Diagnostics;
using System.Numerics;
using Hwsim.Circuits.Solver;

namespace Hwsim.Circuits.Simulation;

/// <summary>
/// A circuit bound for simulation: its behaviours, unknowns and matrix (structure fixed at set-up), the assembly of
/// the linearised system (SPICE's CKTload) and the calls that analyses make on the behaviours. The Newton iteration
/// is <see cref="Newton"/>; the numeric factorisations run over one <see cref="Symbolic"/> analysis, made once per
/// structure (or handed in, shared with other engines of the same structure), so the bridge and Monte Carlo can
/// change values and re-solve cheaply, and AC reuses the DC order.
/// </summary>
public sealed class CircuitEngine
{
    private readonly List<Behavior> _behaviors = new();
    private Dictionary<string, Behavior>? _byName; // built on first use: a one-shot run never asks for a device by name
    private readonly IBiasingBehavior[] _biasing;
    private readonly ILinearBiasingBehavior[]? _linear;
    private readonly IConstantStampBehavior[] _constant;
    private readonly double[] _constantValues;
    private readonly IFrequencyBehavior[] _frequency;
    private readonly IAcceptBehavior[] _accept;
    private readonly ITemperatureBehavior[] _temperature;
    private readonly ITruncatingBehavior[] _truncating;
    private readonly IInitialConditionBehavior[] _initialConditions;
    private readonly IBreakpointBehavior[] _breakpoints;
    private readonly IDeviceStateBehavior[] _deviceStates;
    private readonly int[] _nodeDiagonals;
    private readonly LinearSystem<double> _system;
    private LinearSystem<Complex>? _complexSystem;
    private SymbolicAnalysis? _symbolic;
    private readonly bool[] _varyingRows;
    private readonly bool[] _varyingColumns;

    /// <summary>Binds <paramref name="circuit"/>: creates behaviours, numbers the unknowns, fixes the matrix structure.</summary>
    /// <param name="circuit">The circuit.</param>
    /// <param name="options">Simulation options (copied).</param>
    /// <param name="symbolic">
    /// A symbolic analysis of the same matrix structure made by another engine (a Monte Carlo sample, a re-valued copy
    /// of the circuit); null to make one on the first factorisation.
    /// </param>
    /// <exception cref="ArgumentException"><paramref name="symbolic"/> was made for another structure.</exception>
    public CircuitEngine(Circuit circuit, SimulationOptions? options = null, SymbolicAnalysis? symbolic = null)
    {
        var start = Stopwatch.GetTimestamp();
        Circuit = circuit;
        State = new SimulationState((options ?? new SimulationOptions()).Clone(), new Unknowns());
        var context = new BindingContext(circuit, State);
        foreach (var entity in circuit)
        {
            var behavior = entity.CreateBehavior(context);
            if (behavior is null) continue;
            _behaviors.Add(behavior);
        }
        var size = State.Unknowns.Count;
        var matrix = new SparseMatrix<double>(size);
        matrix.EnsureCapacity(4 * _behaviors.Count + size); // two-terminal stamps and the node diagonals
        var setup = new SetupContext(matrix, State.Unknowns, State.Options, circuit,
            name => ByName.TryGetValue(name, out var b) ? b : null);
        var requested = new List<int>();
        var varyingHandles = new HashSet<int>();
        matrix.RequestedHandles = requested;
        foreach (var b in _behaviors)
        {
            requested.Clear();
            b.Setup(setup);
            AddVaryingHandles(b, requested, varyingHandles);
        }
        matrix.RequestedHandles = null;
        _varyingRows = new bool[size];
        _varyingColumns = new bool[size];
        foreach (var h in varyingHandles)
        {
            if (h == 0) continue;
            _varyingRows[matrix.RowOf(h) - 1] = true;
            _varyingColumns[matrix.ColumnOf(h) - 1] = true;
        }
        _nodeDiagonals = Enumerable.Range(1, size)
            .Where(i => State.Unknowns.KindOf(i) == UnknownKind.Voltage)
            .Select(i => matrix.GetElement(i, i)).ToArray();
        matrix.FixStructure();
        if (symbolic is not null && !symbolic.Fits(matrix))
            throw new ArgumentException("the symbolic analysis was made for another matrix structure", nameof(symbolic));
        _symbolic = symbolic;

        var biasing = State.Biasing;
        biasing.Matrix = matrix;
        biasing.Rhs = new double[size + 1];
        biasing.Solution = new double[size + 1];
        var transient = State.Transient;
        transient.States.Create(Math.Max(State.Options.MaxOrder, 2) + 2);
        transient.FreezeCharges();
        _system = new LinearSystem<double>(matrix, () => Symbolic, State.Options, State.Unknowns, Statistics);

        _biasing = Batched(_behaviors.OfType<IBiasingBehavior>());
        // Linear when every varying stamp is (a batch stands for its members): decided once, from the behaviours.
        if (_biasing.All(b => b is ILinearBiasingBehavior)) _linear = _biasing.Cast<ILinearBiasingBehavior>().ToArray();
        _constant = _behaviors.OfType<IConstantStampBehavior>().ToArray();
        _constantValues = new double[matrix.Values.Length];
        _frequency = _behaviors.OfType<IFrequencyBehavior>().ToArray();
        _accept = _behaviors.OfType<IAcceptBehavior>().ToArray();
        _temperature = _behaviors.OfType<ITemperatureBehavior>().ToArray();
        _truncating = _behaviors.OfType<ITruncatingBehavior>().ToArray();
        _initialConditions = _behaviors.OfType<IInitialConditionBehavior>().ToArray();
        _breakpoints = _behaviors.OfType<IBreakpointBehavior>().ToArray();
        _deviceStates = _behaviors.OfType<IDeviceStateBehavior>().ToArray();
        Newton = new NewtonIteration(this, _system, _behaviors.OfType<IConvergenceBehavior>().ToArray());

        Statistics.Unknowns = size;
        Statistics.MatrixNonZeros = matrix.NonZeros;
        Statistics.SetupTime = EngineStatistics.Since(start);
    }

    /// <summary>
    /// The entries a behaviour's loads may change between Newton iterations: none for a device that only stamps
    /// constants, those it declares (<see cref="IVaryingStampDeclaration"/>), else every entry it asked for (a biasing
    /// device, or one whose entries another device fills, such as a mutual inductance).
    /// </summary>
    private static void AddVaryingHandles(Behavior b, List<int> requested, HashSet<int> varying)
    {
        if (b is IConstantStampBehavior && b is not IBiasingBehavior) return;
        // Capacitors and inductors: constant in DC, and in a transient while the step holds; an order that treated
        // them as varying would put every node with a capacitor in the trailing block, so they count as constant and
        // the leading block is factored again when the step changes (its values are compared).
        if (b is ILinearBiasingBehavior && b is not IVaryingStampDeclaration) return;
        if (b is IVaryingStampDeclaration declared)
        {
            varying.UnionWith(declared.VaryingHandles);
            return;
        }
        varying.UnionWith(requested);
    }

    /// <summary>
    /// The load list: behaviours in circuit order, except that all members of a batch kind are replaced by one batch
    /// at the place of the first.
    /// </summary>
    private static IBiasingBehavior[] Batched(IEnumerable<IBiasingBehavior> behaviors)
    {
        var list = new List<IBiasingBehavior>();
        var groups = new Dictionary<Type, (int Index, List<IBatchedBiasingBehavior> Members)>();
        foreach (var b in behaviors)
        {
            if (b is not IBatchedBiasingBehavior batched)
            {
                list.Add(b);
                continue;
            }
            if (!groups.TryGetValue(batched.BatchKind, out var group))
            {
                group = (list.Count, new List<IBatchedBiasingBehavior>());
                groups.Add(batched.BatchKind, group);
                list.Add(b);
            }
            group.Members.Add(batched);
        }
        foreach (var (index, members) in groups.Values)
            list[index] = members.Count == 1 ? members[0] : members[0].CreateBatch(members);
        return list.ToArray();
    }

    public Circuit Circuit { get; }
    public SimulationState State { get; }
    public EngineStatistics Statistics { get; } = new();
    public IReadOnlyList<Behavior> Behaviors => _behaviors;

    /// <summary>
    /// True when the circuit is linear: every stamp that varies is an <see cref="ILinearBiasingBehavior"/>'s (and
    /// the rest constant), so one solve per transient time point is exact.
    /// </summary>
    public bool IsLinear => _linear is not null;

    /// <summary>The Newton iteration of this engine.</summary>
    internal NewtonIteration Newton { get; }

    /// <summary>
    /// The symbolic analysis of the matrix structure (made on first use, or the one handed to the constructor). Hand it
    /// to other engines of the same structure so that they skip the ordering.
    /// </summary>
    /// <exception cref="SimulationException">The matrix is structurally singular.</exception>
    public SymbolicAnalysis Symbolic
    {
        get
        {
            if (_symbolic is not null) return _symbolic;
            try
            {
                _symbolic = SymbolicAnalysis.Analyze(State.Biasing.Matrix, _varyingRows, _varyingColumns, State.Options.ConstantBlock);
            }
            catch (StructurallySingularException e)
            {
                throw LinearSystem<double>.Singular(State.Unknowns, e.Index, structural: true);
            }
            Statistics.SymbolicAnalyses++;
            Statistics.BlockChoice = _symbolic.Block;
            Statistics.OrderingTime += _symbolic.Time;
            return _symbolic;
        }
    }

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
        var m = State.Biasing.Matrix;
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
        var b = State.Biasing;
        var temperature = State.Options.Temperature + PhysicalConstants.CelsiusToKelvin;
        var nominal = State.Options.NominalTemperature + PhysicalConstants.CelsiusToKelvin;
        if (_temperatureApplied && temperature == b.Temperature && nominal == b.NominalTemperature) return;
        b.Temperature = temperature;
        b.NominalTemperature = nominal;
        foreach (var t in _temperature) t.Temperature();
        _temperatureApplied = true;
    }

    private bool _temperatureApplied;

    /// <summary>
    /// Assembles the linearised system at the present solution (SPICE's CKTload): the constant stamps, made once and
    /// copied, then every device's varying part.
    /// </summary>
    internal void Load()
    {
        var start = Stopwatch.GetTimestamp();
        var s = State.Biasing;
        Array.Clear(s.Rhs);
        if (s.ConstantStampsChanged)
        {
            Array.Clear(_constantValues);
            foreach (var c in _constant) c.StampConstant(_constantValues);
            s.ConstantStampsChanged = false;
        }
        _constantValues.AsSpan().CopyTo(s.Matrix.Values);
        foreach (var b in _biasing) b.Load();
        if (State.DiagonalGmin != 0)
        {
            var v = s.Matrix.Values;
            foreach (var d in _nodeDiagonals) v[d] += State.DiagonalGmin;
        }
        if ((s.Mode & AnalysisMode.Dc) != 0)
        {
            if (State.NodeSets.Count > 0 && s.Init is InitializationMode.Junction or InitializationMode.Fix)
                foreach (var (node, value) in State.NodeSets) Clamp(node, value, isNodeSet: true);
            if ((s.Mode & AnalysisMode.TransientOperatingPoint) != 0 && !s.UseIc)
                foreach (var (node, value) in State.InitialConditions) Clamp(node, value, isNodeSet: false);
        }
        s.Rhs[0] = 0;
        Statistics.Loads++;
        Statistics.BypassedDeviceLoads = s.BypassedLoads;
        Statistics.LoadTime += EngineStatistics.Since(start);
    }

    private void Clamp(int node, double value, bool isNodeSet)
    {
        var (voltages, hasCurrent, diag) = _clampRows[node];
        var s = State.Biasing;
        var v = s.Matrix.Values;
        foreach (var h in voltages) v[h] = 0;
        if (hasCurrent)
        {
            s.Rhs[node] = 1.0e10 * value * s.SourceFactor;
            if (isNodeSet) v[diag] = 1e10;
            else v[diag] += 1e10;
        }
        else
        {
            s.Rhs[node] = value * s.SourceFactor;
            v[diag] = 1;
        }
    }

    // ---- transient support ----

    /// <summary>
    /// The right-hand side alone at a linear circuit's transient time point whose matrix is that of the previous load
    /// (see <see cref="ILinearBiasingBehavior"/>): the matrix values and their factors are left as they are.
    /// </summary>
    internal void LoadRightHandSide()
    {
        var start = Stopwatch.GetTimestamp();
        var rhs = State.Biasing.Rhs;
        Array.Clear(rhs);
        foreach (var b in _linear!) b.LoadRightHandSide();
        rhs[0] = 0;
        Statistics.Loads++;
        Statistics.LoadTime += EngineStatistics.Since(start);
    }

    /// <summary>Brings every device's states to the present solution (a linear circuit's time point, after its one solve).</summary>
    internal void UpdateStates()
    {
        foreach (var b in _linear!) b.UpdateStates();
    }

    internal void Accept()
    {
        foreach (var a in _accept) a.Accept();
    }

    internal void SetInitialConditionsFromNodes()
    {
        foreach (var b in _initialConditions) b.SetInitialCondition();
    }

    /// <summary>The devices whose state is their own, not an unknown (see <see cref="IDeviceStateBehavior"/>).</summary>
    public IReadOnlyList<IDeviceStateBehavior> DeviceStates => _deviceStates;

    /// <summary>Sets every device's own state back to its initial value (before an operating point).</summary>
    internal void ResetDeviceStates()
    {
        foreach (var d in _deviceStates) d.ResetState();
    }

    internal void ResetBreakpoints()
    {
        foreach (var b in _breakpoints) b.ResetBreakpoints();
    }

    /// <summary>Smallest step any device allows (SPICE's CKTtrunc), before the doubling limit.</summary>
    internal double Truncate(double timeStep)
    {
        var t = State.Transient.TruncateCharges(double.MaxValue);
        foreach (var b in _truncating) t = b.Truncate(t);
        return Math.Min(2 * timeStep, t);
    }

    // ---- AC support ----

    internal void PrepareAc()
    {
        if (_complexSystem is not null) return;
        var size = State.Unknowns.Count;
        var cm = new SparseMatrix<Complex>(size);
        var real = State.Biasing.Matrix;
        // Same structure, same handles: devices stamp AC values through the handles they already hold, and the
        // complex factorisations reuse the real matrix's symbolic analysis.
        for (var h = 1; h <= real.NonZeros; h++)
        {
            var (r, c) = (real.RowOf(h), real.ColumnOf(h));
            if (cm.GetElement(r, c) != h) throw new InvalidOperationException("complex matrix handles diverged");
        }
        cm.FixStructure();
        _complexSystem = new LinearSystem<Complex>(cm, () => Symbolic, State.Options, State.Unknowns, Statistics);
        State.Frequency.Matrix = cm;
        State.Frequency.Rhs = _complexSystem.Rhs;
    }

    /// <summary>Assembles and solves the complex system at <see cref="FrequencyState.Omega"/>; the solution is left in its Rhs.</summary>
    internal void SolveAc()
    {
        FactorAc();
        _complexSystem!.Solve(State.Frequency.Rhs);
    }

    /// <summary>
    /// Assembles and factors the complex system at <see cref="FrequencyState.Omega"/>, then solves its transpose for
    /// <paramref name="rhs"/> in place: the adjoint system of noise analysis (ngspice's NInzIter), whose solution gives
    /// the transfer from a current between any two unknowns to the output the right-hand side names.
    /// </summary>
    internal void SolveAcAdjoint(Complex[] rhs)
    {
        FactorAc();
        _complexSystem!.SolveTransposed(rhs);
    }

    /// <summary>The devices with noise generators.</summary>
    internal IEnumerable<INoiseBehavior> NoiseBehaviors => _behaviors.OfType<INoiseBehavior>();

    private void FactorAc()
    {
        AssembleAc();
        _complexSystem!.Factor(reorder: false);
    }

    /// <summary>Assembles the complex system at <see cref="FrequencyState.Omega"/> without factoring it (sensitivity, pole-zero).</summary>
    internal void AssembleAc()
    {
        var f = State.Frequency;
        Array.Clear(f.Rhs);
        f.Matrix.Clear();
        foreach (var b in _frequency) b.LoadAc();
        if (State.DiagonalGmin != 0)
        {
            var v = f.Matrix.Values;
            foreach (var d in _nodeDiagonals) v[d] += State.DiagonalGmin;
        }
    }

    /// <summary>Solves the complex system last factored (by <see cref="SolveAc"/>) for another right-hand side, in place.</summary>
    internal void SolveAcFactored(Complex[] rhs) => _complexSystem!.Solve(rhs);

    /// <summary>Factors the real matrix as last loaded and solves it for <paramref name="rhs"/> in place (sensitivity).</summary>
    internal void FactorAndSolve(double[] rhs)
    {
        _system.Factor(reorder: true);
        _system.Solve(rhs);
    }
}
