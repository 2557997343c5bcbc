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

/// <summary>
/// A biasing behaviour whose stamp does not depend on the solution it is loaded at (independent sources, capacitors,
/// inductors), and whose matrix entries in a transient depend on nothing but the integration coefficient
/// <see cref="TransientState.Ag"/>[0]. A circuit whose every biasing behaviour is linear (all other stamps being
/// constant) is linear, so the first solve of a transient time point is exact and Newton's second iteration, which
/// ngspice always takes, could not change it: the engine solves once and then asks each device for
/// <see cref="UpdateStates"/>; while the step (Ag[0]) stays, the matrix and its factors stay too, and a time point
/// needs only <see cref="LoadRightHandSide"/>.
/// </summary>
public interface ILinearBiasingBehavior : IBiasingBehavior
{
    /// <summary>
    /// Adds the device's part of the right-hand side at a transient time point after the first, its matrix entries
    /// being those of the previous load (same Ag[0]); states need not be written (<see cref="UpdateStates"/> follows).
    /// </summary>
    void LoadRightHandSide();

    /// <summary>
    /// Brings the device's state slots (charges, fluxes and their currents) to the present solution, as a second
    /// load at it would, without stamping.
    /// </summary>
    void UpdateStates();
}

/// <summary>
/// A device whose matrix stamp (or a part of it) is the same in every DC and transient load: resistors, the unit
/// entries of source and inductor branches, controlled sources. The engine stamps these parts once into a constant
/// image that every load starts from, instead of recomputing them in each Newton iteration. A device whose constant
/// part changes (a resistor set by a sweep, a new temperature) calls <see cref="BiasingState.InvalidateConstantStamps"/>.
/// </summary>
public interface IConstantStampBehavior
{
    /// <summary>Adds the constant part of the stamp into <paramref name="values"/> (indexed by matrix handle).</summary>
    void StampConstant(double[] values);
}

/// <summary>
/// A biasing behaviour that says which of the matrix entries it asked for at set-up its <see cref="IBiasingBehavior.Load"/>
/// writes (the others it fills only in its constant stamp or its AC load). Without it, every entry a biasing behaviour
/// asks for counts as varying, which only costs speed: the engine orders unknowns that receive no varying entry first and
/// reuses their block of the factors while its values hold (values are always compared, so a wrong declaration cannot
/// change a result).
/// </summary>
public interface IVaryingStampDeclaration
{
    /// <summary>The handles <see cref="IBiasingBehavior.Load"/> may write into the real matrix.</summary>
    IEnumerable<int> VaryingHandles { get; }
}

/// <summary>
/// A device of which a circuit may hold many (the capacitors of an RC ladder): the engine loads all of one kind in one
/// tight loop over arrays instead of one call per device. Behaviours of the same <see cref="BatchKind"/> are handed to
/// the first one's <see cref="CreateBatch"/>, and the batch takes their place in every load.
/// </summary>
public interface IBatchedBiasingBehavior : IBiasingBehavior
{
    /// <summary>Behaviours with the same kind are loaded by one batch.</summary>
    Type BatchKind { get; }

    /// <summary>Makes the loader of <paramref name="members"/> (this behaviour among them), in their order.</summary>
    IBiasingBehavior CreateBatch(IReadOnlyList<IBatchedBiasingBehavior> members);
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

/// <summary>
/// A device with a state of its own that is not an unknown of the matrix (a native memristor's x): back to its initial
/// value before every operating point, and reported as vectors beside the unknowns' (named as the equivalent
/// sub-circuit's nodes and currents would be, so that a result has the same vectors either way).
/// </summary>
public interface IDeviceStateBehavior
{
    /// <summary>The vectors it reports (<c>v(x1.x)</c>, ...).</summary>
    IReadOnlyList<string> VectorNames { get; }

    /// <summary>The present value of vector <paramref name="index"/> of <see cref="VectorNames"/>.</summary>
    double VectorValue(int index);

    /// <summary>Sets the state back to its initial value.</summary>
    void ResetState();
}
