using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Devices;

/// <summary><c>Fname n+ n- vcontrol gain</c>: a current gain * i(vcontrol) flows from n+ through the source to n-.</summary>
public sealed class CurrentControlledCurrentSource : Component
{
    public CurrentControlledCurrentSource(string name, string positive, string negative, string controllingSource, double gain)
        : base(name, positive, negative)
    {
        ControllingSource = controllingSource;
        Gain = gain;
    }

    /// <summary>The voltage source (or other branch device) whose current controls this one.</summary>
    public string ControllingSource { get; }
    public double Gain { get; set; }

    public override Behavior CreateBehavior(BindingContext context) => new CccsBehavior(this, context);

    public override string ToNetlist() => $"{Name} {Nodes[0]} {Nodes[1]} {ControllingSource} {Num(Gain)}";
}

/// <summary>Stamps gain into the rows of n+ and n- at the column of the controlling branch current.</summary>
public sealed class CccsBehavior : Behavior, IConstantStampBehavior, IFrequencyBehavior
{
    private readonly FrequencyState _frequency;
    private readonly int _pos, _neg;
    private readonly double _gain;
    private readonly string _control;
    private int _pc, _nc;

    public CccsBehavior(CurrentControlledCurrentSource e, BindingContext context) : base(e.Name)
    {
        _frequency = context.Frequency;
        _pos = context.Node(e.Nodes[0]);
        _neg = context.Node(e.Nodes[1]);
        _gain = e.Gain;
        _control = e.ControllingSource;
    }

    public override void Setup(SetupContext context)
    {
        var branch = ControlledSourceLookup.Branch(context, Name, _control);
        var m = context.Matrix;
        _pc = m.GetElement(_pos, branch);
        _nc = m.GetElement(_neg, branch);
    }

    public void StampConstant(double[] v)
    {
        v[_pc] += _gain;
        v[_nc] -= _gain;
    }

    public void LoadAc()
    {
        var v = _frequency.Matrix.Values;
        v[_pc] += _gain;
        v[_nc] -= _gain;
    }
}
