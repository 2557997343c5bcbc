namespace Hwsim.Nn.Hooks;

/// <summary>
/// An element-wise function that replaces an activation in the forward pass (see <see cref="ForwardHooks"/>), with the
/// derivative that the backward pass uses. Both are functions of the input x.
/// </summary>
public interface IActivationFunction
{
    /// <summary>f(x).</summary>
    double Value(double x);

    /// <summary>f'(x).</summary>
    double Derivative(double x);
}
