namespace Hwsim.Nn.Training;

/// <summary>torch.nn.utils.clip_grad_norm_ and clip_grad_value_.</summary>
public static class GradientClipping
{
    /// <summary>
    /// Scales all gradients by max_norm / (total_norm + 1e-6) when that is below 1, where total_norm is the L2
    /// norm of all gradients together. Returns the total norm before clipping.
    /// </summary>
    public static double ClipNorm(IEnumerable<Parameter> parameters, double maxNorm)
    {
        var ps = parameters.ToArray();
        double sq = 0;
        foreach (var p in ps)
            foreach (var g in p.GradArray) sq += g * g;
        double total = Math.Sqrt(sq);
        double coef = maxNorm / (total + 1e-6);
        if (coef < 1)
            foreach (var p in ps)
            {
                var g = p.GradArray;
                for (int i = 0; i < g.Length; i++) g[i] *= coef;
            }
        return total;
    }

    /// <summary>Clamps every gradient element to [-clip, clip].</summary>
    public static void ClipValue(IEnumerable<Parameter> parameters, double clip)
    {
        foreach (var p in parameters)
        {
            var g = p.GradArray;
            for (int i = 0; i < g.Length; i++) g[i] = Math.Clamp(g[i], -clip, clip);
        }
    }
}
