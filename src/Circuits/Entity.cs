using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits;

/// <summary>
/// A named part of a circuit: a device or a model. It holds parameters only; what it does in a simulation lives
/// in the <see cref="Behavior"/> it creates (SpiceSharp's entity/behaviour split).
/// </summary>
public abstract class Entity
{
    protected Entity(string name)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("an entity needs a name", nameof(name));
        Name = name;
    }

    /// <summary>The name as written (matching is case-insensitive).</summary>
    public string Name { get; }

    /// <summary>Creates this entity's behaviour for one simulation; null for entities that only hold parameters (models).</summary>
    public abstract Behavior? CreateBehavior(BindingContext context);

    /// <summary>The entity as one SPICE card that ngspice reads (continuation lines allowed).</summary>
    public abstract string ToNetlist();

    public override string ToString() => ToNetlist();
}

/// <summary>An entity connected to nodes.</summary>
public abstract class Component : Entity
{
    protected Component(string name, params string[] nodes) : base(name)
    {
        foreach (var n in nodes)
            if (string.IsNullOrWhiteSpace(n)) throw new ArgumentException($"{name}: empty node name", nameof(nodes));
        Nodes = nodes;
    }

    /// <summary>The terminal nodes, in SPICE order.</summary>
    public IReadOnlyList<string> Nodes { get; }

    /// <summary>The pair of a two-terminal device's terminals, shared (the topology check asks every device).</summary>
    protected static readonly (int A, int B)[] TerminalPair = { (0, 1) };

    /// <summary>Terminal pairs (indices into <see cref="Nodes"/>) joined by a DC conductive path (for the floating-node check).</summary>
    public virtual IEnumerable<(int A, int B)> ConductivePairs => Array.Empty<(int, int)>();

    /// <summary>Terminal pairs whose voltage the device forces (voltage sources, inductors at DC), for the loop check.</summary>
    public virtual IEnumerable<(int A, int B)> VoltageDefinedPairs => Array.Empty<(int, int)>();

    /// <summary>Formats a number for a netlist: round-trip precision, invariant culture.</summary>
    protected static string Num(double value) => NetlistNumber.Format(value);
}
