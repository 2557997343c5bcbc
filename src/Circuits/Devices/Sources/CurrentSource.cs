using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Devices;

/// <summary>
/// An independent current source <c>Iname n+ n- [dc i] [ac mag [phase]] [waveform]</c>: the current flows from n+
/// through the source to n- (so a positive value into a resistor from n- to ground raises n-).
/// </summary>
public sealed class CurrentSource : IndependentSource
{
    public CurrentSource(string name, string positive, string negative, double? dc = null) : base(name, positive, negative, dc) { }

    public CurrentSource(string name, string positive, string negative, Waveform waveform) : base(name, positive, negative, null)
    {
        Waveform = waveform;
    }

    public override Behavior CreateBehavior(BindingContext context) => new CurrentSourceBehavior(this, context);
}

/// <summary>Adds the source current to the right-hand side: out of n+, into n-.</summary>
public sealed class CurrentSourceBehavior : IndependentSourceBehavior, ILinearBiasingBehavior, IFrequencyBehavior
{
    private readonly BiasingState _biasing;
    private readonly FrequencyState _frequency;
    private readonly int _pos, _neg;

    public CurrentSourceBehavior(CurrentSource entity, BindingContext context) : base(entity, context)
    {
        _biasing = context.Biasing;
        _frequency = context.Frequency;
        _pos = context.Node(entity.Nodes[0]);
        _neg = context.Node(entity.Nodes[1]);
    }

    public void Load()
    {
        var value = CurrentValue();
        _biasing.Rhs[_pos] -= value;
        _biasing.Rhs[_neg] += value;
    }

    /// <summary>A source stamps only the right-hand side.</summary>
    public void LoadRightHandSide() => Load();

    /// <summary>A source has no states.</summary>
    public void UpdateStates() { }

    public void LoadAc()
    {
        _frequency.Rhs[_pos] -= AcValue;
        _frequency.Rhs[_neg] += AcValue;
    }
}
