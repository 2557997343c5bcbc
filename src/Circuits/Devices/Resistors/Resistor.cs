using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Devices;

/// <summary>
/// A linear resistor <c>Rname n+ n- value [model] [ac=] [m=] [scale=] [tc1=] [tc2=] [tce=] [temp=] [dtemp=]</c>,
/// with what its model (if any) gives already folded in (restemp.c's RESupdate_conduct).
/// </summary>
public sealed class Resistor : Component
{
    public Resistor(string name, string positive, string negative, double resistance) : base(name, positive, negative)
    {
        Resistance = resistance;
    }

    /// <summary>
    /// Resistance in ohms at the nominal temperature, divided by the multiplier m and times the scale (the value the
    /// circuit sees); ngspice raises values below 1 milliohm to 1 milliohm, and so do we.
    /// </summary>
    public double Resistance { get; set; }

    /// <summary>The resistance in AC analyses (<c>ac=</c>, folded like <see cref="Resistance"/>); null: the DC value.</summary>
    public double? AcResistance { get; set; }

    /// <summary>TC1 (1/K): R(T) = R * (1 + tc1*(T-Tnom) + tc2*(T-Tnom)^2).</summary>
    public double FirstOrderTemperatureCoefficient { get; set; }
    /// <summary>TC2 (1/K^2).</summary>
    public double SecondOrderTemperatureCoefficient { get; set; }
    /// <summary>TCE (%/K): when given, R(T) = R * 1.01^(tce*(T-Tnom)) instead of the polynomial.</summary>
    public double? ExponentialTemperatureCoefficient { get; set; }

    /// <summary>The instance temperature (degrees C, <c>temp=</c>); null: the circuit's.</summary>
    public double? Temperature { get; set; }
    /// <summary>Offset from the circuit temperature (K, <c>dtemp=</c>), used when <see cref="Temperature"/> is not given.</summary>
    public double TemperatureOffset { get; set; }
    /// <summary>The model's TNOM (degrees C); null: the circuit's tnom.</summary>
    public double? NominalTemperature { get; set; }

    /// <summary>The <c>.model</c> it names, if any (written back with it).</summary>
    public string? Model { get; set; }
    /// <summary>The multiplier m (parallel copies), already folded into <see cref="Resistance"/>; kept for noise.</summary>
    public double Multiplier { get; set; } = 1;
    /// <summary>The scale factor (<c>scale=</c>), already folded into <see cref="Resistance"/>; kept for sensitivity.</summary>
    public double Scale { get; set; } = 1;
    /// <summary>False for <c>noisy=0</c>: the resistor adds no noise.</summary>
    public bool Noisy { get; set; } = true;
    /// <summary>Flicker noise of its model (KF, AF, EF and the effective area); null without a model or KF.</summary>
    public ResistorFlickerNoise? FlickerNoise { get; set; }

    /// <summary>
    /// The factor R(T)/R(Tnom) at circuit temperature <paramref name="circuitTemperature"/> and circuit tnom
    /// <paramref name="circuitNominal"/> (both in kelvin), as ngspice's RESupdate_conduct.
    /// </summary>
    public double TemperatureFactor(double circuitTemperature, double circuitNominal)
    {
        var t = Temperature is { } celsius ? celsius + PhysicalConstants.CelsiusToKelvin : circuitTemperature + TemperatureOffset;
        var nominal = NominalTemperature is { } tnom ? tnom + PhysicalConstants.CelsiusToKelvin : circuitNominal;
        var difference = t - nominal;
        if (ExponentialTemperatureCoefficient is { } tce) return Math.Pow(1.01, tce * difference);
        return (SecondOrderTemperatureCoefficient * difference + FirstOrderTemperatureCoefficient) * difference + 1.0;
    }

    public override IEnumerable<(int A, int B)> ConductivePairs => TerminalPair;

    public override Behavior CreateBehavior(BindingContext context) => new ResistorBehavior(this, context);

    public override string ToNetlist()
    {
        var m = Multiplier;
        var s = $"{Name} {Nodes[0]} {Nodes[1]} {Num(Resistance * m)}";
        if (Model is not null) s += $" {Model}";
        if (m != 1) s += $" m={Num(m)}";
        if (AcResistance is { } ac) s += $" ac={Num(ac * m)}";
        if (FirstOrderTemperatureCoefficient != 0) s += $" tc1={Num(FirstOrderTemperatureCoefficient)}";
        if (SecondOrderTemperatureCoefficient != 0) s += $" tc2={Num(SecondOrderTemperatureCoefficient)}";
        if (ExponentialTemperatureCoefficient is { } tce) s += $" tce={Num(tce)}";
        if (Temperature is { } temp) s += $" temp={Num(temp)}";
        else if (TemperatureOffset != 0) s += $" dtemp={Num(TemperatureOffset)}";
        if (!Noisy) s += " noisy=0";
        return s;
    }
}

/// <summary>A resistor's flicker noise (resnoise.c): m * KF * |I/m|^AF / (Area * f^EF) A^2/Hz.</summary>
/// <param name="Kf">KF.</param>
/// <param name="Af">AF, the current exponent.</param>
/// <param name="Ef">EF, the frequency exponent.</param>
/// <param name="Area">(L - 2 short)^LF * (W - 2 narrow)^WF when L or W is given on the instance, else 1.</param>
public sealed record ResistorFlickerNoise(double Kf, double Af, double Ef, double Area);
