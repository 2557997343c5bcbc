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
    /// <summary>Programming variation and stuck devices (seeded by <see cref="Seed"/>).</summary>
    public double VariationSigma { get; init; }
    public double StuckAtGminProbability { get; init; }
    public double StuckAtGmaxProbability { get; init; }
    public int Seed { get; init; } = 1;
    /// <summary>The op-amp of the macro level's amplifiers.</summary>
    public OpAmpModel OpAmp { get; init; } = new() { Gain = 1e5, GainBandwidth = 10e6, PositiveRail = 10, NegativeRail = -10 };

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

    public DeviceVariation Variation => new(VariationSigma, StuckAtGminProbability, StuckAtGmaxProbability, Seed);

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

    public void Validate()
    {
        if (!(Gmin >= 0) || !(Gmax > Gmin)) throw new ArgumentException($"profile: need 0 <= Gmin < Gmax, got [{Gmin}, {Gmax}]");
        if (!(ReadVoltage > 0)) throw new ArgumentException("profile: the read voltage must be positive");
        if (!(SignalVoltsPerUnit > 0)) throw new ArgumentException("profile: the signal scale must be positive");
        if (WeightBits is < 1 or > 24) throw new ArgumentException("profile: weight bits must be between 1 and 24");
        if (InputBits is < 1 or > 24) throw new ArgumentException("profile: input bits must be between 1 and 24");
        if (WireResistance < 0) throw new ArgumentException("profile: wire resistance must not be negative");
        if (!(HoldCapacitance > 0)) throw new ArgumentException("profile: the hold capacitance must be positive");
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
        Line("crossing device", Device.ToString().ToLowerInvariant());
        Line("variation", $"sigma {N(VariationSigma)}, stuck at Gmin {N(StuckAtGminProbability)}, at Gmax {N(StuckAtGmaxProbability)}, seed {Seed}");
        Line("op-amp", $"gain {N(OpAmp.Gain)}, GBW {N(OpAmp.GainBandwidth)} Hz, rails {N(OpAmp.NegativeRail)} .. {N(OpAmp.PositiveRail)} V (device level: powered from its block's supply, rails {N(SupplyRails.Headroom)} V inside it, quiescent current {N(OpAmp.QuiescentCurrent * 1e3)} mA)");
        if (Device == CrossbarDeviceKind.Memristor) Line("memristor dynamics", MemristorDynamics == MemristorDynamics.Threshold ? "threshold (no drift below +/-0.8 V)" : "HP linear ion drift");
        Line("device-level supplies", string.Join("; ", Supplies.All.Select(r => r.ToString())));
        Line("device-level hold capacitors", $"{N(HoldCapacitance * 1e12)} pF");
        return sb.ToString();
    }
}
