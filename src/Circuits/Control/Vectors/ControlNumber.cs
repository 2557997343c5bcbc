namespace Hwsim.Circuits.Control.Vectors;

/// <summary>
/// Numbers of the control language as ngspice's <c>ft_numparse</c> reads them: a decimal mantissa, then either an
/// exponent or one scale letter (t g k u n p f a m mil meg), then any letters and underscores, which are skipped
/// (<c>10ms</c> is 0.01). The value is mantissa * 10^exponent computed the same way, so results match to the bit.
/// </summary>
public static class ControlNumber
{
    /// <summary>Reads a number at <paramref name="position"/>; returns false (position unchanged) when there is none.</summary>
    public static bool TryRead(string text, ref int position, out double value)
    {
        value = 0;
        var p = position;
        if (!Decimal(text, ref p, out var mantissa)) return false;
        var exponent = 0.0;
        if (p < text.Length)
        {
            switch (char.ToLowerInvariant(text[p]))
            {
                case 'e':
                {
                    var q = p + 1;
                    if (Decimal(text, ref q, out var e))
                    {
                        exponent = e;
                        p = q;
                    }
                    break;
                }
                case 't': exponent = 12; p++; break;
                case 'g': exponent = 9; p++; break;
                case 'k': exponent = 3; p++; break;
                case 'u': exponent = -6; p++; break;
                case 'n': exponent = -9; p++; break;
                case 'p': exponent = -12; p++; break;
                case 'f': exponent = -15; p++; break;
                case 'a': exponent = -18; p++; break;
                case 'm':
                    if (At(text, p + 1, "eg")) { exponent = 6; p += 3; }
                    else if (At(text, p + 1, "il")) { exponent = -6; mantissa *= 25.4; p += 3; }
                    else { exponent = -3; p++; }
                    break;
            }
        }
        while (p < text.Length && (char.IsAsciiLetter(text[p]) || text[p] == '_')) p++;
        value = mantissa * (exponent == 0 ? 1.0 : Math.Pow(10.0, exponent));
        position = p;
        return true;
    }

    /// <summary>A whole word as a number (nothing left over), as <c>ft_numparse(..., whole=TRUE)</c> with trailing letters allowed.</summary>
    public static bool TryParse(string word, out double value)
    {
        var p = 0;
        return TryRead(word, ref p, out value) && p == word.Length;
    }

    private static bool At(string text, int p, string lower) =>
        p + lower.Length <= text.Length && string.Compare(text, p, lower, 0, lower.Length, StringComparison.OrdinalIgnoreCase) == 0;

    /// <summary>ngspice's <c>get_decimal_number</c>: [sign] digits [. digits], or [sign] . digits.</summary>
    private static bool Decimal(string text, ref int position, out double value)
    {
        value = 0;
        var p = position;
        var sign = 1.0;
        if (p < text.Length && text[p] == '+') p++;
        else if (p < text.Length && text[p] == '-')
        {
            p++;
            sign = -1;
        }
        if (p >= text.Length) return false;
        if (!char.IsAsciiDigit(text[p]) && !(text[p] == '.' && p + 1 < text.Length && char.IsAsciiDigit(text[p + 1]))) return false;
        var v = 0.0;
        for (; p < text.Length && char.IsAsciiDigit(text[p]); p++) v = v * 10.0 + (text[p] - '0');
        if (p < text.Length && text[p] == '.')
        {
            var start = ++p;
            var numerator = 0.0;
            for (; p < text.Length && char.IsAsciiDigit(text[p]); p++) numerator = numerator * 10.0 + (text[p] - '0');
            v += numerator * Math.Pow(10, start - p);
        }
        value = sign * v;
        position = p;
        return true;
    }
}
