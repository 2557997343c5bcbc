namespace Hwsim.Nn.Hooks;

/// <summary>
/// Changes to a network's forward pass, for training against the hardware a network will run on (the layers know nothing
/// of that hardware; whoever builds the hooks does). Each is off when null:
/// <list type="bullet">
/// <item>activation overrides: the functions used in place of tanh, the logistic sigmoid and ReLU, in the activation
/// layers and inside the LSTM (its i, f, o gates use the sigmoid, its g gate and tanh(c) the tanh);</item>
/// <item><see cref="AffineClip"/>: the outputs of every affine map (Linear and Conv2d outputs, the LSTM's gate
/// pre-activations) are clipped to a range;</item>
/// <item><see cref="CellStateClip"/>: the LSTM's cell state c is clipped to a range at every step.</item>
/// </list>
/// With every hook off (<see cref="None"/>) the layers run their plain code, bit for bit.
/// </summary>
public sealed record ForwardHooks
{
    /// <summary>No change: the plain forward pass.</summary>
    public static ForwardHooks None { get; } = new();

    /// <summary>Replaces tanh, or null.</summary>
    public IActivationFunction? Tanh { get; init; }

    /// <summary>Replaces the logistic sigmoid, or null.</summary>
    public IActivationFunction? Sigmoid { get; init; }

    /// <summary>Replaces ReLU, or null.</summary>
    public IActivationFunction? Relu { get; init; }

    /// <summary>Clip of every affine output (Linear, Conv2d, LSTM gate pre-activations), or null.</summary>
    public ClipRange? AffineClip { get; init; }

    /// <summary>Clip of the LSTM cell state at every step, or null.</summary>
    public ClipRange? CellStateClip { get; init; }

    /// <summary>True when no hook is set.</summary>
    public bool IsNone => Tanh is null && Sigmoid is null && Relu is null && AffineClip is null && CellStateClip is null;
}
