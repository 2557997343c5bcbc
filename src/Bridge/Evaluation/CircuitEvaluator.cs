using Hwsim.Bridge.Compiler;
using Hwsim.Bridge.Mapping;
using Hwsim.Circuits;
using Hwsim.Circuits.Analyses;
using Hwsim.Circuits.Blocks;
using Hwsim.Circuits.Netlist;
using Hwsim.Circuits.Simulation;
using Hwsim.Circuits.Solver;

namespace Hwsim.Bridge.Evaluation;

/// <summary>
/// Runs a compiled network: sets the input sources, solves the operating point and reads every signal. The circuit
/// is parsed and set up once (its matrix ordering and symbolic factorisation are reused for every input). Sequence
/// models run step by step: before each step the previous h and c are put on their sources (an ideal
/// sample-and-hold), after it the new ones are read.
/// <para>
/// With read noise in the profile, every crossing is read afresh at every point (<see cref="ConductanceSampler.Read"/>),
/// in place, without a new netlist. A Monte Carlo sample re-programs the crossings of a nominal network in place
/// (<see cref="Reprogram"/>) and may start each point's Newton iteration from the nominal circuit's solution there.
/// </para>
/// </summary>
public sealed class CircuitEvaluator
{
    private readonly CompiledNetwork _network;
    private readonly CircuitEngine _engine;
    private readonly ISweepableSource[] _inputs;
    private readonly (ISweepableSource Source, int Next)[] _states;
    private readonly int[] _signalIndex;
    private readonly int[] _outputIndex;
    private readonly double _vs;
    private CrossingResistors? _crossings;
    private IReadOnlyList<Crossbar> _programmed;
    private ConductanceSampler _sampler;

    public CircuitEvaluator(CompiledNetwork network) : this(network, Parse(network)) { }

    /// <summary>
    /// An evaluator on a fresh engine of <paramref name="parsed"/>, the netlist of <paramref name="network"/> read once;
    /// engines of the same circuit share its <paramref name="symbolic"/> analysis (the order and structure of the LU).
    /// </summary>
    public CircuitEvaluator(CompiledNetwork network, ParsedNetlist parsed, SymbolicAnalysis? symbolic = null)
    {
        _network = network;
        _vs = network.Profile.SignalVoltsPerUnit;
        _engine = parsed.CreateEngine(symbolic);
        _inputs = network.Inputs.Select(p => Source(p.Source)).ToArray();
        _states = network.States.Select(s => (Source(s.Source), Unknown(s.Next.Node))).ToArray();
        _signalIndex = network.Signals.Select(s => Unknown(s.Node)).ToArray();
        _outputIndex = network.Outputs.Select(s => Unknown(s.Node)).ToArray();
        _programmed = network.Crossbars.Select(c => c.Crossbar).ToArray();
        _sampler = new ConductanceSampler(network.Profile);
    }

    /// <summary>Reads the netlist of <paramref name="network"/> (once per engine or per worker; engines can share it).</summary>
    public static ParsedNetlist Parse(CompiledNetwork network) =>
        NetlistReader.Parse(network.Netlist, $"{network.Name}.{network.Level.ToString().ToLowerInvariant()}.cir");

    public CircuitEngine Engine => _engine;
    public EngineStatistics Statistics => _engine.Statistics;

    /// <summary>The solution vector (index = unknown) at every point of the last <see cref="Run"/> that kept them.</summary>
    public IReadOnlyList<double[]>? Solutions { get; private set; }

    private ISweepableSource Source(string name) =>
        _engine.TryGetBehavior(name, out var b) && b is ISweepableSource s ? s
            : throw new InvalidOperationException($"compiled circuit has no source {name}");

    private int Unknown(string node) =>
        _engine.State.Unknowns.TryGetIndex(node, out var i) ? i
            : throw new InvalidOperationException($"compiled circuit has no node {node}");

    private CrossingResistors Crossings => _crossings ??= CrossingResistors.Find(_engine, _network);

    /// <summary>
    /// Programs the crossings as the non-idealities of <paramref name="sample"/> (a profile of the same circuit, e.g.
    /// with a sample's seed) draw them from the targets that a nominal network (compiled from
    /// <see cref="MappingProfile.Nominal"/>) holds; read noise then follows <paramref name="sample"/> too.
    /// </summary>
    public void Reprogram(MappingProfile sample)
    {
        if (!new ConductanceSampler(_network.Profile).ProgramsAsTargets)
            throw new InvalidOperationException($"{_network.Name}: only a nominal network (its crossings at their targets) can be re-programmed");
        _sampler = new ConductanceSampler(sample);
        _programmed = _network.Crossbars.Select((info, c) =>
        {
            if (_sampler.ProgramsAsTargets) return info.Crossbar;
            var (plus, minus) = _sampler.Program(info.Crossbar, c);
            return info.Crossbar.WithConductances(plus, minus);
        }).ToArray();
        Crossings.Program(_programmed);
    }

    /// <summary>
    /// Evaluates samples (feed-forward) or the steps of one sequence (sequence models), in order. With
    /// <paramref name="startFrom"/> (a solution vector per point, e.g. the nominal circuit's) each point's Newton
    /// iteration goes on from there (<see cref="OperatingPointAnalysis.Continue"/>) instead of a fresh operating point; <paramref name="keepSolutions"/> keeps every
    /// point's solution in <see cref="Solutions"/>.
    /// </summary>
    public SignalTrace Run(IReadOnlyList<double[]> rows, Action<int, int>? progress = null,
        IReadOnlyList<double[]>? startFrom = null, bool keepSolutions = false)
    {
        if (startFrom is not null && startFrom.Count != rows.Count)
            throw new ArgumentException($"{startFrom.Count} starting solutions for {rows.Count} points");
        var values = new double[rows.Count][];
        var outputs = new double[rows.Count][];
        var solutions = keepSolutions ? new double[rows.Count][] : null;
        foreach (var (source, _) in _states) source.DcValue = 0;
        for (var p = 0; p < rows.Count; p++)
        {
            var row = rows[p];
            if (row.Length != _inputs.Length)
                throw new ArgumentException($"row {p + 1} has {row.Length} values, the network takes {_inputs.Length} inputs");
            for (var k = 0; k < _inputs.Length; k++) _inputs[k].DcValue = row[k] * _vs;
            if (_sampler.HasReadNoise)
            {
                var rng = _sampler.ReadStream(p);
                Crossings.Read(_programmed, g => _sampler.Read(g, rng));
            }
            double[] solution;
            if (startFrom is not null)
            {
                // close to the nominal circuit: Newton goes on from its solution (no junction start, no new pivot search)
                Array.Copy(startFrom[p], _engine.State.Biasing.Solution, _engine.State.Biasing.Solution.Length);
                solution = OperatingPointAnalysis.Continue(_engine);
            }
            else
            {
                solution = OperatingPointAnalysis.Resolve(_engine);
            }
            if (solutions is not null) solutions[p] = (double[])solution.Clone();
            values[p] = _signalIndex.Select(i => solution[i] / _vs).ToArray();
            outputs[p] = _outputIndex.Select(i => solution[i] / _vs).ToArray();
            // the sample-and-hold: this step's h and c are the next step's previous values
            var next = _states.Select(s => solution[s.Next]).ToArray();
            for (var k = 0; k < _states.Length; k++) _states[k].Source.DcValue = next[k];
            progress?.Invoke(p + 1, rows.Count);
        }
        Solutions = solutions;
        return new SignalTrace(_network.Signals.Select(s => s.Name).ToList(), _network.Outputs.Select(s => s.Name).ToList(), values, outputs);
    }
}
