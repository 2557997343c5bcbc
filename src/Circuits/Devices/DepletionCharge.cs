namespace Hwsim.Circuits.Devices;

/// <summary>
/// The SPICE depletion charge of a pn junction shared by diodes and bipolar transistors:
/// Q = pb C0 (1 - (1 - v/pb)^(1-m)) / (1 - m) below the forward-bias corner fc*pb, and above it the linear
/// extension of the capacitance that keeps it finite (f1, f2, f3 as SPICE's temperature code computes them).
/// </summary>
public static class DepletionCharge
{
    /// <summary>Charge and capacitance at <paramref name="v"/> of a junction with zero-bias capacitance <paramref name="czero"/>.</summary>
    public static void Evaluate(double v, double czero, double pb, double m, double corner, double f1, double f2, double f3,
        out double charge, out double capacitance)
    {
        if (v < corner)
        {
            var arg = 1 - v / pb;
            var sarg = Math.Exp(-m * Math.Log(arg));
            charge = pb * czero * (1 - arg * sarg) / (1 - m);
            capacitance = czero * sarg;
        }
        else
        {
            var czof2 = czero / f2;
            charge = czero * f1 + czof2 * (f3 * (v - corner) + m / (pb + pb) * (v * v - corner * corner));
            capacitance = czof2 * (f3 + m * v / pb);
        }
    }
}
