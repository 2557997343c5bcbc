using CsCheck;
using Hwsim.Circuits.Expressions;

namespace Hwsim.Circuits.Tests.Expressions;

/// <summary>ToString prints ngspice syntax that parses back to the same tree and evaluates identically.</summary>
public sealed class PrinterTests
{
    private static readonly IParameterScope Scope =
        new ParameterScope().Set("a", 1.5).Set("b", -2).Set("k_1", 3).Set("x.y", 0.25);

    private static readonly string[] Names = ["a", "b", "k_1", "x.y", "e", "pi", "time", "temper"];

    private static readonly (string Name, int Arity)[] Functions = BuiltinFunctions.Names
        .Where(n => n is not ("limit" or "ternary_fcn" or "pwl" or "eq0" or "ne0" or "gt0" or "lt0" or "ge0" or "le0")) // rewritten by the parser, so they never stand in a tree
        .Select(n => (n, BuiltinFunctions.TryGetArity(n, out var arity) ? arity : 0))
        .ToArray();

    private static Gen<Expression> Trees(Gen<double> numbers) => Gen.Recursive<Expression>((depth, self) =>
    {
        var leaf = Gen.OneOf(
            numbers.Select(x => (Expression)new NumberLiteral(x)),
            Gen.OneOf(Names).Select(n => (Expression)new Identifier(n)),
            Gen.OneOf<Expression>(
                new VoltageReference("in"), new VoltageReference("1"), new VoltageReference("x1.out", "n#2"),
                new VoltageReference("a", "0"), new CurrentReference("v1")));
        if (depth >= 4) return leaf;
        return Gen.OneOf(
            leaf,
            Gen.Select(Gen.Enum<UnaryOperator>(), self, (op, x) => (Expression)new UnaryExpression(op, x)),
            Gen.Select(Gen.Enum<BinaryOperator>(), self, self, (op, l, r) => (Expression)new BinaryExpression(op, l, r)),
            Gen.Select(self, self, self, (c, t, f) => (Expression)new ConditionalExpression(c, t, f)),
            Gen.Select(Gen.OneOf(Functions), self.Array[3], (f, args) => (Expression)new FunctionCall(f.Name, args.Take(f.Arity))));
    });

    private static readonly Gen<double> NonNegativeNumbers = Gen.OneOf(
        Gen.OneOf(0.0, 1, 2.5, 1e-20, 1e300, 123456.789, 1.0 / 3, 0.1),
        Gen.Double[0, 1e6],
        Gen.Double.Unit);

    private static double Value(Expression e)
    {
        var f = e.Compile(Scope);
        var inputs = f.Inputs.Select(i => (double)(i.Name.Length % 5) - 1.5).ToArray();
        return f.Evaluate(inputs);
    }

    private static bool SameValue(double x, double y) => x.Equals(y); // NaN equals NaN, bit-for-bit otherwise

    [Fact]
    public void When_RandomTreePrinted_Expect_ParsedBackToEqualTree()
    {
        Trees(NonNegativeNumbers).Sample(e =>
        {
            var text = e.ToString();
            var parsed = ExpressionParser.Parse(text);
            Assert.True(parsed.Equals(e), $"{text} parsed as {parsed}");
            Assert.True(SameValue(Value(e), Value(parsed)), text);
        }, iter: 2000);
    }

    [Fact]
    public void When_RandomTreeWithNegativeAndSpecialNumbersPrinted_Expect_SameValue()
    {
        var numbers = Gen.OneOf(Gen.Double[-1e3, 1e3], Gen.OneOf(-0.0, -1, double.PositiveInfinity, double.NegativeInfinity, double.NaN));
        Trees(numbers).Sample(e =>
        {
            var text = e.ToString();
            var parsed = ExpressionParser.Parse(text);
            Assert.True(SameValue(Value(e), Value(parsed)), text);
            Assert.Equal(text, parsed.ToString()); // printing is idempotent
        }, iter: 2000);
    }

    [Theory]
    [InlineData("2*tanh(V(in))", "2 * tanh(v(in))")]
    [InlineData("v(a,b)", "v(a,b)")]
    [InlineData("i(V1)", "i(v1)")]
    [InlineData("1k", "1000")]
    [InlineData("2.2u", "2.2E-06")]
    [InlineData("a<>b", "a != b")]
    [InlineData("x**2", "x^2")]
    [InlineData("{a}", "a")]
    [InlineData("!a", "!a")]
    [InlineData("pow(x, 2) + pwr(x, 0.5)", "pow(x, 2) + pwr(x, 0.5)")]
    [InlineData("a && b || c", "a && b || c")]
    [InlineData("a && (b || c)", "a && (b || c)")]
    [InlineData("(a < b) < c", "a < b < c")]
    [InlineData("a < (b < c)", "a < (b < c)")]
    [InlineData("a ? (b ? c : d) : e", "a ? b ? c : d : e")]
    public void When_Printed_Expect_NgspiceText(string text, string expected)
    {
        Assert.Equal(expected, ExpressionParser.Parse(text).ToString());
    }

    [Fact]
    public void When_SpecialNumbers_Expect_PrintedAsParsableText()
    {
        Assert.Equal("(-2)^2", new BinaryExpression(BinaryOperator.Power, new NumberLiteral(-2), new NumberLiteral(2)).ToString());
        Assert.Equal("1e999", new NumberLiteral(double.PositiveInfinity).ToString());
        Assert.Equal("sqrt(-1)", new NumberLiteral(double.NaN).ToString());
        Assert.Equal(double.PositiveInfinity, ExpressionParser.Parse("1e999").Compile(ParameterScope.Empty).Evaluate([]));
        Assert.Equal(double.NaN, ExpressionParser.Parse("sqrt(-1)").Compile(ParameterScope.Empty).Evaluate([]));
    }
}
