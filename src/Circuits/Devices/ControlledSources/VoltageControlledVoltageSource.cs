using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Devices;

/// <summary><c>Ename n+ n- nc+ nc- gain</c>: v(n+,n-) = gain * v(nc+,nc-). Its current is an unknown, <c>i(ename)</c>.</summary>
public sealed class VoltageControlledVoltageSource : Component
{
    public VoltageControlledVoltageSource(string name, string positive, string negative, string controlPositive, string controlNegative, double gain)
        : base(name, positive, negative, controlPositive, controlNegative)
    {
        Gain = gain;
    }

    public double Gain { get; set; }

    public override IEnumerable<(int A, int B)> ConductivePairs => TerminalPair;
    public override IEnumerable<(int A, int B)> VoltageDefinedPairs => TerminalPair;

    public override Behavior CreateBehavior(BindingContext context) => new VcvsBehavior(this, context);

    public override string ToNetlist() => $"{Name} {Nodes[0]} {Nodes[1]} {Nodes[2]} {Nodes[3]} {Num(Gain)}";
}

/// <summary>Branch equation v+ - v- - gain*(vc+ - vc-) = 0.</summary>
public sealed class VcvsBehavior : Behavior, IConstantStampBehavior, IFrequencyBehavior
{
    private readonly FrequencyState _frequency;
    private readonly int _pos, _neg, _cpos, _cneg;
    private readonly double _gain;
    private int _pb, _nb, _bp, _bn, _bcp, _bcn;

    public VcvsBehavior(VoltageControlledVoltageSource e, BindingContext context) : base(e.Name)
    {
        _frequency = context.Frequency;
        _pos = context.Node(e.Nodes[0]);
        _neg = context.Node(e.Nodes[1]);
        _cpos = context.Node(e.Nodes[2]);
        _cneg = context.Node(e.Nodes[3]);
        _gain = e.Gain;
        Branch = context.Branch(e.Name);
    }

    public int Branch { get; }

    public override void Setup(SetupContext context)
    {
        var m = context.Matrix;
        _pb = m.GetElement(_pos, Branch);
        _nb = m.GetElement(_neg, Branch);
        _bp = m.GetElement(Branch, _pos);
        _bn = m.GetElement(Branch, _neg);
        _bcp = m.GetElement(Branch, _cpos);
        _bcn = m.GetElement(Branch, _cneg);
    }

    public void StampConstant(double[] values) => Stamp(values);

    public void LoadAc() => Stamp(_frequency.Matrix.Values);

    private void Stamp<T>(T[] v) where T : System.Numerics.INumberBase<T>
    {
        var one = T.One;
        var g = T.CreateChecked(_gain);
        v[_pb] += one;
        v[_nb] -= one;
        v[_bp] += one;
        v[_bn] -= one;
        v[_bcp] -= g;
        v[_bcn] += g;
    }
}
