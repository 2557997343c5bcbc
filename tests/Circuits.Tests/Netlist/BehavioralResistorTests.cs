using Hwsim.Circuits.Netlist;
using Hwsim.TestSupport;

namespace Hwsim.Circuits.Tests.Netlist;

/// <summary>
/// A resistor whose value reads node voltages (<c>R n1 n2 r = {expr}</c>) becomes, as in ngspice (inpcom.c), the
/// B source i = v(n1,n2) / (expr) * m with its tc1/tc2 dividing (reciproctc=1). Checked against the closed form
/// (1e-12 relative) and against ngspice 39 on .op, .dc and .ac (the comparer's 1e-6 relative + 1 nV / 1 pA).
/// </summary>
public sealed class BehavioralResistorTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string Netlist = """
        behavioural resistor
        v0 9 0 dc 0.5
        v1 1 0 dc 2 ac 1
        r2 1 2 r={1k + 500*v(9)} tc1=0.001 tc2=1e-6
        v2 2 0 0
        r3 1 3 {2k*(1+v(1))} m=2
        v3 3 0 0
        .temp 60
        .op
        .dc v1 0 4 1
        .ac lin 1 1k 1k
        .end
        """;

    [Fact]
    public void When_ResistanceReadsVoltages_Expect_OhmsLawWithThatResistance()
    {
        var op = NetlistRun.RunAll(NetlistReader.Parse(Netlist, "br.cir"))[0];

        var factor = 1 + 0.001 * 33 + 1e-6 * 33 * 33;
        Assert.Equal(2 / (1250 * factor), op.Value("i(v2)"), 1e-12 * 2 / 1250);
        Assert.Equal(2 * 2 / (2000 * 3.0), op.Value("i(v3)"), 1e-12);
    }

    [NgspiceFact]
    public void When_BehavioralResistorRunInBothEngines_Expect_AgreementTo1e6()
    {
        BothEngines.AssertAgree(BothEngines.RunText(Netlist, "br.cir"), output: output);
    }

    [Theory]
    [InlineData("r2 1 0 r={1k + v(1)} tce=1", 22, "'tce=' is not supported on a behavioural resistor")]
    [InlineData("r2 1 0 {1k + v(1)} rm", 20, "unexpected 'rm'")]
    [InlineData("r2 1 0 {1k + v(1) +}", 9, "in '1k + v(1) +'")]
    public void When_BehavioralResistorBad_Expect_FileLineColumn(string card, int column, string message)
    {
        var e = Assert.Throws<NetlistException>(() => NetlistReader.Parse($"t\nv1 1 0 1\n{card}\n.op\n", "bad.cir"));

        Assert.Equal(new SourceLocation("bad.cir", 3, column), e.Location);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }
}
