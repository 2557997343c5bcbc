using Hwsim.Nn.Hooks;
using Hwsim.Nn.Layers;

namespace Hwsim.Nn.Training;

/// <summary>
/// Mini-batch training with back-propagation (through time for LSTM layers). Deterministic: the same network
/// initialisation, data and options give the same parameters bit for bit.
/// </summary>
public static class Trainer
{
    /// <summary>
    /// Trains <paramref name="network"/> in place. The training loss of an epoch is the sample-weighted mean of its
    /// mini-batch losses. With a validation set (given, or split off by <see cref="TrainingOptions.ValidationFraction"/>)
    /// and a patience, training stops early and the parameters of the best validation epoch are restored.
    /// With <paramref name="hooks"/> (hardware-aware training, see <see cref="TrainingHooks"/>) every mini-batch runs on the
    /// transformed parameters with a fresh noise draw and the forward hooks, and the gradient found there is applied to the
    /// master parameters (straight-through); the validation loss is taken with the hooks on as well.
    /// </summary>
    public static TrainingHistory Fit(Sequential network, ILoss loss, IOptimizer optimizer, DataSet train,
        TrainingOptions options, DataSet? validation = null, Action<EpochReport>? progress = null, TrainingHooks? hooks = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.Epochs);
        hooks ??= TrainingHooks.None;
        if (hooks.ValidationDraws < 1) throw new ArgumentOutOfRangeException(nameof(hooks), "the hooks need at least one validation draw");
        var rng = new Rng(options.Seed);
        var noise = new Rng(hooks.NoiseSeed);
        if (validation is null && options.ValidationFraction > 0)
            (train, validation) = train.SplitOff(options.ValidationFraction, rng);
        int batchSize = options.BatchSize <= 0 ? train.Count : Math.Min(options.BatchSize, train.Count);

        var trainLoss = new List<double>();
        var validationLoss = new List<double>();
        double best = double.PositiveInfinity;
        int bestEpoch = 0, sinceBest = 0;
        double[][]? bestValues = null;
        bool stopped = false;

        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            int[] order = options.Shuffle ? rng.Permutation(train.Count) : Enumerable.Range(0, train.Count).ToArray();
            double sum = 0;
            for (int start = 0; start < order.Length; start += batchSize)
            {
                var idx = order[start..Math.Min(start + batchSize, order.Length)];
                var batch = idx.Length == train.Count && !options.Shuffle ? train : train.Select(idx);
                network.ZeroGrad();
                double l = hooks.IsNone ? Step(network, loss, batch) : hooks.WithTransformedWeights(network, noise, () => Step(network, loss, batch, hooks.Forward));
                if (options.ClipGradNorm is double max) GradientClipping.ClipNorm(network.Parameters, max);
                optimizer.Step();
                sum += l * idx.Length;
            }
            double epochLoss = sum / train.Count;
            trainLoss.Add(epochLoss);

            double vl = double.NaN;
            if (validation is not null)
            {
                vl = hooks.IsNone ? loss.Value(network.Predict(validation.Inputs), validation.Targets) : ValidationLoss(network, loss, validation, hooks);
                if (vl < best)
                {
                    best = vl;
                    bestEpoch = epoch;
                    sinceBest = 0;
                    if (options.Patience is not null) bestValues = network.SnapshotValues();
                }
                else
                {
                    sinceBest++;
                }
            }
            validationLoss.Add(vl);
            progress?.Invoke(new EpochReport(epoch, options.Epochs, epochLoss, vl));
            if (options.Patience is int patience && validation is not null && sinceBest >= patience)
            {
                stopped = true;
                break;
            }
        }
        if (bestValues is not null) network.RestoreValues(bestValues);
        if (validation is null) bestEpoch = trainLoss.Count;
        return new TrainingHistory(trainLoss, validationLoss, bestEpoch, stopped);
    }

    /// <summary>One forward and backward pass over a mini-batch: accumulates the gradients and returns the loss.</summary>
    private static double Step(Sequential network, ILoss loss, DataSet batch, ForwardHooks? forward = null)
    {
        var pass = forward is null ? network.Trace(batch.Inputs) : network.Trace(batch.Inputs, forward);
        double l = loss.Compute(pass.Output, batch.Targets, out var grad);
        network.Backward(pass, grad);
        return l;
    }

    /// <summary>The validation loss with the hooks on: the mean over the hooks' validation draws, the same draws every epoch.</summary>
    private static double ValidationLoss(Sequential network, ILoss loss, DataSet validation, TrainingHooks hooks)
    {
        var draws = new Rng(hooks.NoiseSeed ^ ValidationStream);
        int count = hooks.Noise is null ? 1 : hooks.ValidationDraws;
        double sum = 0;
        for (int k = 0; k < count; k++) sum += loss.Value(hooks.Predict(network, validation.Inputs, draws), validation.Targets);
        return sum / count;
    }

    /// <summary>Mixed into the noise seed for the validation draws, so they are a stream apart from the training draws.</summary>
    private const ulong ValidationStream = 0x5DEECE66DUL;
}
