using Hwsim.Nn.Hooks;

namespace Hwsim.Nn.Layers;

/// <summary>tanh(x), as nn.Tanh.</summary>
public sealed class Tanh(string name) : ElementwiseActivation(name)
{
    /// <inheritdoc />
    public override string TypeName => "Tanh";

    /// <inheritdoc />
    public override double Apply(double x) => Math.Tanh(x);

    /// <inheritdoc />
    protected override IActivationFunction? OverrideIn(ForwardHooks hooks) => hooks.Tanh;

    /// <inheritdoc />
    public override double Derivative(double x, double y) => 1.0 - y * y;
}
