namespace Hwsim.Verification;

/// <summary>
/// Tolerance for transient waveforms: after linear interpolation onto a common grid,
/// <c>|a - b| &lt;= RelativeToPeakToPeak * peakToPeak(reference vector) + absolute</c> at every grid point.
/// The absolute part (by the vector's kind) keeps a flat reference (peak-to-peak zero) comparable.
/// </summary>
/// <param name="RelativeToPeakToPeak">Fraction of the reference's peak-to-peak swing; 1e-3 by default.</param>
/// <param name="AbsoluteVoltage">Absolute part for voltages; 1e-9 V by default.</param>
/// <param name="AbsoluteCurrent">Absolute part for currents; 1e-12 A by default.</param>
/// <param name="Grid">Which time points to compare at; the reference's by default.</param>
public sealed record WaveformTolerance(
    double RelativeToPeakToPeak = 1e-3,
    double AbsoluteVoltage = 1e-9,
    double AbsoluteCurrent = 1e-12,
    WaveformGrid Grid = WaveformGrid.Reference)
{
    /// <summary>The defaults: 1e-3 of peak-to-peak on the reference's grid.</summary>
    public static WaveformTolerance Default { get; } = new();

    /// <summary>The absolute part for the named vector.</summary>
    public double AbsoluteFor(string name) => VectorNames.IsCurrent(name) ? AbsoluteCurrent : AbsoluteVoltage;
}
