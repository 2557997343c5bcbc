using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Devices;

/// <summary>
/// An independent voltage source <c>Vname n+ n- [dc v] [ac mag [phase]] [waveform]</c>. Its current, flowing from
/// n+ through the source to n-, is an unknown named <c>i(vname)</c> as in ngspice.
/// </summary>
public sealed class VoltageSource : IndependentSource
{
    public VoltageSource(string name, string positive, string negative, double? dc = null) : base(name, positive, negative, dc) { }

    public VoltageSource(string name, string positive, string negative, Waveform waveform) : base(name, positive, negative, null)
    {
        Waveform = waveform;
    }

    public override IEnumerable<(int A, int B)> ConductivePairs => TerminalPair;
    public override IEnumerable<(int A, int B)> VoltageDefinedPairs => TerminalPair;

    public override Behavior CreateBehavior(BindingContext context) => new VoltageSourceBehavior(this, context);
}

/// <summary>Stamps the branch equation v+ - v- = value and the branch current into the node equations.</summary>
public sealed class VoltageSourceBehavior : IndependentSourceBehavior, IConstantStampBehavior, ILinearBiasingBehavior, IFrequencyBehavior, IVaryingStampDeclaration
{
    private readonly BiasingState _biasing;
    private readonly FrequencyState _frequency;
    private readonly int _pos, _neg;
    private int _pb, _nb, _bp, _bn;

    public VoltageSourceBehavior(VoltageSource entity, BindingContext context) : base(entity, context)
    {
        _biasing = context.Biasing;
        _frequency = context.Frequency;
        _pos = context.Node(entity.Nodes[0]);
        _neg = context.Node(entity.Nodes[1]);
        Branch = context.Branch(entity.Name);
    }

    /// <summary>The unknown index of the source current.</summary>
    public int Branch { get; }

    public override void Setup(SetupContext context)
    {
        var m = context.Matrix;
        _pb = m.GetElement(_pos, Branch);
        _nb = m.GetElement(_neg, Branch);
        _bp = m.GetElement(Branch, _pos);
        _bn = m.GetElement(Branch, _neg);
    }

    /// <summary>The branch equation's unit entries: the same in every load.</summary>
    public void StampConstant(double[] v)
    {
        v[_pb] += 1;
        v[_nb] -= 1;
        v[_bp] += 1;
        v[_bn] -= 1;
    }

    public void Load() => _biasing.Rhs[Branch] += CurrentValue();

    /// <summary>None: the branch entries are constant, the value goes to the right-hand side.</summary>
    public IEnumerable<int> VaryingHandles => Array.Empty<int>();

    /// <summary>A source stamps only the right-hand side.</summary>
    public void LoadRightHandSide() => Load();

    /// <summary>A source has no states.</summary>
    public void UpdateStates() { }

    public void LoadAc()
    {
        var v = _frequency.Matrix.Values;
        v[_pb] += 1;
        v[_nb] -= 1;
        v[_bp] += 1;
        v[_bn] -= 1;
        _frequency.Rhs[Branch] += AcValue;
    }
}
