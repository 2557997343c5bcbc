using Hwsim.Circuits.Devices;

namespace Hwsim.Circuits.Blocks;

/// <summary>
/// The inverting transimpedance amplifier that reads a crossbar column, ports <c>in out</c>: it holds <c>in</c> at
/// (virtual) ground and gives out = -Rf * I, I being the current flowing into <c>in</c>.
/// Ideal: a 0 V current sense and a current-controlled voltage source (exact). Macro: the op-amp macro-model with a
/// feedback resistor (finite gain, output rails, gain-bandwidth). Device: the same macro-model (there is no
/// transistor-level op-amp), so the bridge can ask every block for the device level.
/// <para>Characterised (hwsim block tia, Rf = 50 k): ideal exact, macro within 3.5e-5 of -x over x in [-3, 3] (x: the
/// current in units of Vs/Rf); the finite gain costs (1 + Rf/Rsource)/A.</para>
/// </summary>
public static class TransimpedanceAmplifier
{
    /// <summary>The TIA; at the device level with a <paramref name="supply"/> its op-amp is powered from the ports <c>vcc vee</c>.</summary>
    public static SubcircuitText Create(string name, FidelityLevel level, double transresistance, OpAmpModel? opamp = null, SupplyRails? supply = null)
    {
        if (!(transresistance > 0)) throw new ArgumentException($"{name}: the transresistance must be positive");
        var rf = SubcircuitText.Num(transresistance);
        switch (level)
        {
            case FidelityLevel.Ideal:
                return new SubcircuitText(name, new[] { "in", "out" }, $"ideal TIA: virtual ground, out = -{rf} ohm * i(in)")
                    .Add("vsense in 0 dc 0")
                    .Add($"hout out 0 vsense -{rf}");
            case FidelityLevel.Device when supply is not null:
            {
                var model = supply.OpAmpFor(opamp);
                var s = new SubcircuitText(name, new[] { "in", "out" }.Concat(supply.Ports),
                        $"TIA: powered op-amp macro-model (A = {SubcircuitText.Num(model.Gain)}, Iq = {SubcircuitText.Num(model.QuiescentCurrent)} A) with {rf} ohm feedback")
                    .Add($"xop 0 in out vcc vee {model.Name}")
                    .Add($"rf in out {rf}");
                s.Dependencies.Add(SupplyRails.PoweredOpAmpText(model));
                return s;
            }
            default:
            {
                var model = opamp ?? new OpAmpModel();
                var s = new SubcircuitText(name, new[] { "in", "out" },
                    $"TIA: op-amp macro-model (A = {SubcircuitText.Num(model.Gain)}) with {rf} ohm feedback")
                    .Add($"xop 0 in out {model.Name}")
                    .Add($"rf in out {rf}");
                s.Dependencies.Add(OpAmpText(model));
                return s;
            }
        }
    }

    /// <summary>The op-amp macro-model as a dependency block.</summary>
    internal static SubcircuitText OpAmpText(OpAmpModel model)
    {
        // The model writes its own sub-circuit text; wrap it so it is emitted once, before its users.
        return SubcircuitText.Raw(model.Name, model.ToSubcircuit());
    }
}
