using System.Numerics;
using Hwsim.Circuits.Expressions;
using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Devices;

/// <summary>
/// The behavioural source as ngspice's asrcload.c / asrcacld.c / asrcconv.c: the expression and its exact gradient
/// (reverse-mode differentiation of the compiled program) linearise the source at the last solution,
/// f(x) ~ f(x0) + grad . (x - x0). The voltage form stamps the branch equation v+ - v- - grad . x = f - grad . x0;
/// the current form stamps grad into the rows of n+ and n- and f - grad . x0 into the right-hand side. In the
/// operating point that starts a transient the value is scaled by the source-stepping factor, as in ngspice.
/// </summary>
public sealed class BehavioralSourceBehavior : Behavior, IBiasingBehavior, IConvergenceBehavior, IFrequencyBehavior
{
    private readonly BiasingState _biasing;
    private readonly TransientState _transient;
    private readonly FrequencyState _frequency;
    private readonly BehavioralSource _entity;
    private readonly CompiledExpression _program;
    private readonly int _pos, _neg;
    private readonly int _branch;
    private readonly double[] _values;
    private readonly double[] _gradient;
    private readonly double[] _acGradient;
    // per input: its unknown (0 for none: time, temper, hertz)
    private readonly int[] _columns;
    private int[] _posHandles = Array.Empty<int>(), _negHandles = Array.Empty<int>();
    private int _pb, _nb, _bn, _bp;
    private double _previous;

    public BehavioralSourceBehavior(BehavioralSource entity, BindingContext context) : base(entity.Name)
    {
        _biasing = context.Biasing;
        _transient = context.Transient;
        _frequency = context.Frequency;
        _entity = entity;
        try
        {
            _program = entity.Expression.Compile(entity.Scope);
        }
        catch (ExpressionException e)
        {
            throw new CircuitException($"{entity.Name}: {e.Message}", entity.Name);
        }
        _pos = context.Node(entity.Nodes[0]);
        _neg = context.Node(entity.Nodes[1]);
        if (entity.Kind == BehavioralSourceKind.Voltage) _branch = context.Branch(entity.Name);
        var n = _program.Inputs.Count;
        _values = new double[n];
        _gradient = new double[n];
        _acGradient = new double[n];
        _columns = new int[n];
    }

    /// <summary>The unknown index of the branch current (voltage form only).</summary>
    public int Branch => _branch;

    /// <summary>The source's value at the last load (volts or amperes).</summary>
    public double Value => _previous;

    public override void Setup(SetupContext context)
    {
        var inputs = _program.Inputs;
        for (var k = 0; k < inputs.Count; k++)
        {
            var input = inputs[k];
            switch (input.Kind)
            {
                case ExpressionInputKind.NodeVoltage:
                    if (!context.Unknowns.TryGetIndex(input.Name, out var node) || context.Unknowns.KindOf(node) != UnknownKind.Voltage)
                        throw new CircuitException($"{Name}: {input} refers to node {input.Name}, which is not in the circuit", Name);
                    _columns[k] = node;
                    break;
                case ExpressionInputKind.BranchCurrent:
                    if (!context.Unknowns.TryGetBranch(input.Name, out var branch))
                        throw new CircuitException(
                            $"{Name}: {input} refers to {input.Name}, which is not a device with a branch current (V, L, E, H or a B voltage source)", Name);
                    _columns[k] = branch;
                    break;
                default:
                    _columns[k] = -1;
                    break;
            }
        }

        var m = context.Matrix;
        if (_entity.Kind == BehavioralSourceKind.Voltage)
        {
            _pb = m.GetElement(_pos, _branch);
            _nb = m.GetElement(_neg, _branch);
            _bn = m.GetElement(_branch, _neg);
            _bp = m.GetElement(_branch, _pos);
            _posHandles = _columns.Select(c => c < 0 ? -1 : m.GetElement(_branch, c)).ToArray();
        }
        else
        {
            _posHandles = _columns.Select(c => c < 0 ? -1 : m.GetElement(_pos, c)).ToArray();
            _negHandles = _columns.Select(c => c < 0 ? -1 : m.GetElement(_neg, c)).ToArray();
        }
    }

    /// <summary>Fills the input values from <paramref name="solution"/> and the simulator variables.</summary>
    private void Gather(double[] solution)
    {
        var inputs = _program.Inputs;
        for (var k = 0; k < _values.Length; k++)
        {
            var col = _columns[k];
            _values[k] = col >= 0 ? solution[col] : inputs[k].Kind switch
            {
                ExpressionInputKind.Time => _transient.Time,   // CKTtime, as ngspice: 0 in the operating point, the last swept value in a .dc
                ExpressionInputKind.Temperature => _biasing.Temperature - PhysicalConstants.CelsiusToKelvin,
                ExpressionInputKind.Frequency => (_biasing.Mode & AnalysisMode.Ac) != 0 ? _frequency.Omega / (2 * Math.PI) : 0,
                _ => 0,
            };
        }
    }

    private bool Evaluate(double[] solution, out double value)
    {
        Gather(solution);
        value = _program.Evaluate(_values, _gradient);
        var factor = _entity.TemperatureFactor(_biasing.Temperature);
        if (factor != 1)
        {
            value *= factor;
            for (var k = 0; k < _gradient.Length; k++) _gradient[k] *= factor;
        }
        if (!double.IsFinite(value)) return false;
        foreach (var g in _gradient)
            if (!double.IsFinite(g)) return false;
        return true;
    }

    public void Load()
    {
        var factor = 1.0;
        if ((_biasing.Mode & AnalysisMode.TransientOperatingPoint) != 0) factor *= _biasing.SourceFactor;

        if (!Evaluate(_biasing.Solution, out var rhs))
        {
            // ngspice fails the iteration ("out of range"); we keep the matrix finite and report non-convergence.
            _biasing.NotConverged(Name);
            rhs = 0;
            Array.Clear(_gradient);
        }
        _previous = rhs;
        if (_biasing.Init == InitializationMode.SmallSignal) Array.Copy(_gradient, _acGradient, _gradient.Length);

        var v = _biasing.Matrix.Values;
        if (_entity.Kind == BehavioralSourceKind.Voltage)
        {
            v[_pb] += 1.0;
            v[_nb] -= 1.0;
            v[_bn] -= 1.0;
            v[_bp] += 1.0;
            for (var k = 0; k < _values.Length; k++)
            {
                // time, temper and hertz are not unknowns: they stay in the value, not in the linearisation
                if (_posHandles[k] < 0) continue;
                rhs -= _values[k] * _gradient[k];
                v[_posHandles[k]] -= _gradient[k] * factor;
            }
            _biasing.Rhs[_branch] += factor * rhs;
        }
        else
        {
            for (var k = 0; k < _values.Length; k++)
            {
                if (_posHandles[k] < 0) continue;
                rhs -= _values[k] * _gradient[k];
                v[_posHandles[k]] += _gradient[k] * factor;
                v[_negHandles[k]] -= _gradient[k] * factor;
            }
            _biasing.Rhs[_pos] -= factor * rhs;
            _biasing.Rhs[_neg] += factor * rhs;
        }
    }

    public bool IsConvergent()
    {
        // The Newton iteration names the device that fails this test.
        if (!Evaluate(_biasing.Solution, out var rhs)) return false;
        var prev = _previous;
        var diff = Math.Abs(prev - rhs);
        var abs = _entity.Kind == BehavioralSourceKind.Voltage ? _biasing.Options.VnTol : _biasing.Options.AbsTol;
        var tol = _biasing.Options.RelTol * Math.Max(Math.Abs(rhs), Math.Abs(prev)) + abs;
        return !(diff > tol);
    }

    public void LoadAc()
    {
        var v = _frequency.Matrix.Values;
        if (_entity.Kind == BehavioralSourceKind.Voltage)
        {
            v[_pb] += Complex.One;
            v[_nb] -= Complex.One;
            v[_bn] -= Complex.One;
            v[_bp] += Complex.One;
            for (var k = 0; k < _values.Length; k++)
                if (_posHandles[k] >= 0) v[_posHandles[k]] -= _acGradient[k];
        }
        else
        {
            for (var k = 0; k < _values.Length; k++)
            {
                if (_posHandles[k] < 0) continue;
                v[_posHandles[k]] += _acGradient[k];
                v[_negHandles[k]] -= _acGradient[k];
            }
        }
    }
}
