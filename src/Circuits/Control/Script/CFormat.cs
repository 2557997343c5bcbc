using System.Globalization;

namespace Hwsim.Circuits.Control.Script;

/// <summary>C's <c>printf</c> number formats that ngspice's control language writes.</summary>
public static class CFormat
{
    /// <summary>C's <c>%G</c> (six significant digits, trailing zeros dropped, exponent as <c>E+08</c>).</summary>
    public static string G(double x, int precision = 6) => Generic(x, precision, upper: true);

    /// <summary>C's <c>%g</c>.</summary>
    public static string LowerG(double x, int precision = 6) => Generic(x, precision, upper: false);

    private static string Generic(double x, int precision, bool upper)
    {
        if (double.IsNaN(x)) return upper ? "NAN" : "nan";
        if (double.IsInfinity(x)) return (x < 0 ? "-" : "") + (upper ? "INF" : "inf");
        if (precision == 0) precision = 1;
        if (x == 0) return double.IsNegative(x) ? "-0" : "0";
        // The exponent C uses to choose: that of x rounded to 'precision' significant digits.
        var e = x.ToString("E" + (precision - 1).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var exponent = int.Parse(e.AsSpan(e.IndexOf('E') + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        string text;
        if (exponent < -4 || exponent >= precision)
        {
            var mantissa = e[..e.IndexOf('E')];
            if (mantissa.Contains('.')) mantissa = mantissa.TrimEnd('0').TrimEnd('.');
            text = $"{mantissa}{(upper ? 'E' : 'e')}{(exponent < 0 ? '-' : '+')}{Math.Abs(exponent):00}";
        }
        else
        {
            var decimals = Math.Max(0, precision - 1 - exponent);
            text = x.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            if (text.Contains('.')) text = text.TrimEnd('0').TrimEnd('.');
        }
        return text;
    }
}
