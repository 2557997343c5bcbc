using Hwsim.Circuits.Expressions;

namespace Hwsim.Circuits.Tests.Expressions;

public sealed class ParserTests
{
    private static double Eval(string text) => ExpressionParser.Parse(text).Evaluate(ParameterScope.Empty);

    private static string Tree(string text) => ExpressionParser.Parse(text).ToString();

    [Theory]
    [InlineData("1 + 2 * 3", 7)]
    [InlineData("(1 + 2) * 3", 9)]
    [InlineData("2 - 1 - 1", 0)]
    [InlineData("8 / 2 / 2", 2)]
    [InlineData("2 * 3 % 4", 2)]
    [InlineData("2 + 7 % 3 * 2", 4)]
    [InlineData("1 + 2 == 3", 1)]
    [InlineData("2 < 3 == 1", 1)]
    [InlineData("1 < 2 < 3", 1)]
    [InlineData("5 > 3 > 0.5", 1)]
    [InlineData("1 || 0 && 0", 1)]
    [InlineData("0 && 1 || 1", 1)]
    [InlineData("1 ? 2 : 3", 2)]
    [InlineData("0 ? 2 : 0 ? 3 : 4", 4)]
    [InlineData("1 ? 0 ? 5 : 6 : 7", 6)]
    [InlineData("1 > 0 ? 10 : 20", 10)]
    [InlineData("0 || 0 ? 10 : 20", 20)]
    [InlineData("-!0", -1)]
    [InlineData("!0 + 1", 2)]
    [InlineData("2 * -3", -6)]
    [InlineData("4 - -2", 6)]
    [InlineData("- - 2", 2)]
    [InlineData("+3", 3)]
    [InlineData("{1 + 2} * 3", 9)]
    [InlineData("1 <> 2", 1)]
    [InlineData("3 != 3", 0)]
    [InlineData("3 >= 3", 1)]
    [InlineData("3 <= 2", 0)]
    public void When_Operators_Expect_NgspicePrecedence(string text, double expected)
    {
        Assert.Equal(expected, Eval(text), 12);
    }

    [Theory]
    // ngspice 39 evaluates ^ and ** left-associatively (B source and .param alike): 2^3^2 printed 64.
    [InlineData("2^3^2", 64)]
    [InlineData("2**3**2", 64)]
    [InlineData("2 ^ 0.5 ^ 2", 2)]
    // Unary minus binds looser than the power: -2^2 printed -4.
    [InlineData("-2^2", -4)]
    [InlineData("-2**2", -4)]
    // A signed exponent takes the power chain after it, as ngspice's B-source grammar: 3^-1^2 printed 1/3.
    [InlineData("3^-1^2", 1.0 / 3)]
    [InlineData("2^-1", 0.5)]
    [InlineData("2^-1*3", 1.5)]
    // The power is |a|^b: (-2)^3 printed 8.
    [InlineData("(-2)^3", 8)]
    public void When_Power_Expect_LeftAssociativeAndLooserThanUnaryMinus(string text, double expected)
    {
        Assert.Equal(expected, Eval(text), 12);
    }

    [Theory]
    [InlineData("2^3^2", "2^3^2")]
    [InlineData("2^(3^2)", "2^(3^2)")]
    [InlineData("-2^2", "-2^2")]
    [InlineData("(-2)^2", "(-2)^2")]
    [InlineData("2^-1", "2^(-1)")]
    [InlineData("a - (b - c)", "a - (b - c)")]
    [InlineData("(a - b) - c", "a - b - c")]
    [InlineData("a ? b : c ? d : e", "a ? b : c ? d : e")]
    [InlineData("(a ? b : c) ? d : e", "(a ? b : c) ? d : e")]
    [InlineData("-(a + b)", "-(a + b)")]
    [InlineData("!(a && b)", "!(a && b)")]
    [InlineData("A * B", "a * b")]
    public void When_Printed_Expect_MinimalParentheses(string text, string printed)
    {
        Assert.Equal(printed, Tree(text));
    }

    [Theory]
    [InlineData("1k", 1e3)]
    [InlineData("1K", 1e3)]
    [InlineData("2.2u", 2.2e-6)]
    [InlineData("1e-3", 1e-3)]
    [InlineData("1.5E+3", 1.5e3)]
    [InlineData("10meg", 10e6)]
    [InlineData("10MEG", 10e6)]
    [InlineData("1Meg", 1e6)]
    [InlineData("1m", 1e-3)]
    [InlineData("1M", 1e-3)]
    [InlineData("1g", 1e9)]
    [InlineData("1t", 1e12)]
    [InlineData("1n", 1e-9)]
    [InlineData("1p", 1e-12)]
    [InlineData("1f", 1e-15)]
    [InlineData("1a", 1e-18)]
    [InlineData("1mil", 25.4e-6)]
    [InlineData("1kohm", 1e3)]
    [InlineData("10uF", 1e-5)]
    [InlineData("1MEGohm", 1e6)]
    [InlineData("1e3meg", 1e9)]
    [InlineData("1e", 1)]
    [InlineData(".5", 0.5)]
    [InlineData("5.", 5)]
    [InlineData("1.e3", 1e3)]
    [InlineData("1.5e-3u", 1.5e-9)]
    [InlineData("1kk", 1e3)]
    public void When_EngineeringSuffix_Expect_ScaledValue(string text, double expected)
    {
        // Exact: the mantissa and the suffix's exponent are parsed together, so 2.2u is the double nearest 2.2e-6.
        Assert.Equal(expected, Eval(text));
    }

    [Fact]
    public void When_NamesInAnyCase_Expect_LowerCaseTree()
    {
        var e = ExpressionParser.Parse("TANH(V(In, OUT)) + I(V1) * Gain");
        var expected = new BinaryExpression(BinaryOperator.Add,
            new FunctionCall("tanh", new VoltageReference("in", "out")),
            new BinaryExpression(BinaryOperator.Multiply, new CurrentReference("v1"), new Identifier("gain")));
        Assert.Equal(expected, e);
    }

    [Theory]
    [InlineData("v(1)", "1", null)]
    [InlineData("v(x1.out)", "x1.out", null)]
    [InlineData("v( a , b )", "a", "b")]
    [InlineData("v(net#3,0)", "net#3", "0")]
    public void When_NodeVoltage_Expect_RawNodeNames(string text, string node, string? reference)
    {
        Assert.Equal(new VoltageReference(node, reference), ExpressionParser.Parse(text));
    }

    [Fact]
    public void When_LimitAndTernaryFcn_Expect_RewrittenToNgspiceForms()
    {
        Assert.Equal("min(max(x, 0), 1)", Tree("limit(x, 0, 1)"));
        Assert.Equal("a > 1 ? 2 : 3", Tree("ternary_fcn(a > 1, 2, 3)"));
    }

    [Fact]
    public void When_UserFunctionDeclared_Expect_CallAccepted()
    {
        var e = ExpressionParser.Parse("F(1, 2) + sin(0)", ["f"]);
        Assert.Equal(new FunctionCall("f", new NumberLiteral(1), new NumberLiteral(2)), ((BinaryExpression)e).Left);
    }

    [Theory]
    [InlineData("1 + * 2", 5, "unexpected '*'")]
    [InlineData("tanh(", 6, "unexpected end of expression")]
    [InlineData("foo(1)", 1, "unknown function 'foo'")]
    [InlineData("2 * Foo(1)", 5, "unknown function 'Foo'")]
    [InlineData("sin(1, 2)", 1, "function 'sin' takes 1 argument, not 2")]
    [InlineData("pow(1)", 1, "function 'pow' takes 2 arguments, not 1")]
    [InlineData("(1 + 2", 7, "expected ')'")]
    [InlineData("{1 + 2)", 7, "expected '}'")]
    [InlineData("1 2", 3, "unexpected '2'")]
    [InlineData("", 1, "empty expression")]
    [InlineData("   ", 4, "empty expression")]
    [InlineData("1 $ 2", 3, "unexpected character '$'")]
    [InlineData("1 = 2", 3, "unexpected character '='")]
    [InlineData("a & b", 3, "unexpected character '&'")]
    [InlineData("1 ? 2", 6, "expected ':'")]
    [InlineData("v()", 3, "expected a node name")]
    [InlineData("v(a,b,c)", 6, "v() takes one or two node names")]
    [InlineData("i(v1, v2)", 5, "i() takes one device name")]
    [InlineData("sin()", 5, "function 'sin' needs arguments")]
    [InlineData("max(1,)", 7, "unexpected ')'")]
    [InlineData("1k2", 3, "unexpected '2'")]
    [InlineData("2 ^ * 3", 5, "unexpected '*'")]
    public void When_SyntaxError_Expect_MessageAndColumn(string text, int column, string message)
    {
        var error = Assert.Throws<ExpressionException>(() => ExpressionParser.Parse(text));
        Assert.Equal(column, error.Column);
        Assert.StartsWith(message, error.Message);
    }
}
