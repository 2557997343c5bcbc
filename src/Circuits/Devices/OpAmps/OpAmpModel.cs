using System.Text;

namespace Hwsim.Circuits.Devices;

/// <summary>
/// An op-amp macro-model as a sub-circuit <c>NAME inp inn out</c> that ngspice reads unchanged: input resistance
/// between the inputs, a transconductance into an R-C node that sets the open-loop gain and the dominant pole
/// (f_p = GBW / A), and an output stage whose voltage saturates smoothly (tanh) between the rails, behind the output
/// resistance. Without overdrive it is linear: v(out) = A v(inp, inn) / (1 + s / (2 pi f_p)), loaded by Rout.
/// <code>
/// var tia = new OpAmpModel { Gain = 1e5, GainBandwidth = 10e6 };
/// File.WriteAllText("opamp.inc", tia.ToSubcircuit());
/// </code>
/// </summary>
public sealed record OpAmpModel
{
    public string Name { get; init; } = "opamp";
    /// <summary>DC open-loop gain A (V/V).</summary>
    public double Gain { get; init; } = 1e5;
    /// <summary>Gain-bandwidth product (Hz): the unity-gain frequency of the open loop.</summary>
    public double GainBandwidth { get; init; } = 1e6;
    /// <summary>Differential input resistance (ohm).</summary>
    public double InputResistance { get; init; } = 1e12;
    /// <summary>Output resistance (ohm).</summary>
    public double OutputResistance { get; init; } = 10;
    /// <summary>Upper output rail (V).</summary>
    public double PositiveRail { get; init; } = 5;
    /// <summary>Lower output rail (V).</summary>
    public double NegativeRail { get; init; } = -5;

    /// <summary>
    /// Quiescent supply current (A) of the powered form (<see cref="ToPoweredSubcircuit"/>): what the internal stages
    /// draw from the positive to the negative supply pin whatever the output does. 0.5 mA is of the order of a
    /// general-purpose 10 MHz op-amp (0.2 - 2 mA).
    /// </summary>
    public double QuiescentCurrent { get; init; } = 0.5e-3;

    /// <summary>The dominant pole f_p = GBW / A (Hz).</summary>
    public double DominantPole => GainBandwidth / Gain;

    /// <summary>The resistor of the gain node (ohm); its capacitor is 1 / (2 pi f_p R).</summary>
    public const double GainNodeResistance = 1e3;

    private static string N(double x) => NetlistNumber.Format(x);

    private void Validate()
    {
        if (!(Gain > 0) || !(GainBandwidth > 0) || !(InputResistance > 0) || !(OutputResistance > 0))
            throw new ArgumentException($"op-amp {Name}: gain, gain-bandwidth and resistances must be positive");
        if (!(PositiveRail > NegativeRail)) throw new ArgumentException($"op-amp {Name}: the positive rail must lie above the negative one");
    }

    /// <summary>The <c>.subckt NAME inp inn out</c> text.</summary>
    public string ToSubcircuit() => Text(powered: false);

    /// <summary>
    /// The powered form, <c>.subckt NAME inp inn out vcc vee</c>: the same amplifier with supply pins. A current
    /// source carries <see cref="QuiescentCurrent"/> from <c>vcc</c> to <c>vee</c>, and the output current comes
    /// from the rail it is sourced from: what the output sources is drawn from <c>vcc</c>, what it sinks is returned
    /// to <c>vee</c>, so that no net current flows to ground and the supplies carry the amplifier's whole power.
    /// The output rails stay those of the model (keep them inside the supplies). The gain node is clamped just beyond
    /// the rails, so an overdriven amplifier recovers within a slew time (the transients of the device level need it).
    /// </summary>
    public string ToPoweredSubcircuit()
    {
        if (!(QuiescentCurrent >= 0)) throw new ArgumentException($"op-amp {Name}: the quiescent current must not be negative");
        return Text(powered: true);
    }

    private string Text(bool powered)
    {
        Validate();
        var mid = (PositiveRail + NegativeRail) / 2;
        var half = (PositiveRail - NegativeRail) / 2;
        var gm = Gain / GainNodeResistance;
        var c = 1 / (2 * Math.PI * DominantPole * GainNodeResistance);
        var s = new StringBuilder();
        s.Append($"* op-amp macro-model: A = {N(Gain)}, GBW = {N(GainBandwidth)} Hz (pole {N(DominantPole)} Hz), rin = {N(InputResistance)}, rout = {N(OutputResistance)}, rails {N(NegativeRail)} .. {N(PositiveRail)} V\n");
        s.Append($".subckt {Name} inp inn out{(powered ? " vcc vee" : "")}\n");
        s.Append($"rin inp inn {N(InputResistance)}\n");
        s.Append($"ggain 0 gain inp inn {N(gm)}\n");
        s.Append($"rgain gain 0 {N(GainNodeResistance)}\n");
        s.Append($"cgain gain 0 {N(c)}\n");
        s.Append($"bout drive 0 V = {N(mid)} + {N(half)} * tanh((v(gain) - {N(mid)}) / {N(half)})\n");
        s.Append($"rout drive out {N(OutputResistance)}\n");
        if (powered)
        {
            // the output current (drive -> out) is taken from vcc when sourced and given to vee when sunk
            var iout = $"(v(drive) - v(out)) / {N(OutputResistance)}";
            // the gain node is clamped just beyond the swing (Boyle's clamp diodes, here a 1000 S conductance beyond
            // three half-swings from the middle, where the output is within 0.5 % of its rail), so an overdriven
            // amplifier (a precision rectifier on its negative half) recovers in a slew time instead of unwinding
            // A * v(in) volts through the 1/(2 pi f_p) time constant
            var hi = N(mid + 3 * half);
            var lo = N(mid - 3 * half);
            s.Append($"bclamp gain 0 I = 1000 * (max(v(gain) - {hi}, 0) + min(v(gain) - ({lo}), 0))\n");
            s.Append($"iq vcc vee dc {N(QuiescentCurrent)}\n");
            s.Append($"bsrc vcc 0 I = max({iout}, 0)\n");
            s.Append($"bsnk 0 vee I = max(-{iout}, 0)\n");
        }
        s.Append($".ends {Name}\n");
        return s.ToString();
    }
}
