namespace Hwsim.Circuits.Devices;

/// <summary>
/// What differs between the MOSFET levels: the channel (drain) current and its derivatives. The junction diodes,
/// depletion and Meyer capacitances, limiting, source/drain interchange and stamping are <see cref="MosfetBehavior"/>'s.
/// </summary>
internal interface IMosfetDrainCurrent
{
    /// <summary>Takes the instance's values at the circuit temperature (called from the behaviour's temperature pass).</summary>
    void Prepare(in MosfetChannel channel);

    /// <summary>
    /// The drain current in the device's own polarity and forward mode: <paramref name="vgs"/> and
    /// <paramref name="vbs"/> from the side acting as source, <paramref name="vds"/> &gt;= 0. Also gives the
    /// derivatives and the threshold (von) and saturation voltage Meyer's capacitances use.
    /// </summary>
    double Evaluate(double vgs, double vbs, double vds, double vt, out double gm, out double gds, out double gmbs,
        out double von, out double vdsat);
}
