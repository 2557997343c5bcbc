namespace Hwsim.Circuits.Simulation;

/// <summary>What the circuit is being solved for (SPICE's MODEDCOP, MODETRANOP, ... bits).</summary>
[Flags]
public enum AnalysisMode
{
    None = 0,
    /// <summary>A plain operating point (.op, and the bias point of .ac).</summary>
    DcOperatingPoint = 1,
    /// <summary>The operating point that starts a transient.</summary>
    TransientOperatingPoint = 2,
    /// <summary>A point of a .dc sweep.</summary>
    DcSweep = 4,
    Transient = 8,
    Ac = 16,
    /// <summary>Transient with <c>uic</c>: skip the operating point, start from initial conditions.</summary>
    UseInitialConditions = 32,

    /// <summary>Any DC solution (SPICE's MODEDC).</summary>
    Dc = DcOperatingPoint | TransientOperatingPoint | DcSweep,
}

/// <summary>How devices initialise their junction voltages in this Newton iteration (SPICE's INITF states).</summary>
public enum InitializationMode
{
    /// <summary>First iteration of an operating point: junctions start at their critical voltage.</summary>
    Junction,
    /// <summary>Second phase: devices marked off are held off.</summary>
    Fix,
    /// <summary>Normal Newton iterations: voltages come from the previous solution.</summary>
    Float,
    /// <summary>First iteration of the first time step: charges start from the operating point.</summary>
    Transient,
    /// <summary>First iteration of a later time step.</summary>
    Predict,
    /// <summary>Small-signal parameters are being stored for AC.</summary>
    SmallSignal,
}

/// <summary>Numerical integration method of the transient analysis.</summary>
public enum IntegrationMethod
{
    Trapezoidal,
    Gear,
}
