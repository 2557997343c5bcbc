namespace Hwsim.Verification;

/// <summary>Tolerance for AC (complex) vectors; see <see cref="AcComparisonMode"/> for the two criteria.</summary>
/// <param name="Relative">Relative part; 1e-6 by default.</param>
/// <param name="PhaseDegrees">Phase tolerance in degrees (magnitude/phase mode); 1e-4 by default.</param>
/// <param name="PhaseFloor">Below this fraction of the largest magnitude the phase is not checked; 1e-6 by default.</param>
/// <param name="AbsoluteVoltage">Absolute part for voltages; 1e-9 V by default.</param>
/// <param name="AbsoluteCurrent">Absolute part for currents; 1e-12 A by default.</param>
/// <param name="Mode">The criterion; real/imaginary against the largest magnitude by default.</param>
public sealed record AcTolerance(
    double Relative = 1e-6,
    double PhaseDegrees = 1e-4,
    double PhaseFloor = 1e-6,
    double AbsoluteVoltage = 1e-9,
    double AbsoluteCurrent = 1e-12,
    AcComparisonMode Mode = AcComparisonMode.RealImaginary)
{
    /// <summary>The defaults: real/imaginary mode, 1e-6 of the largest magnitude.</summary>
    public static AcTolerance Default { get; } = new();

    /// <summary>The absolute part for the named vector.</summary>
    public double AbsoluteFor(string name) => VectorNames.IsCurrent(name) ? AbsoluteCurrent : AbsoluteVoltage;
}
