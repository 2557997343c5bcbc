using Hwsim.Circuits.Devices;

namespace Hwsim.Circuits.Control;

/// <summary>
/// Device and model parameters by ngspice's names, for <c>@device[param]</c> in expressions and for <c>alter</c>
/// (<c>alter r1 = 2k</c>, <c>alter @v1[pulse] = [ 0 1 ... ]</c>): resistors, capacitors, inductors, independent sources
/// (dc, acmag, acphase, pulse, sin, exp), diodes (area, ic) and diode models. The value of a device without a named parameter is its
/// main one: resistance, capacitance, inductance, dc.
/// </summary>
public static class DeviceParameters
{
    /// <summary>The parameter a bare <c>alter dev = value</c> sets.</summary>
    public static string? Default(Entity entity) => entity switch
    {
        Resistor => "resistance",
        Capacitor => "capacitance",
        Inductor => "inductance",
        IndependentSource => "dc",
        _ => null,
    };

    /// <summary>The parameter's main name (<c>r</c> is <c>resistance</c>, ...), lower case.</summary>
    public static string Canonical(Entity entity, string parameter)
    {
        var p = parameter.ToLowerInvariant();
        return (entity, p) switch
        {
            (Resistor, "r") => "resistance",
            (Capacitor, "c") => "capacitance",
            (Inductor, "l") => "inductance",
            _ => p,
        };
    }

    /// <summary>The value(s) of a parameter, or null when the entity has no such parameter hwsim knows.</summary>
    public static double[]? Get(Entity entity, string parameter)
    {
        var p = parameter.ToLowerInvariant();
        switch (entity)
        {
            case Resistor r:
                return p switch
                {
                    "resistance" or "r" => [r.Resistance * r.Multiplier],
                    "ac" => [(r.AcResistance ?? r.Resistance) * r.Multiplier],
                    "tc1" or "tc" => [r.FirstOrderTemperatureCoefficient],
                    "tc2" => [r.SecondOrderTemperatureCoefficient],
                    "tce" => r.ExponentialTemperatureCoefficient is { } tce ? [tce] : [0],
                    "m" => [r.Multiplier],
                    "dtemp" => [r.TemperatureOffset],
                    _ => null,
                };
            case Capacitor c:
                return p switch
                {
                    "capacitance" or "c" => [c.Capacitance],
                    "ic" => [c.InitialCondition ?? 0],
                    _ => null,
                };
            case Inductor l:
                return p switch
                {
                    "inductance" or "l" => [l.Inductance],
                    "ic" => [l.InitialCondition ?? 0],
                    _ => null,
                };
            case IndependentSource s:
                return p switch
                {
                    "dc" => [s.Dc ?? 0],
                    "acmag" => [s.AcMagnitude],
                    "acphase" => [s.AcPhase],
                    "pulse" => (s.Waveform as PulseWaveform)?.Parameters.ToArray(),
                    "sin" => (s.Waveform as SineWaveform)?.Parameters.ToArray(),
                    "exp" => (s.Waveform as ExponentialWaveform)?.Parameters.ToArray(),
                    _ => null,
                };
            case Diode diode:
                return p switch
                {
                    "area" => [diode.Area],
                    "ic" => [diode.InitialCondition ?? 0],
                    _ => null,
                };
            case Memristor m:
                // the state a transient starts from; after a run the control session reads the state it ended at
                return p switch
                {
                    "x" or "x0" => [m.InitialState],
                    "ron" => [m.Model.Ron],
                    "roff" => [m.Model.Roff],
                    _ => null,
                };
            case DiodeModel d:
                return p switch
                {
                    "is" => [d.SaturationCurrent],
                    "n" => [d.EmissionCoefficient],
                    "rs" => [d.SeriesResistance],
                    "cjo" or "cj0" or "cj" => [d.JunctionCapacitance],
                    "vj" => [d.JunctionPotential],
                    "m" => [d.GradingCoefficient],
                    "tt" => [d.TransitTime],
                    "bv" => d.BreakdownVoltage is { } bv ? [bv] : null,
                    "ibv" => [d.BreakdownCurrent],
                    "eg" => [d.ActivationEnergy],
                    "xti" => [d.SaturationCurrentExponent],
                    "fc" => [d.DepletionCapCoefficient],
                    "kf" => [d.FlickerCoefficient],
                    "af" => [d.FlickerExponent],
                    _ => null,
                };
            default:
                return null;
        }
    }

    /// <summary>Sets a parameter; false when the entity has no such parameter hwsim can change.</summary>
    /// <exception cref="ArgumentException">The values do not fit the parameter (a waveform's count, a negative value).</exception>
    public static bool Set(Entity entity, string parameter, double[] values)
    {
        var p = parameter.ToLowerInvariant();
        if (values.Length == 0) throw new ArgumentException($"no value for {parameter}");
        var v = values[0];
        switch (entity)
        {
            case Resistor r:
                switch (p)
                {
                    case "resistance" or "r": r.Resistance = v / r.Multiplier; return true;
                    case "ac": r.AcResistance = v / r.Multiplier; return true;
                    case "tc1" or "tc": r.FirstOrderTemperatureCoefficient = v; return true;
                    case "tc2": r.SecondOrderTemperatureCoefficient = v; return true;
                    case "tce": r.ExponentialTemperatureCoefficient = v; return true;
                    case "dtemp": r.TemperatureOffset = v; return true;
                    case "temp": r.Temperature = v; return true;
                    default: return false;
                }
            case Capacitor c:
                switch (p)
                {
                    case "capacitance" or "c": c.Capacitance = v; return true;
                    case "ic": c.InitialCondition = v; return true;
                    default: return false;
                }
            case Inductor l:
                switch (p)
                {
                    case "inductance" or "l": l.Inductance = v; return true;
                    case "ic": l.InitialCondition = v; return true;
                    default: return false;
                }
            case IndependentSource s:
                switch (p)
                {
                    case "dc": s.Dc = v; return true;
                    case "acmag": s.AcMagnitude = v; s.HasAc = true; return true;
                    case "acphase": s.AcPhase = v; s.HasAc = true; return true;
                    case "pulse": s.Waveform = new PulseWaveform(values); return true;
                    case "sin": s.Waveform = new SineWaveform(values); return true;
                    case "exp": s.Waveform = new ExponentialWaveform(values); return true;
                    default: return false;
                }
            case Diode diode:
                switch (p)
                {
                    case "area" when v > 0: diode.Area = v; return true;
                    case "area": throw new ArgumentException($"area must be positive, got {v}");
                    case "ic": diode.InitialCondition = v; return true;
                    default: return false;
                }
            case DiodeModel d:
                return d.TrySet(p, v);
            default:
                return false;
        }
    }
}
