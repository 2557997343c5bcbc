using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Devices;

/// <summary>Stamps the conductance 1/R between the two nodes, in DC, transient and AC alike.</summary>
public sealed partial class ResistorBehavior : Behavior, IConstantStampBehavior, IFrequencyBehavior, ISweepableSource, ITemperatureBehavior
{
    private readonly BiasingState _biasing;
    private readonly FrequencyState _frequency;
    /// <summary>ngspice's smallest resistance (restemp.c).</summary>
    public const double MinimumResistance = 1e-3;

    private readonly Resistor _entity;
    private readonly int _pos, _neg;
    private int _pp, _nn, _pn, _np;
    private double _factor = 1;
    private double _resistance, _conductance, _acConductance;

    public ResistorBehavior(Resistor entity, BindingContext context) : base(entity.Name)
    {
        _biasing = context.Biasing;
        _frequency = context.Frequency;
        _pos = context.Node(entity.Nodes[0]);
        _neg = context.Node(entity.Nodes[1]);
        _entity = entity;
        Resistance = entity.Resistance;
    }

    public void Temperature()
    {
        _factor = _entity.TemperatureFactor(_biasing.Temperature, _biasing.NominalTemperature);
        _conductance = ConductanceOf(_resistance * _factor);
        _acConductance = AcConductanceOf();
        _biasing.InvalidateConstantStamps();
    }

    /// <summary>The resistance in use (a DC sweep of the resistor sets it).</summary>
    public double Resistance
    {
        get => _resistance;
        set
        {
            _resistance = value;
            _conductance = ConductanceOf(value * _factor);
            _acConductance = AcConductanceOf();
            _biasing.InvalidateConstantStamps();
        }
    }

    double ISweepableSource.DcValue { get => Resistance; set => Resistance = value; }

    /// <summary>1/R at the present temperature, computed when R or the temperature changes (ngspice's RESconduct).</summary>
    public double Conductance => _conductance;

    /// <summary>The conductance of AC analyses: from <c>ac=</c> when given (ngspice's RESacConduct), else 1/R.</summary>
    private double AcConductanceOf() => _entity.AcResistance is { } ac ? 1.0 / (ac * _factor) : _conductance;

    /// <summary>1/R, with |R| raised to <see cref="MinimumResistance"/> as ngspice does.</summary>
    private static double ConductanceOf(double r)
    {
        if (Math.Abs(r) < MinimumResistance) r = r < 0 ? -MinimumResistance : MinimumResistance;
        return 1.0 / r;
    }

    public override void Setup(SetupContext context)
    {
        var m = context.Matrix;
        _pp = m.GetElement(_pos, _pos);
        _nn = m.GetElement(_neg, _neg);
        _pn = m.GetElement(_pos, _neg);
        _np = m.GetElement(_neg, _pos);
    }

    /// <summary>1/R between the nodes: the same in every DC and transient load.</summary>
    public void StampConstant(double[] v)
    {
        var g = _conductance;
        v[_pp] += g;
        v[_nn] += g;
        v[_pn] -= g;
        v[_np] -= g;
    }

    public void LoadAc()
    {
        var g = _acConductance;
        var v = _frequency.Matrix.Values;
        v[_pp] += g;
        v[_nn] += g;
        v[_pn] -= g;
        v[_np] -= g;
    }

    /// <summary>The current from n+ to n- through the resistor for a solution vector.</summary>
    public double Current(double[] solution) => (solution[_pos] - solution[_neg]) * Conductance;
}
