using Hwsim.Nn.Layers;

namespace Hwsim.Nn.Hooks;

/// <summary>
/// A change of a network's parameter values for the forward pass of training, with a straight-through gradient: the
/// trainer lets the transform overwrite the values, runs the forward and backward passes on them, then puts the
/// original (master) values back and lets the optimiser apply the gradient found at the transformed values to them.
/// So dLoss/dw is taken as dLoss/dT(w): the definition of the straight-through estimator.
/// </summary>
public interface IWeightTransform
{
    /// <summary>
    /// Overwrites the <see cref="Parameter.Value"/> of <paramref name="network"/>'s parameters with the values the forward
    /// pass uses. A random transform (noise injection) draws from <paramref name="rng"/>; a deterministic one ignores it.
    /// </summary>
    void Apply(Sequential network, Rng rng);
}
