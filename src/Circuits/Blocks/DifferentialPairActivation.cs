using Hwsim.Circuits.Devices;

namespace Hwsim.Circuits.Blocks;

/// <summary>
/// Device-level tanh and sigmoid: a BJT emitter-coupled pair, ports <c>in out</c> (signal volts), with its own
/// +/-5 V supplies inside the sub-circuit. At 27 C (V_T = kT/q = 25.86 mV).
/// <para>
/// The pair's collector currents split the tail current as I1 - I2 = alpha Itail tanh(v_id / 2V_T) and
/// I1 = alpha Itail / (1 + exp(-v_id / V_T)). An input divider (R1 = 2 k from <c>in</c>, R2 to ground) attenuates
/// the pre-activation onto the thermal-voltage scale: v_id = x * 2V_T for tanh(x) and v_id = x * V_T for sigmoid(x)
/// (x = v(in) / Vs); the other base sits on the divider's Thevenin resistance, so the base currents cancel at x = 0.
/// Resistive loads (2 k) and an op-amp difference amplifier (18 k / R4, the macro-model) turn the differential
/// collector current into out = Vs tanh(x), or Vs/2 tanh(x/2) + Vs/2 = Vs sigmoid(x) with a Vs/2 reference.
/// R4 is set from the first-order gain: out = R4 Rc / (R3 + Rc) * (I1 - I2).
/// </para>
/// <para>
/// Stated range and error (tested in <c>ActivationTests</c>, listed in netlists/blocks/README.md): tanh over
/// x in [-3, 3] and sigmoid over [-6, 6] within 2 % of full scale (1); measured about 0.2 %. The input draws
/// about 0.5 mA per volt (2.1 k to ground). Off 27 C the attenuation no longer matches V_T and the slope changes by
/// the ratio of the temperatures.
/// </para>
/// <para>
/// Built for a <see cref="SupplyRails"/> (the device level of a compiled network), the block takes the rails as ports
/// <c>vcc vee</c> instead of its own sources, its op-amp is the powered macro-model, and the sigmoid's Vs/2 reference
/// is a resistor divider from <c>vcc</c> whose Thevenin resistance (10 k) is taken off R4, so the gain is unchanged.
/// </para>
/// </summary>
public static class DifferentialPairActivation
{
    /// <summary>Tail current of the pair (A).</summary>
    public const double TailCurrent = 100e-6;
    /// <summary>Collector load resistors (ohm): a small swing (0.2 V) keeps the Early effect symmetric.</summary>
    public const double LoadResistance = 2e3;
    /// <summary>Series resistor of the input divider (ohm).</summary>
    public const double DividerResistance = 2e3;
    /// <summary>Input resistors of the difference amplifier (ohm).</summary>
    public const double AmplifierInputResistance = 18e3;

    /// <summary>Thevenin resistance of the powered sigmoid's reference divider (ohm).</summary>
    public const double ReferenceResistance = 10e3;

    public static SubcircuitText Create(string name, ActivationKind kind, SignalScale scale, OpAmpModel? opamp = null, SupplyRails? supply = null)
    {
        if (kind == ActivationKind.Relu) throw new ArgumentException($"{name}: a differential pair makes tanh or sigmoid, not ReLU");
        var model = supply is null ? opamp ?? new OpAmpModel() : supply.OpAmpFor(opamp);
        var vs = scale.VoltsPerUnit;
        var vt = DeviceModels.ThermalVoltage;
        var sigmoid = kind == ActivationKind.Sigmoid;
        // tanh(x) = tanh(v_id / 2V_T) needs v_id = 2 V_T x; sigmoid(x) = (1 + tanh(x/2)) / 2 needs v_id = V_T x.
        var attenuation = (sigmoid ? vt : 2 * vt) / vs;
        var r1 = DividerResistance;
        var r2 = r1 * attenuation / (1 - attenuation);
        var thevenin = r1 * r2 / (r1 + r2);
        var rc = LoadResistance;
        var r3 = AmplifierInputResistance;
        var fullScale = sigmoid ? vs / 2 : vs;
        var r4 = fullScale * (r3 + rc) / (rc * DeviceModels.NpnAlpha * TailCurrent);
        string N(double x) => SubcircuitText.Num(x);
        string C(double x) => x.ToString("G6", System.Globalization.CultureInfo.InvariantCulture);

        var ports = supply is null ? new[] { "in", "out" } : new[] { "in", "out" }.Concat(supply.Ports).ToArray();
        var s = new SubcircuitText(name, ports,
            $"device {kind.ToString().ToLowerInvariant()}: BJT differential pair at 27 C (V_T = {vt * 1e3:F3} mV), input attenuation {attenuation:G6} (v_id = {(sigmoid ? "" : "2 ")}V_T per unit),\n"
            + $"tail {C(TailCurrent)} A, loads {C(rc)} ohm, op-amp difference amplifier {C(r3)} / {C(r4)} ohm: out = {(sigmoid ? "Vs sigmoid(x)" : "Vs tanh(x)")}, Vs = {N(vs)} V");
        s.Add(DeviceModels.Npn);
        if (supply is null) s.Add("vcc vcc 0 dc 5").Add("vee vee 0 dc -5");
        s.Add($"r1 in b1 {N(r1)}").Add($"r2 b1 0 {N(r2)}").Add($"rb2 b2 0 {N(thevenin)}");
        s.Add("q1 c1 b1 e qnpn").Add("q2 c2 b2 e qnpn");
        s.Add($"itail e vee dc {N(TailCurrent)}");
        s.Add($"rc1 vcc c1 {N(rc)}").Add($"rc2 vcc c2 {N(rc)}");
        // difference amplifier: out = R4/(R3+Rc) * (v(c2) - v(c1)) + ref = R4 Rc/(R3+Rc) * (I1 - I2) + ref
        s.Add($"r3n c1 m {N(r3)}").Add($"r4n m out {N(r4)}");
        s.Add($"r3p c2 p {N(r3)}");
        if (sigmoid && supply is null) s.Add($"r4p p ref {N(r4)}").Add($"vref ref 0 dc {N(vs / 2)}");
        else if (sigmoid)
        {
            // Vs/2 from vcc through a divider of Thevenin resistance Rth; r4p = R4 - Rth keeps the same network
            var ratio = vs / 2 / supply!.Positive;
            var rth = ReferenceResistance;
            s.Add($"rrefa vcc ref {N(rth / ratio)}").Add($"rrefb ref 0 {N(rth / (1 - ratio))}").Add($"r4p p ref {N(r4 - rth)}");
        }
        else s.Add($"r4p p 0 {N(r4)}");
        if (supply is null)
        {
            s.Add($"xamp p m out {model.Name}");
            s.Dependencies.Add(TransimpedanceAmplifier.OpAmpText(model));
        }
        else
        {
            s.Add($"xamp p m out vcc vee {model.Name}");
            s.Dependencies.Add(SupplyRails.PoweredOpAmpText(model));
        }
        return s;
    }
}
