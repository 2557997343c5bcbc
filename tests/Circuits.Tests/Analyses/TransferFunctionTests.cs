using Hwsim.Circuits.Netlist;

namespace Hwsim.Circuits.Tests.Analyses;

/// <summary>
/// <c>.tf</c> against closed forms (ngspice 39 itself is held line by line in netlists/control/tf.cir by
/// ControlNetlistTests): a divider's gain, input and output resistance, and a current output's.
/// </summary>
public sealed class TransferFunctionTests
{
    [Fact]
    public void When_Divider_Expect_GainInputAndOutputResistance()
    {
        var result = NetlistRun.RunAll(NetlistReader.Parse("d\nvin 1 0 dc 1\nr1 1 2 1k\nr2 2 0 3k\n.tf v(2) vin\n.end\n", "d.cir")).Single();

        Assert.Equal(["Transfer_function", "output_impedance_at_V(2)", "vin#Input_impedance"], result.Vectors.Select(v => v.Name));
        Assert.Equal(0.75, result.Value("Transfer_function"), 1e-14);
        Assert.Equal(750, result.Value("output_impedance_at_V(2)"), 1e-10);
        Assert.Equal(4000, result.Value("vin#Input_impedance"), 1e-10);
    }

    [Fact]
    public void When_CurrentInputAndCurrentOutput_Expect_CurrentGainAndResistances()
    {
        // i1 drives 1k || (2k + vout): the share through vout is 1k / 3k. The output impedance is ngspice's
        // 1 / max(1e-20, i) for a unit voltage in vout, whose current is -1/3k: 1e20, as ngspice 39 reports.
        var result = NetlistRun.RunAll(NetlistReader.Parse("c\ni1 0 1 dc 1m\nr1 1 0 1k\nr2 1 2 2k\nvout 2 0 dc 0\n.tf i(vout) i1\n.end\n", "c.cir")).Single();

        Assert.Equal(1.0 / 3, result.Value("Transfer_function"), 1e-14);
        Assert.Equal(1000.0 * 2000 / 3000, result.Value("i1#Input_impedance"), 1e-9);
        Assert.Equal(1e20, result.Value("vout#Output_impedance"));
    }

    [Theory]
    [InlineData(".tf v(2) r1", "the input r1 must name an independent voltage or current source")]
    [InlineData(".tf i(r1) vin", "i(r1) must name a voltage source")]
    [InlineData(".tf q(2) vin", "expected the output v(node), v(node,ref) or i(vsource), got 'q'")]
    public void When_TfCardMalformed_Expect_FileLineColumn(string card, string message)
    {
        var e = Assert.Throws<NetlistException>(() => NetlistReader.Parse($"bad\nvin 1 0 1\nr1 1 2 1k\nr2 2 0 1k\n{card}\n.end\n", "bad.cir"));

        Assert.Contains("bad.cir:5:", e.Message, StringComparison.Ordinal);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }
}
