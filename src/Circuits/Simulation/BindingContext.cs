namespace Hwsim.Circuits.Simulation;

/// <summary>What an entity sees while it creates its behaviour: the unknowns, the state slots, the models.</summary>
public sealed class BindingContext
{
    internal BindingContext(Circuit circuit, SimulationState state)
    {
        Circuit = circuit;
        State = state;
    }

    public Circuit Circuit { get; }
    public SimulationState State { get; }
    public SimulationOptions Options => State.Options;
    public Unknowns Unknowns => State.Unknowns;

    /// <summary>The unknown index of a node (0 for ground).</summary>
    public int Node(string name) => Unknowns.Node(name);

    /// <summary>Allocates the branch-current unknown of a device.</summary>
    public int Branch(string deviceName) => Unknowns.Branch(deviceName);

    /// <summary>Allocates <paramref name="slots"/> device state slots.</summary>
    public int AllocateStates(int slots) => State.States.Allocate(slots);

    /// <summary>The model a device refers to, with a clear error when it is missing or of the wrong kind.</summary>
    public T Model<T>(string deviceName, string modelName) where T : Entity
    {
        if (!Circuit.TryGet(modelName, out var e) || e is null)
            throw new CircuitException($"{deviceName}: model {modelName} is not defined", deviceName);
        return e as T ?? throw new CircuitException(
            $"{deviceName}: {modelName} is a {Describe(e)}, not a {typeof(T).Name}", deviceName);
    }

    private static string Describe(Entity e) => e.GetType().Name;
}
