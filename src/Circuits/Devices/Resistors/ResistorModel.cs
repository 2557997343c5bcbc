using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Devices;

/// <summary>
/// <c>.model NAME R(...)</c>: ngspice's resistor model (res.c, ressetup.c, restemp.c): the resistance from sheet
/// resistance and geometry, temperature coefficients, a default value, flicker-noise coefficients. Instance
/// parameters written on the model (<c>resistance=2k</c>) are defaults of every instance.
/// </summary>
public sealed class ResistorModel : Entity
{
    public ResistorModel(string name) : base(name) { }

    /// <summary>Sheet resistance (ohm/square), RSH; 0: none.</summary>
    public double SheetResistance { get; set; }
    /// <summary>Narrowing of the width, each side (m), NARROW or DW.</summary>
    public double Narrow { get; set; }
    /// <summary>Shortening of the length, each end (m), SHORT or DLR.</summary>
    public double Short { get; set; }
    /// <summary>First-order temperature coefficient (1/K), TC1.</summary>
    public double Tc1 { get; set; }
    /// <summary>Second-order temperature coefficient (1/K^2), TC2.</summary>
    public double Tc2 { get; set; }
    /// <summary>Exponential temperature coefficient (%/K), TCE: when given R scales by 1.01^(tce*dT).</summary>
    public double? Tce { get; set; }
    /// <summary>Default instance width (m), DEFW or W.</summary>
    public double DefaultWidth { get; set; } = 10e-6;
    /// <summary>Default instance length (m), L.</summary>
    public double DefaultLength { get; set; } = 10e-6;
    /// <summary>Flicker-noise coefficient, KF.</summary>
    public double Kf { get; set; }
    /// <summary>Flicker-noise current exponent, AF.</summary>
    public double Af { get; set; } = 1;
    /// <summary>Flicker-noise frequency exponent, EF.</summary>
    public double Ef { get; set; } = 1;
    /// <summary>Noise-area length exponent, LF.</summary>
    public double Lf { get; set; } = 1;
    /// <summary>Noise-area width exponent, WF.</summary>
    public double Wf { get; set; } = 1;
    /// <summary>Parameter measurement temperature (degrees C), TNOM; null: the circuit's tnom.</summary>
    public double? NominalTemperature { get; set; }
    /// <summary>The default resistance of instances that give none, R or RES.</summary>
    public double? Resistance { get; set; }

    /// <summary>Instance parameters given on the model line (<c>resistance</c>, <c>ac</c>, <c>m</c> ...), by name.</summary>
    public Dictionary<string, double> InstanceDefaults { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The resistor instance parameters that a model line may give as defaults.</summary>
    public static bool IsInstanceParameter(string name) => name.ToLowerInvariant() is "resistance" or "ac" or "m" or "scale"
        or "temp" or "dtemp" or "tc" or "noisy" or "noise";

    public override Behavior? CreateBehavior(BindingContext context) => null;

    /// <summary>Sets a parameter by its SPICE name; false for a name we do not know.</summary>
    public bool TrySet(string parameter, double value)
    {
        switch (parameter.ToLowerInvariant())
        {
            case "rsh": SheetResistance = value; return true;
            case "narrow": case "dw": Narrow = value; return true;
            case "short": case "dlr": Short = value; return true;
            case "tc1": case "tc1r": Tc1 = value; return true;
            case "tc2": case "tc2r": Tc2 = value; return true;
            case "tce": Tce = value; return true;
            case "defw": case "w": DefaultWidth = value; return true;
            case "l": DefaultLength = value; return true;
            case "kf": Kf = value; return true;
            case "af": Af = value; return true;
            case "ef": Ef = value; return true;
            case "lf": Lf = value; return true;
            case "wf": Wf = value; return true;
            case "tnom": NominalTemperature = value; return true;
            case "r": case "res": Resistance = value; return true;
            case "bv_max": return true; // a safe-operating-area limit: ngspice only warns with it
            default:
                if (!IsInstanceParameter(parameter)) return false;
                InstanceDefaults[parameter] = value;
                return true;
        }
    }

    public override string ToNetlist()
    {
        static string F(double v) => NetlistNumber.Format(v);
        var p = new List<string>();
        if (SheetResistance != 0) p.Add($"rsh={F(SheetResistance)}");
        if (Narrow != 0) p.Add($"narrow={F(Narrow)}");
        if (Short != 0) p.Add($"short={F(Short)}");
        if (Tc1 != 0) p.Add($"tc1={F(Tc1)}");
        if (Tc2 != 0) p.Add($"tc2={F(Tc2)}");
        if (Tce is { } tce) p.Add($"tce={F(tce)}");
        p.Add($"defw={F(DefaultWidth)}");
        p.Add($"l={F(DefaultLength)}");
        if (Kf != 0) p.Add($"kf={F(Kf)} af={F(Af)} ef={F(Ef)} lf={F(Lf)} wf={F(Wf)}");
        if (NominalTemperature is { } tnom) p.Add($"tnom={F(tnom)}");
        if (Resistance is { } r) p.Add($"r={F(r)}");
        foreach (var (k, v) in InstanceDefaults) p.Add($"{k}={F(v)}");
        return $".model {Name} R({string.Join(" ", p)})";
    }
}
