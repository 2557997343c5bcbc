namespace Hwsim.Circuits.Netlist;

/// <summary>A netlist that cannot be read: the message names file, line and column, as compilers do.</summary>
public sealed class NetlistException : Exception
{
    public NetlistException(SourceLocation location, string message) : base($"{location}: {message}")
    {
        Location = location;
        Reason = message;
    }

    public SourceLocation Location { get; }

    /// <summary>The message without the location.</summary>
    public string Reason { get; }
}
