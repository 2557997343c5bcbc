namespace Hwsim.Bridge.Compiler;

/// <summary>
/// One instance or source of a compiled netlist: its name, the sub-circuit it instantiates (null for a source), its
/// nodes in netlist order (a source: its node and ground) and the layer being compiled when it was added
/// (a network layer's name, an LSTM layer's <c>lstm.l0</c>, <c>input</c> or <c>bias</c>).
/// </summary>
public sealed record CircuitPart(string Name, string? Subcircuit, IReadOnlyList<string> Nodes, string Layer)
{
    public bool IsSource => Subcircuit is null;
}
