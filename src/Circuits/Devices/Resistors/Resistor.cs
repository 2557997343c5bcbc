using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Devices;

/// <summary>A linear resistor <c>Rname n+ n- value</c>.</summary>
public sealed class Resistor : Component
{
    public Resistor(string name, string positive, string negative, double resistance) : base(name, positive, negative)
    {
        Resistance = resistance;
    }

    /// <summary>Resistance in ohms; ngspice raises values below 1 milliohm to 1 milliohm, and so do we.</summary>
    public double Resistance { get; set; }

    /// <summary>TC1 (1/K): R(T) = R * (1 + tc1*(T-Tnom) + tc2*(T-Tnom)^2).</summary>
    public double FirstOrderTemperatureCoefficient { get; set; }
    /// <summary>TC2 (1/K^2).</summary>
    public double SecondOrderTemperatureCoefficient { get; set; }

    public override IEnumerable<(int A, int B)> ConductivePairs => TerminalPair;

    public override Behavior CreateBehavior(BindingContext context) => new ResistorBehavior(this, context);

    public override string ToNetlist()
    {
        var s = $"{Name} {Nodes[0]} {Nodes[1]} {Num(Resistance)}";
        if (FirstOrderTemperatureCoefficient != 0) s += $" tc1={Num(FirstOrderTemperatureCoefficient)}";
        if (SecondOrderTemperatureCoefficient != 0) s += $" tc2={Num(SecondOrderTemperatureCoefficient)}";
        return s;
    }
}
