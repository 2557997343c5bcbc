using Hwsim.Circuits.Analyses;
using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Netlist;

/// <summary>
/// A netlist read into objects: the flattened circuit (sub-circuits expanded, names as ngspice flattens them),
/// its analyses in order, options, initial conditions and node sets, and notes about what was skipped.
/// </summary>
public sealed class ParsedNetlist
{
    public required string Title { get; init; }
    public required string SourceName { get; init; }
    public Circuit Circuit { get; } = new();
    /// <summary>The limits it was read within (cards of a control block are read within them too).</summary>
    public ResourceLimits Limits { get; internal set; } = ResourceLimits.Default;
    public List<Analysis> Analyses { get; } = new();
    public SimulationOptions Options { get; } = new();
    /// <summary>Options that differ from the defaults, by SPICE name, as given (for writing back).</summary>
    public Dictionary<string, string> GivenOptions { get; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary><c>.ic v(node)=value</c>, by node name.</summary>
    public Dictionary<string, double> InitialConditions { get; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary><c>.nodeset v(node)=value</c>, by node name.</summary>
    public Dictionary<string, double> NodeSets { get; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>The lines of the netlist's <c>.control</c> blocks, in order (run by <see cref="Control.ControlSession"/>).</summary>
    public List<Control.Script.ControlLine> ControlLines { get; } = [];
    /// <summary>Things the reader skipped or changed, one line each (e.g. a <c>.control</c> block).</summary>
    public List<string> Notes { get; } = new();
    /// <summary>
    /// Constructs read but not honoured, or read differently from ngspice, each <c>file:line:column: what and why</c>
    /// (an unknown option, an unused distortion spec): printed as warnings so that no difference is silent.
    /// </summary>
    public List<string> Warnings { get; } = new();
    /// <summary>The <c>.save</c>, <c>.print</c> and <c>.meas</c> lines.</summary>
    public OutputRequests Outputs { get; } = new();
    /// <summary>The top-level <c>.param</c> values and <c>.func</c> functions (what <c>.meas ... param=</c> reads).</summary>
    public Expressions.IParameterScope Parameters { get; internal set; } = Expressions.ParameterScope.Empty;
    /// <summary>Where each entity was defined, for errors found after reading.</summary>
    /// <remarks>Keys are lower case, as the reader stores every name (ordinal keys hash faster than case-folded ones).</remarks>
    public Dictionary<string, SourceLocation> Locations { get; } = new(StringComparer.Ordinal);

    /// <summary>Where each (flattened) node is first mentioned, for errors about nodes.</summary>
    public Dictionary<string, SourceLocation> NodeLocations { get; } = new(StringComparer.Ordinal);

    /// <summary>The source location of a device, model or node named in an error, when known.</summary>
    public SourceLocation? LocationOf(string? subject) =>
        subject is null ? null : Find(subject.ToLowerInvariant());

    private SourceLocation? Find(string name) =>
        Locations.TryGetValue(name, out var l) ? l
        : NodeLocations.TryGetValue(name, out l) ? l
        : null;

    /// <summary>
    /// The seed of the random sources (TRNOISE, TRRANDOM): <c>.options seed=N</c>, or <c>set rndseed=N</c> in a
    /// control block; 1 when not given, as ngspice starts.
    /// </summary>
    public int Seed { get; set; } = 1;

    /// <summary>True when a line of the netlist names <c>temper</c>: its values then depend on the temperature.</summary>
    public bool UsesTemper { get; internal set; }

    /// <summary>
    /// Reads the same netlist again with <c>temper</c> at the given temperature (degrees Celsius), as ngspice
    /// re-evaluates such values at each point of a <c>.dc temp</c> sweep; null when the netlist does not use
    /// <c>temper</c> or was not read from text.
    /// </summary>
    public Func<double, ParsedNetlist>? ReadAtTemperature { get; internal set; }

    /// <summary>Gives every random source of the circuit the netlist's <see cref="Seed"/>.</summary>
    public void ApplySeed()
    {
        foreach (var entity in Circuit)
        {
            if (entity is not Devices.IndependentSource { Waveform: { } w }) continue;
            if (w is Devices.TransientNoiseWaveform noise) noise.Seed = Seed;
            else if (w is Devices.RandomWaveform random) random.Seed = Seed;
        }
    }

    /// <summary>Binds the circuit into an engine with the netlist's options, initial conditions and node sets.</summary>
    /// <param name="symbolic">
    /// The symbolic analysis of another engine of the same structure (a Monte Carlo sample of the same netlist), so
    /// that this one skips the ordering; null to make its own.
    /// </param>
    public CircuitEngine CreateEngine(Solver.SymbolicAnalysis? symbolic = null)
    {
        ApplySeed();
        var engine = new CircuitEngine(Circuit, Options, symbolic);
        foreach (var (node, value) in InitialConditions) engine.SetInitialCondition(node, value);
        foreach (var (node, value) in NodeSets) engine.SetNodeSet(node, value);
        return engine;
    }
}
