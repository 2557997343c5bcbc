using Hwsim.Nn.Hooks;

namespace Hwsim.Nn.Layers;

/// <summary>max(0, x), as nn.ReLU; the gradient at exactly 0 is 0, as in PyTorch.</summary>
public sealed class ReLU(string name) : ElementwiseActivation(name)
{
    /// <inheritdoc />
    public override string TypeName => "ReLU";

    /// <inheritdoc />
    public override double Apply(double x) => x > 0 ? x : 0.0;

    /// <inheritdoc />
    protected override IActivationFunction? OverrideIn(ForwardHooks hooks) => hooks.Relu;

    /// <inheritdoc />
    public override double Derivative(double x, double y) => x > 0 ? 1.0 : 0.0;
}
