namespace Hwsim.Circuits.Devices;

/// <summary>
/// The SPICE junction law shared by diodes and bipolar transistors: i = Is (exp(v / nVt) - 1) above -3 nVt, and below
/// it the cubic tail i = -Is (1 + (3 nVt / (v e))^3) that ngspice uses to keep reverse currents smooth.
/// </summary>
public static class JunctionCurrent
{
    /// <summary>Current and conductance of a junction of saturation current <paramref name="saturation"/> at <paramref name="v"/>.</summary>
    public static void Evaluate(double v, double saturation, double nvt, out double current, out double conductance)
    {
        if (v >= -3 * nvt)
        {
            var e = Math.Exp(v / nvt);
            current = saturation * (e - 1);
            conductance = saturation * e / nvt;
        }
        else
        {
            var arg = 3 * nvt / (v * Simulation.PhysicalConstants.E);
            arg = arg * arg * arg;
            current = -saturation * (1 + arg);
            conductance = saturation * 3 * arg / v;
        }
    }
}
