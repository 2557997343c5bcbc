using Hwsim.Circuits.Solver;

namespace Hwsim.Circuits.Simulation;

/// <summary>
/// What a device sees while it is loaded in a DC or transient Newton iteration (the fields of SPICE's CKTcircuit
/// that DEVload reads): the solution it linearises at, the mode, the stepping factors, the temperature. Devices may
/// add into <see cref="Matrix"/> values and <see cref="Rhs"/> through the handles they asked for, and report that
/// they are not converged; everything else only the engine sets.
/// </summary>
public sealed class BiasingState
{
    internal BiasingState(SimulationOptions options)
    {
        Options = options;
        Gmin = options.Gmin;
        Temperature = options.Temperature + PhysicalConstants.CelsiusToKelvin;
        NominalTemperature = options.NominalTemperature + PhysicalConstants.CelsiusToKelvin;
    }

    /// <summary>The options of the simulation (tolerances, gmin).</summary>
    public SimulationOptions Options { get; }

    /// <summary>The real MNA matrix (structure fixed after set-up); devices add into its values through their handles.</summary>
    public SparseMatrix<double> Matrix { get; internal set; } = null!;

    /// <summary>Right-hand side being assembled, 1-based; element 0 is the ground trash.</summary>
    public double[] Rhs { get; internal set; } = Array.Empty<double>();

    /// <summary>The latest solution (SPICE's CKTrhsOld): devices read their terminal voltages from it.</summary>
    public double[] Solution { get; internal set; } = Array.Empty<double>();

    public AnalysisMode Mode { get; internal set; }
    public InitializationMode Init { get; internal set; }

    /// <summary>Scale of all independent sources (source stepping).</summary>
    public double SourceFactor { get; internal set; } = 1;

    /// <summary>Junction gmin used by devices (stepped by true-gmin stepping).</summary>
    public double Gmin { get; internal set; }

    /// <summary>Circuit temperature in kelvin.</summary>
    public double Temperature { get; internal set; }

    /// <summary>Nominal model temperature in kelvin.</summary>
    public double NominalTemperature { get; internal set; }

    /// <summary>Devices that limited a junction voltage (or whose linearisation is not yet good) in this iteration.</summary>
    public int NonConvergenceCount { get; internal set; }

    /// <summary>The device that last reported non-convergence (for diagnostics).</summary>
    public string? TroubleDevice { get; internal set; }

    /// <summary>
    /// A device reports that this iteration cannot be the last (it limited a junction voltage, a switch changed
    /// state): SPICE's CKTnoncon++.
    /// </summary>
    /// <summary>Device loads that stamped their previous evaluation again (<see cref="SimulationOptions.Bypass"/>).</summary>
    internal int BypassedLoads { get; set; }

    public void NotConverged(string device)
    {
        NonConvergenceCount++;
        TroubleDevice = device;
    }

    /// <summary>Set when a constant stamp changed (see <see cref="IConstantStampBehavior"/>); the engine stamps them again.</summary>
    internal bool ConstantStampsChanged { get; set; } = true;

    /// <summary>A device's constant stamp has changed (a resistor set by a sweep): the next load stamps them all again.</summary>
    public void InvalidateConstantStamps() => ConstantStampsChanged = true;

    /// <summary>True when charges are computed in this mode (SPICE: DCTRANCURVE | TRAN | AC | INITSMSIG, or TRANOP with UIC).</summary>
    public bool ComputesCharges =>
        (Mode & (AnalysisMode.DcSweep | AnalysisMode.Transient | AnalysisMode.Ac)) != 0 || Init == InitializationMode.SmallSignal
        || ((Mode & AnalysisMode.TransientOperatingPoint) != 0 && (Mode & AnalysisMode.UseInitialConditions) != 0);

    public bool IsTransient => (Mode & AnalysisMode.Transient) != 0;
    public bool UseIc => (Mode & AnalysisMode.UseInitialConditions) != 0;
}
