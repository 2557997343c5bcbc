using System.Globalization;

namespace Hwsim.Circuits.Control.Vectors;

/// <summary>
/// Parses the control language's expressions with ngspice's grammar (parse-bison.y): a list of expressions side by
/// side (<c>print v(1) v(2)</c>), and within one, from loosest to tightest: <c>? :</c>, <c>|</c>, <c>&amp;</c>,
/// comparisons, <c>~</c> (not), <c>,</c> (makes a complex number), <c>+ -</c>, <c>* / %</c>, unary minus, <c>^</c>,
/// indexing <c>[ ]</c>. The arguments of <c>v(...)</c> are node names whatever they look like.
/// </summary>
public sealed class VectorExpressionParser
{
    private const int Ternary = 1, Or = 2, And = 3, Compare = 4, Not = 5, Comma = 6, Sum = 7, Product = 8, Negate = 9, Power = 10;

    private readonly VectorExpressionLexer _lexer;
    private VectorToken _current;

    private VectorExpressionParser(string text)
    {
        _lexer = new VectorExpressionLexer(text);
        _current = _lexer.Next();
    }

    /// <summary>Parses every expression of <paramref name="text"/>, each with its source text.</summary>
    public static IReadOnlyList<VectorExpression> ParseList(string text)
    {
        var parser = new VectorExpressionParser(text);
        var list = new List<VectorExpression>();
        while (parser._current.Kind != VectorTokenKind.End)
        {
            var start = parser._current.Start;
            var e = parser.Parse(Ternary);
            var end = parser._lastEnd;
            list.Add(e with { Text = text[start..end].Trim() });
        }
        return list;
    }

    /// <summary>Parses exactly one expression.</summary>
    public static VectorExpression ParseOne(string text)
    {
        var list = ParseList(text);
        if (list.Count != 1)
            throw new VectorExpressionException(list.Count == 0 ? "missing expression" : $"'{text.Trim()}' is {list.Count} expressions, not one");
        return list[0];
    }

    private int _lastEnd;

    private void Advance()
    {
        _lastEnd = _current.End;
        _current = _lexer.Next();
    }

    private bool AtOperator(char op) => _current is { Kind: VectorTokenKind.Operator } t && t.Operator == op;

    private static int Precedence(char op) => op switch
    {
        '?' => Ternary,
        '|' => Or,
        '&' => And,
        '=' or 'N' or 'L' or '<' or 'G' or '>' => Compare,
        ',' => Comma,
        '+' or '-' => Sum,
        '*' or '/' or '%' => Product,
        '^' => Power,
        _ => 0,
    };

    private VectorExpression Parse(int minimum)
    {
        var left = Prefix();
        while (true)
        {
            if (AtOperator('['))
            {
                left = Index(left);
                continue;
            }
            if (_current.Kind != VectorTokenKind.Operator) return left;
            var op = _current.Operator;
            var p = Precedence(op);
            if (p == 0 || p < minimum) return left;
            Advance();
            if (op == '?')
            {
                var whenTrue = Parse(Ternary);
                if (!AtOperator(':')) throw Error("':' of '? :'");
                Advance();
                var whenFalse = Parse(Ternary);
                left = new TernaryNode(left, whenTrue, whenFalse);
                continue;
            }
            // ^ and , are right-associative; the others left.
            var right = Parse(op is '^' or ',' ? p : p + 1);
            left = new BinaryNode(op, left, right);
        }
    }

    private VectorExpression Prefix()
    {
        var t = _current;
        switch (t.Kind)
        {
            case VectorTokenKind.Number:
                Advance();
                return new NumberNode(t.Value, NumberName(t.Value));
            case VectorTokenKind.Name:
                Advance();
                return AtOperator('(') ? Call(t.Text) : new NameNode(t.Text);
            case VectorTokenKind.Operator when t.Operator == '(':
            {
                Advance();
                var inner = Parse(Ternary);
                if (!AtOperator(')')) throw Error("')'");
                Advance();
                return inner;
            }
            case VectorTokenKind.Operator when t.Operator == '-':
                Advance();
                return new UnaryNode('-', Parse(Power));
            case VectorTokenKind.Operator when t.Operator == '~':
                Advance();
                return new UnaryNode('~', Parse(Comma));
            case VectorTokenKind.End:
                throw new VectorExpressionException($"'{_lexer.Source.Trim()}': the expression ends too early");
            default:
                throw new VectorExpressionException($"'{_lexer.Source.Trim()}': unexpected '{_lexer.Source[t.Start..t.End]}'");
        }
    }

    private VectorExpression Call(string function)
    {
        if (function.Equals("v", StringComparison.OrdinalIgnoreCase)) return NodeVoltage();
        Advance(); // '('
        var argument = Parse(Ternary);
        if (!AtOperator(')')) throw Error($"')' closing {function}(");
        Advance();
        return new CallNode(function.ToLowerInvariant(), argument);
    }

    /// <summary><c>v(node)</c> and <c>v(a, b)</c> (= v(a) - v(b)): node names read raw, as ngspice quotes them.</summary>
    private VectorExpression NodeVoltage()
    {
        var s = _lexer.Source;
        var open = _current.Start;
        var depth = 0;
        var close = open;
        for (; close < s.Length; close++)
        {
            if (s[close] == '(') depth++;
            else if (s[close] == ')' && --depth == 0) break;
        }
        if (close >= s.Length) throw new VectorExpressionException($"'{s.Trim()}': missing ')' after v(");
        var parts = s[(open + 1)..close].Split(',').Select(x => x.Trim()).ToArray();
        if (parts.Length is < 1 or > 2 || parts.Any(x => x.Length == 0)) throw new VectorExpressionException($"'{s.Trim()}': v() takes one or two node names");
        // The argument was read raw: go on after ')'.
        _lexer.Seek(close + 1);
        _current = new VectorToken(VectorTokenKind.Operator, close, close + 1, Operator: ')');
        Advance();
        VectorExpression Node(string n) => new CallNode("v", n.All(char.IsAsciiDigit) ? new NumberNode(double.Parse(n, CultureInfo.InvariantCulture), n) : new NameNode(n.Trim('"')));
        return parts.Length == 1 ? Node(parts[0]) : new BinaryNode('-', Node(parts[0]), Node(parts[1]));
    }

    private VectorExpression Index(VectorExpression vector)
    {
        Advance(); // '['
        var byScale = false;
        if (AtOperator('['))
        {
            byScale = true;
            Advance();
        }
        var index = Parse(Ternary);
        if (!AtOperator(']')) throw Error("']'");
        Advance();
        if (byScale)
        {
            if (!AtOperator(']')) throw Error("']]'");
            Advance();
        }
        return new IndexNode(vector, index, byScale);
    }

    /// <summary>ngspice names a number vector by its integer part, or %G beyond int range.</summary>
    private static string NumberName(double value) => value <= int.MaxValue && value >= int.MinValue
        ? ((int)value).ToString(CultureInfo.InvariantCulture)
        : value.ToString("G6", CultureInfo.InvariantCulture);

    private VectorExpressionException Error(string expected)
    {
        var s = _lexer.Source;
        var got = _current.Kind == VectorTokenKind.End ? "the end" : $"'{s[_current.Start.._current.End]}'";
        return new VectorExpressionException($"'{s.Trim()}': expected {expected}, got {got}");
    }
}
