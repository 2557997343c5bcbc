using CsCheck;
using Hwsim.Circuits.Expressions;

namespace Hwsim.Circuits.Tests.Expressions;

/// <summary>
/// Every function's and operator's derivative (reverse-mode, from the expression) against a central finite
/// difference at random points, away from the points where the function has a kink or a jump.
/// </summary>
public sealed class DerivativeTests
{
    private const double Margin = 1e-3; // keep finite differences this far from kinks and jumps

    private static CompiledExpression Compile(string text) => ExpressionParser.Parse(text).Compile(ParameterScope.Empty);

    private static double CentralDifference(CompiledExpression f, double[] point, int k)
    {
        var h = 1e-6 * Math.Max(1, Math.Abs(point[k]));
        var plus = (double[])point.Clone();
        var minus = (double[])point.Clone();
        plus[k] += h;
        minus[k] -= h;
        return (f.Evaluate(plus) - f.Evaluate(minus)) / (plus[k] - minus[k]);
    }

    private static void AssertGradientMatches(CompiledExpression f, double[] point)
    {
        var gradient = new double[point.Length];
        var value = f.Evaluate(point, gradient);
        Assert.Equal(f.Evaluate(point), value);
        for (var k = 0; k < point.Length; k++)
        {
            var fd = CentralDifference(f, point, k);
            // Truncation error of the difference plus its rounding error (about 1e-16 |f| / h).
            var tolerance = 1e-6 * (1 + Math.Abs(fd)) + 1e-8 * Math.Abs(value);
            Assert.True(Math.Abs(gradient[k] - fd) <= tolerance,
                $"{f} at ({string.Join(", ", point)}): d/d{f.Inputs[k]} = {gradient[k]:R}, finite difference {fd:R}");
        }
    }

    private static void AssertRelative(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) <= 1e-12 * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");

    private static double DistanceToInteger(double x) => Math.Abs(x - Math.Round(x));

    /// <summary>Function name, sampled interval, and a test for points too close to a kink or jump.</summary>
    public static TheoryData<string, double, double> UnaryFunctions => new()
    {
        { "abs", -5, 5 },
        { "sqrt", 0.01, 10 },
        { "exp", -5, 5 },
        { "ln", 0.01, 10 },
        { "log", 0.01, 10 },
        { "log10", 0.01, 10 },
        { "sin", -10, 10 },
        { "cos", -10, 10 },
        { "tan", -1.4, 1.4 },
        { "asin", -0.99, 0.99 },
        { "acos", -0.99, 0.99 },
        { "atan", -10, 10 },
        { "arctan", -10, 10 },
        { "sinh", -5, 5 },
        { "cosh", -5, 5 },
        { "tanh", -5, 5 },
        { "asinh", -10, 10 },
        { "acosh", 1.01, 10 },
        { "atanh", -0.99, 0.99 },
        { "sgn", -5, 5 },
        { "u", -5, 5 },
        { "u2", -2, 3 },
        { "uramp", -5, 5 },
        { "floor", -5, 5 },
        { "ceil", -5, 5 },
        { "nint", -5, 5 },
        { "int", -5, 5 },
        { "sqr", -5, 5 },
    };

    private static bool NearKink(string function, double x) => function switch
    {
        "abs" or "sgn" or "u" or "uramp" => Math.Abs(x) < Margin,
        "u2" => Math.Abs(x) < Margin || Math.Abs(x - 1) < Margin,
        "floor" or "ceil" or "int" => DistanceToInteger(x) < Margin,
        "nint" => DistanceToInteger(x + 0.5) < Margin,
        _ => false,
    };

    [Theory]
    [MemberData(nameof(UnaryFunctions))]
    public void When_UnaryFunction_Expect_DerivativeMatchesFiniteDifference(string function, double low, double high)
    {
        var f = Compile($"{function}(v(x))");
        Gen.Double[low, high].Where(x => !NearKink(function, x))
            .Sample(x => AssertGradientMatches(f, [x]), iter: 300);
    }

    [Theory]
    [MemberData(nameof(UnaryFunctions))]
    public void When_UnaryFunctionOfExpression_Expect_ChainRule(string function, double low, double high)
    {
        // f(g(x, y)) with g linear: checks that the chain rule passes the derivative on to both inputs.
        var f = Compile($"{function}(0.5 * v(x) + 0.5 * v(y))");
        Gen.Select(Gen.Double[low, high], Gen.Double[-0.5, 0.5])
            .Where(t => !NearKink(function, t.Item1))
            .Sample((m, d) => AssertGradientMatches(f, [m + d, m - d]), iter: 100);
    }

    /// <summary>Two-input forms: x and y range over the given intervals, excluding |x| or |y| below the floor.</summary>
    public static TheoryData<string, double, double, double, double> BinaryForms => new()
    {
        { "v(x) + v(y)", -5, 5, -5, 5 },
        { "v(x) - v(y)", -5, 5, -5, 5 },
        { "v(x) * v(y)", -5, 5, -5, 5 },
        { "v(x) / v(y)", -5, 5, 0.1, 5 },
        { "v(x) / v(y)", -5, 5, -5, -0.1 },
        { "v(x) % v(y)", -5, 5, 0.5, 3 },
        { "v(x) ^ v(y)", 0.1, 5, -3, 3 },
        { "v(x) ^ v(y)", -5, -0.1, -3, 3 },
        { "v(x) ** 3", -5, 5, -1, 1 },
        { "pow(v(x), v(y))", 0.1, 5, -3, 3 },
        { "pow(v(x), v(y))", -5, -0.1, -3, 3 },
        { "pwr(v(x), v(y))", 0.1, 5, -3, 3 },
        { "pwr(v(x), v(y))", -5, -0.1, -3, 3 },
        { "pwr(v(x), 3)", -5, 5, -1, 1 },
        { "min(v(x), v(y))", -5, 5, -5, 5 },
        { "max(v(x), v(y))", -5, 5, -5, 5 },
        { "limit(v(x), -1, v(y))", -5, 5, 0, 5 },
        { "v(x, y)", -5, 5, -5, 5 },
        { "v(x) > v(y) ? v(x) * v(y) : sin(v(y))", -5, 5, -5, 5 },
        { "v(x) >= v(y) && v(y) > 0 ? exp(v(x)) : v(y)^2", -3, 3, -3, 3 },
        { "v(x) == 1 ? 1 : v(x) * v(y)", -3, 3, -3, 3 },
        { "-v(x) * !0 + (v(x) < v(y)) * v(y)", -5, 5, -5, 5 },
        { "tanh(v(x)) * exp(-v(y)^2) / (1 + v(x)^2)", -3, 3, -3, 3 },
        { "sqrt(v(x)^2 + v(y)^2)", 0.1, 3, 0.1, 3 },
    };

    private static bool NearKink(string form, double x, double y) => form switch
    {
        _ when form.Contains('%') => DistanceToInteger(x / y) < Margin,
        _ when form.StartsWith("min") || form.StartsWith("max") => Math.Abs(x - y) < Margin,
        _ when form.StartsWith("limit") => Math.Abs(x + 1) < Margin || Math.Abs(x - y) < Margin,
        _ when form.Contains('>') || form.Contains('<') => Math.Abs(x - y) < Margin || Math.Abs(y) < Margin,
        _ when form.Contains("==") => Math.Abs(x - 1) < Margin,
        _ => false,
    };

    [Theory]
    [MemberData(nameof(BinaryForms))]
    public void When_TwoInputForm_Expect_PartialDerivativesMatchFiniteDifferences(string form, double xLow, double xHigh, double yLow, double yHigh)
    {
        var f = Compile(form);
        Gen.Select(Gen.Double[xLow, xHigh], Gen.Double[yLow, yHigh])
            .Where(t => !NearKink(form, t.Item1, t.Item2))
            .Sample((x, y) => AssertGradientMatches(f, f.Inputs.Count == 2 ? [x, y] : [x]), iter: 300);
    }

    [Fact]
    public void When_PowerWithNegativeBase_Expect_DerivativeOfAbsolutePower()
    {
        // ngspice differentiates v^3 as 3*v^2 even though ^ is |v|^3; we differentiate what we evaluate.
        var gradient = new double[1];
        Assert.Equal(8, Compile("v(x)^3").Evaluate([-2], gradient));
        Assert.Equal(-12, gradient[0]);
        Assert.Equal(-8, Compile("pwr(v(x), 3)").Evaluate([-2], gradient));
        Assert.Equal(12, gradient[0]);
    }

    [Fact]
    public void When_KinkPoints_Expect_NgspiceOneSidedChoices()
    {
        var gradient = new double[1];
        Compile("abs(v(x))").Evaluate([0], gradient);
        Assert.Equal(0, gradient[0]); // sgn(0)
        Compile("uramp(v(x))").Evaluate([0], gradient);
        Assert.Equal(0.5, gradient[0]); // u(0)
        Compile("v(x)^2").Evaluate([0], gradient);
        Assert.Equal(0, gradient[0]);
        Compile("pwr(v(x), 1)").Evaluate([0], gradient);
        Assert.Equal(1, gradient[0]);
    }

    [Fact]
    public void When_SingularStartingPoint_Expect_FiniteLikeNgspice()
    {
        // Newton starts from zero voltages; ngspice keeps 1/x, ln(x) and sqrt(x) finite there.
        // (ngspice 39 printed 1/v(z) = 1.000000e+32 and log(v(z)) = -1.00000e+99 for v(z) = 0.)
        var gradient = new double[1];
        AssertRelative(1e32, Compile("1 / v(x)").Evaluate([0], gradient));
        AssertRelative(-1e64, gradient[0]);
        Assert.Equal(-1e99, Compile("ln(v(x))").Evaluate([0], gradient));
        AssertRelative(1e32, gradient[0]);
        Assert.Equal(0, Compile("sqrt(v(x))").Evaluate([0], gradient));
        AssertRelative(5e31, gradient[0]);
    }

    [Fact]
    public void When_OutOfDomain_Expect_NonFiniteResult()
    {
        // ngspice reports "out of range" and fails the iteration; we return NaN or infinity for the caller to see.
        var gradient = new double[1];
        Assert.True(double.IsNaN(Compile("sqrt(v(x))").Evaluate([-4], gradient)));
        Assert.True(double.IsNaN(Compile("log(v(x))").Evaluate([-1], gradient)));
        Assert.True(double.IsNaN(Compile("acos(v(x))").Evaluate([2], gradient)));
        Assert.True(double.IsInfinity(Compile("v(x)^-1").Evaluate([0], gradient)));
        Compile("v(x)^0.5").Evaluate([0], gradient);
        Assert.False(double.IsFinite(gradient[0]));
    }

    private static readonly Expression[] Leaves =
    [
        new VoltageReference("a"), new VoltageReference("b"), new VoltageReference("a", "b"), new CurrentReference("v1"),
        new NumberLiteral(0.5), new NumberLiteral(2), new Identifier("k"),
    ];

    /// <summary>Random smooth expressions (no kinks, no singularities) over v(a), v(b) and i(v1).</summary>
    private static readonly Gen<Expression> SmoothExpression = Gen.Recursive<Expression>((depth, self) =>
    {
        var leaf = Gen.OneOf(Leaves);
        if (depth >= 4) return leaf;
        Gen<Expression> Binary(BinaryOperator op) => Gen.Select(self, self, (l, r) => (Expression)new BinaryExpression(op, l, r));
        Gen<Expression> Call(string name) => self.Select(x => (Expression)new FunctionCall(name, x));
        return Gen.OneOf(
            leaf,
            Binary(BinaryOperator.Add),
            Binary(BinaryOperator.Subtract),
            Binary(BinaryOperator.Multiply),
            Gen.Select(self, self, (l, r) => (Expression)new BinaryExpression(BinaryOperator.Divide, l,
                new BinaryExpression(BinaryOperator.Add, new NumberLiteral(1), new FunctionCall("sqr", r)))),
            self.Select(x => (Expression)new UnaryExpression(UnaryOperator.Negate, x)),
            Call("tanh"), Call("sin"), Call("cos"), Call("atan"), Call("sqr"), Call("asinh"),
            self.Select(x => (Expression)new FunctionCall("exp", new FunctionCall("tanh", x))),
            self.Select(x => (Expression)new FunctionCall("sqrt", new BinaryExpression(BinaryOperator.Add, new NumberLiteral(1), new FunctionCall("sqr", x)))),
            self.Select(x => (Expression)new BinaryExpression(BinaryOperator.Power, new BinaryExpression(BinaryOperator.Add, new NumberLiteral(2), new FunctionCall("sin", x)), new NumberLiteral(1.5))));
    });

    [Fact]
    public void When_RandomSmoothExpression_Expect_GradientMatchesFiniteDifferences()
    {
        var scope = new ParameterScope().Set("k", 1.5);
        Gen.Select(SmoothExpression, Gen.Double[-2, 2], Gen.Double[-2, 2], Gen.Double[-2, 2])
            .Sample((e, a, b, i) =>
            {
                var f = e.Compile(scope);
                var point = f.Inputs.Select(input => input.ToString() switch
                {
                    "v(a)" => a,
                    "v(b)" => b,
                    _ => i,
                }).ToArray();
                AssertGradientMatches(f, point);
            }, iter: 1000, print: t => t.Item1.ToString());
    }
}
