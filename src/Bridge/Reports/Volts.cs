using System.Globalization;

namespace Hwsim.Bridge.Reports;

/// <summary>
/// Voltages for people: a value in network units times the signal scale (volts per unit), written with an SI prefix
/// (<c>1.39 mV</c>, <c>44.4 aV</c>), so that every error in the reports can be read in volts beside its network units.
/// </summary>
public static class Volts
{
    private static readonly (double Factor, string Prefix)[] Prefixes =
    {
        (1e3, "k"), (1, ""), (1e-3, "m"), (1e-6, "\u00b5"), (1e-9, "n"), (1e-12, "p"), (1e-15, "f"), (1e-18, "a"),
    };

    /// <summary><paramref name="volts"/> with 3 significant digits and an SI prefix; 0 is <c>0 V</c>, NaN is <c>NaN</c>.</summary>
    public static string Format(double volts)
    {
        if (double.IsNaN(volts)) return "NaN";
        if (double.IsInfinity(volts)) return volts > 0 ? "\u221e V" : "\u2212\u221e V";
        if (volts == 0) return "0 V";
        var magnitude = Math.Abs(volts);
        foreach (var (factor, prefix) in Prefixes)
            if (magnitude >= factor * 0.9995)
                return (volts / factor).ToString("G3", CultureInfo.InvariantCulture) + " " + prefix + "V";
        return volts.ToString("G3", CultureInfo.InvariantCulture).Replace("E", "e") + " V";
    }

    /// <summary>A value in network units as volts at <paramref name="voltsPerUnit"/>.</summary>
    public static string Of(double value, double voltsPerUnit) => Format(value * voltsPerUnit);
}
