namespace Hwsim.Circuits.Blocks;

/// <summary>
/// Programming imperfections of crossbar devices: log-normal variation of each programmed conductance
/// (G * exp(N(0, sigma))) and devices stuck at Gmin or Gmax with given probabilities; seeded, so a run is repeatable.
/// </summary>
public sealed record DeviceVariation(double Sigma = 0, double StuckAtGminProbability = 0, double StuckAtGmaxProbability = 0, int Seed = 1)
{
    public static DeviceVariation None { get; } = new();

    public bool IsNone => Sigma == 0 && StuckAtGminProbability == 0 && StuckAtGmaxProbability == 0;

    /// <summary>Applies the variation to one programmed conductance, drawing from <paramref name="random"/>.</summary>
    public double Apply(double g, double gmin, double gmax, Random random)
    {
        if (Sigma < 0 || StuckAtGminProbability < 0 || StuckAtGmaxProbability < 0 || StuckAtGminProbability + StuckAtGmaxProbability > 1)
            throw new ArgumentException("variation needs sigma >= 0 and stuck-at probabilities that are non-negative and sum to at most 1");
        var u = random.NextDouble();
        if (u < StuckAtGminProbability) return gmin;
        if (u < StuckAtGminProbability + StuckAtGmaxProbability) return gmax;
        if (Sigma == 0) return g;
        // Box-Muller: one standard normal draw
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        var z = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        return g * Math.Exp(Sigma * z);
    }
}
