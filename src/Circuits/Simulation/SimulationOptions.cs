namespace Hwsim.Circuits.Simulation;

/// <summary>
/// The <c>.options</c> of a simulation, with ngspice's defaults (cktntask.c). Names follow SPICE.
/// </summary>
public sealed class SimulationOptions
{
    public double RelTol { get; set; } = 1e-3;
    public double AbsTol { get; set; } = 1e-12;
    public double VnTol { get; set; } = 1e-6;
    public double ChgTol { get; set; } = 1e-14;
    public double TrTol { get; set; } = 7;
    /// <summary>Conductance placed across every pn junction.</summary>
    public double Gmin { get; set; } = 1e-12;
    /// <summary>Conductance from every node to ground (0: none).</summary>
    public double Gshunt { get; set; }
    /// <summary>Newton iteration limit of a DC operating point.</summary>
    public int Itl1 { get; set; } = 100;
    /// <summary>Newton iteration limit of a DC sweep point and of each gmin/source step.</summary>
    public int Itl2 { get; set; } = 50;
    /// <summary>Newton iteration limit of a time point (ngspice raises it to at least 100).</summary>
    public int Itl4 { get; set; } = 10;
    public double PivTol { get; set; } = 1e-13;
    public double PivRel { get; set; } = 1e-3;
    /// <summary>Circuit temperature in degrees Celsius.</summary>
    public double Temperature { get; set; } = 27;
    /// <summary>Nominal (model) temperature in degrees Celsius.</summary>
    public double NominalTemperature { get; set; } = 27;
    public IntegrationMethod Method { get; set; } = IntegrationMethod.Trapezoidal;
    public int MaxOrder { get; set; } = 2;
    public int GminSteps { get; set; } = 1;
    public int SourceSteps { get; set; } = 1;
    public double GminFactor { get; set; } = 10;
    /// <summary>Skip plain Newton and go straight to gmin stepping.</summary>
    public bool NoOpIter { get; set; }
    /// <summary>
    /// Device bypass (ngspice's <c>.options bypass=1</c>; off by default there and here): a MOSFET whose terminal
    /// voltages and currents moved less than the convergence tolerances since its last evaluation stamps that
    /// evaluation again instead of computing its model.
    /// </summary>
    public bool Bypass { get; set; }
    /// <summary>
    /// Whether the matrix order may put the unknowns that receive only constant stamps first, so that their block of the
    /// factors is reused across Newton iterations (<see cref="Solver.BlockPolicy"/>; the results agree either way).
    /// </summary>
    public Solver.BlockPolicy ConstantBlock { get; set; } = Solver.BlockPolicy.Automatic;

    public SimulationOptions Clone() => (SimulationOptions)MemberwiseClone();

    /// <summary>
    /// Sets an option by its SPICE name. Returns false for a name we do not know (the caller decides whether
    /// that is an error or a note). Throws <see cref="ArgumentException"/> for a value out of range.
    /// </summary>
    public bool TrySet(string name, double value)
    {
        switch (name.ToLowerInvariant())
        {
            case "reltol": RelTol = Positive(name, value); return true;
            case "abstol": AbsTol = Positive(name, value); return true;
            case "vntol": VnTol = Positive(name, value); return true;
            case "chgtol": ChgTol = Positive(name, value); return true;
            case "trtol": TrTol = Positive(name, value); return true;
            case "gmin": Gmin = NonNegative(name, value); return true;
            case "gshunt": Gshunt = NonNegative(name, value); return true;
            case "itl1": Itl1 = Count(name, value); return true;
            case "itl2": Itl2 = Count(name, value); return true;
            case "itl4": Itl4 = Count(name, value); return true;
            case "pivtol": PivTol = Positive(name, value); return true;
            case "pivrel": PivRel = Positive(name, value); return true;
            case "temp": Temperature = value; return true;
            case "tnom": NominalTemperature = value; return true;
            case "maxord":
                MaxOrder = Count(name, value);
                if (MaxOrder > 2 && Method == IntegrationMethod.Trapezoidal) MaxOrder = 2;
                if (MaxOrder > 6) throw new ArgumentException("maxord must be between 1 and 6", name);
                return true;
            case "gminsteps": GminSteps = (int)value; return true;
            case "srcsteps": case "itl6": SourceSteps = (int)value; return true;
            case "gminfactor": GminFactor = Positive(name, value); return true;
            // hwsim's own: the matrix order's constant leading block, 0 never, 1 automatic (the default), 2 always.
            case "constantblock":
                ConstantBlock = value switch
                {
                    0 => Solver.BlockPolicy.Never,
                    1 => Solver.BlockPolicy.Automatic,
                    2 => Solver.BlockPolicy.Always,
                    _ => throw new ArgumentException($"option {name} must be 0 (never), 1 (automatic) or 2 (always), got {value}", name),
                };
                return true;
            case "bypass": Bypass = value != 0; return true;
            default: return false;
        }
    }

    private static double Positive(string name, double v) =>
        v > 0 ? v : throw new ArgumentException($"option {name} must be positive, got {v}", name);
    private static double NonNegative(string name, double v) =>
        v >= 0 ? v : throw new ArgumentException($"option {name} must not be negative, got {v}", name);
    private static int Count(string name, double v) =>
        v >= 1 && v == Math.Floor(v) ? (int)v : throw new ArgumentException($"option {name} must be a whole number of at least 1, got {v}", name);
}
