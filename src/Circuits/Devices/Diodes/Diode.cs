using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Devices;

/// <summary><c>Dname anode cathode model [area] [off] [ic=vd]</c>.</summary>
public sealed class Diode : Component
{
    public Diode(string name, string anode, string cathode, string model) : base(name, anode, cathode)
    {
        Model = model;
    }

    public string Model { get; }
    public double Area { get; set; } = 1;
    /// <summary>Start the operating point with the junction off.</summary>
    public bool Off { get; set; }
    /// <summary>Initial junction voltage used with <c>uic</c>.</summary>
    public double? InitialCondition { get; set; }

    public override IEnumerable<(int A, int B)> ConductivePairs => TerminalPair;

    public override Behavior CreateBehavior(BindingContext context) =>
        new DiodeBehavior(this, context.Model<DiodeModel>(Name, Model), context);

    public override string ToNetlist()
    {
        var s = $"{Name} {Nodes[0]} {Nodes[1]} {Model}";
        if (Area != 1) s += $" {Num(Area)}";
        if (Off) s += " off";
        if (InitialCondition is { } ic) s += $" ic={Num(ic)}";
        return s;
    }
}
