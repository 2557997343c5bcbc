using Hwsim.Bridge.Mapping;
using Hwsim.Circuits.Blocks;

namespace Hwsim.Bridge.Compiler;

/// <summary>An input of the compiled circuit: the voltage source that sets network input feature <see cref="Index"/>.</summary>
public sealed record InputPort(int Index, string Source, string Node);

/// <summary>
/// State carried from one time step to the next: at the ideal and macro levels by an ideal sample-and-hold, the
/// source <see cref="Source"/> that presents the previous value (h or c of the last step), set by the evaluator; at
/// the device level by the sample-and-hold instance <see cref="Source"/> in the circuit itself. <see cref="Next"/> is
/// the signal whose new value it takes after the step.
/// </summary>
public sealed record StatePort(string Source, Signal Next, int Layer, int Unit, bool IsCell);

/// <summary>A supply source of a device-level circuit and the kind of block it powers (<c>act</c>, <c>hold</c>, ...).</summary>
public sealed record SupplySource(string Source, string Kind, double Volts);

/// <summary>A crossbar of the circuit and the network layer whose weights it holds.</summary>
public sealed record CrossbarInfo(string Layer, string Instance, Crossbar Crossbar);

/// <summary>
/// A network compiled to a circuit: the netlist (which ngspice also runs), where its inputs, states and outputs are,
/// the node of every signal of interest, and the crossbars with their programmed conductances.
/// </summary>
public sealed class CompiledNetwork
{
    public required string Name { get; init; }
    public required FidelityLevel Level { get; init; }
    public required MappingProfile Profile { get; init; }
    /// <summary>The whole netlist: title, sub-circuit definitions, instances, sources, <c>.op</c>, <c>.end</c>.</summary>
    public required string Netlist { get; init; }
    public required IReadOnlyList<InputPort> Inputs { get; init; }
    public required IReadOnlyList<StatePort> States { get; init; }
    /// <summary>Every signal of interest, in network order (layer by layer).</summary>
    public required IReadOnlyList<Signal> Signals { get; init; }
    /// <summary>The network outputs (the last layer's signals).</summary>
    public required IReadOnlyList<Signal> Outputs { get; init; }
    public required IReadOnlyList<CrossbarInfo> Crossbars { get; init; }
    public bool IsSequenceModel => States.Count > 0;
    /// <summary>Notes from the compilation (weights that lose precision in the mapping).</summary>
    public IReadOnlyList<string> Notes { get; init; } = Array.Empty<string>();
    /// <summary>Device level: the supply sources, one per rail of each block kind (empty at the other levels).</summary>
    public IReadOnlyList<SupplySource> Supplies { get; init; } = Array.Empty<SupplySource>();
    /// <summary>
    /// Device level of a sequence model: the states are held in the circuit by sample-and-holds clocked by the
    /// two-phase clock on nodes <c>phi1</c> and <c>phi2</c>, whose sources the clocked transient adds.
    /// </summary>
    public bool NeedsClock { get; init; }
    /// <summary>True at the device level: the netlist has no analysis; it runs as a clocked transient.</summary>
    public bool IsClocked => Level == FidelityLevel.Device;

    /// <summary>
    /// The netlist with the input sources set to one input row (values, scaled to volts), e.g. to run the first test
    /// sample in ngspice; state sources stay at 0 (the first step of a sequence).
    /// </summary>
    public string NetlistWithInputs(IReadOnlyList<double> row)
    {
        if (row.Count != Inputs.Count) throw new ArgumentException($"{Name}: {row.Count} values for {Inputs.Count} inputs");
        var lines = Netlist.Split('\n');
        var byName = Inputs.ToDictionary(i => i.Source + " ", i => i);
        for (var k = 0; k < lines.Length; k++)
        {
            foreach (var (prefix, port) in byName)
            {
                if (!lines[k].StartsWith(prefix, StringComparison.Ordinal)) continue;
                lines[k] = $"{port.Source} {port.Node} 0 dc {Hwsim.Circuits.NetlistNumber.Format(row[port.Index] * Profile.SignalVoltsPerUnit)}";
                break;
            }
        }
        return string.Join('\n', lines);
    }

    /// <summary>Number of devices and sub-circuit instances, for reports.</summary>
    public int InstanceCount { get; init; }

    /// <summary>Every sub-circuit instance and source of the netlist with the layer it belongs to, in netlist order.</summary>
    public IReadOnlyList<CircuitPart> Parts { get; init; } = Array.Empty<CircuitPart>();
}
