namespace Hwsim.Circuits.Netlist;

/// <summary>A <c>.subckt NAME ports [params: a=1 ...]</c> ... <c>.ends</c> definition, kept as lines until instanced.</summary>
internal sealed class SubcircuitDefinition
{
    public required string Name { get; init; }
    public required List<string> Ports { get; init; }
    /// <summary>Parameter defaults in order: name and value token.</summary>
    public required List<(string Name, NetlistToken Value)> Parameters { get; init; }
    public List<NetlistLine> Body { get; } = new();
    public Dictionary<string, SubcircuitDefinition> Children { get; } = new(StringComparer.OrdinalIgnoreCase);
    public required SourceLocation Location { get; init; }
    /// <summary>The <c>.subckt</c> line as written (with its inline comment).</summary>
    public required NetlistLine Header { get; init; }
    /// <summary>The <c>.ends</c> line's text as written.</summary>
    public string EndText { get; set; } = ".ends";
}
