namespace Hwsim.Circuits.Control.Vectors;

/// <summary>The kinds of token of the control language's expressions.</summary>
internal enum VectorTokenKind
{
    Number,
    Name,
    Operator,
    End,
}

/// <summary>One token: for operators the character (<c>G L N</c> for <c>&gt;= &lt;= &lt;&gt;</c>).</summary>
internal readonly record struct VectorToken(VectorTokenKind Kind, int Start, int End, string Text = "", double Value = 0, char Operator = '\0');

/// <summary>
/// ngspice's <c>PPlex</c>: word operators <c>gt lt ge le ne eq or and not</c>, <c>&lt;&gt;</c>, numbers with scale
/// letters, <c>"quoted"</c> vector names, and names that run to the next special character (an <c>@dev[param]</c>
/// keeps its brackets, <c>i(vsrc)</c> stays one name).
/// </summary>
internal sealed class VectorExpressionLexer(string text)
{
    private const string Specials = " \t%()-^+*,/|&<>~=";
    private int _position;

    public string Source => text;

    /// <summary>Continues lexing at <paramref name="position"/> (after a part read raw).</summary>
    public void Seek(int position) => _position = position;

    private static bool IsSpecial(string s, int i) => i >= s.Length || Specials.Contains(s[i], StringComparison.Ordinal);

    public VectorToken Next()
    {
        var s = text;
        var p = _position;
        while (p < s.Length && (s[p] == ' ' || s[p] == '\t')) p++;
        var start = p;
        if (p >= s.Length) return Done(VectorTokenKind.End, start, p);
        var word = WordOperator(s, p);
        if (word is { } w) return Op(w.Op, start, p + w.Length);
        var c = s[p];
        switch (c)
        {
            case '[':
            case ']':
            case '?':
            case ':':
            case ',':
            case '+':
            case '-':
            case '*':
            case '%':
            case '/':
            case '^':
            case '(':
            case ')':
            case '=':
            case '&':
            case '|':
            case '~':
                return Op(c, start, p + 1);
            case '>':
            case '<':
            {
                var j = p + 1;
                while (j < s.Length && char.IsWhiteSpace(s[j])) j++;
                if (j < s.Length && (s[j] == '<' || s[j] == '>') && s[j] != c) return Op('N', start, j + 1);
                if (p + 1 < s.Length && s[p + 1] == '=') return Op(c == '>' ? 'G' : 'L', start, p + 2);
                return Op(c, start, p + 1);
            }
            case '"':
            {
                var close = s.IndexOf('"', p + 1);
                var end = close < 0 ? s.Length : close + 1;
                _position = end;
                return new VectorToken(VectorTokenKind.Name, start, end, s[(p + 1)..(close < 0 ? s.Length : close)]);
            }
        }
        var q = p;
        if (ControlNumber.TryRead(s, ref q, out var value) && (q >= s.Length || s[q] != ':'))
        {
            _position = q;
            return new VectorToken(VectorTokenKind.Number, start, q, s[start..q], value);
        }
        return NameToken(s, p);
    }

    private VectorToken NameToken(string s, int p)
    {
        var start = p;
        var atSign = false;
        for (; p < s.Length && !Specials.Contains(s[p], StringComparison.Ordinal); p++)
        {
            if (s[p] == '@') atSign = true;
            else if (!atSign && s[p] == '[') break;
            else if (s[p] == ']')
            {
                if (atSign) p++;
                break;
            }
            else if ((p == start || s[p - 1] == '.') && string.CompareOrdinal(s, p, "i(v", 0, 3) == 0)
            {
                // i(vsrc) stays one name, even as plot.i(vsrc)
                var depth = 0;
                var q = p + 1;
                for (; q < s.Length; q++)
                {
                    if (s[q] == '(') depth++;
                    else if (s[q] == ')' && --depth == 0) break;
                }
                if (q >= s.Length) throw new VectorExpressionException($"missing ')' in '{s[start..]}'");
                p = q;
            }
        }
        _position = p;
        return new VectorToken(VectorTokenKind.Name, start, p, s[start..p]);
    }

    private static (char Op, int Length)? WordOperator(string s, int p)
    {
        static bool Is(string s, int p, string w) => string.CompareOrdinal(s, p, w, 0, w.Length) == 0 && IsSpecial(s, p + w.Length);
        if (Is(s, p, "gt")) return ('>', 2);
        if (Is(s, p, "lt")) return ('<', 2);
        if (Is(s, p, "ge")) return ('G', 2);
        if (Is(s, p, "le")) return ('L', 2);
        if (Is(s, p, "ne")) return ('N', 2);
        if (Is(s, p, "eq")) return ('=', 2);
        if (Is(s, p, "or")) return ('|', 2);
        if (Is(s, p, "and")) return ('&', 3);
        if (Is(s, p, "not")) return ('~', 3);
        return null;
    }

    private VectorToken Op(char op, int start, int end)
    {
        _position = end;
        return new VectorToken(VectorTokenKind.Operator, start, end, Operator: op);
    }

    private VectorToken Done(VectorTokenKind kind, int start, int end)
    {
        _position = end;
        return new VectorToken(kind, start, end);
    }
}
