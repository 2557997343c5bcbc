using Hwsim.Bridge.Mapping;
using Hwsim.Nn;
using Hwsim.Nn.Hooks;
using Hwsim.Nn.Layers;

namespace Hwsim.Bridge.Training;

/// <summary>
/// Programming variation for the forward pass of hardware-aware training, drawn afresh for every mini-batch: each
/// weight's conductance pair (as the profile maps the crossbar, see <see cref="ConductanceQuantisation"/>) is varied
/// as <see cref="Hwsim.Circuits.Blocks.DeviceVariation"/> varies a programmed device (G exp(sigma z), or stuck at
/// Gmin or Gmax with the profile's probabilities), and the weight read back is (G+ - G-) / scale. Applied after the
/// quantisation, whose levels it leaves where they are (the fitted scale of quantised weights is the same).
/// </summary>
public sealed class ConductanceVariation : IWeightTransform
{
    private readonly MappingProfile profile;

    /// <summary>Varies as <paramref name="profile"/> does (its sigma and stuck-at probabilities; its seed is not used: draws come from the trainer).</summary>
    public ConductanceVariation(MappingProfile profile) => this.profile = profile with { WeightBits = null };

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
                values[i] = mapping.ToWeight(Vary(plus, mapping.Gmin, mapping.Gmax, rng), Vary(minus, mapping.Gmin, mapping.Gmax, rng));
            }
            group.Write(values);
        }
    }

    private double Vary(double g, double gmin, double gmax, Rng rng)
    {
        if (profile.StuckAtGminProbability > 0 || profile.StuckAtGmaxProbability > 0)
        {
            double u = rng.NextDouble();
            if (u < profile.StuckAtGminProbability) return gmin;
            if (u < profile.StuckAtGminProbability + profile.StuckAtGmaxProbability) return gmax;
        }
        return profile.VariationSigma == 0 ? g : g * Math.Exp(profile.VariationSigma * rng.Normal());
    }
}
