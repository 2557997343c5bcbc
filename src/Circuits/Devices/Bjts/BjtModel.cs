using System.Globalization;
using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Devices;

/// <summary>
/// <c>.model NAME NPN(...)</c> or <c>PNP(...)</c>: ngspice's Gummel-Poon bipolar transistor (level 1), with its
/// parameter names, aliases and defaults (bjtsetup.c, bjttemp.c). Parameters that ngspice defaults from others
/// (rbm from rb) or treats specially when absent (vaf, var, ikf, ikr: infinite) are nullable here.
/// </summary>
public sealed class BjtModel : Entity
{
    public BjtModel(string name, bool pnp = false) : base(name) { IsPnp = pnp; }

    /// <summary>True for PNP, false for NPN.</summary>
    public bool IsPnp { get; }
    /// <summary>+1 for NPN, -1 for PNP (SPICE's BJTtype).</summary>
    public int Polarity => IsPnp ? -1 : 1;
    /// <summary>Substrate connection: true vertical (the substrate junction sits at the collector), false lateral (at the base). Defaults: NPN vertical, PNP lateral.</summary>
    public bool? Vertical { get; set; }

    /// <summary>Transport saturation current (A), IS.</summary>
    public double SaturationCurrent { get; set; } = 1e-16;
    /// <summary>Ideal maximum forward beta, BF.</summary>
    public double BetaF { get; set; } = 100;
    /// <summary>Forward emission coefficient, NF.</summary>
    public double EmissionCoefficientF { get; set; } = 1;
    /// <summary>Forward Early voltage (V), VAF; null: none.</summary>
    public double? EarlyVoltageF { get; set; }
    /// <summary>Forward beta roll-off corner current (A), IKF; null: none.</summary>
    public double? RollOffF { get; set; }
    /// <summary>B-E leakage saturation current (A), ISE (a value above 1e-4 is taken as a multiple of IS, as in ngspice).</summary>
    public double LeakBECurrent { get; set; }
    /// <summary>B-E leakage emission coefficient, NE.</summary>
    public double LeakBEEmissionCoefficient { get; set; } = 1.5;
    /// <summary>Ideal maximum reverse beta, BR.</summary>
    public double BetaR { get; set; } = 1;
    /// <summary>Reverse emission coefficient, NR.</summary>
    public double EmissionCoefficientR { get; set; } = 1;
    /// <summary>Reverse Early voltage (V), VAR; null: none.</summary>
    public double? EarlyVoltageR { get; set; }
    /// <summary>Reverse beta roll-off corner current (A), IKR; null: none.</summary>
    public double? RollOffR { get; set; }
    /// <summary>B-C leakage saturation current (A), ISC (above 1e-4: a multiple of IS).</summary>
    public double LeakBCCurrent { get; set; }
    /// <summary>B-C leakage emission coefficient, NC.</summary>
    public double LeakBCEmissionCoefficient { get; set; } = 2;
    /// <summary>Zero-bias base resistance (ohm), RB.</summary>
    public double BaseResistance { get; set; }
    /// <summary>Current where the base resistance falls halfway to RBM (A), IRB; 0: no modulation.</summary>
    public double BaseCurrentHalfResist { get; set; }
    /// <summary>Minimum base resistance (ohm), RBM; null: RB.</summary>
    public double? MinimumBaseResistance { get; set; }
    /// <summary>Emitter resistance (ohm), RE.</summary>
    public double EmitterResistance { get; set; }
    /// <summary>Collector resistance (ohm), RC.</summary>
    public double CollectorResistance { get; set; }
    /// <summary>B-E zero-bias depletion capacitance (F), CJE.</summary>
    public double DepletionCapBE { get; set; }
    /// <summary>B-E built-in potential (V), VJE.</summary>
    public double PotentialBE { get; set; } = 0.75;
    /// <summary>B-E junction grading coefficient, MJE.</summary>
    public double JunctionExpBE { get; set; } = 0.33;
    /// <summary>Ideal forward transit time (s), TF.</summary>
    public double TransitTimeF { get; set; }
    /// <summary>Coefficient of the bias dependence of TF, XTF.</summary>
    public double TransitTimeBiasCoeffF { get; set; }
    /// <summary>Voltage giving the VBC dependence of TF (V), VTF; null or 0: none.</summary>
    public double? TransitTimeFVbc { get; set; }
    /// <summary>High-current parameter of TF (A), ITF.</summary>
    public double TransitTimeHighCurrentF { get; set; }
    /// <summary>B-C zero-bias depletion capacitance (F), CJC.</summary>
    public double DepletionCapBC { get; set; }
    /// <summary>B-C built-in potential (V), VJC.</summary>
    public double PotentialBC { get; set; } = 0.75;
    /// <summary>B-C junction grading coefficient, MJC.</summary>
    public double JunctionExpBC { get; set; } = 0.33;
    /// <summary>Fraction of the B-C capacitance at the internal base, XCJC.</summary>
    public double BaseFractionBCCap { get; set; } = 1;
    /// <summary>Ideal reverse transit time (s), TR.</summary>
    public double TransitTimeR { get; set; }
    /// <summary>Substrate zero-bias capacitance (F), CJS.</summary>
    public double CapSubstrate { get; set; }
    /// <summary>Substrate junction potential (V), VJS.</summary>
    public double PotentialSubstrate { get; set; } = 0.75;
    /// <summary>Substrate junction grading coefficient, MJS.</summary>
    public double ExponentSubstrate { get; set; }
    /// <summary>Substrate saturation current (A), ISS; null: the substrate junction is only gmin.</summary>
    public double? SubstrateSaturationCurrent { get; set; }
    /// <summary>Substrate emission coefficient, NS.</summary>
    public double EmissionCoefficientS { get; set; } = 1;
    /// <summary>Forward and reverse beta temperature exponent, XTB.</summary>
    public double BetaExponent { get; set; }
    /// <summary>Energy gap (eV), EG.</summary>
    public double EnergyGap { get; set; } = 1.11;
    /// <summary>Temperature exponent of IS, XTI.</summary>
    public double TempExpIS { get; set; } = 3;
    /// <summary>Forward-bias depletion capacitance coefficient, FC (limited to 0.9999).</summary>
    public double DepletionCapCoefficient { get; set; } = 0.5;
    /// <summary>High-current roll-off exponent, NKF; null: the square root of the Gummel-Poon base charge.</summary>
    public double? Nkf { get; set; }
    /// <summary>Parameter measurement temperature (degrees C), TNOM; null: the circuit's tnom.</summary>
    public double? NominalTemperature { get; set; }
    /// <summary>Flicker-noise coefficient, KF (0: no flicker noise).</summary>
    public double FlickerCoefficient { get; set; }
    /// <summary>Flicker-noise current exponent, AF.</summary>
    public double FlickerExponent { get; set; } = 1;

    public override Behavior? CreateBehavior(BindingContext context) => null;

    /// <summary>Sets a parameter by its SPICE name (or ngspice alias); false for a name we do not know.</summary>
    public bool TrySet(string parameter, double value)
    {
        switch (parameter.ToLowerInvariant())
        {
            case "is": SaturationCurrent = value; return true;
            case "bf": BetaF = value; return true;
            case "nf": EmissionCoefficientF = value; return true;
            case "vaf": case "va": EarlyVoltageF = value; return true;
            case "ikf": case "ik": RollOffF = value; return true;
            case "ise": LeakBECurrent = value; return true;
            case "ne": LeakBEEmissionCoefficient = value; return true;
            case "br": BetaR = value; return true;
            case "nr": EmissionCoefficientR = value; return true;
            case "var": case "vb": EarlyVoltageR = value; return true;
            case "ikr": RollOffR = value; return true;
            case "isc": LeakBCCurrent = value; return true;
            case "nc": LeakBCEmissionCoefficient = value; return true;
            case "rb": BaseResistance = value; return true;
            case "irb": BaseCurrentHalfResist = value; return true;
            case "rbm": MinimumBaseResistance = value; return true;
            case "re": EmitterResistance = value; return true;
            case "rc": CollectorResistance = value; return true;
            case "cje": DepletionCapBE = value; return true;
            case "vje": case "pe": PotentialBE = value; return true;
            case "mje": case "me": JunctionExpBE = value; return true;
            case "tf": TransitTimeF = value; return true;
            case "xtf": TransitTimeBiasCoeffF = value; return true;
            case "vtf": TransitTimeFVbc = value; return true;
            case "itf": TransitTimeHighCurrentF = value; return true;
            case "cjc": DepletionCapBC = value; return true;
            case "vjc": case "pc": PotentialBC = value; return true;
            case "mjc": case "mc": JunctionExpBC = value; return true;
            case "xcjc": BaseFractionBCCap = value; return true;
            case "tr": TransitTimeR = value; return true;
            case "cjs": case "ccs": case "csub": CapSubstrate = value; return true;
            case "vjs": case "ps": PotentialSubstrate = value; return true;
            case "mjs": case "ms": ExponentSubstrate = value; return true;
            case "iss": SubstrateSaturationCurrent = value; return true;
            case "ns": EmissionCoefficientS = value; return true;
            case "xtb": BetaExponent = value; return true;
            case "eg": EnergyGap = value; return true;
            case "xti": TempExpIS = value; return true;
            case "fc": DepletionCapCoefficient = value; return true;
            case "nkf": Nkf = value; return true;
            case "tnom": NominalTemperature = value; return true;
            case "kf": FlickerCoefficient = value; return true;
            case "af": FlickerExponent = value; return true;
            case "subs":
                if (value != 1 && value != -1) return false;
                Vertical = value == 1;
                return true;
            default: return false;
        }
    }

    public override string ToNetlist()
    {
        var p = new List<string>();
        void Add(string key, double value) => p.Add($"{key}={NetlistNumber.Format(value)}");
        Add("is", SaturationCurrent); Add("bf", BetaF); Add("nf", EmissionCoefficientF);
        if (EarlyVoltageF is { } vaf) Add("vaf", vaf);
        if (RollOffF is { } ikf) Add("ikf", ikf);
        Add("ise", LeakBECurrent); Add("ne", LeakBEEmissionCoefficient); Add("br", BetaR); Add("nr", EmissionCoefficientR);
        if (EarlyVoltageR is { } var) Add("var", var);
        if (RollOffR is { } ikr) Add("ikr", ikr);
        Add("isc", LeakBCCurrent); Add("nc", LeakBCEmissionCoefficient); Add("rb", BaseResistance); Add("irb", BaseCurrentHalfResist);
        if (MinimumBaseResistance is { } rbm) Add("rbm", rbm);
        Add("re", EmitterResistance); Add("rc", CollectorResistance);
        Add("cje", DepletionCapBE); Add("vje", PotentialBE); Add("mje", JunctionExpBE);
        Add("tf", TransitTimeF); Add("xtf", TransitTimeBiasCoeffF);
        if (TransitTimeFVbc is { } vtf) Add("vtf", vtf);
        Add("itf", TransitTimeHighCurrentF);
        Add("cjc", DepletionCapBC); Add("vjc", PotentialBC); Add("mjc", JunctionExpBC); Add("xcjc", BaseFractionBCCap);
        Add("tr", TransitTimeR); Add("cjs", CapSubstrate); Add("vjs", PotentialSubstrate); Add("mjs", ExponentSubstrate);
        if (SubstrateSaturationCurrent is { } iss) Add("iss", iss);
        Add("ns", EmissionCoefficientS); Add("xtb", BetaExponent); Add("eg", EnergyGap); Add("xti", TempExpIS);
        Add("fc", DepletionCapCoefficient);
        if (Nkf is { } nkf) Add("nkf", nkf);
        if (NominalTemperature is { } tnom) Add("tnom", tnom);
        if (FlickerCoefficient != 0) { Add("kf", FlickerCoefficient); Add("af", FlickerExponent); }
        if (Vertical is { } v) p.Add(string.Create(CultureInfo.InvariantCulture, $"subs={(v ? 1 : -1)}"));
        return $".model {Name} {(IsPnp ? "PNP" : "NPN")}({string.Join(" ", p)})";
    }
}
