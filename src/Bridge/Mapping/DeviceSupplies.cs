using Hwsim.Circuits.Blocks;

namespace Hwsim.Bridge.Mapping;

/// <summary>
/// The supplies of the device level, one named pair of sources per block kind, so the current through each is that
/// kind's power: row drivers of the crossbars (<c>xbar</c>), the TIAs and adders (<c>amp</c>), the activations
/// (<c>act</c>), the Gilbert multipliers (<c>mul</c>, with its 3 V bias rail) and the sample-and-holds (<c>hold</c>).
/// The voltages are those each block was designed and characterised for (netlists/blocks/README.md).
/// </summary>
public sealed record DeviceSupplies(SupplyRails Crossbar, SupplyRails Amplifier, SupplyRails Activation, SupplyRails Multiplier, SupplyRails Hold)
{
    public static DeviceSupplies Default { get; } = new(
        new SupplyRails("xbar", 5, -5),
        new SupplyRails("amp", 12, -12),
        new SupplyRails("act", 5, -5),
        new SupplyRails("mul", 10, -5, bias: 3),
        new SupplyRails("hold", 5, -5));

    public IReadOnlyList<SupplyRails> All => new[] { Crossbar, Amplifier, Activation, Multiplier, Hold };
}
