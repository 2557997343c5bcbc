using Hwsim.Circuits.Devices;
using Hwsim.Circuits.Expressions;

namespace Hwsim.Circuits.Tests.Expressions;

/// <summary>
/// Expressions that could exhaust the stack or the clock: nesting and height are bounded at parse time with a
/// column, and the expanded size of .func calls is measured without expanding them.
/// </summary>
public sealed class ExpressionLimitTests
{
    /// <summary>Runs <paramref name="work"/> on a thread with a 1.5 MB stack, .NET's default for threads other than the main one (8 MB).</summary>
    private static void OnSmallStack(Action work)
    {
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try { work(); }
            catch (Exception e) { failure = e; }
        }, maxStackSize: 3 << 19);
        thread.Start();
        thread.Join();
        if (failure is not null) throw new Xunit.Sdk.XunitException(failure.ToString());
    }

    [Fact]
    public void When_ExpressionsAreAsDeepAsAllowed_Expect_EveryWalkFitsASmallStack()
    {
        var chain = string.Join(" + ", Enumerable.Repeat("v(a)", ExpressionParser.MaxDepth));
        var nested = new string('(', ExpressionParser.MaxNesting - 1) + "v(a) * 2" + new string(')', ExpressionParser.MaxNesting - 1);
        var signs = new string('-', ExpressionParser.MaxNesting - 2) + "v(a)";
        OnSmallStack(() =>
        {
            foreach (var text in new[] { chain, nested, signs })
            {
                var e = ExpressionParser.Parse(text);
                Assert.Equal(e, ExpressionParser.Parse(e.ToString()));
                Assert.True(ExpressionMeasure.Of(e, ParameterScope.Empty).Depth <= ExpressionMeasure.MaxExpandedDepth);
                var bound = BehavioralExpression.Bind(e, ParameterScope.Empty, n => n, d => d);
                var f = bound.Compile(ParameterScope.Empty);
                Assert.True(double.IsFinite(f.Evaluate([0.5])));
                Assert.True(double.IsFinite(ExpressionParser.Parse(text.Replace("v(a)", "1")).Evaluate(ParameterScope.Empty)));
            }
        });
    }

    [Theory]
    [InlineData(10_000, 0, 0)]
    [InlineData(0, 50_000, 0)]
    [InlineData(0, 0, 100_000)]
    public void When_TooDeep_Expect_ExpressionExceptionWithAColumn(int parentheses, int minus, int terms)
    {
        var text = new string('(', parentheses) + new string('-', minus) + (terms > 0 ? string.Join("+", Enumerable.Repeat("1", terms)) : "1") + new string(')', parentheses);
        OnSmallStack(() =>
        {
            var e = Assert.Throws<ExpressionException>(() => ExpressionParser.Parse(text));
            Assert.NotNull(e.Column);
            Assert.Contains("deeper than", e.Message);
        });
    }

    [Fact]
    public void When_FuncDoublesFortyLevels_Expect_SizeMeasuredWithoutExpanding()
    {
        var scope = new ParameterScope();
        scope.Define(UserFunction.Define("f40", ["x"], "x"));
        for (var i = 39; i >= 0; i--) scope.Define(UserFunction.Define($"f{i}", ["x"], $"f{i + 1}(x) + f{i + 1}(x)", scope.FunctionNames));
        var extent = ExpressionMeasure.Of(ExpressionParser.Parse("f0(v(a))", scope.FunctionNames), scope);
        Assert.Equal(Math.Pow(2, 40) * 2 - 1, extent.Size);   // 2^40 copies of v(a) and 2^40 - 1 additions
        Assert.Equal(41, extent.Depth);
    }

    [Fact]
    public void When_ArgumentsAreSubstituted_Expect_SizeCountsEveryCopy()
    {
        var scope = new ParameterScope();
        scope.Define(UserFunction.Define("sq", ["x"], "x * x"));
        var e = ExpressionParser.Parse("sq(sq(sq(v(a) + 1)))", scope.FunctionNames);
        var expanded = BehavioralExpression.Bind(e, scope, n => n, d => d);
        Assert.Equal(Nodes(expanded), ExpressionMeasure.Of(e, scope).Size);
        Assert.Equal(Height(expanded), ExpressionMeasure.Of(e, scope).Depth);
    }

    [Fact]
    public void When_FunctionCallsItself_Expect_ErrorNotHang()
    {
        var scope = new ParameterScope().Define(UserFunction.Define("f", ["x"], "x > 0 ? f(x - 1) + f(x - 1) : 1"));
        var e = Assert.Throws<ExpressionException>(() => ExpressionMeasure.Of(ExpressionParser.Parse("f(40)", ["f"]), scope));
        Assert.Contains("calls itself", e.Message);
    }

    private static double Nodes(Expression e) => e switch
    {
        UnaryExpression u => 1 + Nodes(u.Operand),
        BinaryExpression b => 1 + Nodes(b.Left) + Nodes(b.Right),
        ConditionalExpression c => 1 + Nodes(c.Condition) + Nodes(c.WhenTrue) + Nodes(c.WhenFalse),
        FunctionCall f => 1 + f.Arguments.Sum(Nodes),
        _ => 1,
    };

    private static int Height(Expression e) => e switch
    {
        UnaryExpression u => 1 + Height(u.Operand),
        BinaryExpression b => 1 + Math.Max(Height(b.Left), Height(b.Right)),
        ConditionalExpression c => 1 + Math.Max(Height(c.Condition), Math.Max(Height(c.WhenTrue), Height(c.WhenFalse))),
        FunctionCall f => 1 + f.Arguments.Max(Height),
        _ => 1,
    };
}
