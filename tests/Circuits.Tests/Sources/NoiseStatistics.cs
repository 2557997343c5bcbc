using System.Numerics;

namespace Hwsim.Circuits.Tests.Sources;

/// <summary>Sample statistics of a noise waveform: the values at the sample instants, their moments and spectrum.</summary>
internal static class NoiseStatistics
{
    /// <summary>The waveform's values at t = k*ts for k = 0..n, or null where no time point lands on k*ts (to 1e-9 ts).</summary>
    public static double?[] AtInstants(IReadOnlyList<double> time, IReadOnlyList<double> values, double ts)
    {
        var n = (int)Math.Round(time[^1] / ts);
        var samples = new double?[n + 1];
        for (var i = 0; i < time.Count; i++)
        {
            var k = (int)Math.Round(time[i] / ts);
            if (k >= 0 && k <= n && Math.Abs(time[i] - k * ts) <= 1e-9 * ts) samples[k] = values[i];
        }
        return samples;
    }

    public static double Mean(IReadOnlyList<double> x) => x.Average();

    public static double StandardDeviation(IReadOnlyList<double> x)
    {
        var m = Mean(x);
        return Math.Sqrt(x.Sum(v => (v - m) * (v - m)) / (x.Count - 1));
    }

    /// <summary>The correlation of neighbouring samples.</summary>
    public static double Lag1Correlation(IReadOnlyList<double> x)
    {
        var m = Mean(x);
        double c = 0, v = 0;
        for (var i = 0; i < x.Count; i++)
        {
            v += (x[i] - m) * (x[i] - m);
            if (i + 1 < x.Count) c += (x[i] - m) * (x[i + 1] - m);
        }
        return c / v;
    }

    /// <summary>The periodogram |X_k|^2 for k = 1..min(N/2, maxBin+1)-1 of the mean-removed samples (a direct DFT).</summary>
    public static double[] Periodogram(IReadOnlyList<double> x, int maxBin = -1)
    {
        var n = x.Count;
        var m = Mean(x);
        var p = new double[maxBin < 0 ? n / 2 : Math.Min(n / 2, maxBin + 1)];
        for (var k = 1; k < p.Length; k++)
        {
            var sum = Complex.Zero;
            var step = Complex.FromPolarCoordinates(1, -2 * Math.PI * k / n);
            var w = Complex.One;
            for (var i = 0; i < n; i++)
            {
                sum += (x[i] - m) * w;
                w *= step;
            }
            p[k] = sum.Real * sum.Real + sum.Imaginary * sum.Imaginary;
        }
        return p;
    }

    /// <summary>
    /// The slope of log power against log frequency, fitted to the periodogram averaged over octaves from bin
    /// <paramref name="first"/> up to bin <paramref name="last"/>.
    /// </summary>
    public static double LogLogSlope(double[] periodogram, int first, int last)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        for (var lo = first; lo * 2 <= last; lo *= 2)
        {
            var band = periodogram.Skip(lo).Take(lo).ToArray();
            xs.Add(Math.Log(lo * Math.Sqrt(2)));
            ys.Add(Math.Log(band.Average()));
        }
        var mx = xs.Average();
        var my = ys.Average();
        return xs.Zip(ys).Sum(p => (p.First - mx) * (p.Second - my)) / xs.Sum(x => (x - mx) * (x - mx));
    }
}
