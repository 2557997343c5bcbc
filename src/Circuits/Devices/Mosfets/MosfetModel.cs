using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Devices;

/// <summary>
/// <c>.model NAME NMOS(level=1 ...)</c> or <c>PMOS(...)</c>: ngspice's level-1 Shichman-Hodges MOSFET or its level-3
/// semi-empirical short-channel MOSFET, with their parameter names and defaults (mos1set.c, mos1temp.c, mos3set.c,
/// mos3temp.c). Parameters whose absence ngspice treats specially are nullable here (TOX: no Meyer capacitances at
/// level 1, 100 nm at level 3; KP: derived from UO and TOX; CBD/CBS: from CJ and the areas; GAMMA, PHI and VTO:
/// derived from NSUB when that is given). Each level accepts only its own parameters (level 3 has no LAMBDA, level 1
/// none of THETA, ETA, KAPPA, VMAX, DELTA, XJ, NFS, DELVTO, XL, XW, WD).
/// </summary>
public sealed class MosfetModel : Entity
{
    public MosfetModel(string name, bool pmos = false) : base(name) { IsPmos = pmos; }

    public bool IsPmos { get; }
    /// <summary>1 (Shichman-Hodges) or 3 (ngspice's mos3), LEVEL; set before the other parameters.</summary>
    public int Level { get; set; } = 1;
    /// <summary>The levels this model type implements.</summary>
    public static bool IsSupportedLevel(double level) => level is 1 or 3;
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
    /// <summary>Sidewall grading coefficient, MJSW (0.5 at level 1, 0.33 at level 3 when not given).</summary>
    public double BulkJunctionSideGradingCoeff
    {
        get => _sideGradingCoeff ?? (Level == 3 ? 0.33 : 0.5);
        set => _sideGradingCoeff = value;
    }
    private double? _sideGradingCoeff;
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

    // level 3 only (mos3set.c defaults)
    /// <summary>Mobility modulation by the gate voltage (1/V), THETA.</summary>
    public double Theta { get; set; }
    /// <summary>Static feedback: the drain voltage's lowering of the threshold (DIBL), ETA.</summary>
    public double Eta { get; set; }
    /// <summary>Saturation field factor of the channel-length modulation, KAPPA.</summary>
    public double Kappa { get; set; } = 0.2;
    /// <summary>Maximum carrier drift velocity (m/s), VMAX; 0: no velocity saturation.</summary>
    public double MaxDriftVelocity { get; set; }
    /// <summary>Width effect on the threshold (narrow channel), DELTA.</summary>
    public double NarrowWidthDelta { get; set; }
    /// <summary>Metallurgical junction depth (m), XJ; 0: no short-channel threshold reduction.</summary>
    public double JunctionDepth { get; set; }
    /// <summary>Fast surface state density (1/cm^2), NFS; non-zero: the weak-inversion (subthreshold) current.</summary>
    public double FastSurfaceStateDensity { get; set; }
    /// <summary>Threshold voltage shift (V), DELVTO.</summary>
    public double DelVto { get; set; }
    /// <summary>Length mask adjustment (m), XL: added to the effective length.</summary>
    public double LengthAdjust { get; set; }
    /// <summary>Width mask adjustment (m), XW: added to the effective width.</summary>
    public double WidthAdjust { get; set; }
    /// <summary>Width narrowing by diffusion (m), WD: twice subtracted from the effective width.</summary>
    public double WidthNarrow { get; set; }

    /// <summary>The channel length the drain current sees: L - 2 LD + XL.</summary>
    public double EffectiveLength(double length) => length - 2 * LateralDiffusion + LengthAdjust;
    /// <summary>The channel width the drain current sees: W - 2 WD + XW.</summary>
    public double EffectiveWidth(double width) => width - 2 * WidthNarrow + WidthAdjust;

    public override Behavior? CreateBehavior(BindingContext context) => null;

    /// <summary>Sets a parameter by its SPICE name; false for a name we do not know.</summary>
    public bool TrySet(string parameter, double value)
    {
        var name = parameter.ToLowerInvariant();
        if (Level == 3) return TrySetLevel3(name, value);
        return name != "lambda" && IsLevel3Only(name) ? false : TrySetShared(name, value);
    }

    private bool TrySetLevel3(string name, double value)
    {
        switch (name)
        {
            case "lambda": return false;
            case "theta": Theta = value; return true;
            case "eta": Eta = value; return true;
            case "kappa": Kappa = value; return true;
            case "vmax": MaxDriftVelocity = value; return true;
            case "delta": NarrowWidthDelta = value; return true;
            case "xj": JunctionDepth = value; return true;
            case "nfs": FastSurfaceStateDensity = value; return true;
            case "delvto": case "delvt0": DelVto = value; return true;
            case "xl": LengthAdjust = value; return true;
            case "xw": WidthAdjust = value; return true;
            case "wd": WidthNarrow = value; return true;
            default: return TrySetShared(name, value);
        }
    }

    private static bool IsLevel3Only(string name) => name is "theta" or "eta" or "kappa" or "vmax" or "delta" or "xj"
        or "nfs" or "delvto" or "delvt0" or "xl" or "xw" or "wd";

    private bool TrySetShared(string name, double value)
    {
        switch (name)
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
        var p = new List<string> { $"level={Level}" };
        void Add(string key, double? value)
        {
            if (value is { } v) p.Add($"{key}={NetlistNumber.Format(v)}");
        }
        Add("vto", ThresholdVoltage); Add("kp", Transconductance); Add("gamma", Gamma); Add("phi", Phi);
        if (Level == 1) Add("lambda", Lambda);
        Add("rd", DrainResistance); Add("rs", SourceResistance); Add("cbd", CapBD); Add("cbs", CapBS);
        Add("is", JunctionSatCur); Add("js", JunctionSatCurDensity); Add("pb", BulkJunctionPotential);
        Add("cgso", GateSourceOverlapCapFactor); Add("cgdo", GateDrainOverlapCapFactor); Add("cgbo", GateBulkOverlapCapFactor);
        Add("cj", BulkCapFactor); Add("mj", BulkJunctionBotGradingCoeff); Add("cjsw", SideWallCapFactor);
        Add("mjsw", BulkJunctionSideGradingCoeff); Add("fc", ForwardCapDepCoeff); Add("tox", OxideThickness);
        Add("ld", LateralDiffusion); Add("uo", SurfaceMobility); Add("nsub", SubstrateDoping); Add("tpg", GateType);
        Add("nss", SurfaceStateDensity); Add("tnom", NominalTemperature);
        if (FlickerCoefficient != 0) { Add("kf", FlickerCoefficient); Add("af", FlickerExponent); }
        if (Level == 3)
        {
            Add("theta", Theta); Add("eta", Eta); Add("kappa", Kappa); Add("vmax", MaxDriftVelocity);
            Add("delta", NarrowWidthDelta); Add("xj", JunctionDepth); Add("nfs", FastSurfaceStateDensity);
            Add("delvto", DelVto); Add("xl", LengthAdjust); Add("xw", WidthAdjust); Add("wd", WidthNarrow);
        }
        return $".model {Name} {(IsPmos ? "PMOS" : "NMOS")}({string.Join(" ", p)})";
    }
}
