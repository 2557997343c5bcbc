using Hwsim.Bridge.Mapping;
using Hwsim.Circuits.Blocks;

namespace Hwsim.Bridge.Compiler;

/// <summary>An input of the compiled circuit: the voltage source that sets network input feature <see cref="Index"/>.</summary>
public sealed record InputPort(int Index, string Source, string Node);

/// <summary>
/// State carried from one time step to the next by an ideal sample-and-hold: the source that presents the previous
/// value (h or c of the last step) and the signal whose new value it takes after the step.
/// </summary>
public sealed record StatePort(string Source, Signal Next, int Layer, int Unit, bool IsCell);

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
