using Hwsim.Circuits.Devices;

namespace Hwsim.Circuits.Blocks;

/// <summary>Parameters of <see cref="SampleHold"/>.</summary>
public sealed record SampleHoldOptions
{
    /// <summary>Hold capacitor of each stage (F).</summary>
    public double HoldCapacitance { get; init; } = 10e-12;
    /// <summary>
    /// Leakage resistance from each hold node to ground (ohm), standing for the switch junctions' leakage (macro and
    /// device levels; 10 G: 100 pA at 1 V). It makes the held value droop by v t / (R C) over a hold time t.
    /// </summary>
    public double LeakResistance { get; init; } = 10e9;
    /// <summary>On resistance of the macro level's voltage-controlled switch (ohm).</summary>
    public double SwitchResistance { get; init; } = 1e3;
    /// <summary>The buffers' op-amp macro-model (macro and device levels).</summary>
    public OpAmpModel? OpAmp { get; init; }
    /// <summary>
    /// Device level: the supply whose rails are the ports <c>vcc vee</c> (switch bulks, clock inverters and the
    /// powered op-amps), instead of the block's own +/-5 V sources.
    /// </summary>
    public SupplyRails? Supply { get; init; }
}

/// <summary>
/// Sample-and-hold, ports <c>in out phi1 phi2</c>, driven by a <see cref="TwoPhaseClock"/> (phases high = switch
/// closed). Two stages in master-slave: a switch closed during phi1 samples <c>in</c> onto a hold capacitor, whose
/// buffer feeds a second switch closed during phi2 onto a second capacitor and buffer, <c>out</c>. The phases never
/// overlap, so there is never a transparent path from in to out: out takes the value of <c>in</c> at the end of phi1
/// during phi2 and holds it for a period, while the first stage samples the next input (what a recurrent state needs).
/// <list type="bullet">
/// <item>Ideal: voltage-controlled switches (1 ohm on, 1e12 ohm off), VCVS buffers, no leakage.</item>
/// <item>Macro: switches of <see cref="SampleHoldOptions.SwitchResistance"/>, op-amp followers, leakage.</item>
/// <item>Device: CMOS transmission gates (level-1 NMOS and PMOS of equal size, bulks at +/-5 V) whose PMOS gates are
///   driven through a CMOS inverter from the phase, so the switches inject their channel charge (pedestal) and
///   couple the clock through their overlap capacitances; op-amp followers; leakage.</item>
/// </list>
/// Stated error (tested): with T = 20 us and inputs in [-2, 2], the value at the end of the hold is within 1e-3
/// (ideal), 2e-3 (macro) and 5e-3 (device) of the input at the end of phi1; the droop over a hold grows in
/// proportion to the hold time (leakage).
/// </summary>
public static class SampleHold
{
    /// <summary>
    /// Width of both transistors of a device-level transmission gate (m; L = 1 um). Equal widths make the NMOS and
    /// PMOS overlap capacitances, and their channel charges at mid-range, cancel when the gate opens.
    /// </summary>
    public const double SwitchWidth = 4e-6;

    private static string N(double x) => SubcircuitText.Num(x);

    public static SubcircuitText Create(string name, FidelityLevel level, SampleHoldOptions? options = null)
    {
        var o = options ?? new SampleHoldOptions();
        if (!(o.HoldCapacitance > 0) || !(o.LeakResistance > 0) || !(o.SwitchResistance > 0))
            throw new ArgumentException($"{name}: capacitance, leakage and switch resistance must be positive");
        var c = SubcircuitText.Num(o.HoldCapacitance);
        var leak = SubcircuitText.Num(o.LeakResistance);
        var ports = new[] { "in", "out", "phi1", "phi2" };
        var stages = new[] { (Input: "in", Hold: "h1", Buffer: "b1", Phase: "phi1"), (Input: "b1", Hold: "h2", Buffer: "out", Phase: "phi2") };
        switch (level)
        {
            case FidelityLevel.Ideal:
            {
                var s = new SubcircuitText(name, ports, $"ideal sample-and-hold (master-slave): ideal switches, {c} F, VCVS buffers");
                s.Add(".model swideal sw vt=0 vh=0 ron=1 roff=1e12");
                foreach (var (input, hold, buffer, phase) in stages)
                    s.Add($"s{hold} {input} {hold} {phase} 0 swideal").Add($"c{hold} {hold} 0 {c}").Add($"e{hold} {buffer} 0 {hold} 0 1");
                return s;
            }
            case FidelityLevel.Macro:
            {
                var model = o.OpAmp ?? new OpAmpModel();
                var s = new SubcircuitText(name, ports,
                    $"macro sample-and-hold (master-slave): switches of {SubcircuitText.Num(o.SwitchResistance)} ohm, {c} F, leakage {leak} ohm, op-amp followers");
                s.Add($".model swsh sw vt=0 vh=0 ron={SubcircuitText.Num(o.SwitchResistance)} roff=1e12");
                foreach (var (input, hold, buffer, phase) in stages)
                    s.Add($"s{hold} {input} {hold} {phase} 0 swsh").Add($"c{hold} {hold} 0 {c}").Add($"rleak{hold} {hold} 0 {leak}")
                        .Add($"x{hold} {hold} {buffer} {buffer} {model.Name}");
                s.Dependencies.Add(TransimpedanceAmplifier.OpAmpText(model));
                return s;
            }
            default:
            {
                var supply = o.Supply;
                var model = supply is null ? o.OpAmp ?? new OpAmpModel() : supply.OpAmpFor(o.OpAmp);
                var s = new SubcircuitText(name, supply is null ? ports : ports.Concat(supply.Ports),
                    $"device sample-and-hold (master-slave): CMOS transmission gates, {c} F, leakage {leak} ohm, op-amp followers; supplies "
                    + (supply is null ? "+/-5 V" : $"{N(supply.Negative)} / {N(supply.Positive)} V (ports vee vcc)"));
                s.Add(DeviceModels.Nmos).Add(DeviceModels.Pmos);
                var (vdd, vss) = supply is null ? ("vdd", "vss") : ("vcc", "vee");
                if (supply is null) s.Add("vdd vdd 0 dc 5").Add("vss vss 0 dc -5");
                foreach (var (input, hold, buffer, phase) in stages)
                {
                    s.Add($"* stage {hold}: transmission gate closed while {phase} is high");
                    s.Add($"mpi{hold} {phase}b {phase} {vdd} {vdd} psw w=10u l=1u").Add($"mni{hold} {phase}b {phase} {vss} {vss} nsw w=4u l=1u");
                    s.Add($"mn{hold} {input} {phase} {hold} {vss} nsw w={N(SwitchWidth)} l=1u").Add($"mp{hold} {input} {phase}b {hold} {vdd} psw w={N(SwitchWidth)} l=1u");
                    s.Add($"c{hold} {hold} 0 {c}").Add($"rleak{hold} {hold} 0 {leak}");
                    s.Add(supply is null ? $"x{hold} {hold} {buffer} {buffer} {model.Name}" : $"x{hold} {hold} {buffer} {buffer} vcc vee {model.Name}");
                }
                s.Dependencies.Add(supply is null ? TransimpedanceAmplifier.OpAmpText(model) : SupplyRails.PoweredOpAmpText(model));
                return s;
            }
        }
    }
}
