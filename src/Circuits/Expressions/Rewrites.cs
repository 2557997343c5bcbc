namespace Hwsim.Circuits.Expressions;

/// <summary>The built-ins that are spelled with other constructs of the language.</summary>
internal static class Rewrites
{
    /// <summary>ngspice's B-source comparisons with zero: 1 when true, else 0, with derivative 0 (as its PTeq0...).</summary>
    public static readonly IReadOnlyDictionary<string, BinaryOperator> ZeroComparisons = new Dictionary<string, BinaryOperator>
    {
        ["eq0"] = BinaryOperator.Equal,
        ["ne0"] = BinaryOperator.NotEqual,
        ["gt0"] = BinaryOperator.Greater,
        ["lt0"] = BinaryOperator.Less,
        ["ge0"] = BinaryOperator.GreaterOrEqual,
        ["le0"] = BinaryOperator.LessOrEqual,
    };

    /// <summary><c>eq0(x)</c> becomes <c>x == 0</c>, and so on.</summary>
    public static Expression ZeroComparison(string name, Expression x) =>
        new BinaryExpression(ZeroComparisons[name], x, new NumberLiteral(0));

    /// <summary>
    /// ngspice's <c>pwl(x, x1, y1, ..., xn, yn)</c> (inpptree.c PTpwl): the line through the two points of the segment
    /// that holds x, y_k + (y_k+1 - y_k) (x - x_k) / (x_k+1 - x_k), the first and last segments extended beyond the ends.
    /// ngspice finds the segment by bisection, taking the segment to the right of a point x equals (but the last
    /// segment at the last point); the conditionals here are the same bisection, so the value and its derivative (the
    /// segment's slope) are ngspice's. <paramref name="arguments"/> are x then the point pairs (at least two).
    /// </summary>
    /// <returns>The rewritten tree and its height above the arguments.</returns>
    /// <exception cref="ExpressionException">
    /// A point is not a number or a parameter name, or the abscissas (those written as numbers) do not ascend
    /// strictly: ngspice refuses both ("only *literal* points are supported", "the abscissa of points must be ascending").
    /// </exception>
    public static (Expression Tree, int Height) PiecewiseLinear(IReadOnlyList<Expression> arguments, int column)
    {
        var x = arguments[0];
        var points = (arguments.Count - 1) / 2;
        double? previous = null;
        for (var k = 1; k < arguments.Count; k++)
        {
            var literal = Literal(arguments[k]);
            if (literal is null && arguments[k] is not Identifier)
                throw new ExpressionException("pwl(x, points...): the points must be numbers or parameter names, as in ngspice", column);
            if (k % 2 == 0 || literal is not { } abscissa) continue;
            if (previous is { } p && !(abscissa > p))
                throw new ExpressionException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"pwl(x, points...): the abscissas must ascend, but {abscissa} follows {p}"), column);
            previous = abscissa;
        }
        return Segments(0, points - 2);

        Expression X(int k) => arguments[1 + 2 * k];
        Expression Y(int k) => arguments[2 + 2 * k];

        (Expression, int) Segments(int first, int last)
        {
            if (first == last)
            {
                var k = first;
                var rise = new BinaryExpression(BinaryOperator.Multiply,
                    new BinaryExpression(BinaryOperator.Subtract, Y(k + 1), Y(k)), new BinaryExpression(BinaryOperator.Subtract, x, X(k)));
                var slope = new BinaryExpression(BinaryOperator.Divide, rise, new BinaryExpression(BinaryOperator.Subtract, X(k + 1), X(k)));
                return (new BinaryExpression(BinaryOperator.Add, Y(k), slope), 4);
            }
            var mid = (first + last + 1) / 2;
            var (below, hb) = Segments(first, mid - 1);
            var (above, ha) = Segments(mid, last);
            return (new ConditionalExpression(new BinaryExpression(BinaryOperator.Less, x, X(mid)), below, above), 1 + Math.Max(hb, ha));
        }
    }

    /// <summary>
    /// <c>limit(x, lo, hi)</c> becomes <c>min(max(x, lo), hi)</c> (ngspice B sources have no <c>limit</c>, and its
    /// numparam <c>limit</c> is a random-variation function, so the clamp is written with functions ngspice has);
    /// <c>ternary_fcn(c, a, b)</c> becomes <c>c ? a : b</c>. Any other call is returned unchanged.
    /// </summary>
    public static Expression Desugar(FunctionCall call)
    {
        if (call.Arguments.Count != 3) return call;
        var a = call.Arguments;
        return call.Name switch
        {
            BuiltinFunctions.Limit => new FunctionCall("min", new FunctionCall("max", a[0], a[1]), a[2]),
            BuiltinFunctions.TernaryFunction => new ConditionalExpression(a[0], a[1], a[2]),
            _ => call,
        };
    }

    private static double? Literal(Expression e) => e switch
    {
        NumberLiteral n => n.Value,
        UnaryExpression { Operator: UnaryOperator.Negate, Operand: NumberLiteral n } => -n.Value,
        _ => null,
    };
}
