using Hwsim.Verification;
using Hwsim.Circuits.Devices;
using Hwsim.Circuits.Netlist;
using Hwsim.TestSupport;

namespace Hwsim.Circuits.Tests.Engine;

/// <summary>The benchmark netlists are the circuits the engine issue describes, and both engines agree on them.</summary>
public class BenchmarkNetlistTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    public void When_CrossbarGenerated_Expect_SourcesCrossingsRowAndColumnWiresAndLoadsOnly(int n)
    {
        var parsed = NetlistReader.Parse(BenchmarkNetlists.Crossbar(n), "crossbar.cir");
        var resistors = parsed.Circuit.OfType<Resistor>().ToList();

        Assert.Equal(n, parsed.Circuit.OfType<VoltageSource>().Count());
        Assert.Equal(n + n * n + 2 * n * (n - 1) + n, parsed.Circuit.Count()); // n sources, n^2 crossings, 2n(n-1) wires, n loads
        Assert.Equal(n * n + 2 * n * (n - 1) + n, resistors.Count);    // no element mistaken for another (a "c..." name is a capacitor)
        Assert.Equal(2 * n * (n - 1), resistors.Count(r => r.Resistance == 1));
        Assert.Equal(n, resistors.Count(r => r.Resistance == 1e3));
        Assert.All(resistors.Where(r => r.Name.StartsWith("rx", StringComparison.Ordinal)), r => Assert.InRange(r.Resistance, 10e3, 100e3));

        var engine = parsed.CreateEngine();
        Assert.Equal(2 * n * n + n, engine.State.Unknowns.Count);
    }

    [Fact]
    public void When_TwoByTwoCrossbarSolved_Expect_KirchhoffsLawsByHand()
    {
        // Superposition is awkward by hand; instead check KCL at every node from the solved voltages.
        var parsed = NetlistReader.Parse(BenchmarkNetlists.Crossbar(2), "crossbar.cir");
        var op = NetlistRun.RunAll(parsed)[0];
        double V(string node) => node == "0" ? 0 : op.Value($"v({node})");
        var sums = new Dictionary<string, double>();
        foreach (var r in parsed.Circuit.OfType<Resistor>())
        {
            var current = (V(r.Nodes[0]) - V(r.Nodes[1])) / r.Resistance;
            sums[r.Nodes[0]] = sums.GetValueOrDefault(r.Nodes[0]) - current;
            sums[r.Nodes[1]] = sums.GetValueOrDefault(r.Nodes[1]) + current;
        }
        foreach (var source in parsed.Circuit.OfType<VoltageSource>())
            sums[source.Nodes[0]] = sums.GetValueOrDefault(source.Nodes[0]) - op.Value($"i({source.Name})");
        foreach (var (node, sum) in sums.Where(kv => kv.Key != "0"))
            Assert.True(Math.Abs(sum) < 1e-15, $"KCL at {node}: {sum:G3} A");
        Assert.True(V("c1_0") > 0 && V("c0_0") > V("c1_0"), "current flows down the column wires to the loads");
    }

    [NgspiceFact]
    public void When_Crossbar16InBothEngines_Expect_EveryVectorToAgree()
    {
        BothEngines.AssertAgree(BothEngines.RunText(BenchmarkNetlists.Crossbar(16), "crossbar16.cir"));
    }

    [NgspiceFact]
    public void When_RcLadder50InBothEngines_Expect_EveryWaveformToAgree()
    {
        BothEngines.AssertAgree(BothEngines.RunText(BenchmarkNetlists.RcLadder(50), "rcladder50.cir"));
    }
}
