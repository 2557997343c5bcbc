using Hwsim.Circuits.Netlist;

namespace Hwsim.Circuits;

/// <summary>A circuit that cannot be simulated as given (bad parameter, undefined model, floating node, source loop): bad input.</summary>
public class CircuitException : Exception
{
    public CircuitException(string message, string? subject = null) : base(message) { Subject = subject; }

    private CircuitException(string message, string? subject, SourceLocation location, Exception inner) : base(message, inner)
    {
        Subject = subject;
        Location = location;
    }

    /// <summary>The device, model or node the error is about.</summary>
    public string? Subject { get; }

    /// <summary>Where the subject was defined in the netlist, when the circuit came from one.</summary>
    public SourceLocation? Location { get; }

    /// <summary>The same error, located at <paramref name="location"/> (the netlist line of its subject).</summary>
    public CircuitException At(SourceLocation location) => new(Message, Subject, location, this);
}

/// <summary>A simulation that failed on a valid circuit (no convergence, singular matrix, time step too small).</summary>
public class SimulationException : Exception
{
    public SimulationException(string message, IReadOnlyList<string>? culprits = null) : base(message)
    {
        Culprits = culprits ?? Array.Empty<string>();
    }

    /// <summary>
    /// A matrix whose structure is fine went numerically singular at one Newton iterate (a zero pivot), which a DC
    /// solution may get past with gmin or source stepping, as ngspice's CKTop does after NIiter's E_SINGULAR.
    /// </summary>
    public bool NumericallySingular { get; init; }

    /// <summary>The nodes and devices the diagnosis points at.</summary>
    public IReadOnlyList<string> Culprits { get; }
}
