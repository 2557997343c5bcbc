using System.Globalization;

namespace Hwsim.Circuits.Results;

/// <summary>Numbers written as ngspice writes them (C's <c>printf("%e")</c>), so our output reads like its output.</summary>
public static class NgspiceNumbers
{
    /// <summary>C's <c>%.{digits}e</c>: <c>6.930658e-07</c>, <c>-1.41297e+00</c>; <c>nan</c>, <c>inf</c>, <c>-inf</c>.</summary>
    public static string E(double x, int digits = 6)
    {
        if (double.IsNaN(x)) return "nan";
        if (double.IsInfinity(x)) return x > 0 ? "inf" : "-inf";
        // .NET's standard E format is exact to any precision (its custom formats stop at 15 digits); C writes the
        // exponent with at least two digits, .NET with three.
        var text = x.ToString("E" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        var exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"{text.AsSpan(0, e)}e{(exponent < 0 ? '-' : '+')}{Math.Abs(exponent):00}");
    }

    /// <summary>ngspice's <c>printnum</c>: six digits after the point, five for a negative number (same width).</summary>
    public static string PrintNum(double x) => E(x, x < 0 ? 5 : 6);
}
