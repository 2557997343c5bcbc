using Hwsim.Circuits.Analyses;
using Hwsim.Circuits.Devices;
using Hwsim.Circuits.Netlist;

namespace Hwsim.Circuits.Tests.Devices;

/// <summary>Device checks that need no reference simulator: closed forms, symmetries, errors and diagnostics.</summary>
public sealed class DeviceBehaviorTests
{
    private static Results.AnalysisResult Op(string netlist) => NetlistRun.RunAll(NetlistReader.Parse(netlist))[0];

    [Fact]
    public void When_BSourceTanh_Expect_ExactValueAndCurrentForm()
    {
        var r = Op("t\nvin in 0 dc 0.3\nb1 out 0 V = 2 * tanh(v(in) / 0.5)\nb2 0 o2 I = 1m * v(in, 0) ^ 2\nr2 o2 0 1k\n.op\n.end\n");

        Assert.Equal(2 * Math.Tanh(0.6), r.Value("v(out)"), 12);
        Assert.Equal(0.09, r.Value("v(o2)"), 12);
        Assert.Equal(0.0, r.Value("i(b1)"), 15);
    }

    [Fact]
    public void When_LimitUsed_Expect_ClampLikeMinMax()
    {
        var r = Op("t\nvin in 0 dc 1.7\nb1 a 0 V = limit(v(in), -1, 1)\nb2 b 0 V = limit(-v(in), -1, 1)\nb3 c 0 V = limit(v(in) / 4, -1, 1)\n.op\n.end\n");

        Assert.Equal(1.0, r.Value("v(a)"));
        Assert.Equal(-1.0, r.Value("v(b)"));
        Assert.Equal(0.425, r.Value("v(c)"), 14);
    }

    [Fact]
    public void When_BSourceNeverFinite_Expect_NonConvergenceNamingTheSource()
    {
        var e = Assert.Throws<SimulationException>(() => Op("t\nr1 a 0 1k\nb1 a 0 V = sqrt(-1 - v(a) * v(a))\n.op\n.end\n"));

        Assert.Contains("b1", e.Message);
        Assert.Contains("b1", e.Culprits);
    }

    [Fact]
    public void When_NpnAndMirroredPnp_Expect_NegatedCurrents()
    {
        const string models = ".model qn NPN(is=1e-15 bf=120 vaf=60 ikf=10m rb=20 re=1 rc=3 cje=1p cjc=1p)\n.model qp PNP(is=1e-15 bf=120 vaf=60 ikf=10m rb=20 re=1 rc=3 cje=1p cjc=1p subs=1)\n";
        var n = Op($"t\n{models}vc c 0 dc 3\nvb b 0 dc 0.7\nq1 c b 0 qn\n.op\n.end\n");
        var p = Op($"t\n{models}vc c 0 dc -3\nvb b 0 dc -0.7\nq1 c b 0 qp\n.op\n.end\n");

        Assert.Equal(n.Value("i(vc)"), -p.Value("i(vc)"), 1e-15);
        Assert.Equal(n.Value("i(vb)"), -p.Value("i(vb)"), 1e-17);
        Assert.True(n.Value("i(vc)") < -1e-4, "the NPN conducts");
    }

    [Fact]
    public void When_NmosInSaturation_Expect_ShichmanHodgesWithBodyEffect()
    {
        const double kp = 100e-6, vto = 0.7, gamma = 0.4, phi = 0.65, lambda = 0.02, w = 10e-6, l = 2e-6;
        var r = Op($"t\n.model n NMOS(level=1 vto={vto} kp={kp} gamma={gamma} phi={phi} lambda={lambda})\nvd d 0 dc 3\nvg g 0 dc 2\nvb b 0 dc -1\nm1 d g 0 b n l=2u w=10u\n.op\n.end\n");
        var vt = vto + gamma * (Math.Sqrt(phi + 1) - Math.Sqrt(phi));
        var id = kp * w / l / 2 * Math.Pow(2 - vt, 2) * (1 + lambda * 3);

        Assert.Equal(id, -r.Value("i(vd)"), id * 1e-3); // junction leakage and gmin are far below 1e-3
    }

    [Fact]
    public void When_DeviceNetlistsRunFromZero_Expect_ConvergenceWithoutNodesets()
    {
        foreach (var file in Directory.GetFiles(DeviceIncludes.Folder, "*.cir"))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain(".nodeset", text, StringComparison.OrdinalIgnoreCase);
            var results = NetlistRun.RunAll(NetlistReader.ReadFile(file));
            Assert.NotEmpty(results);
        }
    }

    [Fact]
    public void When_TemperatureRaised_Expect_DiodeDropFallsAndBjtCurrentRises()
    {
        var cold = NetlistRun.RunAll(NetlistReader.ReadFile(Path.Combine(DeviceIncludes.Folder, "temperature_27.cir")))[0];
        var hot = NetlistRun.RunAll(NetlistReader.ReadFile(Path.Combine(DeviceIncludes.Folder, "temperature_85.cir")))[0];

        Assert.InRange(cold.Value("v(a)") - hot.Value("v(a)"), 0.08, 0.15); // about -2 mV/K over 58 K
        Assert.True(hot.Value("v(c)") < cold.Value("v(c)"), "beta and is rise with temperature: more collector current");
    }

    [Fact]
    public void When_OpAmpModelGenerated_Expect_GainAndPoleFromParameters()
    {
        var amp = new OpAmpModel { Gain = 2e4, GainBandwidth = 4e6 };
        var netlist = $"t\n{amp.ToSubcircuit()}vin in 0 dc 10u ac 1\nx1 in 0 out opamp\nrl out 0 1meg\n.op\n.end\n";
        var op = Op(netlist);

        Assert.Equal(200.0, amp.DominantPole, 9);
        // the gain node sits at A vin = 0.2 V; the output stage passes it through 5 tanh(v / 5), then rout into rl
        Assert.Equal(5 * Math.Tanh(10e-6 * 2e4 / 5) * 1e6 / (1e6 + 10), op.Value("v(out)"), 1e-12);
    }
}

public sealed class DeviceNetlistRoundTripTests
{
    public static TheoryData<string> Files => new(DeviceNetlistTests.Netlists.Keys);

    [Theory]
    [MemberData(nameof(Files))]
    public void When_DeviceNetlistWrittenAndReadBack_Expect_SameResults(string file)
    {
        var parsed = NetlistReader.ReadFile(Path.Combine(DeviceIncludes.Folder, file));
        var written = NetlistWriter.Write(parsed);
        var original = NetlistRun.RunAll(parsed);
        var again = NetlistRun.RunAll(NetlistReader.Parse(written));

        Assert.Equal(original.Count, again.Count);
        for (var k = 0; k < original.Count; k++)
        {
            foreach (var v in original[k].Vectors)
            {
                var w = again[k][v.Name].Real;
                Assert.Equal(v.Real.Length, w.Length);
                for (var i = 0; i < w.Length; i++)
                    Assert.True(Math.Abs(v.Real[i] - w[i]) <= 1e-12 * Math.Max(1, Math.Abs(v.Real[i])), $"{file} {v.Name}[{i}]: {v.Real[i]} vs {w[i]}\n{written}");
            }
        }
    }
}
