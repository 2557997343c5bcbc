using Hwsim.Circuits.Devices;

namespace Hwsim.Circuits.Blocks;

/// <summary>
/// The small analog arithmetic of an LSTM cell and of the signal paths, all in signal volts (value * Vs).
/// </summary>
public static class ArithmeticBlocks
{
    /// <summary>
    /// Multiplier, ports <c>a b out</c>: out = a * b / Vs (the product of the two values, in signal volts). Ideal and
    /// macro: a B source (macro clamps at the rails). Device: a Gilbert cell (<see cref="GilbertMultiplier"/>, inputs
    /// within [-1, 1] values) whose output stage is <paramref name="opamp"/>.
    /// </summary>
    public static SubcircuitText Multiplier(string name, FidelityLevel level, SignalScale scale, double negativeRail = -10, double positiveRail = 10,
        OpAmpModel? opamp = null, SupplyRails? supply = null, double yRange = 1)
    {
        var vs = SubcircuitText.Num(scale.VoltsPerUnit);
        var f = $"v(a)*v(b)/{vs}";
        return level switch
        {
            FidelityLevel.Ideal => new SubcircuitText(name, new[] { "a", "b", "out" }, "ideal multiplier: out = a*b/Vs").Add($"bmul out 0 V = {f}"),
            FidelityLevel.Macro => new SubcircuitText(name, new[] { "a", "b", "out" }, "behavioural multiplier held within the rails")
                .Add($"bmul out 0 V = min(max({f},{SubcircuitText.Num(negativeRail)}),{SubcircuitText.Num(positiveRail)})"),
            FidelityLevel.Device => GilbertMultiplier.Create(name, scale, opamp, supply, yRange),
            _ => throw new BlockLevelException("multiplier", level),
        };
    }

    /// <summary>
    /// Adder of <paramref name="inputs"/> signals, ports <c>in1 .. inN out</c>: out = sum of the inputs.
    /// Ideal: a B source. Macro (and device: the same op-amp circuit): an inverting op-amp summer (equal resistors)
    /// followed by an inverting unity stage; two inputs over [-1.5, 1.5] stay within 1.8e-4 of the sum.
    /// </summary>
    public static SubcircuitText Adder(string name, FidelityLevel level, int inputs, OpAmpModel? opamp = null, double resistance = 10e3,
        SupplyRails? supply = null)
    {
        if (inputs < 2) throw new ArgumentException($"{name}: an adder needs at least 2 inputs");
        var ports = Enumerable.Range(1, inputs).Select(i => $"in{i}").Append("out").ToArray();
        switch (level)
        {
            case FidelityLevel.Ideal:
                return new SubcircuitText(name, ports, "ideal adder").Add($"badd out 0 V = {string.Join("+", Enumerable.Range(1, inputs).Select(i => $"v(in{i})"))}");
            default:
            {
                var powered = level == FidelityLevel.Device && supply is not null;
                var model = powered ? supply!.OpAmpFor(opamp) : opamp ?? new OpAmpModel();
                var pins = powered ? " vcc vee" : "";
                var r = SubcircuitText.Num(resistance);
                var s = new SubcircuitText(name, powered ? ports.Concat(supply!.Ports) : ports,
                    $"op-amp adder: inverting summer ({r} ohm) and unity inverter{(powered ? ", powered op-amps" : "")}");
                for (var i = 1; i <= inputs; i++) s.Add($"rin{i} in{i} sum {r}");
                s.Add($"rfb sum mid {r}").Add($"xsum 0 sum mid{pins} {model.Name}");
                s.Add($"rinv mid neg {r}").Add($"rfinv neg out {r}").Add($"xinv 0 neg out{pins} {model.Name}");
                s.Dependencies.Add(powered ? SupplyRails.PoweredOpAmpText(model) : TransimpedanceAmplifier.OpAmpText(model));
                return s;
            }
        }
    }

    /// <summary>Inverter, ports <c>in out</c>: out = -in. Ideal: a VCVS of gain -1. Macro (and device): an op-amp with equal resistors.</summary>
    public static SubcircuitText Inverter(string name, FidelityLevel level, OpAmpModel? opamp = null, double resistance = 10e3)
    {
        switch (level)
        {
            case FidelityLevel.Ideal:
                return new SubcircuitText(name, new[] { "in", "out" }, "ideal inverter").Add("einv out 0 in 0 -1");
            default:
            {
                var model = opamp ?? new OpAmpModel();
                var r = SubcircuitText.Num(resistance);
                var s = new SubcircuitText(name, new[] { "in", "out" }, "op-amp inverter")
                    .Add($"rin in neg {r}").Add($"rfb neg out {r}").Add($"xop 0 neg out {model.Name}");
                s.Dependencies.Add(TransimpedanceAmplifier.OpAmpText(model));
                return s;
            }
        }
    }

    /// <summary>
    /// Row driver of a bipolar crossbar row pair, ports <c>in p n</c>: p = +in * Vread/Vs and n = -in * Vread/Vs, i.e.
    /// the read voltage of the value. With <paramref name="bits"/> it is a DAC: the value is first quantised as
    /// <see cref="DataConverter"/> (kind DAC) does, to 2^bits levels over [-fullScale, +fullScale] (values, both ends
    /// included). Behavioural at every level (a DAC's analog output stage).
    /// </summary>
    public static SubcircuitText RowDriver(string name, SignalScale scale, double readVoltsPerUnit, int? bits = null, double fullScale = 1)
        => RowDriver(name, scale, readVoltsPerUnit, bits, fullScale, null);

    /// <summary>
    /// The row driver; with a <paramref name="supply"/> (device level) it is an op-amp circuit powered from the ports
    /// <c>vcc vee</c>, so the crossbar's read current comes from that supply: an inverting stage of gain
    /// -Vread/Vs (input resistor <see cref="RowDriverInputResistance"/>) gives n, a unity inverter of n gives p. With
    /// <paramref name="bits"/> the DAC's code is formed behaviourally (digital logic) and the op-amps are its output stage.
    /// </summary>
    public static SubcircuitText RowDriver(string name, SignalScale scale, double readVoltsPerUnit, int? bits, double fullScale, SupplyRails? supply)
    {
        if (supply is not null) return PoweredRowDriver(name, scale, readVoltsPerUnit, bits, fullScale, supply);
        var gain = readVoltsPerUnit / scale.VoltsPerUnit;
        var s = new SubcircuitText(name, new[] { "in", "p", "n" },
            $"row driver: p = +{SubcircuitText.Num(readVoltsPerUnit)} V per unit, n = -p" + (bits is { } b ? $", {b}-bit DAC over +/-{SubcircuitText.Num(fullScale)}" : ""));
        if (bits is not { } nbits)
        {
            s.Add($"ep p 0 in 0 {SubcircuitText.Num(gain)}").Add($"en n 0 in 0 {SubcircuitText.Num(-gain)}");
            return s;
        }
        var dac = new DataConverter(ConverterKind.Dac, nbits, -fullScale, fullScale);
        var q = dac.VoltsExpression("v(in)", scale);
        s.Add($"bp p 0 V = {SubcircuitText.Num(gain)}*{q}").Add($"bn n 0 V = -{SubcircuitText.Num(gain)}*{q}");
        return s;
    }

    /// <summary>Input resistor of the device-level row driver's inverting stage (ohm).</summary>
    public const double RowDriverInputResistance = 100e3;

    private static SubcircuitText PoweredRowDriver(string name, SignalScale scale, double readVoltsPerUnit, int? bits, double fullScale, SupplyRails supply)
    {
        string N(double x) => SubcircuitText.Num(x);
        var gain = readVoltsPerUnit / scale.VoltsPerUnit;
        var model = supply.OpAmpFor(null);
        var rin = RowDriverInputResistance;
        var s = new SubcircuitText(name, new[] { "in", "p", "n" }.Concat(supply.Ports),
            $"row driver: n = -{N(readVoltsPerUnit)} V per unit (inverting op-amp stage, {N(rin)} / {N(rin * gain)} ohm), p = -n (unity inverter), powered op-amps"
            + (bits is { } b ? $", {b}-bit DAC code over +/-{N(fullScale)}" : ""));
        var source = "in";
        if (bits is { } nbits)
        {
            var dac = new DataConverter(ConverterKind.Dac, nbits, -fullScale, fullScale);
            s.Add($"bq q 0 V = {dac.VoltsExpression("v(in)", scale)}");
            source = "q";
        }
        s.Add($"rin {source} sn {N(rin)}").Add($"rfn sn n {N(rin * gain)}").Add($"xn 0 sn n vcc vee {model.Name}");
        s.Add($"rip n sp {N(rin)}").Add($"rfp sp p {N(rin)}").Add($"xp 0 sp p vcc vee {model.Name}");
        s.Dependencies.Add(SupplyRails.PoweredOpAmpText(model));
        return s;
    }
}
