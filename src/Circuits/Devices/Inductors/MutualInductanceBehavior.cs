using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Devices;

/// <summary>
/// Couples two inductor behaviours: each inductor adds M*i_other to its flux and -M*ag0 (or -jwM) to the
/// matrix entry between the two branch equations. The inductors do the work; this only wires them up.
/// </summary>
public sealed class MutualInductanceBehavior : Behavior
{
    /// <summary>One side of a coupling as an inductor sees it.</summary>
    internal sealed class Coupling
    {
        public double M;
        public int OtherBranch;
        public int Element;
    }

    private readonly MutualInductance _entity;
    private readonly Coupling _first = new(), _second = new();

    public MutualInductanceBehavior(MutualInductance entity, BindingContext context) : base(entity.Name)
    {
        _entity = entity;
    }

    /// <summary>Connects the two inductor behaviours (every behaviour exists by now) and asks for the coupling entries.</summary>
    public override void Setup(SetupContext context)
    {
        var l1 = Find(context, _entity.Inductor1);
        var l2 = Find(context, _entity.Inductor2);
        var m = _entity.Coupling * Math.Sqrt(l1.Inductance * l2.Inductance);
        _first.M = m;
        _first.OtherBranch = l2.Branch;
        _first.Element = context.Matrix.GetElement(l1.Branch, l2.Branch);
        _second.M = m;
        _second.OtherBranch = l1.Branch;
        _second.Element = context.Matrix.GetElement(l2.Branch, l1.Branch);
        l1.AddCoupling(_first);
        l2.AddCoupling(_second);
    }

    private InductorBehavior Find(SetupContext context, string name)
    {
        if (context.Find(name) is InductorBehavior l) return l;
        throw new CircuitException(
            context.Circuit.Contains(name) ? $"{Name}: {name} is not an inductor" : $"{Name}: inductor {name} is not defined", Name);
    }
}
