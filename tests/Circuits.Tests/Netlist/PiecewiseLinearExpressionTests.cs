using Hwsim.Circuits.Expressions;
using Hwsim.Circuits.Netlist;
using Hwsim.TestSupport;

namespace Hwsim.Circuits.Tests.Netlist;

/// <summary>
/// ngspice's <c>pwl(x, x1, y1, x2, y2, ...)</c> in B-source expressions (the segment holding x, the end segments
/// extended; at a point, the segment to its right) and its comparisons with zero <c>eq0 ne0 gt0 lt0 ge0 le0</c>.
/// Checked against hand-computed values (exact), the slope as the derivative (exact), and ngspice 39 on a .dc sweep
/// through every point with a nonlinear resistor whose Newton iteration needs the slope (1e-6 relative + 1 nV / 1 pA).
/// </summary>
public sealed class PiecewiseLinearExpressionTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string Netlist = """
        pwl and the comparisons with zero in B-source expressions
        v1 1 0 dc 0
        b1 2 0 v=pwl(v(1), -1, -2, 0, 0.5, 0.5, 0.5, 2, 4)
        r1 2 0 1k
        * a nonlinear resistor by pwl: Newton needs the slope
        r2 1 4 1k
        b2 4 0 i=pwl(v(4), -1, -1m, 0, 0, 1, 2m, 3, 2.5m)
        b3 5 0 v=eq0(v(1))+2*ne0(v(1))+4*gt0(v(1))+8*lt0(v(1))+16*ge0(v(1))+32*le0(v(1))
        r3 5 0 1k
        .dc v1 -3 3 0.25
        .end
        """;

    [Theory]
    [InlineData(-100, -98)]   // first segment extended
    [InlineData(0.5, 2.5)]
    [InlineData(6.0, 6)]
    [InlineData(100, 97)]     // last segment extended
    [InlineData(2, 4)]        // at a point
    [InlineData(22, 19)]      // at the last point
    [InlineData(-9.5, -7.5)]  // a parameter as a point
    public void When_PwlEvaluated_Expect_TheSegmentsLine(double x, double expected)
    {
        var scope = new ParameterScope();
        scope.Set("p", -8);
        var e = ExpressionParser.Parse($"pwl({x}, -10, p, 2, 4, 12, 9, 22, 19)");

        Assert.Equal(expected, e.Evaluate(scope), 1e-12);
    }

    [Theory]
    [InlineData(-5, 2.5)]     // first segment extended
    [InlineData(-0.5, 2.5)]
    [InlineData(0, 0)]        // a point belongs to the segment on its right
    [InlineData(0.25, 0)]
    [InlineData(0.5, 3.5 / 1.5)]
    [InlineData(2, 3.5 / 1.5)] // the last point: the last segment
    [InlineData(7, 3.5 / 1.5)]
    public void When_PwlDifferentiated_Expect_TheSegmentsSlope(double x, double slope)
    {
        var compiled = ExpressionParser.Parse("pwl(v(a), -1, -2, 0, 0.5, 0.5, 0.5, 2, 4)").Compile(new ParameterScope());
        var gradient = new double[1];

        compiled.Evaluate([x], gradient);

        Assert.Equal(slope, gradient[0], 1e-12);
    }

    [Fact]
    public void When_ComparisonsWithZero_Expect_OneWhenTrue()
    {
        double Value(string f, double x) => ExpressionParser.Parse($"{f}({x})").Evaluate(new ParameterScope());

        foreach (var x in new[] { -0.25, 0, 0.25 })
        {
            Assert.Equal(x == 0 ? 1 : 0, Value("eq0", x));
            Assert.Equal(x != 0 ? 1 : 0, Value("ne0", x));
            Assert.Equal(x > 0 ? 1 : 0, Value("gt0", x));
            Assert.Equal(x < 0 ? 1 : 0, Value("lt0", x));
            Assert.Equal(x >= 0 ? 1 : 0, Value("ge0", x));
            Assert.Equal(x <= 0 ? 1 : 0, Value("le0", x));
        }
    }

    [NgspiceFact]
    public void When_PwlNetlistRunInBothEngines_Expect_AgreementTo1e6()
    {
        BothEngines.AssertAgree(BothEngines.RunText(Netlist, "pwl.cir"), output: output);
    }

    [Theory]
    [InlineData("b1 2 0 v=pwl(v(1), 0, 1, 2)", 10, "takes x and pairs of points")]
    [InlineData("b1 2 0 v='1 + pwl(v(1), 0, 1)'", 15, "not 3 arguments")]
    [InlineData("b1 2 0 v=pwl(v(1), 0, 1, 0, 2)", 10, "the abscissas must ascend, but 0 follows 0")]
    [InlineData("b1 2 0 v=pwl(v(1), 0, 1, 1, v(1))", 10, "the points must be numbers or parameter names")]
    public void When_PwlHasTooFewOrUnpairedPoints_Expect_FileLineColumn(string card, int column, string message)
    {
        var e = Assert.Throws<NetlistException>(() => NetlistReader.Parse($"t\nv1 1 0 1\n{card}\n.op\n", "bad.cir"));

        Assert.Equal(new SourceLocation("bad.cir", 3, column), e.Location);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }
}
