using Hwsim.Circuits.Expressions;

namespace Hwsim.Circuits.Tests.Expressions;

/// <summary>
/// Values that ngspice 39 printed for the same expressions (recorded here by hand; the tests do not run ngspice).
/// ngspice prints 7 significant digits, so the comparison is relative to 1e-6.
/// </summary>
public sealed class NgspiceReferenceTests
{
    private static void AssertClose(double ngspice, double actual) =>
        Assert.True(Math.Abs(actual - ngspice) <= 1e-6 * Math.Abs(ngspice) + 1e-300,
            $"ngspice printed {ngspice:G7}, we computed {actual:R}");

    /// <summary>
    /// B sources in a netlist with <c>Va a 0 0.7</c>, <c>Vb b 0 -1.3</c>, <c>Vz z 0 0</c>, <c>Ra a 0 1k</c>, each
    /// <c>Bnn nnn 0 V = expr</c>, then <c>op</c> and <c>print all</c> (ngspice 39.3, batch mode).
    /// </summary>
    [Theory]
    [InlineData("tanh(v(a))", 6.043678e-01)]
    [InlineData("pow(v(b), 3)", 2.197000e+00)]           // pow is |x|^y in B sources
    [InlineData("pwr(v(b), 3)", -2.19700e+00)]           // pwr is sign(x)|x|^y
    [InlineData("v(b)^2.5", 1.926896e+00)]
    [InlineData("v(b)**3", 2.197000e+00)]
    [InlineData("u(v(z))", 5.000000e-01)]
    [InlineData("uramp(v(b)) + uramp(v(a))", 7.000000e-01)]
    [InlineData("log(v(a))", -3.56675e-01)]              // natural log
    [InlineData("log10(v(a) + 1)", 2.304489e-01)]
    [InlineData("1/v(z)", 1.000000e+32)]                 // divisor moved 1e-32 away from zero
    [InlineData("exp(v(a)*400)", 1.000000e+99)]          // exp capped above 227.9559242
    [InlineData("sgn(v(b))", -1.00000e+00)]
    [InlineData("v(a) > 0.5 ? 2*v(a) : 0", 1.400000e+00)]
    [InlineData("min(v(a), v(b)) + 10*max(v(a), v(b))", 5.700000e+00)]
    [InlineData("nint(v(b) - 1.2)", -2.00000e+00)]       // -2.5 rounds to even
    [InlineData("floor(v(b)) + 10*ceil(v(b))", -1.20000e+01)]
    [InlineData("(v(a) + 1.3)^3^2", 6.400000e+01)]       // left associative
    [InlineData("-(v(a) + 1.3)^2", -4.00000e+00)]
    [InlineData("(v(a) + 1.3)^-1^2", 5.000000e-01)]      // 2^(-(1^2))
    [InlineData("v(a, b)", 2.000000e+00)]
    [InlineData("temper", 2.700000e+01)]
    [InlineData("asinh(v(a)) + acosh(v(a) + 1) + atanh(v(a))", 2.643198e+00)]
    [InlineData("u2(v(a)) + u2(v(b))", 7.000000e-01)]
    [InlineData("i(va) * 1000", -7.00000e-01)]
    [InlineData("ternary_fcn(v(b) < 0, 3, 4)", 3.000000e+00)]
    [InlineData("!v(z) + 10*(v(a) && v(z)) + 100*(v(a) || v(z))", 1.010000e+02)]
    [InlineData("1mil * 1e6", 2.540000e+01)]             // mil = 25.4u in B sources (INPevaluate)
    [InlineData("log(v(z))", -1.00000e+99)]
    [InlineData("pi * e", 8.539734e+00)]
    [InlineData("atan(v(b)) + sinh(v(a)) + cosh(v(b)) + tan(v(a)) + asin(v(a)) + acos(v(a))", 4.227482e+00)]
    [InlineData("abs(v(b)) * sqrt(v(a)) / (v(a) - v(b))", 5.438290e-01)]
    [InlineData("time + 2.2u * 1e6 + 10meg / 1e7", 3.200000e+00)]
    public void When_BehaviouralExpression_Expect_NgspiceValue(string text, double ngspice)
    {
        var f = ExpressionParser.Parse(text).Compile(ParameterScope.Empty);
        var inputs = f.Inputs.Select(input => input.ToString() switch
        {
            "v(a)" => 0.7,
            "v(b)" => -1.3,
            "v(z)" => 0.0,
            "i(va)" => -0.7e-3, // 0.7 V across 1 kOhm; SPICE counts source current from + to - inside the source
            "temper" => 27.0,
            "time" => 0.0,
            var other => throw new InvalidOperationException(other),
        }).ToArray();
        AssertClose(ngspice, f.Evaluate(inputs));
    }

    /// <summary><c>.param x = expr</c> with <c>Vx n 0 {x}</c>, then <c>op</c> and <c>print v(n)</c> (ngspice 39.3).</summary>
    [Theory]
    [InlineData("pow(-2, 3)", -8.00000e+00)]             // numparam pow is C's pow ...
    [InlineData("pwr(-2, 3)", 8.000000e+00)]             // ... and pwr is |x|^y: the reverse of B sources
    [InlineData("log(100)", 4.605170e+00)]
    [InlineData("7 % 3", 1.000000e+00)]
    [InlineData("-7 % 3", -1.00000e+00)]
    [InlineData("nint(2.5)", 2.000000e+00)]
    [InlineData("int(-2.5)", -2.00000e+00)]
    [InlineData("2^3^2", 6.400000e+01)]
    [InlineData("-2^2", -4.00000e+00)]
    [InlineData("(-2)^3", 8.000000e+00)]
    [InlineData("(-8)^(1/3)", 2.000000e+00)]
    [InlineData("2.2u * 1e6 + 10meg / 1e7 + 1k / 1e3", 4.200000e+00)]
    [InlineData("3 > 2 && 1 < 0 || 1", 1.000000e+00)]
    [InlineData("1 ? 2 : 3", 2.000000e+00)]
    [InlineData("{sqr(3) + arctan(1)}", 9.785398e+00)]
    [InlineData("sqr(3)+arctan(1)+ln(10)", 1.208798e+01)]
    [InlineData("min(3,4)*max(3,4)", 1.200000e+01)]
    [InlineData("floor(-2.5)+ceil(-2.5)", -5.00000e+00)]
    [InlineData("sgn(-3)+abs(-4)", 3.000000e+00)]
    [InlineData("tanh(0.5)+sinh(1)+cosh(1)+asinh(1)+acosh(2)+atanh(0.5)", 5.928037e+00)]
    [InlineData("1e3k", 1.000000e+06)]
    [InlineData("10uF", 1.000000e-05)]
    [InlineData("1MEGohm", 1.000000e+06)]
    public void When_ParameterExpression_Expect_NgspiceValue(string text, double ngspice)
    {
        AssertClose(ngspice, ExpressionParser.Parse(text).Evaluate(ParameterScope.Empty));
    }
}
