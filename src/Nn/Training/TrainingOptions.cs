namespace Hwsim.Nn.Training;

/// <summary>How to train: epochs, mini-batches, the seed of shuffling, clipping and early stopping.</summary>
public sealed record TrainingOptions
{
    /// <summary>Passes over the training set.</summary>
    public int Epochs { get; init; } = 100;

    /// <summary>Samples per mini-batch; 0 means the whole set in one batch.</summary>
    public int BatchSize { get; init; }

    /// <summary>Shuffle the samples every epoch.</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>Seed of the shuffling (and of the validation split).</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>clip_grad_norm_ before each step, when set.</summary>
    public double? ClipGradNorm { get; init; }

    /// <summary>When no validation set is given, this fraction of the training set is split off for it (0: none).</summary>
    public double ValidationFraction { get; init; }

    /// <summary>Early stopping: stop after this many epochs without a better validation loss and restore the best parameters.</summary>
    public int? Patience { get; init; }
}
