namespace Hwsim.Circuits.Simulation;

/// <summary>
/// Everything the engine and the analyses share while a circuit is simulated (SPICE's CKTcircuit), held as the
/// narrow views that devices are given: <see cref="Biasing"/> for DC and transient loads, <see cref="Transient"/>
/// for the time axis and state history, <see cref="Frequency"/> for AC. What only the engine uses (node-diagonal
/// gmin, <c>.ic</c> and <c>.nodeset</c> values) lives here.
/// </summary>
public sealed class SimulationState
{
    internal SimulationState(SimulationOptions options, Unknowns unknowns)
    {
        Options = options;
        Unknowns = unknowns;
        Biasing = new BiasingState(options);
        Transient = new TransientState(options);
        Transient.Method = options.Method;
    }

    public SimulationOptions Options { get; }
    public Unknowns Unknowns { get; }

    /// <summary>What DC and transient loads see.</summary>
    public BiasingState Biasing { get; }

    /// <summary>The time axis, integration and device state history.</summary>
    public TransientState Transient { get; }

    /// <summary>What AC loads see.</summary>
    public FrequencyState Frequency { get; } = new();

    /// <summary>Conductance added to every node diagonal (gmin stepping, gshunt).</summary>
    public double DiagonalGmin { get; internal set; }

    /// <summary>Node values from <c>.ic</c> (index -> volts).</summary>
    public Dictionary<int, double> InitialConditions { get; } = new();

    /// <summary>Node values from <c>.nodeset</c> (index -> volts).</summary>
    public Dictionary<int, double> NodeSets { get; } = new();
}
