namespace Hwsim.Circuits.Control.Vectors;

/// <summary>An expression of the control language that does not parse or cannot be evaluated (ngspice prints an error and goes on).</summary>
public sealed class VectorExpressionException(string message) : Exception(message);
