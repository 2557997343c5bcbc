using Hwsim.Circuits.Netlist;

namespace Hwsim.Circuits.Control.Script;

/// <summary>One line of a <c>.control</c> block as written, with where it was written.</summary>
public sealed record ControlLine(string Text, SourceLocation Location);
