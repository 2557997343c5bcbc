using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Devices;

/// <summary>
/// The capacitor as SPICE's capload.c: open in a DC operating point; in a transient its charge C*v is
/// integrated into a companion conductance and current; in AC it is the admittance jwC.
/// </summary>
public sealed class CapacitorBehavior : Behavior, IBatchedBiasingBehavior, ILinearBiasingBehavior, IFrequencyBehavior, IInitialConditionBehavior
{
    private readonly BiasingState _biasing;
    private readonly TransientState _transient;
    private readonly FrequencyState _frequency;
    private readonly int _pos, _neg;
    private readonly double _capacitance;
    private readonly int _q;             // state slots: q (charge), q+1 (current)
    private double _initialCondition;
    private readonly bool _icGiven;
    private int _pp, _nn, _pn, _np;

    public CapacitorBehavior(Capacitor entity, BindingContext context) : base(entity.Name)
    {
        _biasing = context.Biasing;
        _transient = context.Transient;
        _frequency = context.Frequency;
        _pos = context.Node(entity.Nodes[0]);
        _neg = context.Node(entity.Nodes[1]);
        _capacitance = entity.Capacitance;
        _icGiven = entity.InitialCondition.HasValue;
        _initialCondition = entity.InitialCondition ?? 0;
        _q = context.AllocateStates(2);
        context.RegisterCharge(_q);
    }

    public Type BatchKind => typeof(CapacitorBehavior);

    public IBiasingBehavior CreateBatch(IReadOnlyList<IBatchedBiasingBehavior> members) =>
        new CapacitorBatch(members.Cast<CapacitorBehavior>().ToArray(), _biasing, _transient);

    internal int Positive => _pos;
    internal int Negative => _neg;
    internal int Slot => _q;
    internal double Capacitance => _capacitance;
    internal (int PP, int NN, int PN, int NP) Handles => (_pp, _nn, _pn, _np);

    public override void Setup(SetupContext context)
    {
        var m = context.Matrix;
        _pp = m.GetElement(_pos, _pos);
        _nn = m.GetElement(_neg, _neg);
        _pn = m.GetElement(_pos, _neg);
        _np = m.GetElement(_neg, _pos);
    }

    public void SetInitialCondition()
    {
        if (!_icGiven) _initialCondition = _biasing.Solution[_pos] - _biasing.Solution[_neg];
    }

    public void Load()
    {
        var mode = _biasing.Mode;
        double geq, ceq;
        // The common case first: a Newton iteration of a transient time point (no initial-condition handling).
        if (mode == AnalysisMode.Transient && _biasing.Init is InitializationMode.Float or InitializationMode.Predict)
        {
            var solution = _biasing.Solution;
            _transient.States[0][_q] = _capacitance * (solution[_pos] - solution[_neg]);
            _transient.Integrate(_q, _capacitance, out geq, out ceq);
            Stamp(geq, ceq);
            return;
        }
        if ((mode & (AnalysisMode.Transient | AnalysisMode.Ac | AnalysisMode.TransientOperatingPoint)) == 0) return;

        var useIc = ((mode & AnalysisMode.Dc) != 0 && _biasing.Init == InitializationMode.Junction)
                    || (_biasing.UseIc && _biasing.Init == InitializationMode.Transient);
        var vcap = useIc ? _initialCondition : _biasing.Solution[_pos] - _biasing.Solution[_neg];
        var s0 = _transient.States[0];
        s0[_q] = _capacitance * vcap;
        if ((mode & (AnalysisMode.Transient | AnalysisMode.Ac)) == 0) return;

        if (_biasing.Init == InitializationMode.Transient) _transient.States[1][_q] = s0[_q];
        _transient.Integrate(_q, _capacitance, out geq, out ceq);
        if (_biasing.Init == InitializationMode.Transient) _transient.States[1][_q + 1] = s0[_q + 1];
        Stamp(geq, ceq);
    }

    /// <summary>The companion model's history current alone (the matrix keeps its conductance from the previous load).</summary>
    public void LoadRightHandSide()
    {
        var ceq = _transient.HistoryCurrent(_q);
        var rhs = _biasing.Rhs;
        rhs[_pos] -= ceq;
        rhs[_neg] += ceq;
    }

    /// <summary>At a transient time point: q = C v at the solution, integrated (what a load in a Newton iteration writes into the states).</summary>
    public void UpdateStates()
    {
        var solution = _biasing.Solution;
        _transient.States[0][_q] = _capacitance * (solution[_pos] - solution[_neg]);
        _transient.Integrate(_q, _capacitance, out _, out _);
    }

    private void Stamp(double geq, double ceq)
    {
        var v = _biasing.Matrix.Values;
        v[_pp] += geq;
        v[_nn] += geq;
        v[_pn] -= geq;
        v[_np] -= geq;
        var rhs = _biasing.Rhs;
        rhs[_pos] -= ceq;
        rhs[_neg] += ceq;
    }

    public void LoadAc()
    {
        var y = new System.Numerics.Complex(0, _frequency.Omega * _capacitance);
        var v = _frequency.Matrix.Values;
        v[_pp] += y;
        v[_nn] += y;
        v[_pn] -= y;
        v[_np] -= y;
    }

}
