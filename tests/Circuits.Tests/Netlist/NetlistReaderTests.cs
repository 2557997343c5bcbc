using Hwsim.Circuits.Analyses;
using Hwsim.Circuits.Devices;
using Hwsim.Circuits.Netlist;

namespace Hwsim.Circuits.Tests.Netlist;

public class NetlistReaderTests
{
    private static ParsedNetlist Parse(string text) => NetlistReader.Parse(text, "test.cir");

    [Fact]
    public void When_SuffixesCommentsAndContinuation_Expect_ValuesAndOneCard()
    {
        var n = Parse("""
            title line R1 is not an element
            * a comment
            R1 a 0 2.2k ; inline comment
            R2 a
            + b 10meg $ dollar comment
            C1 b 0 1u
            V1 a 0 DC 1.5
            .op
            .end
            R9 after the end is ignored
            """);
        Assert.Equal("title line R1 is not an element", n.Title);
        Assert.Equal(2200, ((Resistor)n.Circuit["r1"]).Resistance, 9);
        Assert.Equal(10e6, ((Resistor)n.Circuit["r2"]).Resistance, 3);
        Assert.Equal(1e-6, ((Capacitor)n.Circuit["c1"]).Capacitance);
        Assert.Equal(1.5, ((VoltageSource)n.Circuit["v1"]).Dc);
        Assert.False(n.Circuit.Contains("r9"));
        Assert.Single(n.Analyses);
    }

    [Fact]
    public void When_ParamsAndExpressions_Expect_EvaluatedInOrder()
    {
        var n = Parse("""
            params
            .param rbase=1k gain={2*rbase}
            .param half='gain/2'
            .func twice(x) = 2*x
            R1 a 0 {half}
            R2 a 0 {twice(rbase) + 1}
            R3 a 0 r={rbase}
            V1 a 0 1
            .end
            """);
        Assert.Equal(1000, ((Resistor)n.Circuit["r1"]).Resistance, 9);
        Assert.Equal(2001, ((Resistor)n.Circuit["r2"]).Resistance, 9);
        Assert.Equal(1000, ((Resistor)n.Circuit["r3"]).Resistance, 9);
    }

    [Fact]
    public void When_SubcircuitsNested_Expect_NgspiceFlattenedNames()
    {
        var n = Parse("""
            nested
            .subckt inner a b params: r=1k
            R1 a mid {r}
            R2 mid b {r}
            .ends inner
            .subckt outer p q params: k=2
            X1 p m inner r={k*1k}
            Vs m q 0
            .ends
            V1 in 0 1
            XA in 0 outer k=3
            .op
            .end
            """);
        Assert.True(n.Circuit.Contains("r.xa.x1.r1"));
        var r1 = (Resistor)n.Circuit["r.xa.x1.r1"];
        Assert.Equal(3000, r1.Resistance, 9);
        Assert.Equal(new[] { "in", "xa.x1.mid" }, r1.Nodes);
        var vs = (VoltageSource)n.Circuit["v.xa.vs"];
        Assert.Equal(new[] { "xa.m", "0" }, vs.Nodes);
        var result = NetlistRun.RunAll(n)[0];
        Assert.Equal(0.5, result.Value("v(xa.x1.mid)"), 12);
        Assert.True(result.TryGet("i(v.xa.vs)", out _));
    }

    [Fact]
    public void When_ControlBlockPresent_Expect_ItsLinesKeptAsWrittenForTheControlSession()
    {
        var n = Parse("""
            control
            V1 a 0 1
            R1 a 0 1k
            .control
            run
            plot v(a)
            .endc
            .op
            .end
            """);
        Assert.Equal(["run", "plot v(a)"], n.ControlLines.Select(l => l.Text.Trim()));
        Assert.Equal(6, n.ControlLines[1].Location.Line);
        Assert.Single(n.Analyses);
        Assert.Empty(n.Warnings);
    }

    [Fact]
    public void When_IncludeUsed_Expect_ModelsFromIncludedFile()
    {
        var dir = Directory.CreateTempSubdirectory("hwsim-inc").FullName;
        File.WriteAllText(Path.Combine(dir, "m.inc"), ".model dx D(is=2e-14 n=1.5)\n");
        File.WriteAllText(Path.Combine(dir, "top.cir"), "top\n.include m.inc\nD1 a 0 dx\nV1 a 0 0.6\n.op\n.end\n");
        var n = NetlistReader.ReadFile(Path.Combine(dir, "top.cir"));
        Assert.Equal(2e-14, ((DiodeModel)n.Circuit["dx"]).SaturationCurrent);
    }

    [Fact]
    public void When_AnalysesAndOptionsGiven_Expect_Parsed()
    {
        var n = Parse("""
            analyses
            V1 a 0 dc 0 ac 1 45 sin(0 1 1k)
            R1 a b 1k
            C1 b 0 1n ic=0.5
            .options reltol=1e-4 method=gear maxord=2 gmin=1e-13
            .temp 85
            .ic v(b)=0.25
            .op
            .dc v1 0 1 0.1
            .ac oct 10 1 1meg
            .tran 1u 1m 0 10u uic
            .end
            """);
        Assert.Equal(1e-4, n.Options.RelTol);
        Assert.Equal(Hwsim.Circuits.Simulation.IntegrationMethod.Gear, n.Options.Method);
        Assert.Equal(85, n.Options.Temperature);
        Assert.Equal(0.25, n.InitialConditions["b"]);
        Assert.Collection(n.Analyses,
            a => Assert.IsType<OperatingPointAnalysis>(a),
            a => Assert.Equal(".dc v1 0 1 0.1", a.ToNetlist()),
            a => Assert.Equal(".ac oct 10 1 1000000", a.ToNetlist()),
            a => Assert.Equal(".tran 1E-06 0.001 0 1E-05 uic", a.ToNetlist()));
        var v1 = (VoltageSource)n.Circuit["v1"];
        Assert.Equal(45, v1.AcPhase);
        Assert.IsType<SineWaveform>(v1.Waveform);
    }

    [Fact]
    public void When_WrittenAndReadBack_Expect_SameCircuitAndResults()
    {
        var text = """
            round trip
            .param r=2k
            .model dm D(is=1e-15 n=1.2 rs=5 cjo=2p)
            .subckt cell in out
            R1 in out {r}
            D1 out 0 dm
            .ends
            V1 a 0 pulse(0 2 1n 1n 1n 20n 50n)
            X1 a b cell
            C1 b 0 10p
            .options reltol=1e-4
            .op
            .tran 0.5n 100n
            .end
            """;
        var first = Parse(text);
        var written = NetlistWriter.Write(first);
        var second = Parse(written);
        Assert.Equal(first.Circuit.Select(e => e.ToNetlist()), second.Circuit.Select(e => e.ToNetlist()));
        var r1 = NetlistRun.RunAll(first);
        var r2 = NetlistRun.RunAll(second);
        Assert.Equal(r1[1]["v(b)"].Real, r2[1]["v(b)"].Real);
    }
}
