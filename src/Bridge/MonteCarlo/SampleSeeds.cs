using Hwsim.Bridge.Mapping;

namespace Hwsim.Bridge.MonteCarlo;

/// <summary>
/// The seed of Monte Carlo sample k of a study with seed S: a stable hash of (S, k) alone (<see cref="SeedMixer"/>),
/// so a sample's circuit never depends on <c>--jobs</c>, on its shard, or on the samples beside it. The seed is what
/// the profile's <see cref="MappingProfile.Seed"/> takes, so <c>hwsim compare ... --seed SEED</c> builds the circuit
/// of that sample again.
/// </summary>
public static class SampleSeeds
{
    /// <summary>The seed of sample <paramref name="sample"/> (a non-negative 63-bit number).</summary>
    public static long Of(long studySeed, int sample)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sample);
        return (long)(SeedMixer.Mix(studySeed, (ulong)sample) >> 1);
    }
}
