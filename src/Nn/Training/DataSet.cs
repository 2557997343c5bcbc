namespace Hwsim.Nn.Training;

/// <summary>Inputs and targets with the same number of samples (and steps).</summary>
public sealed class DataSet
{
    /// <summary>Pairs inputs with targets.</summary>
    public DataSet(Batch inputs, Batch targets)
    {
        if (inputs.Size != targets.Size || inputs.Length != targets.Length)
            throw new ArgumentException($"inputs ({inputs.Size} samples x {inputs.Length} steps) and targets ({targets.Size} x {targets.Length}) differ");
        Inputs = inputs;
        Targets = targets;
    }

    /// <summary>The inputs.</summary>
    public Batch Inputs { get; }

    /// <summary>The targets.</summary>
    public Batch Targets { get; }

    /// <summary>Number of samples (sequences for sequence data).</summary>
    public int Count => Inputs.Size;

    /// <summary>The samples at the given indices.</summary>
    public DataSet Select(IReadOnlyList<int> indices) => new(Inputs.SelectSamples(indices), Targets.SelectSamples(indices));

    /// <summary>A deterministic split: a shuffled <paramref name="fraction"/> becomes the second set.</summary>
    public (DataSet Kept, DataSet Split) SplitOff(double fraction, Rng rng)
    {
        if (fraction <= 0 || fraction >= 1) throw new ArgumentOutOfRangeException(nameof(fraction));
        int n = (int)Math.Round(Count * fraction);
        if (n < 1 || n >= Count) throw new ArgumentException($"cannot split {fraction:P0} off {Count} samples");
        var perm = rng.Permutation(Count);
        return (Select(perm[n..].Order().ToArray()), Select(perm[..n].Order().ToArray()));
    }
}
