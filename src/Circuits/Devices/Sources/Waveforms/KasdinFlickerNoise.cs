using System.Numerics;

namespace Hwsim.Circuits.Devices;

/// <summary>
/// 1/f^alpha noise by Kasdin's method (Proc. IEEE 83(5), 1995), as ngspice's f_alpha: white Gaussian noise of rms
/// <c>q</c> filtered by h_0 = 1, h_k = h_(k-1) (alpha/2 + k - 1) / k, the convolution done by FFT (zero-padded, so
/// it is the linear convolution Kasdin describes).
/// </summary>
internal static class KasdinFlickerNoise
{
    public static double[] Generate(NoiseRandom random, int count, double q, double alpha)
    {
        var size = 1;
        while (size < 2 * count) size <<= 1;
        var h = new Complex[size];
        var w = new Complex[size];
        h[0] = 1;
        w[0] = q * random.Gaussian();
        for (var k = 1; k < count; k++)
        {
            h[k] = h[k - 1].Real * (alpha / 2 + k - 1) / k;
            w[k] = q * random.Gaussian();
        }
        Fft(h, false);
        Fft(w, false);
        for (var i = 0; i < size; i++) h[i] *= w[i];
        Fft(h, true);
        var x = new double[count];
        for (var i = 0; i < count; i++) x[i] = h[i].Real / size;
        return x;
    }

    /// <summary>In-place radix-2 FFT (unscaled); <paramref name="inverse"/> conjugates the twiddles.</summary>
    private static void Fft(Complex[] a, bool inverse)
    {
        var n = a.Length;
        for (int i = 1, j = 0; i < n; i++)
        {
            var bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) j ^= bit;
            j ^= bit;
            if (i < j) (a[i], a[j]) = (a[j], a[i]);
        }
        for (var len = 2; len <= n; len <<= 1)
        {
            var angle = 2 * Math.PI / len * (inverse ? 1 : -1);
            var wl = new Complex(Math.Cos(angle), Math.Sin(angle));
            for (var i = 0; i < n; i += len)
            {
                var wk = Complex.One;
                for (var k = 0; k < len / 2; k++)
                {
                    var u = a[i + k];
                    var v = a[i + k + len / 2] * wk;
                    a[i + k] = u + v;
                    a[i + k + len / 2] = u - v;
                    wk *= wl;
                }
            }
        }
    }
}
