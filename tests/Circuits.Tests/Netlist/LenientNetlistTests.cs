using Hwsim.Circuits.Devices;
using Hwsim.Circuits.Netlist;
using Hwsim.TestSupport;

namespace Hwsim.Circuits.Tests.Netlist;

/// <summary>
/// Where ngspice reads a netlist leniently, so does hwsim: what it does not apply is a warning naming file, line and
/// column, never an error and never silent.
/// </summary>
public sealed class LenientNetlistTests
{
    private static ParsedNetlist Parse(string text) => NetlistReader.Parse(text, "lenient.cir");

    [Fact]
    public void When_UnknownOptions_Expect_WarningsNamingLineAndColumn()
    {
        var n = Parse("""
            options
            .options lvlcod=2 reltol=1e-4 frobnicate=3 rshunt=1e9 foo
            r1 a 0 1k
            v1 a 0 1
            .end
            """);

        Assert.Equal(1e-4, n.Options.RelTol);
        Assert.Contains(n.Notes, x => x.StartsWith("lenient.cir:2:10: option lvlcod ignored", StringComparison.Ordinal));
        Assert.Contains(n.Warnings, x => x.StartsWith("lenient.cir:2:31: .options: option 'frobnicate' is not applied", StringComparison.Ordinal));
        Assert.Contains(n.Warnings, x => x.StartsWith("lenient.cir:2:44: .options: option 'rshunt'", StringComparison.Ordinal));
        Assert.Contains(n.Warnings, x => x.StartsWith("lenient.cir:2:55: .options: option 'foo'", StringComparison.Ordinal));
        Assert.Equal(3, n.Warnings.Count);
    }

    [Fact]
    public void When_Itl6Given_Expect_SourceSteps()
    {
        var n = Parse("itl6\n.options itl6=7\nr1 a 0 1\nv1 a 0 1\n.end\n");

        Assert.Equal(7, n.Options.SourceSteps);
        Assert.Empty(n.Warnings);
    }

    [Fact]
    public void When_KeywordFormsAndDistortionSpec_Expect_ValuesAndOneWarning()
    {
        var n = Parse("""
            sources
            v1 1 0 dc=0.5 ac=2 45 DISTOF1 0.1 30
            v2 2 0 dc = 1 ac = 3
            i1 3 0 ac=1m distof2 0.2
            r1 1 0 1k
            r2 2 0 1k
            r3 3 0 1k
            .end
            """);

        var v1 = (VoltageSource)n.Circuit["v1"];
        Assert.Equal(0.5, v1.Dc);
        Assert.Equal(2, v1.AcMagnitude);
        Assert.Equal(45, v1.AcPhase);
        var v2 = (VoltageSource)n.Circuit["v2"];
        Assert.Equal(1, v2.Dc);
        Assert.Equal(3, v2.AcMagnitude);
        Assert.Equal(1e-3, ((CurrentSource)n.Circuit["i1"]).AcMagnitude);
        Assert.Equal(2, n.Warnings.Count);
        Assert.StartsWith("lenient.cir:2:23: v1: DISTOF1 ignored", n.Warnings[0], StringComparison.Ordinal);
        Assert.StartsWith("lenient.cir:4:14: i1: DISTOF2 ignored", n.Warnings[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{max(1, 5, 3)}", 5)]
    [InlineData("{min(4, 2, 3, 7)}", 2)]
    [InlineData("{max(1, min(9, 4, 8), 2) + 1}", 5)]
    public void When_MinMaxOfMoreThanTwo_Expect_AllArgumentsAndAWarning(string value, double expected)
    {
        var n = Parse($"minmax\nv1 a 0 {value}\nr1 a 0 1\n.end\n");

        Assert.Equal(expected, ((VoltageSource)n.Circuit["v1"]).Dc);
        Assert.NotEmpty(n.Warnings);
        Assert.All(n.Warnings, w => Assert.Matches(@"^lenient\.cir:2:1: m(ax|in)\(\) with [34] arguments: hwsim takes the", w));
    }

    [Fact]
    public void When_BehaviouralSourceUsesTernaryMax_Expect_ItEvaluatesAll()
    {
        var n = Parse("bmax\nv1 a 0 2\nb1 b 0 v = max(v(a), 1, 3*v(a))\nr1 b 0 1\n.op\n.end\n");
        var op = NetlistRun.RunAll(n)[0];

        Assert.Equal(6, op.Value("v(b)"), 12);
    }

    [Fact]
    public void When_ResistorModelGivesInstanceDefaultsAndGeometry_Expect_NgspiceResistance()
    {
        var n = Parse("""
            rmodel
            r1 a 0 myres
            r2 a 0 rpoly l=20u w=2u
            r3 a 0 rpoly
            r4 a 0 rnone
            v1 a 0 1
            .model myres r(resistance=2k)
            .model rpoly r rsh=100 narrow=0.1u short=0.5u defw=4u l=12u
            .model rnone r tc1=1m
            .end
            """);

        Assert.Equal(2000, ((Resistor)n.Circuit["r1"]).Resistance, 9);
        Assert.Equal((20e-6 - 1e-6) / (2e-6 - 0.2e-6) * 100, ((Resistor)n.Circuit["r2"]).Resistance, 9);
        Assert.Equal((12e-6 - 1e-6) / (4e-6 - 0.2e-6) * 100, ((Resistor)n.Circuit["r3"]).Resistance, 9);
        Assert.Equal(1e-3, ((Resistor)n.Circuit["r4"]).Resistance, 12);
        Assert.Contains(n.Warnings, w => w.StartsWith("lenient.cir:5:1: r4: resistance too low or not given, set to 1 mOhm", StringComparison.Ordinal));
    }

    [Fact]
    public void When_GeometryWithoutModel_Expect_LocatedError()
    {
        var e = Assert.Throws<NetlistException>(() => Parse("geo\nr1 a 0 1k l=2u\nv1 a 0 1\n.end\n"));

        Assert.StartsWith("lenient.cir:2:1: r1: l= and w= need a resistor model", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void When_DiodeFlickerNoiseGiven_Expect_Accepted()
    {
        var n = Parse("dkf\nd1 a 0 dn\nv1 a 0 0.6\n.model dn d is=1e-14 kf=1e-16 af=1.2\n.end\n");

        var model = (DiodeModel)n.Circuit["dn"];
        Assert.Equal(1e-16, model.FlickerCoefficient);
        Assert.Equal(1.2, model.FlickerExponent);
    }

    /// <summary>The keyword forms and an ignored DISTOF give ngspice's numbers: AC through a divider with ac= resistance.</summary>
    [NgspiceFact]
    public void When_KeywordFormsRunInBothEngines_Expect_Agreement()
    {
        var run = BothEngines.RunText("""
            keyword forms
            .options lvlcod=2
            v1 1 0 dc=2 ac=1 DISTOF1 0.1 0
            i1 0 2 dc = 1m ac = 2m
            r1 1 2 1k ac=4k
            r2 2 0 2k
            .op
            .ac dec 2 10 1meg
            .end
            """, "keyword.cir");

        BothEngines.AssertAgree(run);
    }

    /// <summary>A <c>.func</c> of no arguments (ngspice's regression func-1 uses one); built-in functions still need theirs.</summary>
    [NgspiceFact]
    public void When_FuncWithoutArguments_Expect_NgspicesValue()
    {
        var run = BothEngines.RunText("""
            zero-argument func
            .func foo0() '1013.0'
            .func twice(x) '2*x'
            v1 1 0 '100*foo0()'
            v2 2 0 'twice(foo0()) + foo0()'
            r1 1 0 1k
            r2 2 0 1k
            .op
            .end
            """, "func0.cir");

        BothEngines.AssertAgree(run);
        Assert.Equal(101300, run.Ours[0]["v(1)"].Real[0]);
        Assert.Equal(3039, run.Ours[0]["v(2)"].Real[0]);
    }
}
