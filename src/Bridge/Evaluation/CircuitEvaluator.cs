using Hwsim.Bridge.Compiler;
using Hwsim.Circuits;
using Hwsim.Circuits.Analyses;
using Hwsim.Circuits.Netlist;
using Hwsim.Circuits.Simulation;

namespace Hwsim.Bridge.Evaluation;

/// <summary>
/// Runs a compiled network: sets the input sources, solves the operating point and reads every signal. The circuit
/// is parsed and set up once (its matrix ordering and symbolic factorisation are reused for every input). Sequence
/// models run step by step: before each step the previous h and c are put on their sources (an ideal
/// sample-and-hold), after it the new ones are read.
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

    public CircuitEvaluator(CompiledNetwork network)
    {
        _network = network;
        _vs = network.Profile.SignalVoltsPerUnit;
        var parsed = NetlistReader.Parse(network.Netlist, $"{network.Name}.{network.Level.ToString().ToLowerInvariant()}.cir");
        _engine = parsed.CreateEngine();
        _inputs = network.Inputs.Select(p => Source(p.Source)).ToArray();
        _states = network.States.Select(s => (Source(s.Source), Unknown(s.Next.Node))).ToArray();
        _signalIndex = network.Signals.Select(s => Unknown(s.Node)).ToArray();
        _outputIndex = network.Outputs.Select(s => Unknown(s.Node)).ToArray();
    }

    public CircuitEngine Engine => _engine;
    public EngineStatistics Statistics => _engine.Statistics;

    private ISweepableSource Source(string name) =>
        _engine.TryGetBehavior(name, out var b) && b is ISweepableSource s ? s
            : throw new InvalidOperationException($"compiled circuit has no source {name}");

    private int Unknown(string node) =>
        _engine.State.Unknowns.TryGetIndex(node, out var i) ? i
            : throw new InvalidOperationException($"compiled circuit has no node {node}");

    /// <summary>Evaluates samples (feed-forward) or the steps of one sequence (sequence models), in order.</summary>
    public SignalTrace Run(IReadOnlyList<double[]> rows, Action<int, int>? progress = null)
    {
        var values = new double[rows.Count][];
        var outputs = new double[rows.Count][];
        foreach (var (source, _) in _states) source.DcValue = 0;
        for (var p = 0; p < rows.Count; p++)
        {
            var row = rows[p];
            if (row.Length != _inputs.Length)
                throw new ArgumentException($"row {p + 1} has {row.Length} values, the network takes {_inputs.Length} inputs");
            for (var k = 0; k < _inputs.Length; k++) _inputs[k].DcValue = row[k] * _vs;
            var solution = OperatingPointAnalysis.Resolve(_engine);
            values[p] = _signalIndex.Select(i => solution[i] / _vs).ToArray();
            outputs[p] = _outputIndex.Select(i => solution[i] / _vs).ToArray();
            // the sample-and-hold: this step's h and c are the next step's previous values
            var next = _states.Select(s => solution[s.Next]).ToArray();
            for (var k = 0; k < _states.Length; k++) _states[k].Source.DcValue = next[k];
            progress?.Invoke(p + 1, rows.Count);
        }
        return new SignalTrace(_network.Signals.Select(s => s.Name).ToList(), _network.Outputs.Select(s => s.Name).ToList(), values, outputs);
    }
}
