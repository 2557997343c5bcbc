using System.Globalization;
using System.Text;

namespace Hwsim.Circuits.Expressions;

/// <summary>
/// Prints an expression in ngspice syntax with the fewest parentheses that keep the tree's structure under the
/// grammar of <see cref="ExpressionParser"/>. Numbers use the shortest round-trip form, so parsing the output gives
/// an equal tree.
/// </summary>
internal static class ExpressionPrinter
{
    // Binding strength, loosest first.
    private const int ConditionalLevel = 0;
    private const int UnaryLevel = 7;
    private const int PowerLevel = 8;
    private const int PrimaryLevel = 9;

    public static string Print(Expression expression)
    {
        var builder = new StringBuilder();
        Write(builder, expression, ConditionalLevel);
        return builder.ToString();
    }

    private static int Level(Expression expression) => expression switch
    {
        ConditionalExpression => ConditionalLevel,
        BinaryExpression binary => Level(binary.Operator),
        UnaryExpression => UnaryLevel,
        NumberLiteral number when double.IsNegative(number.Value) && !double.IsNaN(number.Value) => UnaryLevel,
        _ => PrimaryLevel,
    };

    private static int Level(BinaryOperator op) => op switch
    {
        BinaryOperator.Or => 1,
        BinaryOperator.And => 2,
        BinaryOperator.Equal or BinaryOperator.NotEqual => 3,
        BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual => 4,
        BinaryOperator.Add or BinaryOperator.Subtract => 5,
        BinaryOperator.Multiply or BinaryOperator.Divide or BinaryOperator.Modulo => 6,
        BinaryOperator.Power => PowerLevel,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    private static string Symbol(BinaryOperator op) => op switch
    {
        BinaryOperator.Or => " || ",
        BinaryOperator.And => " && ",
        BinaryOperator.Equal => " == ",
        BinaryOperator.NotEqual => " != ",
        BinaryOperator.Less => " < ",
        BinaryOperator.LessOrEqual => " <= ",
        BinaryOperator.Greater => " > ",
        BinaryOperator.GreaterOrEqual => " >= ",
        BinaryOperator.Add => " + ",
        BinaryOperator.Subtract => " - ",
        BinaryOperator.Multiply => " * ",
        BinaryOperator.Divide => " / ",
        BinaryOperator.Modulo => " % ",
        BinaryOperator.Power => "^",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    /// <summary>Writes <paramref name="expression"/>, in parentheses when it binds looser than <paramref name="minimumLevel"/>.</summary>
    private static void Write(StringBuilder builder, Expression expression, int minimumLevel)
    {
        var parenthesize = Level(expression) < minimumLevel;
        if (parenthesize) builder.Append('(');
        switch (expression)
        {
            case NumberLiteral number:
                builder.Append(FormatNumber(number.Value));
                break;
            case Identifier identifier:
                builder.Append(identifier.Name);
                break;
            case VoltageReference voltage:
                builder.Append("v(").Append(voltage.Node);
                if (voltage.ReferenceNode is not null) builder.Append(',').Append(voltage.ReferenceNode);
                builder.Append(')');
                break;
            case CurrentReference current:
                builder.Append("i(").Append(current.Device).Append(')');
                break;
            case UnaryExpression unary:
                builder.Append(unary.Operator == UnaryOperator.Negate ? '-' : '!');
                Write(builder, unary.Operand, UnaryLevel);
                break;
            case BinaryExpression binary:
            {
                // Left associative: an operand of the same level needs parentheses only on the right.
                var level = Level(binary.Operator);
                Write(builder, binary.Left, level);
                builder.Append(Symbol(binary.Operator));
                Write(builder, binary.Right, level + 1);
                break;
            }
            case ConditionalExpression conditional:
                // Right associative: a conditional may stand unparenthesised in the middle and on the right.
                Write(builder, conditional.Condition, ConditionalLevel + 1);
                builder.Append(" ? ");
                Write(builder, conditional.WhenTrue, ConditionalLevel);
                builder.Append(" : ");
                Write(builder, conditional.WhenFalse, ConditionalLevel);
                break;
            case FunctionCall call:
                builder.Append(call.Name).Append('(');
                for (var i = 0; i < call.Arguments.Count; i++)
                {
                    if (i > 0) builder.Append(", ");
                    Write(builder, call.Arguments[i], ConditionalLevel);
                }
                builder.Append(')');
                break;
            default:
                throw new ArgumentException($"unknown expression node {expression.GetType().Name}", nameof(expression));
        }
        if (parenthesize) builder.Append(')');
    }

    /// <summary>Shortest round-trip decimal; infinity as <c>1e999</c> and NaN as <c>sqrt(-1)</c>, which read back the same.</summary>
    internal static string FormatNumber(double value)
    {
        if (double.IsNaN(value)) return "sqrt(-1)";
        if (double.IsPositiveInfinity(value)) return "1e999";
        if (double.IsNegativeInfinity(value)) return "-1e999";
        return value.ToString("R", CultureInfo.InvariantCulture);
    }
}
