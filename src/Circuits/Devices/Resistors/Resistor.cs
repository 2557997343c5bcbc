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

    public override IEnumerable<(int A, int B)> ConductivePairs => new[] { (0, 1) };

    public override Behavior CreateBehavior(BindingContext context) => new ResistorBehavior(this, context);

    public override string ToNetlist() => $"{Name} {Nodes[0]} {Nodes[1]} {Num(Resistance)}";
}
