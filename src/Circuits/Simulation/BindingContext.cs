namespace Hwsim.Circuits.Simulation;

/// <summary>
/// What an entity sees while it creates its behaviour: the unknowns it may add, the state slots it may allocate,
/// the models, and the views of the simulation state its behaviour keeps (<see cref="Biasing"/>,
/// <see cref="Transient"/>, <see cref="Frequency"/>).
/// </summary>
public sealed class BindingContext
{
    private readonly SimulationState _state;

    internal BindingContext(Circuit circuit, SimulationState state)
    {
        Circuit = circuit;
        _state = state;
    }

    public Circuit Circuit { get; }
    public SimulationOptions Options => _state.Options;
    public Unknowns Unknowns => _state.Unknowns;

    /// <summary>What DC and transient loads read and write.</summary>
    public BiasingState Biasing => _state.Biasing;

    /// <summary>The time axis, integration and device state history.</summary>
    public TransientState Transient => _state.Transient;

    /// <summary>What AC loads read and write.</summary>
    public FrequencyState Frequency => _state.Frequency;

    /// <summary>The unknown index of a node (0 for ground).</summary>
    public int Node(string name) => Unknowns.Node(name);

    /// <summary>Allocates the branch-current unknown of a device.</summary>
    public int Branch(string deviceName) => Unknowns.Branch(deviceName);

    /// <summary>Allocates <paramref name="slots"/> device state slots.</summary>
    public int AllocateStates(int slots) => _state.Transient.States.Allocate(slots);

    /// <summary>
    /// Registers a charge (or flux) state slot, whose next slot holds its current, for the truncation error control:
    /// devices state their charges and the transient estimates their error (SPICE's DEVtrunc through CKTterr).
    /// </summary>
    public void RegisterCharge(int slot) => _state.Transient.RegisterCharge(slot);

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
