namespace Hwsim.Circuits.Expressions;

/// <summary>Prefix operators. Unary plus is dropped by the parser, as in ngspice.</summary>
public enum UnaryOperator
{
    /// <summary><c>-x</c></summary>
    Negate,
    /// <summary><c>!x</c>: 1 when x is 0, else 0.</summary>
    Not,
}
