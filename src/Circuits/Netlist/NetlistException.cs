namespace Hwsim.Circuits.Netlist;

/// <summary>A netlist that cannot be read: the message names file, line and column, as compilers do.</summary>
public sealed class NetlistException : Exception
{
    /// <summary>Creates the exception; input quoted in <paramref name="message"/> is cut to a short escaped excerpt.</summary>
    public NetlistException(SourceLocation location, string message) : this(location, Excerpt.Message(message), 0) { }

    private NetlistException(SourceLocation location, string reason, int _) : base($"{location}: {reason}")
    {
        Location = location;
        Reason = reason;
    }

    public SourceLocation Location { get; }

    /// <summary>The message without the location.</summary>
    public string Reason { get; }
}
