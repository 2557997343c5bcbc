using Hwsim.Circuits.Tests.Support;
using Hwsim.Circuits.Expressions;

namespace Hwsim.Circuits.Tests.Expressions;

/// <summary>Compilation of behavioural (B-source) expressions: inputs, folding, values and derivatives.</summary>
public sealed class CompiledExpressionTests
{
    private static CompiledExpression Compile(string text, IParameterScope? scope = null, IEnumerable<string>? functions = null) =>
        ExpressionParser.Parse(text, functions).Compile(scope ?? ParameterScope.Empty);

    [Fact]
    public void When_Tanh_Expect_ValueAndExactDerivative()
    {
        var f = Compile("tanh(v(in))");
        Assert.Equal([ExpressionInput.NodeVoltage("in")], f.Inputs);
        var gradient = new double[1];
        var value = f.Evaluate([0.5], gradient);
        Assert.Equal(Math.Tanh(0.5), value);
        Assert.Equal(1 - Math.Tanh(0.5) * Math.Tanh(0.5), gradient[0], 15);
    }

    [Fact]
    public void When_DifferentialVoltage_Expect_TwoInputsWithOppositeDerivatives()
    {
        var f = Compile("3 * v(a, b)");
        Assert.Equal([ExpressionInput.NodeVoltage("a"), ExpressionInput.NodeVoltage("b")], f.Inputs);
        var gradient = new double[2];
        Assert.Equal(3 * (5.0 - 2.0), f.Evaluate([5, 2], gradient));
        Assert.Equal([3.0, -3.0], gradient);
    }

    [Fact]
    public void When_GroundNode_Expect_NoInput()
    {
        var f = Compile("v(a, 0) + v(gnd) + v(0, b)");
        Assert.Equal([ExpressionInput.NodeVoltage("a"), ExpressionInput.NodeVoltage("b")], f.Inputs);
        Assert.Equal(1.0 - 2.0, f.Evaluate([1, 2]));
    }

    [Fact]
    public void When_SameQuantityTwice_Expect_OneInputInOrderOfAppearance()
    {
        var f = Compile("v(b) * i(V1) + V(B) * time + temper + hertz + v(a)");
        Assert.Equal(
            [ExpressionInput.NodeVoltage("b"), ExpressionInput.BranchCurrent("v1"), ExpressionInput.Time,
             ExpressionInput.Temperature, ExpressionInput.Frequency, ExpressionInput.NodeVoltage("a")],
            f.Inputs);
        Assert.Equal(["v(b)", "i(v1)", "time", "temper", "hertz", "v(a)"], f.Inputs.Select(i => i.ToString()));
        var gradient = new double[6];
        Assert.Equal(2 * 3 + 2 * 4 + 27 + 0 + 1, f.Evaluate([2, 3, 4, 27, 0, 1], gradient));
        Assert.Equal([3.0 + 4, 2, 2, 1, 1, 1], gradient);
    }

    [Fact]
    public void When_ParameterOnlySubtrees_Expect_FoldedToConstants()
    {
        var scope = new ParameterScope().Set("gain", 4).Set("offset", 1);
        var f = Compile("sqrt(gain) * exp(offset - 1) * v(x) + gain * 2", scope);
        // v(x), constant 2 (= sqrt(4)*exp(0)), multiply, constant 8, add.
        Assert.Equal(5, f.InstructionCount);
        Assert.Equal(2 * 3.0 + 8, f.Evaluate([3]));
    }

    [Fact]
    public void When_OnlyParameters_Expect_ConstantProgram()
    {
        var f = Compile("a * 2 + pi", new ParameterScope().Set("a", 3));
        Assert.True(f.IsConstant);
        Assert.Empty(f.Inputs);
        Assert.Equal(6 + Math.PI, f.Evaluate([]));
        Assert.Equal(6 + Math.PI, f.Evaluate([], []));
    }

    [Fact]
    public void When_ConstantCondition_Expect_OnlyChosenBranchCompiled()
    {
        var f = Compile("mode > 0 ? v(a) : v(b) * 2", new ParameterScope().Set("mode", 1));
        Assert.Equal([ExpressionInput.NodeVoltage("a")], f.Inputs);
    }

    [Fact]
    public void When_UserFunction_Expect_InlinedWithArgumentsComputedOnce()
    {
        var scope = new ParameterScope().Set("k", 2);
        scope.Define(UserFunction.Define("sq", ["x"], "x * x * k"));
        scope.Define(UserFunction.Define("first", ["x", "y"], "x"));
        var f = Compile("sq(tanh(v(in))) + first(1, v(unused))", scope, ["sq", "first"]);
        Assert.Equal([ExpressionInput.NodeVoltage("in")], f.Inputs); // v(unused) only fed a dead argument
        // v(in), tanh, multiply, constant 2, multiply, constant 1, add: tanh appears once.
        Assert.Equal(1, f.Code.Count(i => i.Op == OpCode.Function1));
        var gradient = new double[1];
        var t = Math.Tanh(0.3);
        Assert.Equal(t * t * 2 + 1, f.Evaluate([0.3], gradient), 15);
        Assert.Equal(4 * t * (1 - t * t), gradient[0], 14);
    }

    [Fact]
    public void When_Ternary_Expect_DerivativeOfBranchInForce()
    {
        var f = Compile("v(x) > 1 ? v(x)^2 : 3 * v(x)");
        var gradient = new double[1];
        Assert.Equal(4, f.Evaluate([2], gradient));
        Assert.Equal(4, gradient[0]);
        Assert.Equal(1.5, f.Evaluate([0.5], gradient));
        Assert.Equal(3, gradient[0]);
    }

    [Fact]
    public void When_BranchNotTakenIsNaN_Expect_FiniteValueAndDerivative()
    {
        var f = Compile("v(x) > 0 ? sqrt(v(x)) : 0");
        var gradient = new double[1];
        Assert.Equal(0, f.Evaluate([-1], gradient));
        Assert.Equal(0, gradient[0]);
    }

    [Theory]
    [InlineData("v(x) > v(y)")]
    [InlineData("v(x) == v(y)")]
    [InlineData("v(x) && v(y)")]
    [InlineData("!v(x) || v(y)")]
    [InlineData("u(v(x)) + sgn(v(y))")]
    [InlineData("floor(v(x)) + ceil(v(y)) + nint(v(x)) + int(v(y))")]
    public void When_PiecewiseConstant_Expect_ZeroDerivative(string text)
    {
        var gradient = new double[2];
        Compile(text).Evaluate([0.3, -0.7], gradient);
        Assert.Equal([0.0, 0.0], gradient);
    }

    [Fact]
    public void When_MinMax_Expect_DerivativeOfSelectedArgument()
    {
        var gradient = new double[2];
        Compile("min(v(x), v(y))").Evaluate([1, 2], gradient);
        Assert.Equal([1.0, 0.0], gradient);
        Compile("max(v(x), v(y))").Evaluate([1, 2], gradient);
        Assert.Equal([0.0, 1.0], gradient);
        // On a tie ngspice differentiates the second argument.
        Compile("min(v(x), v(y))").Evaluate([1, 1], gradient);
        Assert.Equal([0.0, 1.0], gradient);
    }

    [Fact]
    public void When_UnknownName_Expect_ErrorNamingIt()
    {
        var error = Assert.Throws<ExpressionException>(() => Compile("gain * v(in)"));
        Assert.Equal("unknown parameter 'gain'", error.Message);
    }

    [Fact]
    public void When_WrongInputCount_Expect_ArgumentException()
    {
        var f = Compile("v(a) + v(b)");
        Assert.Throws<ArgumentException>(() => f.Evaluate([1]));
        Assert.Throws<ArgumentException>(() => f.Evaluate([1, 2], new double[1]));
    }

    [Fact]
    public void When_Evaluated_Expect_NoAllocation()
    {
        var scope = new ParameterScope().Set("g", 2);
        var f = Compile("g * tanh(v(a, b)) + (v(a) > 0 ? v(a)^2.5 : -v(a)) / (1 + i(v1)^2) + min(v(b), 1) + exp(time)", scope);
        var inputs = new double[f.Inputs.Count];
        var gradient = new double[f.Inputs.Count];
        for (var k = 0; k < inputs.Length; k++) inputs[k] = 0.1 * (k + 1);
        var sum = 0.0;

        var allocated = SteadyStateAllocation.Bytes(() =>
        {
            for (var n = 0; n < 2_000; n++)
            {
                inputs[0] = n * 1e-4;
                sum += f.Evaluate(inputs);
                sum += f.Evaluate(inputs, gradient);
            }
        });

        Assert.True(double.IsFinite(sum));
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void When_ProgramLargerThanStackScratch_Expect_SameResultsAndNoSteadyStateAllocation()
    {
        // 1500 terms in 30 parenthesised groups: a large program whose tree stays within ExpressionParser.MaxDepth.
        var text = string.Join(" + ", Enumerable.Range(0, 30).Select(g =>
            "(" + string.Join(" + ", Enumerable.Range(50 * g, 50).Select(k => $"{k % 7} * tanh(v(n{k % 5}))")) + ")"));
        var f = Compile(text);
        Assert.True(f.InstructionCount > 2048);
        double[] inputs = [0.1, 0.2, 0.3, 0.4, 0.5];
        var gradient = new double[5];
        var value = f.Evaluate(inputs, gradient);

        var expected = Enumerable.Range(0, 1500).Sum(k => k % 7 * Math.Tanh(inputs[k % 5]));
        Assert.Equal(expected, value, 9);
        Assert.Equal(value, f.Evaluate(inputs));
        var expectedGradient = Enumerable.Range(0, 5)
            .Select(j => Enumerable.Range(0, 1500).Where(k => k % 5 == j).Sum(k => k % 7 * (1 - Math.Tanh(inputs[j]) * Math.Tanh(inputs[j]))))
            .ToArray();
        for (var j = 0; j < 5; j++) Assert.Equal(expectedGradient[j], gradient[j], 9);

        Assert.Equal(0, SteadyStateAllocation.Bytes(() =>
        {
            for (var n = 0; n < 100; n++) f.Evaluate(inputs, gradient);
        }));
    }

    [Fact]
    public void When_EvaluatedFromManyThreads_Expect_SameResults()
    {
        var f = Compile("tanh(v(a)) * v(b) + exp(-v(a)^2)");
        var results = new double[64];
        Parallel.For(0, results.Length, k =>
        {
            var gradient = new double[2];
            for (var n = 0; n < 1000; n++) results[k] = f.Evaluate([k * 0.01, 2], gradient) + gradient[0];
        });
        for (var k = 0; k < results.Length; k++)
        {
            var a = k * 0.01;
            var expected = Math.Tanh(a) * 2 + Math.Exp(-a * a) + (1 - Math.Tanh(a) * Math.Tanh(a)) * 2 - 2 * a * Math.Exp(-a * a);
            Assert.Equal(expected, results[k], 14);
        }
    }

    [Fact]
    public void When_ToString_Expect_SourceText()
    {
        Assert.Equal("2 * tanh(v(in))", Compile("2*TANH(V(IN))").ToString());
    }
}
