namespace Hwsim.Circuits.Devices;

/// <summary>
/// The random stream of one noise source in one run (xoshiro256** seeded through splitmix64): our own generator,
/// so values differ from ngspice's, but the distributions are ngspice's. The stream is a function of the seed
/// (<c>.options seed=N</c> or <c>set rndseed=N</c>) and the source's name, so two sources are independent and the
/// same seed gives the same waveform whatever order the engine evaluates the sources in.
/// </summary>
public sealed class NoiseRandom
{
    private ulong _s0, _s1, _s2, _s3;
    private double _spareGaussian = double.NaN;

    public NoiseRandom(int seed, string stream)
    {
        // FNV-1a of the lower-case name, mixed with the seed: stable across runs and platforms.
        var h = 14695981039346656037UL;
        foreach (var ch in stream.ToLowerInvariant()) { h ^= ch; h *= 1099511628211UL; }
        var x = h ^ ((ulong)(uint)seed * 0x9E3779B97F4A7C15UL);
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    private static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private ulong NextBits()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in (0, 1): never 0, so logarithms are finite.</summary>
    public double Uniform() => ((NextBits() >> 11) + 0.5) * (1.0 / (1UL << 53));

    /// <summary>Standard normal (the polar Box-Muller method, as ngspice's gauss0).</summary>
    public double Gaussian()
    {
        if (!double.IsNaN(_spareGaussian))
        {
            var spare = _spareGaussian;
            _spareGaussian = double.NaN;
            return spare;
        }
        double v1, v2, r;
        do
        {
            v1 = 2 * Uniform() - 1;
            v2 = 2 * Uniform() - 1;
            r = v1 * v1 + v2 * v2;
        } while (r >= 1 || r == 0);
        var fac = Math.Sqrt(-2 * Math.Log(r) / r);
        _spareGaussian = v1 * fac;
        return v2 * fac;
    }

    /// <summary>Exponential with the given mean (ngspice's exprand).</summary>
    public double Exponential(double mean) => -Math.Log(Uniform()) * mean;

    /// <summary>Poisson with mean <paramref name="lambda"/> by inverting the cumulative sum, capped at 1000 as ngspice's poisson.</summary>
    public int Poisson(double lambda)
    {
        var u = Uniform();
        var p = Math.Exp(-lambda);
        var sum = p;
        if (sum >= u) return 0;
        for (var k = 1; k < 1000; k++)
        {
            p *= lambda / k;
            sum += p;
            if (sum >= u) return k;
        }
        return 1000;
    }
}
