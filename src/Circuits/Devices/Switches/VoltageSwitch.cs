using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Devices;

/// <summary><c>Sname n+ n- nc+ nc- model [on|off]</c>: a resistor switched between ron and roff by v(nc+,nc-).</summary>
public sealed class VoltageSwitch : Component
{
    public VoltageSwitch(string name, string positive, string negative, string controlPositive, string controlNegative, string model)
        : base(name, positive, negative, controlPositive, controlNegative)
    {
        Model = model;
    }

    public string Model { get; }
    /// <summary>The initial state for the operating point: true for "on", false for "off", null when not given (off).</summary>
    public bool? InitiallyOn { get; set; }

    public override IEnumerable<(int A, int B)> ConductivePairs => TerminalPair;

    public override Behavior CreateBehavior(BindingContext context) =>
        new VoltageSwitchBehavior(this, context.Model<SwitchModel>(Name, Model), context);

    public override string ToNetlist() =>
        $"{Name} {Nodes[0]} {Nodes[1]} {Nodes[2]} {Nodes[3]} {Model}" + (InitiallyOn is { } on ? (on ? " on" : " off") : "");
}
