namespace Hwsim.Circuits.Blocks;

/// <summary>
/// A block's sweep beside its ideal function, in the block's signal units (values: volts / Vs): one row per point,
/// <see cref="Input2"/> only for two-input blocks. Errors are circuit - ideal.
/// </summary>
public sealed record BlockSweep(BlockDefinition Block, FidelityLevel Level, double[] Input, double[]? Input2, double[] Ideal, double[] Circuit)
{
    public int Points => Input.Length;

    /// <summary>Largest |circuit - ideal| over the sweep.</summary>
    public double MaxError => Enumerable.Range(0, Points).Max(i => Math.Abs(Circuit[i] - Ideal[i]));

    /// <summary>Root mean square of circuit - ideal over the sweep.</summary>
    public double RmsError => Math.Sqrt(Enumerable.Range(0, Points).Average(i => (Circuit[i] - Ideal[i]) * (Circuit[i] - Ideal[i])));

    /// <summary>The bound the block's documentation states (and its tests check) for this level.</summary>
    public double ErrorBound => Block.ErrorBound(Level);

    public bool WithinBound => MaxError <= ErrorBound;

    /// <summary>The point of the largest error.</summary>
    public int WorstPoint => Enumerable.Range(0, Points).MaxBy(i => Math.Abs(Circuit[i] - Ideal[i]));
}
