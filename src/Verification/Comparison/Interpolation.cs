namespace Hwsim.Verification;

/// <summary>Piecewise-linear interpolation of sampled waveforms.</summary>
public static class Interpolation
{
    /// <summary>
    /// The value at <paramref name="x"/> of the polyline through (<paramref name="xs"/>, <paramref name="ys"/>);
    /// <paramref name="xs"/> ascending (repeated abscissae allowed: the later sample wins); clamped at both ends.
    /// </summary>
    public static double At(IReadOnlyList<double> xs, IReadOnlyList<double> ys, double x)
    {
        var n = xs.Count;
        if (n == 0)
        {
            return double.NaN;
        }

        if (x <= xs[0])
        {
            return ys[0];
        }

        if (x >= xs[n - 1])
        {
            return ys[n - 1];
        }

        // Last index with xs[lo] <= x.
        int lo = 0, hi = n - 1;
        while (hi - lo > 1)
        {
            var mid = (lo + hi) >>> 1;
            if (xs[mid] <= x)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        var span = xs[hi] - xs[lo];
        if (span <= 0)
        {
            return ys[hi];
        }

        var w = (x - xs[lo]) / span;
        return ys[lo] + (w * (ys[hi] - ys[lo]));
    }
}
