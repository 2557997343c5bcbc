using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Devices;

/// <summary><c>Gname n+ n- nc+ nc- gm</c>: a current gm * v(nc+,nc-) flows from n+ through the source to n-.</summary>
public sealed class VoltageControlledCurrentSource : Component
{
    public VoltageControlledCurrentSource(string name, string positive, string negative, string controlPositive, string controlNegative, double transconductance)
        : base(name, positive, negative, controlPositive, controlNegative)
    {
        Transconductance = transconductance;
    }

    public double Transconductance { get; set; }

    public override Behavior CreateBehavior(BindingContext context) => new VccsBehavior(this, context);

    public override string ToNetlist() => $"{Name} {Nodes[0]} {Nodes[1]} {Nodes[2]} {Nodes[3]} {Num(Transconductance)}";
}

/// <summary>Stamps gm into the rows of n+ and n- and the columns of nc+ and nc-.</summary>
public sealed class VccsBehavior : Behavior, IConstantStampBehavior, IFrequencyBehavior
{
    private readonly FrequencyState _frequency;
    private readonly int _pos, _neg, _cpos, _cneg;
    private readonly double _gm;
    private int _pcp, _pcn, _ncp, _ncn;

    public VccsBehavior(VoltageControlledCurrentSource e, BindingContext context) : base(e.Name)
    {
        _frequency = context.Frequency;
        _pos = context.Node(e.Nodes[0]);
        _neg = context.Node(e.Nodes[1]);
        _cpos = context.Node(e.Nodes[2]);
        _cneg = context.Node(e.Nodes[3]);
        _gm = e.Transconductance;
    }

    public override void Setup(SetupContext context)
    {
        var m = context.Matrix;
        _pcp = m.GetElement(_pos, _cpos);
        _pcn = m.GetElement(_pos, _cneg);
        _ncp = m.GetElement(_neg, _cpos);
        _ncn = m.GetElement(_neg, _cneg);
    }

    public void StampConstant(double[] values) => Stamp(values);

    public void LoadAc() => Stamp(_frequency.Matrix.Values);

    private void Stamp<T>(T[] v) where T : System.Numerics.INumberBase<T>
    {
        var g = T.CreateChecked(_gm);
        v[_pcp] += g;
        v[_pcn] -= g;
        v[_ncp] -= g;
        v[_ncn] += g;
    }
}
