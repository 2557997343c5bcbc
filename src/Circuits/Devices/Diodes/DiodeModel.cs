using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Devices;

/// <summary>
/// <c>.model NAME D(...)</c>: the SPICE level-1 junction diode, with ngspice's parameter names and defaults.
/// </summary>
public sealed class DiodeModel : Entity
{
    public DiodeModel(string name) : base(name) { }

    /// <summary>Saturation current (A), IS.</summary>
    public double SaturationCurrent { get; set; } = 1e-14;
    /// <summary>Emission coefficient, N.</summary>
    public double EmissionCoefficient { get; set; } = 1;
    /// <summary>Series resistance (ohm), RS.</summary>
    public double SeriesResistance { get; set; }
    /// <summary>Zero-bias junction capacitance (F), CJO.</summary>
    public double JunctionCapacitance { get; set; }
    /// <summary>Junction potential (V), VJ.</summary>
    public double JunctionPotential { get; set; } = 1;
    /// <summary>Grading coefficient, M.</summary>
    public double GradingCoefficient { get; set; } = 0.5;
    /// <summary>Transit time (s), TT.</summary>
    public double TransitTime { get; set; }
    /// <summary>Reverse breakdown voltage (V), BV; null: no breakdown.</summary>
    public double? BreakdownVoltage { get; set; }
    /// <summary>Current at breakdown voltage (A), IBV.</summary>
    public double BreakdownCurrent { get; set; } = 1e-3;
    /// <summary>Breakdown emission coefficient, NBV (defaults to N).</summary>
    public double? BreakdownEmissionCoefficient { get; set; }
    /// <summary>Forward-bias depletion capacitance coefficient, FC.</summary>
    public double DepletionCapCoefficient { get; set; } = 0.5;
    /// <summary>Activation energy (eV), EG.</summary>
    public double ActivationEnergy { get; set; } = 1.11;
    /// <summary>Saturation current temperature exponent, XTI.</summary>
    public double SaturationCurrentExponent { get; set; } = 3;
    /// <summary>Parameter measurement temperature (degrees C), TNOM; null: the circuit's tnom.</summary>
    public double? NominalTemperature { get; set; }
    /// <summary>Flicker-noise coefficient, KF (0: no flicker noise).</summary>
    public double FlickerCoefficient { get; set; }
    /// <summary>Flicker-noise current exponent, AF.</summary>
    public double FlickerExponent { get; set; } = 1;

    public override Behavior? CreateBehavior(BindingContext context) => null;

    /// <summary>Sets a parameter by its SPICE name; false for a name we do not know.</summary>
    public bool TrySet(string parameter, double value)
    {
        switch (parameter.ToLowerInvariant())
        {
            case "is": SaturationCurrent = value; return true;
            case "n": EmissionCoefficient = value; return true;
            case "rs": SeriesResistance = value; return true;
            case "cjo": case "cj0": case "cj": JunctionCapacitance = value; return true;
            case "vj": case "pb": JunctionPotential = value; return true;
            case "m": case "mj": GradingCoefficient = value; return true;
            case "tt": TransitTime = value; return true;
            case "bv": BreakdownVoltage = value; return true;
            case "ibv": BreakdownCurrent = value; return true;
            case "nbv": BreakdownEmissionCoefficient = value; return true;
            case "fc": DepletionCapCoefficient = value; return true;
            case "eg": ActivationEnergy = value; return true;
            case "xti": SaturationCurrentExponent = value; return true;
            case "tnom": NominalTemperature = value; return true;
            case "kf": FlickerCoefficient = value; return true;
            case "af": FlickerExponent = value; return true;
            default: return false;
        }
    }

    public override string ToNetlist()
    {
        var p = new List<string>
        {
            $"is={NetlistNumber.Format(SaturationCurrent)}", $"n={NetlistNumber.Format(EmissionCoefficient)}",
            $"rs={NetlistNumber.Format(SeriesResistance)}", $"cjo={NetlistNumber.Format(JunctionCapacitance)}",
            $"vj={NetlistNumber.Format(JunctionPotential)}", $"m={NetlistNumber.Format(GradingCoefficient)}",
            $"tt={NetlistNumber.Format(TransitTime)}", $"ibv={NetlistNumber.Format(BreakdownCurrent)}",
            $"fc={NetlistNumber.Format(DepletionCapCoefficient)}", $"eg={NetlistNumber.Format(ActivationEnergy)}",
            $"xti={NetlistNumber.Format(SaturationCurrentExponent)}",
        };
        if (BreakdownVoltage is { } bv) p.Add($"bv={NetlistNumber.Format(bv)}");
        if (BreakdownEmissionCoefficient is { } nbv) p.Add($"nbv={NetlistNumber.Format(nbv)}");
        if (NominalTemperature is { } tnom) p.Add($"tnom={NetlistNumber.Format(tnom)}");
        if (FlickerCoefficient != 0) p.Add($"kf={NetlistNumber.Format(FlickerCoefficient)} af={NetlistNumber.Format(FlickerExponent)}");
        return $".model {Name} D({string.Join(" ", p)})";
    }
}
