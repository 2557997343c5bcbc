using Hwsim.Bridge.Mapping;
using Hwsim.Nn;
using Hwsim.Nn.Hooks;
using Hwsim.Nn.Layers;

namespace Hwsim.Bridge.Training;

/// <summary>
/// Programming variation and read noise for the forward pass of hardware-aware training, drawn afresh for every
/// mini-batch: each conductance of a weight's pair (as the profile maps the crossbar, see
/// <see cref="ConductanceQuantisation"/>) is varied as <see cref="Hwsim.Circuits.Blocks.DeviceVariation"/> varies a
/// programmed device (G exp(sigma z), or stuck at Gmin or Gmax with the profile's probabilities), then read once as
/// <see cref="ConductanceSampler.Read"/> reads a crossing (max(0, G (1 + sigma_r z))), and the weight read back is
/// (G+ - G-) / scale. One read per batch stands for the circuit's read per evaluation point. Applied after the
/// quantisation, whose levels it leaves where they are (the fitted scale of quantised weights is the same).
/// </summary>
public sealed class ConductanceVariation : IWeightTransform
{
    private readonly MappingProfile profile;
    private readonly ConductanceSampler reader;

    /// <summary>
    /// Varies as <paramref name="profile"/> does (its sigma, stuck-at probabilities and read noise sigma; its seed is
    /// not used: draws come from the trainer).
    /// </summary>
    public ConductanceVariation(MappingProfile profile)
    {
        this.profile = profile with { WeightBits = null };
        reader = new ConductanceSampler(this.profile);
    }

    /// <summary>True when <paramref name="profile"/> has anything for this transform to draw.</summary>
    public static bool Draws(MappingProfile profile) =>
        profile.VariationSigma > 0 || profile.StuckAtGminProbability > 0 || profile.StuckAtGmaxProbability > 0 || profile.ReadNoiseSigma > 0;

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
        double programmed = Program(g, gmin, gmax, rng);
        return reader.HasReadNoise ? reader.Read(programmed, rng) : programmed;
    }

    private double Program(double g, double gmin, double gmax, Rng rng)
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
