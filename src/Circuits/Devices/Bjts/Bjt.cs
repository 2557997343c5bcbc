using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Devices;

/// <summary>
/// <c>Qname collector base emitter [substrate] model [area] [off] [ic=vbe,vce] [m=...]</c>: a bipolar transistor.
/// Without a substrate node the substrate is ground, as in ngspice.
/// </summary>
public sealed class Bjt : Component
{
    public Bjt(string name, string collector, string baseNode, string emitter, string model, string substrate = "0")
        : base(name, collector, baseNode, emitter, substrate)
    {
        Model = model;
    }

    public string Model { get; }
    public double Area { get; set; } = 1;
    /// <summary>Base area factor (ngspice areab); null: the area.</summary>
    public double? AreaB { get; set; }
    /// <summary>Collector area factor (ngspice areac); null: the area.</summary>
    public double? AreaC { get; set; }
    /// <summary>Parallel multiplier, M.</summary>
    public double Multiplier { get; set; } = 1;
    /// <summary>Start the operating point with the junctions off.</summary>
    public bool Off { get; set; }
    /// <summary>Initial V(b,e) with <c>uic</c>; null: from the node values of <c>.ic</c>.</summary>
    public double? InitialVbe { get; set; }
    /// <summary>Initial V(c,e) with <c>uic</c>; null: from the node values of <c>.ic</c>.</summary>
    public double? InitialVce { get; set; }

    /// <summary>Collector, base, emitter and substrate conduct to each other (through the junctions and gmin).</summary>
    public override IEnumerable<(int A, int B)> ConductivePairs => new[] { (0, 1), (1, 2), (0, 3) };

    public override Behavior CreateBehavior(BindingContext context) =>
        new BjtBehavior(this, context.Model<BjtModel>(Name, Model), context);

    public override string ToNetlist()
    {
        var s = $"{Name} {Nodes[0]} {Nodes[1]} {Nodes[2]}";
        if (Nodes[3] != "0") s += $" {Nodes[3]}";
        s += $" {Model}";
        if (Area != 1) s += $" {Num(Area)}";
        if (AreaB is { } ab) s += $" areab={Num(ab)}";
        if (AreaC is { } ac) s += $" areac={Num(ac)}";
        if (Multiplier != 1) s += $" m={Num(Multiplier)}";
        if (Off) s += " off";
        if (InitialVbe is not null || InitialVce is not null) s += $" ic={Num(InitialVbe ?? 0)},{Num(InitialVce ?? 0)}";
        return s;
    }
}
