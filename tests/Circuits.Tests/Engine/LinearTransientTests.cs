using Hwsim.Circuits.Analyses;
using Hwsim.Circuits.Netlist;
using Hwsim.TestSupport;
using Hwsim.Verification;

namespace Hwsim.Circuits.Tests.Engine;

/// <summary>
/// A linear circuit's transient solves once per time point (issue 13): the engine decides linearity from the
/// behaviours, and the one solve gives what Newton's second iteration would.
/// </summary>
public class LinearTransientTests
{
    private const string Ladder = """
        rc ladder
        vin n0 0 pulse(0 1 1u 10n 10n 5u 10u)
        r1 n0 n1 1k
        c1 n1 0 1n
        r2 n1 n2 1k
        c2 n2 0 1n
        r3 n2 n3 1k
        c3 n3 0 1n
        l1 n3 n4 1m
        l2 n4 0 2m
        k1 l1 l2 0.5
        r4 n4 0 100
        .tran 20n 20u
        .end
        """;

    [Fact]
    public void When_RlcLadderRun_Expect_LinearAndOneIterationPerTimePoint()
    {
        var parsed = NetlistReader.Parse(Ladder, "ladder.cir");
        var engine = parsed.CreateEngine();
        Assert.True(engine.IsLinear);
        var result = parsed.Analyses[0].Run(engine);
        var st = result.Statistics!;
        // The operating point takes its own iterations; after it every time point tried is one solve.
        var op = new OperatingPointAnalysis().Run(parsed.CreateEngine()).Statistics!;
        Assert.Equal(op.NewtonIterations + st.TimePoints - 1, st.NewtonIterations);
    }

    [Fact]
    public void When_LinearLadderTakesNewtonsPath_Expect_SameWaveforms()
    {
        // A behavioural source of zero current makes the circuit nonlinear for the engine without changing its
        // equations: the same transient through the full Newton iteration must give the same numbers.
        var linear = NetlistRun.RunAll(NetlistReader.Parse(Ladder, "ladder.cir"))[0];
        var parsed = NetlistReader.Parse(Ladder.Replace(".tran", "b0 n2 0 i=0\n.tran", StringComparison.Ordinal), "ladder-b.cir");
        Assert.False(parsed.CreateEngine().IsLinear);
        var newton = NetlistRun.RunAll(parsed)[0];

        Assert.Equal(linear["time"].Real, newton["time"].Real);
        Assert.True(newton.Statistics!.NewtonIterations > linear.Statistics!.NewtonIterations + linear.Points / 2);
        foreach (var v in linear.Vectors)
        {
            var other = newton[v.Name].Real;
            var peak = v.Real.Max(Math.Abs);
            for (var i = 0; i < v.Length; i++)
                Assert.True(Math.Abs(v.Real[i] - other[i]) <= 1e-12 * peak + 1e-18, $"{v.Name} at point {i}: {v.Real[i]:G17} against {other[i]:G17}");
        }
    }

    [Theory]
    [InlineData(0, double.NaN)]
    [InlineData(2, double.PositiveInfinity)]
    [InlineData(1001, double.NegativeInfinity)]
    [InlineData(1002, double.NaN)]
    public void When_SolutionHasNonFiniteElement_Expect_Found(int index, double bad)
    {
        var values = Enumerable.Range(0, 1003).Select(i => (i - 500) * 1e300).ToArray();
        Assert.True(Simulation.NewtonIteration.AllFinite(values));
        values[index] = bad;
        Assert.False(Simulation.NewtonIteration.AllFinite(values));
    }

    [Theory]
    [InlineData("d1 n1 0 dmod\n.model dmod D(is=1e-14)")]
    [InlineData("m1 n1 n1 0 0 nmod w=1u l=1u\n.model nmod NMOS(level=1 vto=0.7 kp=100u)")]
    [InlineData("s1 n1 0 n0 0 smod\n.model smod SW(vt=0.5 ron=1 roff=1meg)")]
    public void When_NonlinearDevicePresent_Expect_NotLinear(string device)
    {
        var parsed = NetlistReader.Parse(Ladder.Replace(".tran", device + "\n.tran", StringComparison.Ordinal), "nonlinear.cir");
        Assert.False(parsed.CreateEngine().IsLinear);
    }

    [NgspiceFact]
    public void When_SavedRcLadderInBothEngines_Expect_OnlySavedVectorsKeptAndAgree()
    {
        var run = BothEngines.RunText(BenchmarkNetlists.RcLadderSaved(50), "rcladder50save.cir");
        BothEngines.AssertAgree(run);
        Assert.Equal(["i(vin)", "v(n1)", "v(n25)", "v(n50)"], run.Ours[0].Vectors.Select(v => v.Name).Order(StringComparer.Ordinal));
    }
}
