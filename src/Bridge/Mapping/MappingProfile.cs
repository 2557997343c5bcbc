using System.Globalization;
using System.Text;
using Hwsim.Circuits.Blocks;
using Hwsim.Circuits.Devices;

namespace Hwsim.Bridge.Mapping;

/// <summary>What sits at each crossbar crossing.</summary>
public enum CrossbarDeviceKind
{
    /// <summary>A resistor of the programmed conductance.</summary>
    Resistor,
    /// <summary>The memristor model at the state that gives the programmed conductance.</summary>
    Memristor,
}

/// <summary>
/// How a network becomes a circuit: the conductance window and weight scale, read voltage, signal scale, amplifier
/// model, quantisation, wire resistance, device kind and variation. The defaults follow the literature on
/// memristor crossbars for LSTMs (Li et al., Nature Machine Intelligence 2019: a 1T1R window of about 1-100 uS,
/// 0.1-0.2 V read voltage, a differential pair per weight).
/// </summary>
public sealed record MappingProfile
{
    /// <summary>Lowest programmable conductance (S).</summary>
    public double Gmin { get; init; } = 1e-6;
    /// <summary>Highest programmable conductance (S).</summary>
    public double Gmax { get; init; } = 100e-6;
    /// <summary>Conductance per unit weight (S); null fits each layer so its largest |weight| lands on Gmax.</summary>
    public double? WeightScale { get; init; }
    /// <summary>Row read voltage per unit of input value (V).</summary>
    public double ReadVoltage { get; init; } = 0.2;
    /// <summary>
    /// Volts per unit at every signal node (pre-activations, activations, gates, states). 0.1 V keeps values up to
    /// +/-100 inside the +/-10 V amplifier rails (the shape classifier's logits reach 75).
    /// </summary>
    public double SignalVoltsPerUnit { get; init; } = 0.1;
    /// <summary>Conductance levels are 2^bits; null keeps analog (exact) conductances.</summary>
    public int? WeightBits { get; init; }
    /// <summary>Row drivers quantise inputs to 2^bits levels over +/-InputFullScale; null keeps them exact.</summary>
    public int? InputBits { get; init; }
    public double InputFullScale { get; init; } = 4;
    /// <summary>Wire resistance per crossing segment along rows and columns (ohm).</summary>
    public double WireResistance { get; init; }
    public CrossbarDeviceKind Device { get; init; } = CrossbarDeviceKind.Resistor;
    // The non-idealities of the crossings (see ConductanceSampler for the formulas): each is off by default.
    /// <summary>Device-to-device programming variation: G = G0 exp(sigma z), z standard normal. Default 0.</summary>
    public double VariationSigma { get; init; }
    /// <summary>Probability that a device is stuck at Gmin. Default 0.</summary>
    public double StuckAtGminProbability { get; init; }
    /// <summary>Probability that a device is stuck at Gmax. Default 0.</summary>
    public double StuckAtGmaxProbability { get; init; }
    /// <summary>Read noise: every read sees G (1 + sigma z), a fresh z per device and evaluation point. Default 0.</summary>
    public double ReadNoiseSigma { get; init; }
    /// <summary>Time since programming (s) at which the crossbars are read; 0 (the default) reads before any drift.</summary>
    public double DriftTime { get; init; }
    /// <summary>The drift's reference time t0 (s): aihwkit's PCM model's 20 s (first read after programming).</summary>
    public double DriftReferenceTime { get; init; } = 20;
    /// <summary>The drift exponent nu: 0.05, the low end of aihwkit's PCM fit (mean nu 0.049-0.1).</summary>
    public double DriftExponent { get; init; } = 0.05;
    /// <summary>Device-to-device spread of nu (standard deviation); default 0 (every device drifts alike).</summary>
    public double DriftExponentSigma { get; init; }
    /// <summary>
    /// Temperature (degrees C) of the crossbars (through <see cref="TemperatureCoefficient"/>) and, at the device level,
    /// of the transistors (the engine's device temperature); default <see cref="NominalTemperature"/>, where nothing changes.
    /// </summary>
    public double Temperature { get; init; } = NominalTemperature;
    /// <summary>
    /// Temperature coefficient of conductance at the ideal and macro levels (1/K): G(T) = G (1 + alpha (T - 27 C)).
    /// Default +0.002/K, an assumption of hwsim's (the thermally activated conduction of oxide memristors in their
    /// intermediate states rises with temperature); give the figure of your devices.
    /// </summary>
    public double TemperatureCoefficient { get; init; } = 0.002;
    /// <summary>The process corner of the amplifiers (<see cref="ProcessCorners"/>); default typical.</summary>
    public ProcessCorner Corner { get; init; } = ProcessCorner.Typical;
    /// <summary>Seed of every random draw of the non-idealities (programming and read noise).</summary>
    public long Seed { get; init; } = 1;
    /// <summary>The op-amp of the macro level's amplifiers at the typical corner (<see cref="Amplifier"/> is the one in use).</summary>
    public OpAmpModel OpAmp { get; init; } = new() { Gain = 1e5, GainBandwidth = 10e6, PositiveRail = 10, NegativeRail = -10 };

    /// <summary>The temperature at which the devices were characterised, SPICE's TNOM (degrees C).</summary>
    public const double NominalTemperature = 27;

    /// <summary>The op-amp at the profile's corner.</summary>
    public OpAmpModel Amplifier => ProcessCorners.Amplifier(OpAmp, Corner);

    /// <summary>True when the crossbars are read after some drift.</summary>
    public bool HasDrift => DriftTime > 0;

    /// <summary>
    /// How the memristors at the crossings move (device level with <see cref="CrossbarDeviceKind.Memristor"/>): the
    /// threshold model by default, so that reading below +/-0.8 V leaves the programmed weights alone over the long
    /// clocked transient (the HP drift model would shift them by the read current).
    /// </summary>
    public MemristorDynamics MemristorDynamics { get; init; } = MemristorDynamics.Threshold;

    /// <summary>Hold capacitor of each stage of the device level's sample-and-holds (F).</summary>
    public double HoldCapacitance { get; init; } = 10e-12;

    /// <summary>The supplies of the device level, one per block kind (<see cref="DeviceSupplies"/>).</summary>
    public DeviceSupplies Supplies { get; init; } = DeviceSupplies.Default;

    public SignalScale Scale => new(SignalVoltsPerUnit);

    /// <summary>
    /// The profile without its random and time-dependent non-idealities (variation, stuck devices, read noise, drift,
    /// temperature): the nominal circuit of a Monte Carlo study, whose crossings hold the programmed targets. The corner
    /// stays: it is a choice of circuit, not a draw.
    /// </summary>
    public MappingProfile Nominal() => this with
    {
        VariationSigma = 0, StuckAtGminProbability = 0, StuckAtGmaxProbability = 0, ReadNoiseSigma = 0,
        DriftTime = 0, Temperature = NominalTemperature,
    };

    /// <summary>The wire resistance per segment of the device level's crossbars (ohm), unless given.</summary>
    public const double DeviceWireResistance = 1;

    /// <summary>
    /// The default profile of a level: ideal keeps everything exact; macro quantises weights to 8 bits; device adds
    /// memristors (threshold model) at the crossings, <see cref="DeviceWireResistance"/> per wire segment and a signal
    /// scale of 1 V per unit (the demos' table may change it per demo).
    /// </summary>
    public static MappingProfile For(FidelityLevel level) => level switch
    {
        FidelityLevel.Ideal => new MappingProfile(),
        FidelityLevel.Macro => new MappingProfile { WeightBits = 8 },
        _ => new MappingProfile
        {
            WeightBits = 8, Device = CrossbarDeviceKind.Memristor, WireResistance = DeviceWireResistance, SignalVoltsPerUnit = 1,
        },
    };

    /// <summary>The conductance mapping of one layer's weights (bias included).</summary>
    public ConductanceMapping MappingFor(IEnumerable<double> weights)
    {
        var levels = WeightBits is { } b ? 1 << b : (int?)null;
        return WeightScale is { } s
            ? new ConductanceMapping(Gmin, Gmax, s, levels)
            : ConductanceMapping.FitTo(weights, Gmin, Gmax, levels);
    }

    /// <summary>The transimpedance that turns the column current of a layer back into signal volts.</summary>
    public double Transresistance(ConductanceMapping mapping) => SignalVoltsPerUnit / (mapping.WeightScale * ReadVoltage);

    /// <summary>Throws an <see cref="ArgumentException"/> saying what is wrong with the settings, if anything.</summary>
    public void Validate()
    {
        if (Problem() is { } problem) throw new ArgumentException(problem);
    }

    /// <summary>What is wrong with the settings (one line, starting "profile: "), or null when they can be used.</summary>
    public string? Problem()
    {
        if (!(Gmin >= 0) || !(Gmax > Gmin)) return $"profile: need 0 <= Gmin < Gmax, got [{Gmin}, {Gmax}]";
        if (!(ReadVoltage > 0)) return "profile: the read voltage must be positive";
        if (!(SignalVoltsPerUnit > 0)) return "profile: the signal scale must be positive";
        if (WeightBits is < 1 or > 24) return "profile: weight bits must be between 1 and 24";
        if (InputBits is < 1 or > 24) return "profile: input bits must be between 1 and 24";
        if (WireResistance < 0) return "profile: wire resistance must not be negative";
        if (!(VariationSigma >= 0) || double.IsInfinity(VariationSigma)) return "profile: the variation sigma must be a finite number >= 0";
        if (!(StuckAtGminProbability >= 0) || !(StuckAtGmaxProbability >= 0) || !(StuckAtGminProbability + StuckAtGmaxProbability <= 1))
            return "profile: stuck-at probabilities must be >= 0 and sum to at most 1";
        if (!(ReadNoiseSigma >= 0) || double.IsInfinity(ReadNoiseSigma)) return "profile: the read noise sigma must be a finite number >= 0";
        if (!(DriftTime >= 0) || double.IsInfinity(DriftTime)) return "profile: the drift time must be a finite number of seconds >= 0";
        if (!(DriftReferenceTime > 0)) return "profile: the drift reference time t0 must be positive";
        if (!(DriftExponent >= 0) || !(DriftExponentSigma >= 0)) return "profile: the drift exponent and its spread must be >= 0";
        if (!double.IsFinite(Temperature) || !double.IsFinite(TemperatureCoefficient) || !(1 + TemperatureCoefficient * (Temperature - NominalTemperature) > 0))
            return $"profile: at {Temperature} C the temperature coefficient {TemperatureCoefficient}/K leaves no positive conductance";
        if (!(HoldCapacitance > 0)) return "profile: the hold capacitance must be positive";
        return null;
    }

    /// <summary>A readable list of the settings, for reports.</summary>
    public string Describe()
    {
        var sb = new StringBuilder();
        void Line(string k, string v) => sb.Append(k).Append(": ").Append(v).Append('\n');
        string N(double x) => x.ToString("G4", CultureInfo.InvariantCulture);
        Line("conductance window", $"{N(Gmin * 1e6)} - {N(Gmax * 1e6)} uS");
        Line("weight scale", WeightScale is { } s ? $"{N(s * 1e6)} uS per unit weight" : "fitted per layer (largest |w| at Gmax)");
        Line("read voltage", $"{N(ReadVoltage)} V per unit input");
        Line("signal scale", $"{N(SignalVoltsPerUnit)} V per unit");
        Line("weight quantisation", WeightBits is { } b ? $"{b} bits ({1 << b} levels)" : "none (analog)");
        Line("input DAC", InputBits is { } ib ? $"{ib} bits over +/-{N(InputFullScale)}" : "none");
        Line("wire resistance", $"{N(WireResistance)} ohm per segment");
        Line("crossing device", Device == CrossbarDeviceKind.Memristor
            ? "memristor at its programmed state (in an operating point its state holds, so each crossing is the linear conductance of that state: written as that resistor at the ideal and macro levels; at the device level the memristor sub-circuit, which hwsim runs as its native device and ngspice as written)"
            : "resistor");
        Line("variation", $"sigma {N(VariationSigma)}, stuck at Gmin {N(StuckAtGminProbability)}, at Gmax {N(StuckAtGmaxProbability)}, seed {Seed}");
        Line("read noise", ReadNoiseSigma > 0 ? $"sigma {N(ReadNoiseSigma)} of G per read, fresh per evaluation point (not in the netlist: the evaluator re-reads the crossings)" : "none");
        Line("drift", HasDrift ? $"read {N(DriftTime)} s after programming: G ((t + t0)/t0)^-nu, t0 = {N(DriftReferenceTime)} s, nu = {N(DriftExponent)} (spread {N(DriftExponentSigma)})" : "none (read at programming)");
        Line("temperature", $"{N(Temperature)} C, conductance coefficient {N(TemperatureCoefficient)}/K (device level: also the engine's device temperature, .temp)");
        Line("corner", Corner == ProcessCorner.Typical ? "typical" : $"{Corner.Name()} (op-amps; at the device level also the transistors' and diodes' models)");
        var amp = Amplifier;
        Line("op-amp", $"gain {N(amp.Gain)}, GBW {N(amp.GainBandwidth)} Hz, rout {N(amp.OutputResistance)} ohm, rails {N(amp.NegativeRail)} .. {N(amp.PositiveRail)} V (device level: powered from its block's supply, rails {N(SupplyRails.Headroom)} V inside it, quiescent current {N(amp.QuiescentCurrent * 1e3)} mA)");
        if (Device == CrossbarDeviceKind.Memristor) Line("memristor dynamics", MemristorDynamics == MemristorDynamics.Threshold ? "threshold (no drift below +/-0.8 V)" : "HP linear ion drift");
        Line("device-level supplies", string.Join("; ", Supplies.All.Select(r => r.ToString())));
        Line("device-level hold capacitors", $"{N(HoldCapacitance * 1e12)} pF");
        return sb.ToString();
    }
}
