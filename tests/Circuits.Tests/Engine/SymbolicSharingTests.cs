using Hwsim.Circuits.Analyses;
using Hwsim.Circuits.Netlist;

namespace Hwsim.Circuits.Tests.Engine;

/// <summary>
/// The symbolic analysis (transversal, order, fill) is made once per matrix structure: AC reuses the DC one, and
/// engines of the same structure (Monte Carlo samples) share one.
/// </summary>
public class SymbolicSharingTests
{
    private static string Amplifier(double r1, double r2) => $"""
        diode amplifier with a filter
        .model dm D(is=1e-14 n=1.2 cjo=1p)
        V1 in 0 dc 1 ac 1
        R1 in a {r1}
        D1 a b dm
        R2 b 0 {r2}
        C1 b 0 10n
        L1 b c 1u
        R3 c 0 50
        .end
        """;

    [Fact]
    public void When_AcAfterOperatingPoint_Expect_OneSymbolicAnalysis()
    {
        var engine = NetlistReader.Parse(Amplifier(1e3, 2e3), "amp.cir").CreateEngine();
        new OperatingPointAnalysis().Run(engine);
        var symbolic = engine.Symbolic;
        new AcAnalysis(AcSweepType.Decade, 5, 1e3, 1e9).Run(engine);

        Assert.Equal(1, engine.Statistics.SymbolicAnalyses);
        Assert.Same(symbolic, engine.Symbolic);
        Assert.True(engine.Statistics.Factorizations + engine.Statistics.Refactorizations > 0);
    }

    [Fact]
    public void When_SamplesShareOneAnalysis_Expect_SameResultsAsOwnAnalysis()
    {
        var first = NetlistReader.Parse(Amplifier(1e3, 2e3), "amp.cir").CreateEngine();
        var symbolic = first.Symbolic;
        var random = new Random(7);
        for (var sample = 0; sample < 4; sample++)
        {
            var netlist = Amplifier(1e3 * (0.8 + 0.4 * random.NextDouble()), 2e3 * (0.8 + 0.4 * random.NextDouble()));
            var shared = NetlistReader.Parse(netlist, "amp.cir").CreateEngine(symbolic);
            var own = NetlistReader.Parse(netlist, "amp.cir").CreateEngine();
            var op = new OperatingPointAnalysis();
            var ac = new AcAnalysis(AcSweepType.Decade, 3, 1e3, 1e8);
            var sharedOp = op.Run(shared);
            var ownOp = op.Run(own);
            var sharedAc = ac.Run(shared);
            var ownAc = ac.Run(own);

            Assert.Equal(0, shared.Statistics.SymbolicAnalyses);
            Assert.Equal(1, own.Statistics.SymbolicAnalyses);
            foreach (var v in ownOp.Vectors) Assert.Equal(v.Real[0], sharedOp[v.Name].Real[0]);
            foreach (var v in ownAc.Vectors) Assert.Equal(v.Complex, sharedAc[v.Name].Complex);
        }
    }

    [Fact]
    public void When_StructureDiffers_Expect_ArgumentException()
    {
        var symbolic = NetlistReader.Parse(Amplifier(1e3, 2e3), "amp.cir").CreateEngine().Symbolic;
        var other = NetlistReader.Parse("""
            another circuit
            V1 in 0 dc 1
            R1 in 0 1k
            .end
            """, "other.cir");

        Assert.Throws<ArgumentException>(() => other.CreateEngine(symbolic));
    }
}
