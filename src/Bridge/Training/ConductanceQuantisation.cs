using Hwsim.Bridge.Mapping;
using Hwsim.Nn;
using Hwsim.Nn.Hooks;
using Hwsim.Nn.Layers;

namespace Hwsim.Bridge.Training;

/// <summary>
/// The weights a crossbar really holds, for the forward pass of hardware-aware training: per crossbar the profile's
/// conductance mapping (fitted over its values unless the profile fixes the weight scale), each weight clipped to the
/// window (|w| at most (Gmax - Gmin) / scale) and its differential pair rounded to the profile's 2^bits levels, as
/// <see cref="Hwsim.Circuits.Blocks.ConductanceMapping.ToConductances"/> programs them. Deterministic; the trainer
/// applies the gradient found here to the unquantised weights (straight-through).
/// </summary>
public sealed class ConductanceQuantisation : IWeightTransform
{
    private readonly MappingProfile profile;

    /// <summary>Quantises as <paramref name="profile"/> maps weights to conductances.</summary>
    public ConductanceQuantisation(MappingProfile profile) => this.profile = profile;

    /// <inheritdoc />
    public void Apply(Sequential network, Rng rng)
    {
        foreach (var group in CrossbarGroup.Of(network))
        {
            var values = group.Values();
            var mapping = profile.MappingFor(values);
            double max = mapping.MaxWeight;
            for (int i = 0; i < values.Length; i++)
            {
                var (plus, minus) = mapping.ToConductances(Math.Clamp(values[i], -max, max));
                values[i] = mapping.ToWeight(plus, minus);
            }
            group.Write(values);
        }
    }
}
