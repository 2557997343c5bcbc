using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Devices;

/// <summary>Magnetic coupling <c>Kname L1 L2 k</c> between two inductors, M = k*sqrt(L1*L2), 0 &lt; |k| &lt;= 1.</summary>
public sealed class MutualInductance : Entity
{
    public MutualInductance(string name, string inductor1, string inductor2, double coupling) : base(name)
    {
        Inductor1 = inductor1;
        Inductor2 = inductor2;
        Coupling = coupling;
    }

    public string Inductor1 { get; }
    public string Inductor2 { get; }
    public double Coupling { get; set; }

    public override Behavior CreateBehavior(BindingContext context)
    {
        if (Coupling == 0 || Math.Abs(Coupling) > 1)
            throw new CircuitException($"{Name}: coupling coefficient must satisfy 0 < |k| <= 1, got {Coupling}", Name);
        return new MutualInductanceBehavior(this, context);
    }

    public override string ToNetlist() => $"{Name} {Inductor1} {Inductor2} {NetlistNumber.Format(Coupling)}";
}
