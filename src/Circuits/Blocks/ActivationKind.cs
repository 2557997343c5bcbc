namespace Hwsim.Circuits.Blocks;

/// <summary>The element-wise nonlinearities of the networks.</summary>
public enum ActivationKind
{
    Tanh,
    Sigmoid,
    Relu,
}

public static class ActivationFunctions
{
    /// <summary>The ideal function in network units.</summary>
    public static double Apply(this ActivationKind kind, double x) => kind switch
    {
        ActivationKind.Tanh => Math.Tanh(x),
        ActivationKind.Sigmoid => 1 / (1 + Math.Exp(-x)),
        _ => Math.Max(x, 0),
    };
}
