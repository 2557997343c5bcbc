namespace Hwsim.Circuits.Expressions;

/// <summary>
/// A syntax error, an unknown name or function, or a parameter value that cannot be computed.
/// <see cref="Column"/> is the 1-based column within the expression text when the error has a place in it
/// (parse errors); the netlist reader adds file and line.
/// </summary>
public sealed class ExpressionException : Exception
{
    /// <summary>Creates an error without a position (evaluation errors).</summary>
    public ExpressionException(string message) : base(message) { }

    /// <summary>Creates an error at a 1-based column of the expression text.</summary>
    public ExpressionException(string message, int column) : base(message)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(column, 1);
        Column = column;
    }

    /// <summary>1-based column within the expression text, or null when the error has no single place.</summary>
    public int? Column { get; }
}
