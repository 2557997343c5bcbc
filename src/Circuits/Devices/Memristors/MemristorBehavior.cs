using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Devices;

/// <summary>
/// The native memristor in a simulation. Its port conductance G(x) is a constant stamp (the engine's constant image,
/// as a resistor's) for as long as the state x holds: x = x0 in every operating point (the sub-circuit's drift is
/// gated off at time 0), and in a transient x advances only when a time point is accepted, by an implicit step of
/// the rate law (trapezoidal, backward Euler where the engine's order is 1) at the accepted port voltage. Only then,
/// and only when x changed, is the stamp made again: once per time point, never per Newton iteration, and never while
/// threshold dynamics are read below threshold. The time step is limited so that neither x nor G(x) (relative) moves by more than
/// <see cref="MaximumStateChange"/> per step, which resolves programming pulses.
/// </summary>
public sealed class MemristorBehavior : Behavior, IConstantStampBehavior, IFrequencyBehavior, IAcceptBehavior, ITruncatingBehavior, IDeviceStateBehavior
{
    /// <summary>
    /// The largest change of the state, and of the conductance relative to itself, in one time step (the step is cut
    /// to keep to it). The port conducts at the state of the last accepted point, so this also bounds the lag of its
    /// current while the state moves.
    /// </summary>
    public const double MaximumStateChange = 1e-3;

    private readonly BiasingState _biasing;
    private readonly TransientState _transient;
    private readonly FrequencyState _frequency;
    private readonly MemristorModel _model;
    private readonly double _x0;
    private readonly int _pos, _neg;
    private int _pp, _nn, _pn, _np;
    private double _x, _conductance;
    // the last accepted point: its time, and the rate there (0 at time 0, where the drift is gated off)
    private double _lastTime, _lastRate;
    private bool _started;

    public MemristorBehavior(Memristor entity, BindingContext context) : base(entity.Name)
    {
        _biasing = context.Biasing;
        _transient = context.Transient;
        _frequency = context.Frequency;
        _pos = context.Node(entity.Nodes[0]);
        _neg = context.Node(entity.Nodes[1]);
        _model = entity.Model;
        _x0 = entity.InitialState;
        var path = entity.InstancePath;
        VectorNames = [$"v({path}.x)", $"v({path}.xinit)", $"i(v.{path}.vinit)"];
        SetState(_x0);
    }

    /// <summary>The state x now (x0 until a transient moves it).</summary>
    public double State => _x;

    /// <summary>The port conductance at the present state.</summary>
    public double Conductance => _conductance;

    /// <summary>The sub-circuit's vectors: the state node, the initial-state node, the current of its source.</summary>
    public IReadOnlyList<string> VectorNames { get; }

    /// <summary>x; x0; the leak current (x - x0) / 1 G into the initial-state source.</summary>
    public double VectorValue(int index) => index switch
    {
        0 => _x,
        1 => _x0,
        _ => MemristorModel.LeakRate * (_x - _x0),
    };

    public override void Setup(SetupContext context)
    {
        var m = context.Matrix;
        _pp = m.GetElement(_pos, _pos);
        _nn = m.GetElement(_neg, _neg);
        _pn = m.GetElement(_pos, _neg);
        _np = m.GetElement(_neg, _pos);
    }

    private void SetState(double x)
    {
        if (x == _x && _conductance != 0) return;
        _x = x;
        _conductance = _model.ConductanceAt(x);
        _biasing.InvalidateConstantStamps();
    }

    /// <summary>Back to x0 before an operating point (and so before a transient).</summary>
    public void ResetState()
    {
        SetState(_x0);
        _started = false;
    }

    public void StampConstant(double[] v)
    {
        var g = _conductance;
        v[_pp] += g;
        v[_nn] += g;
        v[_pn] -= g;
        v[_np] -= g;
    }

    /// <summary>The small-signal admittance is G(x0): at the operating point the state neither moves nor responds.</summary>
    public void LoadAc()
    {
        var g = _conductance;
        var v = _frequency.Matrix.Values;
        v[_pp] += g;
        v[_nn] += g;
        v[_pn] -= g;
        v[_np] -= g;
    }

    private double PortVoltage => _biasing.Solution[_pos] - _biasing.Solution[_neg];

    /// <summary>dx/dt at state x and port voltage v: the rate law and the leak towards x0.</summary>
    private double Rate(double x, double v) => _model.Rate(x, v) + MemristorModel.LeakRate * (_x0 - x);

    public void Accept()
    {
        var time = _transient.Time;
        var v = PortVoltage;
        if (!_started || time <= 0)
        {
            // the point after the operating point: the drift is off at time 0
            _started = true;
            _lastTime = time;
            _lastRate = 0;
            return;
        }
        var h = time - _lastTime;
        _lastTime = time;
        if (!(h > 0)) return;
        var trapezoidal = _transient.Order > 1;
        var x = Advance(_x, _lastRate, v, h, trapezoidal);
        _lastRate = Rate(x, v);
        SetState(x);
    }

    /// <summary>
    /// Solves x = x_prev + h (r_prev + f(x, v)) / 2 (or x = x_prev + h f(x, v)) by Newton's method on the scalar,
    /// from the explicit step; the iteration contracts for any step the state-change limit allows.
    /// </summary>
    private double Advance(double previous, double previousRate, double v, double h, bool trapezoidal)
    {
        var c = trapezoidal ? 0.5 * h : h;
        var history = previous + (trapezoidal ? 0.5 * h * previousRate : 0);
        var x = previous + h * Rate(previous, v);
        for (var k = 0; k < 50; k++)
        {
            var residual = x - history - c * Rate(x, v);
            var slope = 1 - c * (_model.RateSlope(x, v) - MemristorModel.LeakRate);
            var next = x - residual / (slope == 0 ? 1 : slope);
            if (Math.Abs(next - x) <= 1e-15 + 1e-12 * Math.Abs(next)) return next;
            x = next;
        }
        return x;
    }

    /// <summary>Keeps the state's change per step within <see cref="MaximumStateChange"/> at the point just computed.</summary>
    public double Truncate(double timeStep)
    {
        if (!_started) return timeStep;
        var rate = Math.Max(Math.Abs(_model.Rate(_x, PortVoltage)), Math.Abs(_lastRate));
        if (rate <= 0) return timeStep;
        // |d ln G / dx| = (Roff - Ron) / R(x)
        var resistance = _model.Ron * _x + _model.Roff * (1 - _x);
        var perUnitState = Math.Max(1, (_model.Roff - _model.Ron) / Math.Abs(resistance));
        return Math.Min(timeStep, MaximumStateChange / (rate * perUnitState));
    }
}
