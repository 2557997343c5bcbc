using System.Globalization;

namespace Hwsim.Circuits.Expressions;

/// <summary>
/// Splits expression text into tokens on demand. Numbers follow ngspice's <c>INPevaluate</c>: a decimal mantissa,
/// an optional exponent, an optional scale suffix (t g k m u n p f a, meg, mil; any case), and any further letters
/// ignored (<c>10uF</c>, <c>1kohm</c>). <c>**</c> is read as <c>^</c>, <c>&lt;&gt;</c> as <c>!=</c>.
/// </summary>
internal sealed class ExpressionLexer
{
    private readonly string _text;
    private int _position;

    public ExpressionLexer(string text) => _text = text;

    /// <summary>1-based column of the next unread character.</summary>
    public int Column => _position + 1;

    public Token Next()
    {
        SkipWhitespace();
        if (_position >= _text.Length) return new Token(TokenKind.End, "", _text.Length + 1);

        var start = _position;
        var c = _text[_position];
        if (char.IsAsciiDigit(c) || (c == '.' && _position + 1 < _text.Length && char.IsAsciiDigit(_text[_position + 1])))
            return ReadNumber();
        if (char.IsAsciiLetter(c) || c == '_')
        {
            while (_position < _text.Length && IsIdentifierPart(_text[_position])) _position++;
            return new Token(TokenKind.Identifier, _text[start.._position], start + 1);
        }

        var next = _position + 1 < _text.Length ? _text[_position + 1] : '\0';
        (TokenKind kind, int length) = (c, next) switch
        {
            ('*', '*') => (TokenKind.Caret, 2),
            ('=', '=') => (TokenKind.EqualEqual, 2),
            ('!', '=') => (TokenKind.BangEqual, 2),
            ('<', '>') => (TokenKind.BangEqual, 2),
            ('<', '=') => (TokenKind.LessEqual, 2),
            ('>', '=') => (TokenKind.GreaterEqual, 2),
            ('&', '&') => (TokenKind.AndAnd, 2),
            ('|', '|') => (TokenKind.OrOr, 2),
            ('+', _) => (TokenKind.Plus, 1),
            ('-', _) => (TokenKind.Minus, 1),
            ('*', _) => (TokenKind.Star, 1),
            ('/', _) => (TokenKind.Slash, 1),
            ('%', _) => (TokenKind.Percent, 1),
            ('^', _) => (TokenKind.Caret, 1),
            ('(', _) => (TokenKind.LeftParen, 1),
            (')', _) => (TokenKind.RightParen, 1),
            ('{', _) => (TokenKind.LeftBrace, 1),
            ('}', _) => (TokenKind.RightBrace, 1),
            (',', _) => (TokenKind.Comma, 1),
            ('?', _) => (TokenKind.Question, 1),
            (':', _) => (TokenKind.Colon, 1),
            ('!', _) => (TokenKind.Bang, 1),
            ('<', _) => (TokenKind.Less, 1),
            ('>', _) => (TokenKind.Greater, 1),
            _ => throw new ExpressionException($"unexpected character '{c}'", start + 1),
        };
        _position += length;
        return new Token(kind, _text.Substring(start, length), start + 1);
    }

    /// <summary>
    /// Reads a node or device name inside <c>v( )</c> or <c>i( )</c>: every character up to white space, a comma or a
    /// parenthesis, so that names such as <c>1</c>, <c>x1.out</c> or <c>net#3</c> are taken as they are.
    /// </summary>
    public Token ReadName()
    {
        SkipWhitespace();
        var start = _position;
        while (_position < _text.Length && !char.IsWhiteSpace(_text[_position]) && _text[_position] is not (',' or '(' or ')'))
            _position++;
        return new Token(TokenKind.Identifier, _text[start.._position], start + 1);
    }

    internal static bool IsIdentifierPart(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.';

    private void SkipWhitespace()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position])) _position++;
    }

    private Token ReadNumber()
    {
        var start = _position;
        while (_position < _text.Length && char.IsAsciiDigit(_text[_position])) _position++;
        if (_position < _text.Length && _text[_position] == '.')
        {
            _position++;
            while (_position < _text.Length && char.IsAsciiDigit(_text[_position])) _position++;
        }
        var mantissaEnd = _position;

        // An exponent only when digits follow the 'e' (and its sign): "1e" is 1 with an ignored letter, as in ngspice.
        var exponent = 0;
        if (_position < _text.Length && _text[_position] is 'e' or 'E')
        {
            var p = _position + 1;
            var negative = false;
            if (p < _text.Length && _text[p] is '+' or '-')
            {
                negative = _text[p] == '-';
                p++;
            }
            if (p < _text.Length && char.IsAsciiDigit(_text[p]))
            {
                var digitsStart = p;
                while (p < _text.Length && char.IsAsciiDigit(_text[p])) p++;
                // Clamp huge exponents: they give 0 or infinity either way.
                exponent = int.TryParse(_text.AsSpan(digitsStart, p - digitsStart), NumberStyles.None, CultureInfo.InvariantCulture, out var e)
                    ? Math.Min(e, 100_000) : 100_000;
                if (negative) exponent = -exponent;
                _position = p;
            }
        }

        var scale = 0;
        var mil = false;
        if (_position < _text.Length)
        {
            var rest = _text.AsSpan(_position);
            if (rest.StartsWith("meg", StringComparison.OrdinalIgnoreCase)) scale = 6;
            else if (rest.StartsWith("mil", StringComparison.OrdinalIgnoreCase)) mil = true;
            else
            {
                scale = char.ToLowerInvariant(rest[0]) switch
                {
                    't' => 12,
                    'g' => 9,
                    'k' => 3,
                    'm' => -3,
                    'u' => -6,
                    'n' => -9,
                    'p' => -12,
                    'f' => -15,
                    'a' => -18,
                    _ => 0,
                };
            }
        }
        // Letters after the number (the suffix and any unit such as "ohm" or "F") carry no further meaning.
        while (_position < _text.Length && (char.IsAsciiLetter(_text[_position]) || _text[_position] == '_')) _position++;

        // Parse mantissa and combined exponent in one go so that the result is correctly rounded (2.2u == 2.2e-6).
        var literal = string.Concat(_text.AsSpan(start, mantissaEnd - start), "e",
            (exponent + scale).ToString(CultureInfo.InvariantCulture));
        var value = double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (mil) value *= 25.4e-6;
        return new Token(TokenKind.Number, _text[start.._position], start + 1, value);
    }
}
