using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Devices;

/// <summary><c>Hname n+ n- vcontrol transresistance</c>: v(n+,n-) = r * i(vcontrol). Its current is an unknown, <c>i(hname)</c>.</summary>
public sealed class CurrentControlledVoltageSource : Component
{
    public CurrentControlledVoltageSource(string name, string positive, string negative, string controllingSource, double transresistance)
        : base(name, positive, negative)
    {
        ControllingSource = controllingSource;
        Transresistance = transresistance;
    }

    public string ControllingSource { get; }
    public double Transresistance { get; set; }

    public override IEnumerable<(int A, int B)> ConductivePairs => TerminalPair;
    public override IEnumerable<(int A, int B)> VoltageDefinedPairs => TerminalPair;

    public override Behavior CreateBehavior(BindingContext context) => new CcvsBehavior(this, context);

    public override string ToNetlist() => $"{Name} {Nodes[0]} {Nodes[1]} {ControllingSource} {Num(Transresistance)}";
}

/// <summary>Branch equation v+ - v- - r * i(control) = 0.</summary>
public sealed class CcvsBehavior : Behavior, IConstantStampBehavior, IFrequencyBehavior
{
    private readonly FrequencyState _frequency;
    private readonly int _pos, _neg;
    private readonly double _r;
    private readonly string _control;
    private int _pb, _nb, _bp, _bn, _bc;

    public CcvsBehavior(CurrentControlledVoltageSource e, BindingContext context) : base(e.Name)
    {
        _frequency = context.Frequency;
        _pos = context.Node(e.Nodes[0]);
        _neg = context.Node(e.Nodes[1]);
        _r = e.Transresistance;
        _control = e.ControllingSource;
        Branch = context.Branch(e.Name);
    }

    public int Branch { get; }

    public override void Setup(SetupContext context)
    {
        var control = ControlledSourceLookup.Branch(context, Name, _control);
        var m = context.Matrix;
        _pb = m.GetElement(_pos, Branch);
        _nb = m.GetElement(_neg, Branch);
        _bp = m.GetElement(Branch, _pos);
        _bn = m.GetElement(Branch, _neg);
        _bc = m.GetElement(Branch, control);
    }

    public void StampConstant(double[] values) => Stamp(values);

    public void LoadAc() => Stamp(_frequency.Matrix.Values);

    private void Stamp<T>(T[] v) where T : System.Numerics.INumberBase<T>
    {
        var one = T.One;
        v[_pb] += one;
        v[_nb] -= one;
        v[_bp] += one;
        v[_bn] -= one;
        v[_bc] -= T.CreateChecked(_r);
    }
}
