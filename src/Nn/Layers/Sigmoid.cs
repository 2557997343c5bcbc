using Hwsim.Nn.Hooks;

namespace Hwsim.Nn.Layers;

/// <summary>1 / (1 + exp(-x)), as nn.Sigmoid.</summary>
public sealed class Sigmoid(string name) : ElementwiseActivation(name)
{
    /// <inheritdoc />
    public override string TypeName => "Sigmoid";

    /// <inheritdoc />
    public override double Apply(double x) => Logistic(x);

    /// <inheritdoc />
    protected override IActivationFunction? OverrideIn(ForwardHooks hooks) => hooks.Sigmoid;

    /// <inheritdoc />
    public override double Derivative(double x, double y) => y * (1.0 - y);

    /// <summary>The logistic function, evaluated without overflow for large |x|.</summary>
    public static double Logistic(double x)
    {
        if (x >= 0) return 1.0 / (1.0 + Math.Exp(-x));
        double e = Math.Exp(x);
        return e / (1.0 + e);
    }
}
