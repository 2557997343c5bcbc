using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Devices;

/// <summary>
/// The switch as ngspice's swload.c: a four-state machine (really off/on, or off/on inside the hysteresis band)
/// decided from the control voltage, held in the state vectors so a rejected time point does not flip it; a state
/// change during Newton forces one more iteration; the time step is limited as the control nears its threshold.
/// </summary>
public sealed class VoltageSwitchBehavior : Behavior, IBiasingBehavior, IFrequencyBehavior, ITruncatingBehavior
{
    private readonly BiasingState _biasing;
    private readonly TransientState _transient;
    private readonly FrequencyState _frequency;
    private const double ReallyOff = 0, ReallyOn = 1, HystOff = 2, HystOn = 3;

    private readonly int _pos, _neg, _cpos, _cneg;
    private readonly double _vt, _vh, _gon;
    private readonly double? _roff;
    private readonly bool _zeroStateOn;
    private readonly int _state;   // slots: switch state, control value
    private double _goff;
    private int _pp, _pn, _np, _nn;

    public VoltageSwitchBehavior(VoltageSwitch e, SwitchModel model, BindingContext context) : base(e.Name)
    {
        _biasing = context.Biasing;
        _transient = context.Transient;
        _frequency = context.Frequency;
        _pos = context.Node(e.Nodes[0]);
        _neg = context.Node(e.Nodes[1]);
        _cpos = context.Node(e.Nodes[2]);
        _cneg = context.Node(e.Nodes[3]);
        _vt = model.Threshold;
        _vh = model.Hysteresis;
        if (model.OnResistance <= 0) throw new CircuitException($"{model.Name}: ron must be positive", model.Name);
        if (model.OffResistance is <= 0) throw new CircuitException($"{model.Name}: roff must be positive", model.Name);
        _gon = 1.0 / model.OnResistance;
        _roff = model.OffResistance;
        _zeroStateOn = e.InitiallyOn == true;
        _state = context.AllocateStates(2);
    }

    /// <summary>The conductance in use (after the last load).</summary>
    public double Conductance { get; private set; }

    public override void Setup(SetupContext context)
    {
        _goff = _roff is { } r ? 1.0 / r : context.Options.Gmin;
        var m = context.Matrix;
        _pp = m.GetElement(_pos, _pos);
        _pn = m.GetElement(_pos, _neg);
        _np = m.GetElement(_neg, _pos);
        _nn = m.GetElement(_neg, _neg);
    }

    public void Load()
    {
        var s0 = _transient.States[0];
        var oldCurrent = s0[_state];
        var previous = _transient.States[1][_state];
        var vctrl = _biasing.Solution[_cpos] - _biasing.Solution[_cneg];
        double current = -1;

        switch (_biasing.Init)
        {
            case InitializationMode.Fix:
            case InitializationMode.Junction:
                if (_zeroStateOn)
                {
                    if (_vh >= 0 && vctrl > _vt + _vh) current = ReallyOn;
                    else if (_vh < 0 && vctrl > _vt - _vh) current = ReallyOn;
                    else current = HystOn;
                }
                else
                {
                    if (_vh >= 0 && vctrl < _vt - _vh) current = ReallyOff;
                    else if (_vh < 0 && vctrl < _vt + _vh) current = ReallyOff;
                    else current = HystOff;
                }
                break;
            case InitializationMode.SmallSignal:
                current = previous;
                break;
            case InitializationMode.Float:
                if (_vh > 0)
                {
                    if (vctrl > _vt + _vh) current = ReallyOn;
                    else if (vctrl < _vt - _vh) current = ReallyOff;
                    else current = oldCurrent;
                }
                else
                {
                    if (vctrl > _vt - _vh) current = ReallyOn;
                    else if (vctrl < _vt + _vh) current = ReallyOff;
                    else if (previous is HystOff or HystOn) current = previous;
                    else if (previous == ReallyOn) current = HystOff;
                    else current = HystOn;
                }
                if (current != oldCurrent)
                {
                    _biasing.NotConverged(Name);
                }
                break;
            case InitializationMode.Transient:
            case InitializationMode.Predict:
                if (_vh > 0)
                {
                    if (vctrl > _vt + _vh) current = ReallyOn;
                    else if (vctrl < _vt - _vh) current = ReallyOff;
                    else current = previous;
                }
                else
                {
                    if (vctrl > _vt - _vh) current = ReallyOn;
                    else if (vctrl < _vt + _vh) current = ReallyOff;
                    else if (previous is HystOn or HystOff) current = previous;
                    else if (previous == ReallyOn) current = ReallyOff;
                    else current = ReallyOn;
                }
                break;
        }

        s0[_state] = current;
        s0[_state + 1] = vctrl;
        var g = current is ReallyOn or HystOn ? _gon : _goff;
        Conductance = g;
        var v = _biasing.Matrix.Values;
        v[_pp] += g;
        v[_pn] -= g;
        v[_np] -= g;
        v[_nn] += g;
    }

    public void LoadAc()
    {
        var current = _transient.States[0][_state];
        var g = current is ReallyOn or HystOn ? _gon : _goff;
        var v = _frequency.Matrix.Values;
        v[_pp] += g;
        v[_pn] -= g;
        v[_np] -= g;
        v[_nn] += g;
    }

    public double Truncate(double timeStep)
    {
        var s0 = _transient.States[0];
        var lastChange = s0[_state + 1] - _transient.States[1][_state + 1];
        if (s0[_state] == ReallyOff)
        {
            var reference = _vt + _vh;
            if (s0[_state + 1] < reference && lastChange > 0)
            {
                var maxChange = (reference - s0[_state + 1]) * 0.75 + 0.05;
                var maxStep = maxChange / lastChange * _transient.DeltaOld[0];
                if (timeStep > maxStep) timeStep = maxStep;
            }
        }
        else
        {
            var reference = _vt - _vh;
            if (s0[_state + 1] > reference && lastChange < 0)
            {
                var maxChange = (reference - s0[_state + 1]) * 0.75 - 0.05;
                var maxStep = maxChange / lastChange * _transient.DeltaOld[0];
                if (timeStep > maxStep) timeStep = maxStep;
            }
        }
        return timeStep;
    }
}
