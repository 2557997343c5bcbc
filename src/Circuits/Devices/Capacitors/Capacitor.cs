using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Devices;

/// <summary>A linear capacitor <c>Cname n+ n- value [ic=v0]</c>.</summary>
public sealed class Capacitor : Component
{
    public Capacitor(string name, string positive, string negative, double capacitance) : base(name, positive, negative)
    {
        Capacitance = capacitance;
    }

    public double Capacitance { get; set; }

    /// <summary>Initial voltage used with <c>uic</c>; when absent, the node values of <c>.ic</c> apply.</summary>
    public double? InitialCondition { get; set; }

    /// <summary>The multiplier m, already folded into <see cref="Capacitance"/>; kept for sensitivity.</summary>
    public double Multiplier { get; set; } = 1;

    public override Behavior CreateBehavior(BindingContext context) => new CapacitorBehavior(this, context);

    public override string ToNetlist() =>
        $"{Name} {Nodes[0]} {Nodes[1]} {Num(Capacitance)}" + (InitialCondition is { } ic ? $" ic={Num(ic)}" : "");
}
