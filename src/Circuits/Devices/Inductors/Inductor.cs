using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Devices;

/// <summary>A linear inductor <c>Lname n+ n- value [ic=i0]</c>. Its branch current is an unknown, <c>i(lname)</c>.</summary>
public sealed class Inductor : Component
{
    public Inductor(string name, string positive, string negative, double inductance) : base(name, positive, negative)
    {
        Inductance = inductance;
    }

    public double Inductance { get; set; }

    /// <summary>Initial current used with <c>uic</c>.</summary>
    public double? InitialCondition { get; set; }

    /// <summary>The multiplier m, already folded into <see cref="Inductance"/>; kept for sensitivity.</summary>
    public double Multiplier { get; set; } = 1;

    public override IEnumerable<(int A, int B)> ConductivePairs => TerminalPair;
    public override IEnumerable<(int A, int B)> VoltageDefinedPairs => TerminalPair;

    public override Behavior CreateBehavior(BindingContext context) => new InductorBehavior(this, context);

    public override string ToNetlist() =>
        $"{Name} {Nodes[0]} {Nodes[1]} {Num(Inductance)}" + (InitialCondition is { } ic ? $" ic={Num(ic)}" : "");
}
