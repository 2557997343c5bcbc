using Hwsim.Bridge.Compiler;

namespace Hwsim.Bridge.Reports.Inspector;

/// <summary>
/// One box of the block diagram: the parts of one kind in one layer (e.g. the 16 TIAs of <c>fc1</c>, the sigmoid
/// blocks of the LSTM's input gate). <see cref="Column"/> is its depth in the signal flow, <see cref="Row"/> its place
/// in that column; a rail (bias rows, later supplies and clocks) is drawn as a bar under the diagram instead.
/// </summary>
public sealed record HardwareBlock
{
    public required string Id { get; init; }
    /// <summary>input, hold, bias, row-driver, crossbar, tia, activation, multiplier, adder, supply, clock, source or other.</summary>
    public required string Kind { get; init; }
    public required string Title { get; init; }
    public required string Subtitle { get; init; }
    public required string Layer { get; init; }
    /// <summary>The sub-circuit its members instantiate (null for sources).</summary>
    public string? Subcircuit { get; init; }
    public required IReadOnlyList<CircuitPart> Members { get; init; }
    /// <summary>Nodes first driven by this block (its outputs), in order.</summary>
    public required IReadOnlyList<string> Outputs { get; init; }
    /// <summary>Nodes it reads that other blocks drive, in order.</summary>
    public required IReadOnlyList<string> Inputs { get; init; }
    public int Column { get; init; }
    public int Row { get; init; }
    public bool IsRail { get; init; }
    /// <summary>The block of <c>hwsim block</c> that characterises this kind (tanh, tia, multiplier...), or null.</summary>
    public string? CatalogBlock { get; init; }
}

/// <summary>A wire (bundle) from one block to another; a feedback edge carries a state back to its hold.</summary>
public sealed record HardwareEdge(string From, string To, bool Feedback);
