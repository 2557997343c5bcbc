namespace Hwsim.Circuits.Expressions;

/// <summary>
/// Parses ngspice expressions (B-source expressions and numparam <c>.param</c>/<c>{expr}</c> values) into
/// <see cref="Expression"/> trees.
/// </summary>
/// <remarks>
/// Precedence, loosest first, as in ngspice's B-source grammar (<c>inpptree-parser.y</c>):
/// <c>?:</c> (right associative), <c>||</c>, <c>&amp;&amp;</c>, <c>== != &lt;&gt;</c>, <c>&lt; &lt;= &gt; &gt;=</c>,
/// <c>+ -</c>, <c>* / %</c>, unary <c>- + !</c>, then <c>^</c> and <c>**</c>. All binary operators are left
/// associative, the power too: ngspice 39 evaluates <c>2^3^2</c> as 64. Unary minus binds looser than the power
/// (<c>-2^2</c> is -4) but a power's right operand may carry a sign (<c>2^-1</c> is 0.5). Braces group like
/// parentheses (ngspice drops them in B-source lines). <c>limit(x, lo, hi)</c> becomes <c>min(max(x, lo), hi)</c>
/// and <c>ternary_fcn(c, a, b)</c> becomes <c>c ? a : b</c>.
/// </remarks>
public static class ExpressionParser
{
    /// <summary>
    /// The deepest nesting accepted: parentheses, signs, conditionals and call arguments inside each other. The parser
    /// recurses about ten calls per level, so this bounds its stack.
    /// </summary>
    public const int MaxNesting = 500;

    /// <summary>
    /// The tallest expression tree accepted (a sum of n terms is n tall). Everything that walks an expression
    /// recurses once per level, so a taller one would overflow the stack.
    /// </summary>
    public const int MaxDepth = 1000;

    /// <summary>Parses <paramref name="text"/>, allowing only built-in functions.</summary>
    /// <exception cref="ExpressionException">A syntax error, an unknown function or a wrong argument count, with its column.</exception>
    public static Expression Parse(string text) => Parse(text, userFunctions: null);

    /// <summary>
    /// Parses <paramref name="text"/>; calls of the names in <paramref name="userFunctions"/> (<c>.func</c>
    /// definitions, compared case-insensitively) are accepted too, and take precedence over built-ins of the same name.
    /// Their argument count is checked when the expression is evaluated or compiled.
    /// </summary>
    /// <exception cref="ExpressionException">A syntax error, an unknown function or a wrong argument count, with its column.</exception>
    public static Expression Parse(string text, IEnumerable<string>? userFunctions)
    {
        ArgumentNullException.ThrowIfNull(text);
        var names = userFunctions is null
            ? null
            : new HashSet<string>(userFunctions.Select(n => n.ToLowerInvariant()), StringComparer.Ordinal);
        return new Parser(text, names).ParseAll();
    }

    private sealed class Parser
    {
        private readonly ExpressionLexer _lexer;
        private readonly HashSet<string>? _userFunctions;
        private Token _current;
        private int _nesting;   // parse methods on the stack, per level of parentheses or signs
        private int _height;    // height of the tree just parsed

        public Parser(string text, HashSet<string>? userFunctions)
        {
            _lexer = new ExpressionLexer(text);
            _userFunctions = userFunctions;
            _current = _lexer.Next();
        }

        public Expression ParseAll()
        {
            if (_current.Kind == TokenKind.End) throw new ExpressionException("empty expression", _current.Column);
            var expression = ParseConditional();
            if (_current.Kind != TokenKind.End) throw Unexpected(_current);
            return expression;
        }

        private Token Advance()
        {
            var token = _current;
            _current = _lexer.Next();
            return token;
        }

        private Token Expect(TokenKind kind, string what)
        {
            if (_current.Kind != kind)
                throw _current.Kind == TokenKind.End
                    ? new ExpressionException($"expected {what} but the expression ended", _current.Column)
                    : new ExpressionException($"expected {what} but found '{_current.Text}'", _current.Column);
            return Advance();
        }

        private static ExpressionException Unexpected(Token token) => token.Kind == TokenKind.End
            ? new ExpressionException("unexpected end of expression", token.Column)
            : new ExpressionException($"unexpected '{token.Text}'", token.Column);

        /// <summary>Counts one more level of recursion; too many is an error at the current token, not a stack overflow.</summary>
        private void Enter()
        {
            if (++_nesting > MaxNesting)
                throw new ExpressionException($"expression nested deeper than {MaxNesting} levels (parentheses, signs, conditionals or calls)", _current.Column);
        }

        private void Exit() => _nesting--;

        /// <summary>Records the height of the tree just built.</summary>
        private void Height(int height, int column)
        {
            if (height > MaxDepth) throw TooDeep(column);
            _height = height;
        }

        private static ExpressionException TooDeep(int column) => new(
            $"expression deeper than {MaxDepth} levels (a chain of operators): split it with .param or .func", column);

        private Expression ParseConditional()
        {
            Enter();
            var column = _current.Column;
            var condition = ParseBinary(0);
            if (_current.Kind != TokenKind.Question)
            {
                Exit();
                return condition;
            }
            var height = _height;
            Advance();
            var whenTrue = ParseConditional();
            height = Math.Max(height, _height);
            Expect(TokenKind.Colon, "':' of the conditional");
            var whenFalse = ParseConditional();
            Height(Math.Max(height, _height) + 1, column);
            Exit();
            return new ConditionalExpression(condition, whenTrue, whenFalse);
        }

        // Binary levels from loosest to tightest; all left associative.
        private static readonly TokenKind[][] Levels =
        [
            [TokenKind.OrOr],
            [TokenKind.AndAnd],
            [TokenKind.EqualEqual, TokenKind.BangEqual],
            [TokenKind.Less, TokenKind.LessEqual, TokenKind.Greater, TokenKind.GreaterEqual],
            [TokenKind.Plus, TokenKind.Minus],
            [TokenKind.Star, TokenKind.Slash, TokenKind.Percent],
        ];

        private Expression ParseBinary(int level)
        {
            if (level == Levels.Length) return ParseUnary();
            var left = ParseBinary(level + 1);
            while (Array.IndexOf(Levels[level], _current.Kind) >= 0)
            {
                var height = _height;
                var token = Advance();
                var right = ParseBinary(level + 1);
                left = new BinaryExpression(ToBinaryOperator(token.Kind), left, right);
                Height(Math.Max(height, _height) + 1, token.Column);
            }
            return left;
        }

        private static BinaryOperator ToBinaryOperator(TokenKind kind) => kind switch
        {
            TokenKind.OrOr => BinaryOperator.Or,
            TokenKind.AndAnd => BinaryOperator.And,
            TokenKind.EqualEqual => BinaryOperator.Equal,
            TokenKind.BangEqual => BinaryOperator.NotEqual,
            TokenKind.Less => BinaryOperator.Less,
            TokenKind.LessEqual => BinaryOperator.LessOrEqual,
            TokenKind.Greater => BinaryOperator.Greater,
            TokenKind.GreaterEqual => BinaryOperator.GreaterOrEqual,
            TokenKind.Plus => BinaryOperator.Add,
            TokenKind.Minus => BinaryOperator.Subtract,
            TokenKind.Star => BinaryOperator.Multiply,
            TokenKind.Slash => BinaryOperator.Divide,
            TokenKind.Percent => BinaryOperator.Modulo,
            _ => throw new InvalidOperationException($"not a binary operator: {kind}"),
        };

        private Expression ParseUnary() => TryParsePrefix() ?? ParsePower();

        /// <summary>A prefix operator and its operand, or null when no prefix operator comes next.</summary>
        private Expression? TryParsePrefix()
        {
            var sign = _current;
            if (sign.Kind is not (TokenKind.Minus or TokenKind.Plus or TokenKind.Bang)) return null;
            Advance();
            Enter();
            var operand = ParseUnary();
            Exit();
            if (sign.Kind == TokenKind.Plus) return operand;
            Height(_height + 1, sign.Column);
            return new UnaryExpression(sign.Kind == TokenKind.Minus ? UnaryOperator.Negate : UnaryOperator.Not, operand);
        }

        private Expression ParsePower()
        {
            var left = ParsePrimary();
            while (_current.Kind == TokenKind.Caret)
            {
                var height = _height;
                var caret = Advance();
                // As in ngspice's grammar, the exponent may be signed, and then the sign takes a whole power chain:
                // 2^-1^2 is 2^(-(1^2)).
                var right = TryParsePrefix() ?? ParsePrimary();
                left = new BinaryExpression(BinaryOperator.Power, left, right);
                Height(Math.Max(height, _height) + 1, caret.Column);
            }
            return left;
        }

        private Expression ParsePrimary()
        {
            var token = _current;
            switch (token.Kind)
            {
                case TokenKind.Number:
                    Advance();
                    _height = 1;
                    return new NumberLiteral(token.Number);
                case TokenKind.LeftParen:
                {
                    Advance();
                    var inner = ParseConditional();
                    Expect(TokenKind.RightParen, "')'");
                    return inner;
                }
                case TokenKind.LeftBrace:
                {
                    Advance();
                    var inner = ParseConditional();
                    Expect(TokenKind.RightBrace, "'}'");
                    return inner;
                }
                case TokenKind.Identifier:
                    Advance();
                    _height = 1;
                    return _current.Kind == TokenKind.LeftParen ? ParseCall(token) : new Identifier(token.Text);
                default:
                    throw Unexpected(token);
            }
        }

        private Expression ParseCall(Token name)
        {
            var lower = name.Text.ToLowerInvariant();
            if (lower is "v" or "i") return ParseProbe(lower);

            var isUser = _userFunctions?.Contains(lower) == true;
            if (!isUser && !BuiltinFunctions.TryGetArity(lower, out _))
                throw new ExpressionException($"unknown function '{name.Text}'", name.Column);

            Advance(); // '('
            var arguments = new List<Expression>();
            if (_current.Kind == TokenKind.RightParen)
            {
                // a .func may take no arguments (.func f() '...'); built-in functions all take some
                if (!isUser) throw new ExpressionException($"function '{name.Text}' needs arguments", _current.Column);
                Advance();
                return new FunctionCall(lower, arguments);
            }
            arguments.Add(ParseConditional());
            var height = _height;
            while (_current.Kind == TokenKind.Comma)
            {
                Advance();
                arguments.Add(ParseConditional());
                height = Math.Max(height, _height);
            }
            Expect(TokenKind.RightParen, "')' or ','");
            // limit() and ternary_fcn() are rewritten one level deeper (min(max(...))).
            Height(height + 2, name.Column);

            if (isUser) return new FunctionCall(lower, arguments);
            if (lower is "min" or "max" && arguments.Count > 2)
            {
                // min/max of any number of arguments: folded left into binary calls (ngspice 39 reads only two,
                // which the netlist reader warns about).
                Expression folded = new FunctionCall(lower, [arguments[0], arguments[1]]);
                for (var k = 2; k < arguments.Count; k++) folded = new FunctionCall(lower, [folded, arguments[k]]);
                Height(height + arguments.Count, name.Column);
                return folded;
            }
            if (lower == BuiltinFunctions.PiecewiseLinear)
            {
                if (arguments.Count < 5 || arguments.Count % 2 == 0)
                    throw new ExpressionException(
                        $"function 'pwl' takes x and pairs of points, at least two (pwl(x, x1, y1, x2, y2, ...)), not {arguments.Count} arguments", name.Column);
                var (tree, above) = Rewrites.PiecewiseLinear(arguments, name.Column);
                Height(height + above, name.Column);
                return tree;
            }
            BuiltinFunctions.TryGetArity(lower, out var arity);
            if (arguments.Count != arity)
                throw new ExpressionException(
                    $"function '{lower}' takes {arity} argument{(arity == 1 ? "" : "s")}, not {arguments.Count}", name.Column);
            if (Rewrites.ZeroComparisons.ContainsKey(lower)) return Rewrites.ZeroComparison(lower, arguments[0]);
            return Rewrites.Desugar(new FunctionCall(lower, arguments));
        }

        /// <summary><c>v(a)</c>, <c>v(a, b)</c> or <c>i(device)</c>; names are read raw (see <see cref="ExpressionLexer.ReadName"/>).</summary>
        private Expression ParseProbe(string kind)
        {
            // _current is the '(' token and nothing beyond it has been read, so the lexer can read raw names.
            var first = _lexer.ReadName();
            if (first.Text.Length == 0)
                throw new ExpressionException(kind == "v" ? "expected a node name" : "expected a device name", first.Column);
            string? second = null;
            _current = _lexer.Next();
            if (_current.Kind == TokenKind.Comma && kind == "v")
            {
                var token = _lexer.ReadName();
                if (token.Text.Length == 0) throw new ExpressionException("expected a node name", token.Column);
                second = token.Text;
                _current = _lexer.Next();
            }
            if (_current.Kind != TokenKind.RightParen)
                throw _current.Kind == TokenKind.Comma
                    ? new ExpressionException(kind == "v" ? "v() takes one or two node names" : "i() takes one device name", _current.Column)
                    : Unexpected(_current);
            Advance();
            _height = 1;
            return kind == "v" ? new VoltageReference(first.Text, second) : new CurrentReference(first.Text);
        }
    }
}
