using Hwsim.Nn.Layers;

namespace Hwsim.Nn.Hooks;

/// <summary>
/// Everything hardware-aware training changes in <see cref="Training.Trainer.Fit"/>, each off when null:
/// <see cref="Weights"/>, a transform of the parameters with a straight-through gradient (e.g. quantisation);
/// <see cref="Noise"/>, a random transform applied after it, drawn afresh for every mini-batch (noise injection); and
/// <see cref="Forward"/>, the changes to the forward pass (activation overrides, clips). The noise draws come from a
/// stream of their own, seeded by <see cref="NoiseSeed"/>, so shuffling is the same as in plain training and a seeded
/// run is reproducible. With every hook off (<see cref="None"/>) training is plain training, bit for bit.
/// </summary>
public sealed record TrainingHooks
{
    /// <summary>Plain training.</summary>
    public static TrainingHooks None { get; } = new();

    /// <summary>The deterministic transform of the parameters (straight-through), or null.</summary>
    public IWeightTransform? Weights { get; init; }

    /// <summary>The random transform drawn afresh per mini-batch after <see cref="Weights"/> (straight-through), or null.</summary>
    public IWeightTransform? Noise { get; init; }

    /// <summary>The changes to the forward pass.</summary>
    public ForwardHooks Forward { get; init; } = ForwardHooks.None;

    /// <summary>Seed of the noise draws.</summary>
    public ulong NoiseSeed { get; init; } = 1;

    /// <summary>
    /// With <see cref="Noise"/>, the validation loss is the mean over this many noise draws; the draws are the same at
    /// every epoch (a stream restarted from the seed), so epochs are compared on the same devices.
    /// </summary>
    public int ValidationDraws { get; init; } = 1;

    /// <summary>True when no hook is set.</summary>
    public bool IsNone => Weights is null && Noise is null && Forward.IsNone;

    /// <summary>True when a transform changes the parameter values.</summary>
    public bool TransformsWeights => Weights is not null || Noise is not null;

    /// <summary>
    /// Runs <paramref name="action"/> with the parameters of <paramref name="network"/> transformed (and noise drawn from
    /// <paramref name="rng"/>), then restores the master values, whatever <paramref name="action"/> does.
    /// </summary>
    public T WithTransformedWeights<T>(Sequential network, Rng rng, Func<T> action)
    {
        if (!TransformsWeights) return action();
        var masters = network.SnapshotValues();
        try
        {
            Weights?.Apply(network, rng);
            Noise?.Apply(network, rng);
            return action();
        }
        finally
        {
            network.RestoreValues(masters);
        }
    }

    /// <summary>The network's output with the hooks on: transformed weights (one noise draw from <paramref name="rng"/>) and the forward hooks.</summary>
    public Batch Predict(Sequential network, Batch input, Rng rng) =>
        WithTransformedWeights(network, rng, () => network.Trace(input, Forward).Output);
}
