using Hwsim.Circuits.Devices;

namespace Hwsim.Circuits.Analyses;

/// <summary>
/// One device parameter of a sensitivity analysis, named as ngspice names its vector (<c>r1</c> for a device's main
/// parameter, <c>r1_m</c> for another instance parameter, <c>r1:bv_max</c> for a model parameter). Its value is the
/// parameter as given in the netlist; <see cref="Perturb"/> sets it to <c>value + delta</c> on the entity (the circuit
/// is bound again afterwards) and <see cref="Restore"/> undoes that. A parameter that never enters a load (a safe
/// operating area limit, a noise exponent) has no perturbation: its sensitivity is zero, as ngspice reports it.
/// </summary>
public sealed class SensitivityParameter
{
    private readonly Action<double>? _set;
    private readonly Action? _restore;

    private SensitivityParameter(string name, double value, Action<double>? set, Action? restore, bool acOnly)
    {
        Name = name;
        Value = value;
        _set = set;
        _restore = restore;
        AcOnly = acOnly;
    }

    /// <summary>The vector name, as ngspice's: <c>r1</c>, <c>r1_m</c>, <c>r1:bv_max</c>.</summary>
    public string Name { get; }

    /// <summary>The parameter's value as given in the netlist.</summary>
    public double Value { get; }

    /// <summary>True for a parameter ngspice reports only in an AC sensitivity (capacitance, AC magnitude, ...).</summary>
    public bool AcOnly { get; }

    /// <summary>False for a parameter that never enters a load: its sensitivity is zero.</summary>
    public bool Affects => _set is not null;

    /// <summary>ngspice's step (cktsens.c): a millionth of the value, or a millionth absolute for a zero value.</summary>
    public double Delta => Value != 0 ? Value * 1e-6 : 1e-6;

    /// <summary>Sets the parameter to <see cref="Value"/> + <see cref="Delta"/>.</summary>
    public void Perturb() => _set?.Invoke(Value + Delta);

    /// <summary>Sets the parameter back to its value.</summary>
    public void Restore() => _restore?.Invoke();

    /// <summary>
    /// The parameters of <paramref name="circuit"/> that ngspice 39 reports for a DC (<paramref name="ac"/> false) or AC
    /// sensitivity, for the devices hwsim can perturb (R without a model, C, L, V, I, E, F, G, H), in circuit order;
    /// <paramref name="leftOut"/> gets the devices whose parameters are not reported.
    /// </summary>
    public static List<SensitivityParameter> Of(Circuit circuit, bool ac, List<string> leftOut)
    {
        var list = new List<SensitivityParameter>();
        foreach (var entity in circuit)
        {
            var name = entity.Name.ToLowerInvariant();
            switch (entity)
            {
                case Resistor { Model: null } r:
                    Resistor(list, name, r, ac);
                    break;
                case Capacitor c:
                    Capacitor(list, name, c, ac);
                    break;
                case Inductor l:
                    Inductor(list, name, l, ac);
                    break;
                case IndependentSource s when s.Dc is not null || s.Waveform is null:
                    Source(list, name, s, ac);
                    break;
                case VoltageControlledVoltageSource e:
                    list.Add(Scalar($"{name}_gain", e.Gain, v => e.Gain = v, false));
                    break;
                case CurrentControlledCurrentSource f:
                    list.Add(Scalar($"{name}_gain", f.Gain, v => f.Gain = v, false));
                    break;
                case VoltageControlledCurrentSource g:
                    list.Add(Scalar($"{name}_gain", g.Transconductance, v => g.Transconductance = v, false));
                    break;
                case CurrentControlledVoltageSource h:
                    list.Add(Scalar($"{name}_gain", h.Transresistance, v => h.Transresistance = v, false));
                    break;
                case Component:
                    leftOut.Add(name);
                    break;
            }
        }
        return ac ? list : list.Where(p => !p.AcOnly).ToList();
    }

    private static SensitivityParameter Scalar(string name, double value, Action<double> set, bool acOnly) =>
        new(name, value, set, () => set(value), acOnly);

    private static SensitivityParameter Zero(string name, bool acOnly = false) => new(name, 1, null, null, acOnly);

    /// <summary>
    /// A factor on an already folded value (m and scale are folded into the resistance, capacitance, inductance):
    /// the parameter goes from <paramref name="value"/> to value + delta, so the folded value scales by
    /// (value + delta)^<paramref name="power"/> / value^power.
    /// </summary>
    private static SensitivityParameter Factor(string name, double value, int power, Func<double> get, Action<double> set, bool acOnly = false)
    {
        var original = get();
        return new SensitivityParameter(name, value, v => set(original * Math.Pow(v / value, power)), () => set(original), acOnly);
    }

    private static void Resistor(List<SensitivityParameter> list, string name, Resistor r, bool ac)
    {
        var m = r.Multiplier;
        var scale = r.Scale;
        var (resistance, acResistance) = (r.Resistance, r.AcResistance);
        void SetBoth(double factor)
        {
            r.Resistance = resistance * factor;
            if (acResistance is { } a) r.AcResistance = a * factor;
        }
        void Undo()
        {
            r.Resistance = resistance;
            r.AcResistance = acResistance;
            r.Multiplier = m;
        }
        var given = resistance * m / scale; // the r= of the netlist (ngspice's instance parameter)
        list.Add(new SensitivityParameter(name, given, v => r.Resistance = v * scale / m, Undo, false));
        list.Add(Zero($"{name}:bv_max"));
        list.Add(Zero($"{name}:ef"));
        list.Add(Zero($"{name}:lf"));
        list.Add(Zero($"{name}:wf"));
        if (ac)
        {
            var givenAc = (acResistance ?? resistance) * m / scale;
            list.Add(new SensitivityParameter($"{name}_ac", givenAc, v => r.AcResistance = v * scale / m, Undo, true));
        }
        list.Add(Zero($"{name}_bv_max"));
        list.Add(Zero($"{name}_l"));
        list.Add(new SensitivityParameter($"{name}_m", m, v => { SetBoth(m / v); r.Multiplier = v; }, Undo, false));
        list.Add(new SensitivityParameter($"{name}_scale", scale, v => SetBoth(v / scale), Undo, false));
        list.Add(Zero($"{name}_w"));
    }

    private static void Capacitor(List<SensitivityParameter> list, string name, Capacitor c, bool ac)
    {
        var m = c.Multiplier;
        list.Add(Scalar(name, c.Capacitance / m, v => c.Capacitance = v * m, true));
        list.Add(Zero($"{name}:bv_max"));
        list.Add(Zero($"{name}_bv_max"));
        list.Add(Factor($"{name}_m", m, 1, () => c.Capacitance, v => c.Capacitance = v));
        list.Add(Factor($"{name}_scale", 1, 1, () => c.Capacitance, v => c.Capacitance = v));
        if (ac) list.Add(Zero($"{name}_w", acOnly: true));
    }

    private static void Inductor(List<SensitivityParameter> list, string name, Inductor l, bool ac)
    {
        var m = l.Multiplier;
        list.Add(Scalar(name, l.Inductance * m, v => l.Inductance = v / m, true));
        if (ac) list.Add(Zero($"{name}:mu", acOnly: true));
        list.Add(Factor($"{name}_m", m, -1, () => l.Inductance, v => l.Inductance = v));
        list.Add(Factor($"{name}_scale", 1, 1, () => l.Inductance, v => l.Inductance = v));
    }

    private static void Source(List<SensitivityParameter> list, string name, IndependentSource s, bool ac)
    {
        var dc = s.Dc;
        list.Add(new SensitivityParameter(name, dc ?? 0, v => s.Dc = v, () => s.Dc = dc, false));
        var (magnitude, hasAc) = (s.AcMagnitude, s.HasAc);
        list.Add(new SensitivityParameter($"{name}_acmag", magnitude, v => s.AcMagnitude = v, () => (s.AcMagnitude, s.HasAc) = (magnitude, hasAc), true));
        if (s is CurrentSource)
            list.Add(new SensitivityParameter($"{name}_m", 1, v => { s.Dc = (dc ?? 0) * v; s.AcMagnitude = magnitude * v; },
                () => { s.Dc = dc; s.AcMagnitude = magnitude; }, false));
    }
}
