using Hwsim.Circuits.Expressions;

namespace Hwsim.Circuits.Tests.Expressions;

/// <summary>Scalar evaluation of parameter expressions (numparam semantics).</summary>
public sealed class EvaluationTests
{
    private static double Eval(string text, IParameterScope? scope = null) =>
        ExpressionParser.Parse(text).Evaluate(scope ?? ParameterScope.Empty);

    [Theory]
    [InlineData("abs(-3)", 3)]
    [InlineData("sqrt(16)", 4)]
    [InlineData("exp(0)", 1)]
    [InlineData("ln(e)", 1)]
    [InlineData("log(100)", 4.605170185988092)] // natural log, as ngspice
    [InlineData("log10(1000)", 3)]
    [InlineData("sin(pi/2)", 1)]
    [InlineData("cos(0)", 1)]
    [InlineData("tan(pi/4)", 1)]
    [InlineData("asin(1)", 1.5707963267948966)]
    [InlineData("acos(1)", 0)]
    [InlineData("atan(1)", 0.7853981633974483)]
    [InlineData("arctan(1)", 0.7853981633974483)]
    [InlineData("sinh(0)", 0)]
    [InlineData("cosh(0)", 1)]
    [InlineData("tanh(0)", 0)]
    [InlineData("asinh(0)", 0)]
    [InlineData("acosh(1)", 0)]
    [InlineData("atanh(0)", 0)]
    [InlineData("sgn(-3)", -1)]
    [InlineData("sgn(0)", 0)]
    [InlineData("sgn(2)", 1)]
    [InlineData("u(-1)", 0)]
    [InlineData("u(0)", 0.5)]
    [InlineData("u(2)", 1)]
    [InlineData("u2(-1) + u2(0.25) + u2(3)", 1.25)]
    [InlineData("uramp(-1) + uramp(2)", 2)]
    [InlineData("floor(-2.5)", -3)]
    [InlineData("ceil(-2.5)", -2)]
    [InlineData("int(-2.7)", -2)]
    [InlineData("nint(2.5)", 2)]
    [InlineData("nint(3.5)", 4)]
    [InlineData("nint(-2.5)", -2)]
    [InlineData("sqr(3)", 9)]
    [InlineData("min(3, 4)", 3)]
    [InlineData("max(3, 4)", 4)]
    [InlineData("limit(5, 0, 1)", 1)]
    [InlineData("limit(-5, 0, 1)", 0)]
    [InlineData("limit(0.5, 0, 1)", 0.5)]
    [InlineData("ternary_fcn(0, 1, 2)", 2)]
    [InlineData("pow(2, 10)", 1024)]
    [InlineData("pow(-2, 3)", -8)] // numparam: C pow
    [InlineData("pwr(-2, 3)", 8)]  // numparam: |x|^y
    [InlineData("(-8)^(1/3)", 2)]
    [InlineData("7 % 3", 1)]
    [InlineData("-7 % 3", -1)]
    [InlineData("7.5 % 2", 1.5)]
    [InlineData("pi", Math.PI)]
    [InlineData("e", Math.E)]
    public void When_Builtin_Expect_HandValue(string text, double expected)
    {
        Assert.Equal(expected, Eval(text), 14);
    }

    [Fact]
    public void When_Parameters_Expect_ResolvedCaseInsensitively()
    {
        var scope = new ParameterScope().Set("Gain", 2).Set("r", 1e3);
        Assert.Equal(2002, Eval("GAIN * (R + 1)", scope));
    }

    [Fact]
    public void When_ChildScope_Expect_LocalHidesParentAndParentStillVisible()
    {
        var global = new ParameterScope().Set("a", 1).Set("b", 10);
        var local = new ParameterScope(global).Set("a", 2);
        Assert.Equal(12, Eval("a + b", local));
        Assert.Equal(11, Eval("a + b", global));
    }

    [Fact]
    public void When_ParameterNamedLikeConstant_Expect_ParameterWins()
    {
        Assert.Equal(5, Eval("e", new ParameterScope().Set("e", 5)));
    }

    [Fact]
    public void When_UserFunction_Expect_ArgumentsBoundAndFreeNamesFromCaller()
    {
        var scope = new ParameterScope().Set("k", 10);
        scope.Define(UserFunction.Define("f", ["a", "b"], "a * b + k"));
        scope.Define(UserFunction.Define("g", ["x"], "f(x, x) + 1", ["f"]));
        Assert.Equal(2 * 3 + 10, ExpressionParser.Parse("f(2, 3)", ["f"]).Evaluate(scope));
        Assert.Equal(5 * 5 + 10 + 1, ExpressionParser.Parse("g(5)", ["g"]).Evaluate(scope));
    }

    [Fact]
    public void When_UserFunctionShadowsBuiltin_Expect_UserFunction()
    {
        var scope = new ParameterScope().Define(UserFunction.Define("sin", ["x"], "2 * x"));
        Assert.Equal(6, ExpressionParser.Parse("sin(3)", ["sin"]).Evaluate(scope));
    }

    [Fact]
    public void When_UnknownParameter_Expect_ErrorNamingIt()
    {
        var error = Assert.Throws<ExpressionException>(() => Eval("1 + Width * 2"));
        Assert.Equal("unknown parameter 'width'", error.Message);
        Assert.Null(error.Column);
    }

    [Fact]
    public void When_UnknownFunctionAtEvaluation_Expect_ErrorNamingIt()
    {
        var e = ExpressionParser.Parse("f(1)", ["f"]);
        var error = Assert.Throws<ExpressionException>(() => e.Evaluate(ParameterScope.Empty));
        Assert.Equal("unknown function 'f'", error.Message);
    }

    [Fact]
    public void When_UserFunctionWrongArity_Expect_Error()
    {
        var scope = new ParameterScope().Define(UserFunction.Define("f", ["a", "b"], "a + b"));
        var error = Assert.Throws<ExpressionException>(() => ExpressionParser.Parse("f(1)", ["f"]).Evaluate(scope));
        Assert.Equal("function 'f' takes 2 arguments, not 1", error.Message);
    }

    [Fact]
    public void When_UserFunctionRecursive_Expect_ErrorNotStackOverflow()
    {
        var scope = new ParameterScope().Define(UserFunction.Define("f", ["a"], "f(a) + 1"));
        var error = Assert.Throws<ExpressionException>(() => ExpressionParser.Parse("f(1)", ["f"]).Evaluate(scope));
        Assert.Contains("calls itself", error.Message);
    }

    [Theory]
    [InlineData("v(in)")]
    [InlineData("2 * i(v1)")]
    [InlineData("time")]
    [InlineData("temper + 1")]
    public void When_CircuitQuantityInParameter_Expect_Error(string text)
    {
        var error = Assert.Throws<ExpressionException>(() => Eval(text));
        Assert.Contains("only available in behavioural", error.Message);
    }

    [Theory]
    // ngspice 39 turns these into "nan"/"inf" parameter values and then rejects the netlist.
    [InlineData("sqrt(a - 5)", "sqrt(a - 5) gives NaN for operand -4")]
    [InlineData("log(0)", "log(0) gives -Infinity for operand 0")]
    [InlineData("1 / (a - 1)", "1 / (a - 1) gives Infinity for operands 1, 0")]
    [InlineData("exp(800)", "exp(800) gives Infinity for operand 800")]
    public void When_ResultNotFinite_Expect_ErrorNamingTheCause(string text, string cause)
    {
        var scope = new ParameterScope().Set("a", 1);
        var error = Assert.Throws<ExpressionException>(() => Eval(text, scope));
        Assert.Contains(cause, error.Message);
    }

    [Fact]
    public void When_NonFiniteIntermediateNotUsed_Expect_Value()
    {
        Assert.Equal(0, Eval("1 / exp(800)"));
        Assert.Equal(2, Eval("1 ? 2 : sqrt(-1)"));
    }

    [Fact]
    public void When_ScopeIsNull_Expect_ArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => ExpressionParser.Parse("1").Evaluate(null!));
    }

    [Fact]
    public void When_UserFunctionHasBadNames_Expect_ArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new UserFunction("f", ["a", "A"], new NumberLiteral(1)));
        Assert.Throws<ArgumentException>(() => new UserFunction("2f", ["a"], new NumberLiteral(1)));
        Assert.Equal("f(a, b) = a * b", UserFunction.Define("F", ["A", "b"], "a*B").ToString());
    }

    [Fact]
    public void When_BuiltinNamesListed_Expect_AllParseWithTheirArity()
    {
        foreach (var name in BuiltinFunctions.Names)
        {
            Assert.True(BuiltinFunctions.TryGetArity(name, out var arity));
            var call = name == "pwl" ? "pwl(0.5, 0, 1, 1, 2)" : $"{name}({string.Join(", ", Enumerable.Repeat(name == "acosh" ? "1.5" : "0.5", arity))})";
            var value = ExpressionParser.Parse(call).Compile(ParameterScope.Empty).Evaluate([]);
            Assert.False(double.IsNaN(value), call);
        }
        Assert.False(BuiltinFunctions.IsBuiltin("v"));
        Assert.True(BuiltinFunctions.IsBuiltin("TANH"));
    }
}
