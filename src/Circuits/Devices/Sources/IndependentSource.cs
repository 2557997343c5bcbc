using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Devices;

/// <summary>What independent voltage and current sources share: DC value, AC magnitude and phase, a waveform.</summary>
public abstract class IndependentSource : Component
{
    protected IndependentSource(string name, string positive, string negative, double? dc) : base(name, positive, negative)
    {
        Dc = dc;
    }

    /// <summary>The DC value; null when not given (then a waveform's value at t=0 is used for the operating point).</summary>
    public double? Dc { get; set; }
    public double AcMagnitude { get; set; }
    /// <summary>AC phase in degrees.</summary>
    public double AcPhase { get; set; }
    /// <summary>True when the netlist gave an AC specification (so the writer prints it back).</summary>
    public bool HasAc { get; set; }
    public Waveform? Waveform { get; set; }

    public override string ToNetlist()
    {
        var s = $"{Name} {Nodes[0]} {Nodes[1]}";
        if (Dc is { } dc) s += $" dc {Num(dc)}";
        if (HasAc) s += $" ac {Num(AcMagnitude)} {Num(AcPhase)}";
        if (Waveform is not null) s += " " + Waveform.ToNetlist();
        if (Dc is null && !HasAc && Waveform is null) s += " dc 0";
        return s;
    }
}

/// <summary>
/// The value logic of ngspice's vsrcload.c shared by V and I sources: in a DC operating point or sweep the DC value
/// (scaled by the source-stepping factor) when given; otherwise the waveform at t=0 (DC) or at the present time
/// (TRNOISE and TRRANDOM add the DC value when given).
/// </summary>
public abstract class IndependentSourceBehavior : Behavior, IAcceptBehavior, IBreakpointBehavior, ISweepableSource
{
    private readonly BiasingState _biasing;
    private readonly TransientState _transient;
    private readonly Waveform? _waveform;
    private bool _dcGiven;
    private double _breakTime = double.NaN;

    protected IndependentSourceBehavior(IndependentSource entity, BindingContext context) : base(entity.Name)
    {
        _biasing = context.Biasing;
        _transient = context.Transient;
        _dcGiven = entity.Dc.HasValue;
        DcValue = entity.Dc ?? 0;
        _waveform = entity.Waveform?.ForSource(entity.Name);
        var phase = entity.AcPhase * Math.PI / 180.0;
        AcValue = System.Numerics.Complex.FromPolarCoordinates(entity.AcMagnitude, phase);
    }

    /// <summary>The DC value; setting it (a DC sweep, the bridge setting inputs) makes it "given".</summary>
    public double DcValue
    {
        get => _dc;
        set { _dc = value; _dcGiven = true; }
    }
    private double _dc;

    /// <summary>Whether a DC value was given (otherwise a waveform's value at t=0 serves the operating point).</summary>
    public bool DcGiven
    {
        get => _dcGiven;
        set => _dcGiven = value;
    }

    public System.Numerics.Complex AcValue { get; set; }

    /// <summary>The value to load now.</summary>
    protected double CurrentValue()
    {
        double value;
        if ((_biasing.Mode & (AnalysisMode.DcOperatingPoint | AnalysisMode.DcSweep)) != 0 && _dcGiven)
            value = _dc * _biasing.SourceFactor;
        else
        {
            var time = (_biasing.Mode & AnalysisMode.Dc) != 0 ? 0 : _transient.Time;
            value = _waveform is null ? _dc : _waveform.Value(time, _transient);
            if (_waveform is { AddsToDc: true } && _dcGiven) value += _dc;
            if ((_biasing.Mode & AnalysisMode.TransientOperatingPoint) != 0) value *= _biasing.SourceFactor;
        }
        return value;
    }

    public void Accept()
    {
        if ((_biasing.Mode & (AnalysisMode.Transient | AnalysisMode.TransientOperatingPoint)) == 0) return;
        _waveform?.Accept(_transient, ref _breakTime);
    }

    /// <summary>Forgets breakpoint memory before a new transient.</summary>
    public void ResetBreakpoints() => _breakTime = double.NaN;
}
