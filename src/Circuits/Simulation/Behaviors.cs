namespace Hwsim.Circuits.Simulation;

/// <summary>
/// What an entity does in a simulation. An entity (the parameters) creates one behaviour per simulation; the
/// behaviour implements the interfaces below for the analyses it takes part in (SpiceSharp's entity/behaviour split).
/// A behaviour takes the views of the simulation state it needs from the <see cref="BindingContext"/> when it is
/// created, so the methods below need no arguments.
/// </summary>
public abstract class Behavior
{
    protected Behavior(string name) { Name = name; }

    /// <summary>The device name, lower case, flattened (<c>r.x1.r1</c> for r1 inside x1).</summary>
    public string Name { get; }

    /// <summary>Second set-up phase: all unknowns and behaviours exist; ask the matrix for element handles, find other devices.</summary>
    public virtual void Setup(SetupContext context) { }
}

/// <summary>Computes temperature-dependent parameters (before each analysis, from <see cref="BiasingState.Temperature"/>).</summary>
public interface ITemperatureBehavior
{
    void Temperature();
}

/// <summary>Stamps the linearised device into the real matrix and right-hand side (DC and transient: SPICE's DEVload).</summary>
public interface IBiasingBehavior
{
    void Load();
}

/// <summary>A device check of Newton convergence beyond the node test (SPICE's DEVconvTest): predicted against computed current.</summary>
public interface IConvergenceBehavior
{
    bool IsConvergent();
}

/// <summary>Stamps the small-signal model into the complex matrix at <see cref="FrequencyState.Omega"/>.</summary>
public interface IFrequencyBehavior
{
    void LoadAc();
}

/// <summary>Called once a time point is accepted: update discrete state, set the next breakpoints.</summary>
public interface IAcceptBehavior
{
    void Accept();
}

/// <summary>A device that sets breakpoints remembers the next one; it forgets it before a new transient.</summary>
public interface IBreakpointBehavior
{
    void ResetBreakpoints();
}

/// <summary>Limits the next time step (local truncation error of charges, or a device's own rule): SPICE's DEVtrunc.</summary>
public interface ITruncatingBehavior
{
    /// <summary>Returns the largest acceptable step, never more than <paramref name="timeStep"/>.</summary>
    double Truncate(double timeStep);
}

/// <summary>Takes initial conditions from the node values of <c>.ic</c> when none was given on the device (SPICE's DEVgetic).</summary>
public interface IInitialConditionBehavior
{
    void SetInitialCondition();
}

/// <summary>A source whose value a DC sweep can set.</summary>
public interface ISweepableSource
{
    /// <summary>The DC value; setting it takes effect at the next load.</summary>
    double DcValue { get; set; }
}
