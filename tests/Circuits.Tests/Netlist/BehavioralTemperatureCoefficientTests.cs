using Hwsim.Circuits.Netlist;
using Hwsim.TestSupport;

namespace Hwsim.Circuits.Tests.Netlist;

/// <summary>
/// B-source <c>tc1= tc2= temp= dtemp= reciproctc=</c> (ngspice's asrc): the value and its derivatives scaled by
/// 1 + tc1 d + tc2 d^2, d = T - 300.15 K, T the instance temperature (the circuit's plus dtemp, or temp), divided by
/// it with reciproctc=1. Checked against the closed form (1e-12 relative) and against ngspice 39 on a .dc temp sweep
/// and an .ac (the comparer's 1e-6 relative + 1 nV / 1 pA).
/// </summary>
public sealed class BehavioralTemperatureCoefficientTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string Netlist = """
        B-source temperature coefficients
        v1 1 0 dc 2 ac 1
        b1 2 0 v=v(1)*v(1) tc1=0.002 tc2=1e-5
        r1 2 0 1k
        b2 3 0 i=v(1) tc1=-0.001 dtemp=10
        r2 3 0 1k
        b3 4 0 v='3*v(1)' tc1=0.01 temp=60
        r3 4 0 1k
        .param k=0.004
        b4 5 0 i=v(1)/2 tc1={k} tc2=2e-5 reciproctc=1
        r4 5 0 1k
        .temp 80
        .dc temp -20 120 35
        .ac lin 1 1k 1k
        .end
        """;

    private static double Factor(double d, double tc1, double tc2) => 1 + tc1 * d + tc2 * d * d;

    [Fact]
    public void When_TemperatureCoefficientsGiven_Expect_ValueScaledByTheClosedForm()
    {
        var dc = NetlistRun.RunAll(NetlistReader.Parse(Netlist, "tc.cir"))[0];

        for (var i = 0; i < dc.Points; i++)
        {
            var d = dc.Scale!.Real[i] - 27;
            Assert.Equal(4 * Factor(d, 0.002, 1e-5), dc["v(2)"].Real[i], 1e-12 * 4);
            // the current flows from n+ through the source to n-, so out of node 3 into the source
            Assert.Equal(-2 * Factor(d + 10, -0.001, 0) * 1000, dc["v(3)"].Real[i], 1e-12 * 2000);
            Assert.Equal(6 * Factor(60 - 27, 0.01, 0), dc["v(4)"].Real[i], 1e-12 * 6);
            Assert.Equal(-1 / Factor(d, 0.004, 2e-5) * 1000, dc["v(5)"].Real[i], 1e-12 * 1000);
        }
    }

    [NgspiceFact]
    public void When_TemperatureCoefficientsRunInBothEngines_Expect_AgreementTo1e6()
    {
        BothEngines.AssertAgree(BothEngines.RunText(Netlist, "tc.cir"), output: output);
    }

    [Theory]
    [InlineData("b1 2 0 v=v(1) tc1=abc", 19, "expected tc1")]
    [InlineData("b1 2 0 v=v(1) tc2={1+} tc1=1", 22, "in '1+'")]
    public void When_TemperatureCoefficientBad_Expect_FileLineColumn(string card, int column, string message)
    {
        var e = Assert.Throws<NetlistException>(() => NetlistReader.Parse($"t\nv1 1 0 1\n{card}\n.op\n", "bad.cir"));

        Assert.Equal(new SourceLocation("bad.cir", 3, column), e.Location);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void When_SourceWritten_Expect_CoefficientsRoundTrip()
    {
        var source = new Hwsim.Circuits.Devices.BehavioralSource("b1", "2", "0", Hwsim.Circuits.Devices.BehavioralSourceKind.Voltage, "v(1)")
        {
            Tc1 = 0.002,
            Tc2 = 1e-5,
            DeltaTemperature = 10,
            ReciprocalTemperatureFactor = true,
        };

        Assert.Equal("b1 2 0 V = v(1) tc1=0.002 tc2=1E-05 dtemp=10 reciproctc=1", source.ToNetlist());
    }
}
