using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Devices;

/// <summary>
/// <c>.model NAME NMOS(level=1 ...)</c> or <c>PMOS(...)</c>: ngspice's level-1 Shichman-Hodges MOSFET with its
/// parameter names and defaults (mos1set.c, mos1temp.c). Parameters whose absence ngspice treats specially are
/// nullable here (TOX: no Meyer capacitances; KP: derived from UO and TOX; CBD/CBS: from CJ and the areas; GAMMA,
/// PHI and VTO: derived from NSUB when that is given).
/// </summary>
public sealed class MosfetModel : Entity
{
    public MosfetModel(string name, bool pmos = false) : base(name) { IsPmos = pmos; }

    public bool IsPmos { get; }
    /// <summary>+1 for NMOS, -1 for PMOS (SPICE's MOS1type).</summary>
    public int Polarity => IsPmos ? -1 : 1;

    /// <summary>Zero-bias threshold voltage (V), VTO.</summary>
    public double? ThresholdVoltage { get; set; }
    /// <summary>Transconductance parameter (A/V^2), KP.</summary>
    public double? Transconductance { get; set; }
    /// <summary>Body-effect parameter (V^0.5), GAMMA.</summary>
    public double? Gamma { get; set; }
    /// <summary>Surface potential (V), PHI.</summary>
    public double? Phi { get; set; }
    /// <summary>Channel-length modulation (1/V), LAMBDA.</summary>
    public double Lambda { get; set; }
    /// <summary>Drain ohmic resistance (ohm), RD.</summary>
    public double DrainResistance { get; set; }
    /// <summary>Source ohmic resistance (ohm), RS.</summary>
    public double SourceResistance { get; set; }
    /// <summary>Zero-bias B-D junction capacitance (F), CBD.</summary>
    public double? CapBD { get; set; }
    /// <summary>Zero-bias B-S junction capacitance (F), CBS.</summary>
    public double? CapBS { get; set; }
    /// <summary>Bulk junction saturation current (A), IS.</summary>
    public double JunctionSatCur { get; set; } = 1e-14;
    /// <summary>Bulk junction saturation current density (A/m^2), JS.</summary>
    public double JunctionSatCurDensity { get; set; }
    /// <summary>Bulk junction potential (V), PB.</summary>
    public double BulkJunctionPotential { get; set; } = 0.8;
    /// <summary>Gate-source overlap capacitance per metre of width (F/m), CGSO.</summary>
    public double GateSourceOverlapCapFactor { get; set; }
    /// <summary>Gate-drain overlap capacitance per metre of width (F/m), CGDO.</summary>
    public double GateDrainOverlapCapFactor { get; set; }
    /// <summary>Gate-bulk overlap capacitance per metre of length (F/m), CGBO.</summary>
    public double GateBulkOverlapCapFactor { get; set; }
    /// <summary>Zero-bias bulk junction bottom capacitance per square metre (F/m^2), CJ.</summary>
    public double? BulkCapFactor { get; set; }
    /// <summary>Bulk junction bottom grading coefficient, MJ.</summary>
    public double BulkJunctionBotGradingCoeff { get; set; } = 0.5;
    /// <summary>Zero-bias sidewall capacitance per metre of perimeter (F/m), CJSW.</summary>
    public double? SideWallCapFactor { get; set; }
    /// <summary>Sidewall grading coefficient, MJSW.</summary>
    public double BulkJunctionSideGradingCoeff { get; set; } = 0.5;
    /// <summary>Forward-bias depletion capacitance coefficient, FC.</summary>
    public double ForwardCapDepCoeff { get; set; } = 0.5;
    /// <summary>Oxide thickness (m), TOX; null or 0: no gate capacitance.</summary>
    public double? OxideThickness { get; set; }
    /// <summary>Lateral diffusion (m), LD.</summary>
    public double LateralDiffusion { get; set; }
    /// <summary>Surface mobility (cm^2/Vs), UO.</summary>
    public double? SurfaceMobility { get; set; }
    /// <summary>Substrate doping (1/cm^3), NSUB.</summary>
    public double? SubstrateDoping { get; set; }
    /// <summary>Gate type: +1 opposite to the substrate, -1 same, 0 aluminium, TPG.</summary>
    public double? GateType { get; set; }
    /// <summary>Surface state density (1/cm^2), NSS.</summary>
    public double? SurfaceStateDensity { get; set; }
    /// <summary>Parameter measurement temperature (degrees C), TNOM.</summary>
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
            case "vto": case "vt0": ThresholdVoltage = value; return true;
            case "kp": Transconductance = value; return true;
            case "gamma": Gamma = value; return true;
            case "phi": Phi = value; return true;
            case "lambda": Lambda = value; return true;
            case "rd": DrainResistance = value; return true;
            case "rs": SourceResistance = value; return true;
            case "cbd": CapBD = value; return true;
            case "cbs": CapBS = value; return true;
            case "is": JunctionSatCur = value; return true;
            case "js": JunctionSatCurDensity = value; return true;
            case "pb": BulkJunctionPotential = value; return true;
            case "cgso": GateSourceOverlapCapFactor = value; return true;
            case "cgdo": GateDrainOverlapCapFactor = value; return true;
            case "cgbo": GateBulkOverlapCapFactor = value; return true;
            case "cj": BulkCapFactor = value; return true;
            case "mj": BulkJunctionBotGradingCoeff = value; return true;
            case "cjsw": SideWallCapFactor = value; return true;
            case "mjsw": BulkJunctionSideGradingCoeff = value; return true;
            case "fc": ForwardCapDepCoeff = value; return true;
            case "tox": OxideThickness = value; return true;
            case "ld": LateralDiffusion = value; return true;
            case "uo": case "u0": SurfaceMobility = value; return true;
            case "nsub": SubstrateDoping = value; return true;
            case "tpg": GateType = value; return true;
            case "nss": SurfaceStateDensity = value; return true;
            case "tnom": NominalTemperature = value; return true;
            case "kf": FlickerCoefficient = value; return true;
            case "af": FlickerExponent = value; return true;
            default: return false;
        }
    }

    public override string ToNetlist()
    {
        var p = new List<string> { "level=1" };
        void Add(string key, double? value)
        {
            if (value is { } v) p.Add($"{key}={NetlistNumber.Format(v)}");
        }
        Add("vto", ThresholdVoltage); Add("kp", Transconductance); Add("gamma", Gamma); Add("phi", Phi);
        Add("lambda", Lambda); Add("rd", DrainResistance); Add("rs", SourceResistance); Add("cbd", CapBD); Add("cbs", CapBS);
        Add("is", JunctionSatCur); Add("js", JunctionSatCurDensity); Add("pb", BulkJunctionPotential);
        Add("cgso", GateSourceOverlapCapFactor); Add("cgdo", GateDrainOverlapCapFactor); Add("cgbo", GateBulkOverlapCapFactor);
        Add("cj", BulkCapFactor); Add("mj", BulkJunctionBotGradingCoeff); Add("cjsw", SideWallCapFactor);
        Add("mjsw", BulkJunctionSideGradingCoeff); Add("fc", ForwardCapDepCoeff); Add("tox", OxideThickness);
        Add("ld", LateralDiffusion); Add("uo", SurfaceMobility); Add("nsub", SubstrateDoping); Add("tpg", GateType);
        Add("nss", SurfaceStateDensity); Add("tnom", NominalTemperature);
        if (FlickerCoefficient != 0) { Add("kf", FlickerCoefficient); Add("af", FlickerExponent); }
        return $".model {Name} {(IsPmos ? "PMOS" : "NMOS")}({string.Join(" ", p)})";
    }
}
