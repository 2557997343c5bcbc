namespace Hwsim.Circuits.Expressions;

/// <summary>
/// Reads a plain SPICE number with an engineering suffix (<c>1k</c>, <c>2.2u</c>, <c>10meg</c>, <c>-1e-3</c>, <c>5V</c>);
/// a number beyond the double range (<c>1e400</c>) is not one.
/// </summary>
public static class SpiceNumber
{
    public static bool TryParse(string text, out double value)
    {
        // Fast path: a plain decimal without suffix (most generated netlists).
        if (text.Length > 0 && text.Length < 32 && (char.IsAsciiDigit(text[0]) || text[0] is '-' or '+' or '.')
            && IsPlain(text)
            && double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out value))
            return double.IsFinite(value);
        value = 0;
        if (string.IsNullOrEmpty(text)) return false;
        var sign = 1.0;
        var body = text;
        if (body[0] is '+' or '-')
        {
            sign = body[0] == '-' ? -1 : 1;
            body = body[1..];
        }
        if (body.Length == 0 || !(char.IsAsciiDigit(body[0]) || (body[0] == '.' && body.Length > 1 && char.IsAsciiDigit(body[1]))))
            return false;
        var lexer = new ExpressionLexer(body);
        var token = lexer.Next();
        if (token.Kind != TokenKind.Number || lexer.Column <= body.Length) return false;
        value = sign * token.Number;
        // 1e400 overflows to infinity: not a number any circuit quantity can take, nor one a netlist can be written back with
        return double.IsFinite(value);
    }

    private static bool IsPlain(string text)
    {
        foreach (var ch in text)
            if (!(char.IsAsciiDigit(ch) || ch is '.' or '-' or '+' or 'e' or 'E')) return false;
        // "1e" or "2e-" are not numbers to double.TryParse but are to SPICE (unit letters): leave those to the lexer.
        return !(text.EndsWith('e') || text.EndsWith('E') || text.EndsWith('-') || text.EndsWith('+'));
    }
}
