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
    /// </summary>
    public static TrainingHistory Fit(Sequential network, ILoss loss, IOptimizer optimizer, DataSet train,
        TrainingOptions options, DataSet? validation = null, Action<EpochReport>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.Epochs);
        var rng = new Rng(options.Seed);
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
                var pass = network.Trace(batch.Inputs);
                double l = loss.Compute(pass.Output, batch.Targets, out var grad);
                network.Backward(pass, grad);
                if (options.ClipGradNorm is double max) GradientClipping.ClipNorm(network.Parameters, max);
                optimizer.Step();
                sum += l * idx.Length;
            }
            double epochLoss = sum / train.Count;
            trainLoss.Add(epochLoss);

            double vl = double.NaN;
            if (validation is not null)
            {
                vl = loss.Value(network.Predict(validation.Inputs), validation.Targets);
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
}
