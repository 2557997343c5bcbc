using System.Globalization;

namespace Hwsim.Circuits.Blocks;

/// <summary>A weight that the conductance window cannot hold.</summary>
public sealed class MappingException : Exception
{
    public MappingException(string message) : base(message) { }
}

/// <summary>
/// Maps signed weights onto differential conductance pairs and back: w -> (G+, G-) with
/// G+ = Gmin + max(w, 0) * scale and G- = Gmin + max(-w, 0) * scale, so that (G+ - G-) = w * scale exactly before
/// quantisation. Each conductance lies in the window [Gmin, Gmax]; with <see cref="Levels"/> it is rounded to one of
/// that many equally spaced levels of the window (2^bits). Defaults follow Li et al. 2019's 1T1R arrays: a window of
/// about 1-100 microsiemens.
/// </summary>
public sealed record ConductanceMapping
{
    public ConductanceMapping(double gmin, double gmax, double weightScale, int? levels = null)
    {
        if (!(gmin >= 0) || !(gmax > gmin)) throw new ArgumentException($"the conductance window needs 0 <= Gmin < Gmax, got [{gmin}, {gmax}]");
        if (!(weightScale > 0)) throw new ArgumentException($"the weight scale must be positive, got {weightScale}");
        if (levels is < 2) throw new ArgumentException($"quantisation needs at least 2 levels, got {levels}");
        Gmin = gmin;
        Gmax = gmax;
        WeightScale = weightScale;
        Levels = levels;
    }

    /// <summary>Lowest programmable conductance (S).</summary>
    public double Gmin { get; }
    /// <summary>Highest programmable conductance (S).</summary>
    public double Gmax { get; }
    /// <summary>Conductance per unit weight (S): G+ - G- = w * WeightScale.</summary>
    public double WeightScale { get; }
    /// <summary>Number of programmable levels in [Gmin, Gmax] (2^bits), or null for analog (unquantised) conductances.</summary>
    public int? Levels { get; }

    /// <summary>The largest |w| the window holds: (Gmax - Gmin) / WeightScale.</summary>
    public double MaxWeight => (Gmax - Gmin) / WeightScale;

    /// <summary>A mapping whose scale puts the largest |w| of <paramref name="weights"/> exactly at Gmax.</summary>
    public static ConductanceMapping FitTo(IEnumerable<double> weights, double gmin = 1e-6, double gmax = 100e-6, int? levels = null)
    {
        var max = weights.Select(Math.Abs).DefaultIfEmpty(0).Max();
        if (max == 0) max = 1;
        return new ConductanceMapping(gmin, gmax, (gmax - gmin) / max, levels);
    }

    /// <summary>The conductance pair of a weight. Throws <see cref="MappingException"/> when |w| exceeds <see cref="MaxWeight"/>.</summary>
    public (double Plus, double Minus) ToConductances(double weight, string? what = null)
    {
        if (double.IsNaN(weight)) throw new MappingException($"{what ?? "weight"} is NaN");
        var excess = Math.Abs(weight) * WeightScale;
        if (excess > (Gmax - Gmin) * (1 + 1e-12))
            throw new MappingException(string.Create(CultureInfo.InvariantCulture,
                $"{what ?? "weight"} = {weight:G6} needs {Gmin + excess:G4} S, beyond the window's Gmax = {Gmax:G4} S (largest weight it holds: {MaxWeight:G4})"));
        var plus = Gmin + Math.Max(weight, 0) * WeightScale;
        var minus = Gmin + Math.Max(-weight, 0) * WeightScale;
        return (Quantize(plus), Quantize(minus));
    }

    /// <summary>
    /// Weights whose conductance step |w| * scale is so small beside Gmax that double-precision conductances keep
    /// fewer than about six significant digits of it (below 2^-52 * Gmax * 1e6): one huge weight sets the scale and
    /// the others vanish into Gmin. Null when none do (exact zeros are exact and do not count); otherwise a note
    /// naming how many, the largest of them and the weight that set the scale.
    /// </summary>
    public string? PrecisionNote(IEnumerable<double> weights, string layer)
    {
        var floor = Math.Pow(2, -52) * Gmax * 1e6 / WeightScale;
        var lost = weights.Where(w => w != 0 && Math.Abs(w) < floor).Select(Math.Abs).ToList();
        if (lost.Count == 0) return null;
        return string.Create(CultureInfo.InvariantCulture,
            $"layer {layer}: {lost.Count} weight(s) up to |w| = {lost.Max():G3} lose precision in the circuit: the largest |w| = {MaxWeight:G3} sets the conductance scale ({WeightScale:G3} S per unit weight), so their conductance steps sit below 1e-6 of their digits in Gmin + step; clip or rescale the outlier");
    }

    /// <summary>The weight a conductance pair represents.</summary>
    public double ToWeight(double plus, double minus) => (plus - minus) / WeightScale;

    /// <summary>Rounds a conductance to the nearest programmable level (no-op for analog mappings), clamped to the window.</summary>
    public double Quantize(double g)
    {
        g = Math.Clamp(g, Gmin, Gmax);
        if (Levels is not { } n) return g;
        var step = (Gmax - Gmin) / (n - 1);
        return Gmin + Math.Round((g - Gmin) / step, MidpointRounding.AwayFromZero) * step;
    }
}
