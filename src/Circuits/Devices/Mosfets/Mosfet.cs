using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Devices;

/// <summary>
/// <c>Mname drain gate source bulk model [l=] [w=] [ad=] [as=] [pd=] [ps=] [m=] [off] [ic=vds,vgs,vbs]</c>: a level-1 or
/// level-3 MOSFET (the model's LEVEL). L and W default to 100 um, as in ngspice.
/// </summary>
public sealed class Mosfet : Component
{
    public Mosfet(string name, string drain, string gate, string source, string bulk, string model)
        : base(name, drain, gate, source, bulk)
    {
        Model = model;
    }

    public string Model { get; }
    public double Length { get; set; } = 1e-4;
    public double Width { get; set; } = 1e-4;
    public double DrainArea { get; set; }
    public double SourceArea { get; set; }
    public double DrainPerimeter { get; set; }
    public double SourcePerimeter { get; set; }
    public double Multiplier { get; set; } = 1;
    public bool Off { get; set; }
    public double InitialVds { get; set; }
    public double InitialVgs { get; set; }
    public double InitialVbs { get; set; }

    /// <summary>Drain, source and bulk conduct to each other (channel, junctions and gmin); the gate is insulated.</summary>
    public override IEnumerable<(int A, int B)> ConductivePairs => new[] { (0, 2), (0, 3), (2, 3) };

    public override Behavior CreateBehavior(BindingContext context) =>
        new MosfetBehavior(this, context.Model<MosfetModel>(Name, Model), context);

    public override string ToNetlist()
    {
        var s = $"{Name} {Nodes[0]} {Nodes[1]} {Nodes[2]} {Nodes[3]} {Model} l={Num(Length)} w={Num(Width)}";
        if (DrainArea != 0) s += $" ad={Num(DrainArea)}";
        if (SourceArea != 0) s += $" as={Num(SourceArea)}";
        if (DrainPerimeter != 0) s += $" pd={Num(DrainPerimeter)}";
        if (SourcePerimeter != 0) s += $" ps={Num(SourcePerimeter)}";
        if (Multiplier != 1) s += $" m={Num(Multiplier)}";
        if (Off) s += " off";
        if (InitialVds != 0 || InitialVgs != 0 || InitialVbs != 0) s += $" ic={Num(InitialVds)},{Num(InitialVgs)},{Num(InitialVbs)}";
        return s;
    }
}
