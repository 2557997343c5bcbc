using System.Numerics;
using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Devices;

/// <summary>
/// The inductor as SPICE's indload.c: a short in DC (its branch equation is v+ - v- = 0); in a transient its flux
/// L*i (plus the mutual fluxes M*i_other of its couplings) is integrated into a companion resistance; in AC the
/// branch equation gains -jwL.
/// </summary>
public sealed class InductorBehavior : Behavior, IConstantStampBehavior, ILinearBiasingBehavior, IFrequencyBehavior, IVaryingStampDeclaration
{
    private readonly BiasingState _biasing;
    private readonly TransientState _transient;
    private readonly FrequencyState _frequency;
    private readonly int _pos, _neg;
    private readonly double? _initialCondition;
    private readonly int _flux;          // state slots: flux, flux+1 (voltage)
    private readonly List<MutualInductanceBehavior.Coupling> _couplings = new();
    private int _pb, _nb, _bp, _bn, _bb;

    public InductorBehavior(Inductor entity, BindingContext context) : base(entity.Name)
    {
        _biasing = context.Biasing;
        _transient = context.Transient;
        _frequency = context.Frequency;
        _pos = context.Node(entity.Nodes[0]);
        _neg = context.Node(entity.Nodes[1]);
        Inductance = entity.Inductance;
        _initialCondition = entity.InitialCondition;
        Branch = context.Branch(entity.Name);
        _flux = context.AllocateStates(2);
        context.RegisterCharge(_flux);
    }

    public double Inductance { get; }

    /// <summary>The unknown index of the inductor current.</summary>
    public int Branch { get; }

    internal void AddCoupling(MutualInductanceBehavior.Coupling coupling) => _couplings.Add(coupling);

    public override void Setup(SetupContext context)
    {
        var m = context.Matrix;
        _pb = m.GetElement(_pos, Branch);
        _nb = m.GetElement(_neg, Branch);
        _bp = m.GetElement(Branch, _pos);
        _bn = m.GetElement(Branch, _neg);
        _bb = m.GetElement(Branch, Branch);
    }

    /// <summary>The branch diagonal (-req of the companion model); the couplings' entries belong to the mutual inductance.</summary>
    public IEnumerable<int> VaryingHandles => new[] { _bb };

    public void Load()
    {
        var s0 = _transient.States[0];
        var dc = (_biasing.Mode & AnalysisMode.Dc) != 0;
        if (!dc && _biasing.Init != InitializationMode.Predict)
        {
            if (_biasing.UseIc && _biasing.Init == InitializationMode.Transient)
                s0[_flux] = Inductance * (_initialCondition ?? 0);
            else
                s0[_flux] = Inductance * _biasing.Solution[Branch];
            // Mutual fluxes join before integration (SPICE computes all fluxes first, then integrates).
            foreach (var c in _couplings)
                s0[_flux] += c.M * _biasing.Solution[c.OtherBranch];
        }

        double req = 0, veq = 0;
        if (!dc)
        {
            if (_biasing.Init == InitializationMode.Transient) _transient.States[1][_flux] = s0[_flux];
            _transient.Integrate(_flux, Inductance, out req, out veq);
            var v0 = _biasing.Matrix.Values;
            foreach (var c in _couplings) v0[c.Element] -= c.M * _transient.Ag[0];
        }
        _biasing.Rhs[Branch] += veq;
        if (_biasing.Init == InitializationMode.Transient) _transient.States[1][_flux + 1] = s0[_flux + 1];

        _biasing.Matrix.Values[_bb] -= req;
    }

    /// <summary>The companion model's history voltage alone (the matrix keeps its resistance from the previous load).</summary>
    public void LoadRightHandSide() => _biasing.Rhs[Branch] += _transient.HistoryCurrent(_flux);

    /// <summary>At a transient time point: the flux L i (and the mutual fluxes) at the solution, integrated.</summary>
    public void UpdateStates()
    {
        var s0 = _transient.States[0];
        var solution = _biasing.Solution;
        s0[_flux] = Inductance * solution[Branch];
        foreach (var c in _couplings)
            s0[_flux] += c.M * solution[c.OtherBranch];
        _transient.Integrate(_flux, Inductance, out _, out _);
    }

    /// <summary>The branch equation's unit entries: the same in every load.</summary>
    public void StampConstant(double[] v)
    {
        v[_pb] += 1;
        v[_nb] -= 1;
        v[_bp] += 1;
        v[_bn] -= 1;
    }

    public void LoadAc()
    {
        var v = _frequency.Matrix.Values;
        v[_pb] += 1;
        v[_nb] -= 1;
        v[_bp] += 1;
        v[_bn] -= 1;
        v[_bb] -= new Complex(0, _frequency.Omega * Inductance);
        foreach (var c in _couplings) v[c.Element] -= new Complex(0, _frequency.Omega * c.M);
    }

}
