using Hwsim.Circuits.Devices;

namespace Hwsim.Circuits.Blocks;

/// <summary>
/// Device-level ReLU, ports <c>in out</c>: a precision half-wave rectifier ("superdiode") and an output buffer.
/// The first op-amp drives a signal diode whose cathode <c>k</c> feeds back to its inverting input, so for
/// v(in) &gt; 0 the loop forces v(k) = v(in) (the diode drop divided by the loop gain); for v(in) &lt; 0 the op-amp
/// swings to its negative rail, the diode blocks and the 10 k load holds <c>k</c> at 0 V. A voltage follower makes
/// <c>out</c> low-impedance in both regions: out = max(in, 0) = Vs relu(x).
/// <para>
/// Stated range and error: x in [-3, 3] (volts at Vs = 1; the op-amp rails, +/-5 V by default, bound it), within 1 %
/// of full scale (3); measured below 0.01 %. Off 27 C only the diode drop changes, which the loop removes.
/// </para>
/// </summary>
public static class PrecisionRectifier
{
    /// <summary>The load that holds the rectifier's output at 0 V while the diode blocks (ohm).</summary>
    public const double LoadResistance = 10e3;

    /// <summary>With a <paramref name="supply"/>, the op-amps are powered from the ports <c>vcc vee</c>.</summary>
    public static SubcircuitText Create(string name, OpAmpModel? opamp = null, SupplyRails? supply = null)
    {
        var model = supply is null ? opamp ?? new OpAmpModel() : supply.OpAmpFor(opamp);
        var pins = supply is null ? "" : " vcc vee";
        var s = new SubcircuitText(name, supply is null ? new[] { "in", "out" } : new[] { "in", "out" }.Concat(supply.Ports).ToArray(),
            $"device relu: precision half-wave rectifier (op-amp {model.Name}, diode, {SubcircuitText.Num(LoadResistance)} ohm load) and a follower: out = max(in, 0)");
        s.Add(DeviceModels.Diode);
        s.Add($"xrect in k a{pins} {model.Name}");
        s.Add("d1 a k dsig");
        s.Add($"rload k 0 {SubcircuitText.Num(LoadResistance)}");
        s.Add($"xbuf k out out{pins} {model.Name}");
        s.Dependencies.Add(supply is null ? TransimpedanceAmplifier.OpAmpText(model) : SupplyRails.PoweredOpAmpText(model));
        return s;
    }
}
