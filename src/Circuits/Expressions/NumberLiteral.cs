namespace Hwsim.Circuits.Expressions;

/// <summary>A numeric constant; engineering suffixes are already applied (<c>2.2u</c> is 2.2e-6).</summary>
public sealed record NumberLiteral(double Value) : Expression;
