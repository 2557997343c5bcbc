using Hwsim.Circuits.Expressions;

namespace Hwsim.Circuits.Netlist;

/// <summary>Reads the tokens of one netlist line in order, with errors that point at the offending token.</summary>
internal sealed class TokenCursor
{
    private readonly NetlistLine _line;
    private int _index;

    public TokenCursor(NetlistLine line, int start = 0)
    {
        _line = line;
        _index = start;
    }

    public NetlistLine Line => _line;
    public int Index => _index;
    public bool AtEnd => _index >= _line.Tokens.Count;
    public NetlistToken? Peek(int ahead = 0) => _index + ahead < _line.Tokens.Count ? _line.Tokens[_index + ahead] : null;

    /// <summary>Where the next token is, or the end of the line.</summary>
    public SourceLocation Here
    {
        get
        {
            if (!AtEnd) return _line.Tokens[_index].Location;
            var last = _line.Tokens[^1];
            return last.Location with { Column = last.Location.Column + last.Text.Length + (last.Kind == NetlistTokenKind.Expression ? 2 : 0) };
        }
    }

    public NetlistToken Next(string what)
    {
        if (AtEnd) throw new NetlistException(Here, $"{Describe()}: missing {what}");
        return _line.Tokens[_index++];
    }

    /// <summary>A node or model name (a plain word).</summary>
    public string Word(string what)
    {
        var t = Next(what);
        if (t.Kind != NetlistTokenKind.Word) throw new NetlistException(t.Location, $"{Describe()}: expected {what}, got '{t}'");
        return t.Lower;
    }

    /// <summary>Node <paramref name="index"/> of <paramref name="count"/>; the error message is built only on failure.</summary>
    public string Node(string what, int index, int count)
    {
        if (!AtEnd && _line.Tokens[_index].Kind == NetlistTokenKind.Word) return _line.Tokens[_index++].Lower;
        return Word($"{what} (node {index + 1} of {count})");
    }

    /// <summary>Reads a value if the next token is one (a number, an expression, a known parameter name).</summary>
    public bool TryValue(IParameterScope scope, out double value)
    {
        value = 0;
        var t = Peek();
        if (t is null) return false;
        if (t.Kind == NetlistTokenKind.Word && SpiceNumber.TryParse(t.Text, out value))
        {
            _index++;
            return true;
        }
        if (!AtValue(scope)) return false;
        value = Value("value", scope);
        return true;
    }

    public bool TryKeyword(string word)
    {
        if (Peek() is { } t && t.Is(word))
        {
            _index++;
            return true;
        }
        return false;
    }

    public void Expect(NetlistTokenKind kind, string what)
    {
        var t = Next(what);
        if (t.Kind != kind) throw new NetlistException(t.Location, $"{Describe()}: expected {what}, got '{t}'");
    }

    /// <summary>True when the next tokens are <c>name =</c>.</summary>
    public bool AtAssignment => Peek() is { Kind: NetlistTokenKind.Word } && Peek(1) is { Kind: NetlistTokenKind.Equals };

    /// <summary>True when the next token can start a value (a number, an expression, or a known parameter name).</summary>
    public bool AtValue(IParameterScope scope)
    {
        var t = Peek();
        if (t is null) return false;
        if (t.Kind == NetlistTokenKind.Expression) return true;
        if (t.Kind != NetlistTokenKind.Word) return false;
        return SpiceNumber.TryParse(t.Text, out _) || (scope.TryGetValue(t.Lower, out _) && Peek(1)?.Kind != NetlistTokenKind.Equals);
    }

    public double Value(string what, IParameterScope scope) => Values.Evaluate(Next(what), scope, Describe(), what);

    public void ExpectEnd()
    {
        if (!AtEnd)
        {
            var t = Peek()!;
            throw new NetlistException(t.Location, $"{Describe()}: unexpected '{t}'");
        }
    }

    public NetlistException Error(string message) => new(Here, $"{Describe()}: {message}");

    private string Describe() => _line.Keyword;
}

/// <summary>Turns value tokens into numbers: plain SPICE numbers, <c>{expressions}</c>, or parameter names.</summary>
internal static class Values
{
    public static double Evaluate(NetlistToken token, IParameterScope scope, string card, string what)
    {
        switch (token.Kind)
        {
            case NetlistTokenKind.Expression:
                return EvaluateExpression(token.Text, token.Location with { Column = token.Location.Column + 1 }, scope);
            case NetlistTokenKind.Word:
                if (SpiceNumber.TryParse(token.Text, out var v)) return v;
                if (scope.TryGetValue(token.Lower, out v)) return v;
                throw new NetlistException(token.Location, $"{card}: expected {what} (a number or {{expression}}), got '{token.Text}'");
            default:
                throw new NetlistException(token.Location, $"{card}: expected {what}, got '{token.Text}'");
        }
    }

    /// <summary>Evaluates expression text that starts at <paramref name="start"/>; errors point into the expression.</summary>
    public static double EvaluateExpression(string text, SourceLocation start, IParameterScope scope)
    {
        try
        {
            var value = ExpressionParser.Parse(text, FunctionNames(scope)).Evaluate(scope);
            if (double.IsNaN(value)) throw new NetlistException(start, $"expression '{Excerpt.Of(text)}' is not a number (NaN)");
            return value;
        }
        catch (ExpressionException e)
        {
            var column = e.Column is { } c ? start.Column + c - 1 : start.Column + NamedColumn(text, e.Message) - 1;
            throw new NetlistException(start with { Column = column }, $"in '{Excerpt.Of(text)}': {e.Message}");
        }
    }

    /// <summary>For an evaluation error naming 'x' (no column from the parser), the 1-based column of x in the text.</summary>
    private static int NamedColumn(string text, string message)
    {
        var m = System.Text.RegularExpressions.Regex.Match(message, "'([A-Za-z_][A-Za-z0-9_.]*)'");
        if (!m.Success) return 1;
        var hit = System.Text.RegularExpressions.Regex.Match(text, $@"(?<![A-Za-z0-9_.]){System.Text.RegularExpressions.Regex.Escape(m.Groups[1].Value)}(?![A-Za-z0-9_.])",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        return hit.Success ? hit.Index + 1 : 1;
    }

    public static IEnumerable<string>? FunctionNames(IParameterScope scope) =>
        scope is ParameterScope ps ? ps.FunctionNames : null;
}
