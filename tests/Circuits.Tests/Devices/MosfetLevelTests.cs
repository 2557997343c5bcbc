using Hwsim.Circuits.Devices;
using Hwsim.Circuits.Netlist;

namespace Hwsim.Circuits.Tests.Devices;

/// <summary>
/// The MOSFET levels on a model card: LEVEL picks the parameter set wherever it stands (levels 1 and 3), a level we
/// do not implement and a parameter of another level are refused at file:line:column. The level-3 currents
/// themselves are checked against ngspice 39 by DeviceNetlistTests (mos3_iv.cir, mos3_inverter.cir).
/// </summary>
public sealed class MosfetLevelTests
{
    private static NetlistException Fails(string model) =>
        Assert.Throws<NetlistException>(() => NetlistReader.Parse($"t\nv1 d 0 1\nm1 d d 0 0 nm\n{model}\n.op\n.end\n", "bad.cir"));

    [Theory]
    [InlineData(".model nm NMOS(level=2 vto=0.7)", "bad.cir:4:16: .model nm: MOSFET level 2 is not supported (supported: 1 and 3)")]
    [InlineData(".model nm NMOS(vto=0.7 level=6)", "bad.cir:4:24: .model nm: MOSFET level 6 is not supported (supported: 1 and 3)")]
    [InlineData(".model nm NMOS(level=3 vto=0.7 lambda=0.02)", "bad.cir:4:32: .model nm: unknown or unsupported NMOS level-3 parameter 'lambda'")]
    [InlineData(".model nm PMOS(theta=0.1 level=3 ucrit=1e4)", "bad.cir:4:34: .model nm: unknown or unsupported PMOS level-3 parameter 'ucrit'")]
    [InlineData(".model nm NMOS(vto=0.7 theta=0.1)", "bad.cir:4:24: .model nm: unknown or unsupported NMOS parameter 'theta'")]
    public void When_ParameterOrLevelNotOurs_Expect_OneLineNamingIt(string model, string message)
    {
        Assert.Equal(message, Fails(model).Message);
    }

    [Fact]
    public void When_LevelGivenAfterItsParameters_Expect_Level3ModelWithThem()
    {
        var circuit = NetlistReader.Parse("t\nv1 d 0 1\nm1 d d 0 0 nm\n.model nm NMOS(theta=0.1 eta=0.05 vmax=1e5 level=3 nfs=1e11)\n.op\n.end\n", "ok.cir");
        var model = Assert.Single(circuit.Circuit.OfType<MosfetModel>());
        Assert.Equal(3, model.Level);
        Assert.Equal((0.1, 0.05, 1e5, 1e11), (model.Theta, model.Eta, model.MaxDriftVelocity, model.FastSurfaceStateDensity));
        Assert.Equal(0.33, model.BulkJunctionSideGradingCoeff);   // mos3set.c's MJSW default (level 1: 0.5)
        Assert.Equal(0.2, model.Kappa);
    }
}
