namespace Hwsim.Bridge.Mapping;

/// <summary>
/// Derives independent random streams from a seed and an index by a stable hash (SplitMix64's finaliser), the same on
/// every platform and .NET version: what makes a Monte Carlo sample, or a device's draws, reproducible from numbers
/// alone, whatever ran beside them.
/// </summary>
public static class SeedMixer
{
    /// <summary>A 64-bit hash of (<paramref name="seed"/>, <paramref name="index"/>).</summary>
    public static ulong Mix(ulong seed, ulong index) => Finalize(Finalize(seed) + 0x9E3779B97F4A7C15UL * (index + 1));

    /// <summary>A 64-bit hash of a signed seed and an index.</summary>
    public static ulong Mix(long seed, ulong index) => Mix(unchecked((ulong)seed), index);

    private static ulong Finalize(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
