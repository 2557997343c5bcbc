namespace Hwsim.Circuits.Simulation;

/// <summary>
/// What an entity does in a simulation. An entity (the parameters) creates one behaviour per simulation; the
/// behaviour implements the interfaces below for the analyses it takes part in (SpiceSharp's entity/behaviour split).
/// </summary>
public abstract class Behavior
{
    protected Behavior(string name) { Name = name; }

    /// <summary>The device name, lower case, flattened (<c>r.x1.r1</c> for r1 inside x1).</summary>
    public string Name { get; }

    /// <summary>Second set-up phase: all unknowns exist; ask the matrix for element handles, resolve other devices.</summary>
    public virtual void Setup(SimulationState state) { }
}

/// <summary>Computes temperature-dependent parameters (before each analysis).</summary>
public interface ITemperatureBehavior
{
    void Temperature(SimulationState state);
}

/// <summary>Stamps the linearised device into the real matrix and right-hand side (DC and transient: SPICE's DEVload).</summary>
public interface IBiasingBehavior
{
    void Load(SimulationState state);
}

/// <summary>A device check of Newton convergence beyond the node test (SPICE's DEVconvTest): predicted against computed current.</summary>
public interface IConvergenceBehavior
{
    bool IsConvergent(SimulationState state);
}

/// <summary>Stamps the small-signal model into the complex matrix at <see cref="SimulationState.Omega"/>.</summary>
public interface IFrequencyBehavior
{
    void LoadAc(SimulationState state);
}

/// <summary>Called once a time point is accepted: update discrete state, set the next breakpoints.</summary>
public interface IAcceptBehavior
{
    void Accept(SimulationState state);
}

/// <summary>Takes initial conditions from the node values of <c>.ic</c> when none was given on the device (SPICE's DEVgetic).</summary>
public interface IInitialConditionBehavior
{
    void SetInitialCondition(SimulationState state);
}

/// <summary>A source whose value a DC sweep can set.</summary>
public interface ISweepableSource
{
    /// <summary>The DC value; setting it takes effect at the next load.</summary>
    double DcValue { get; set; }
}
