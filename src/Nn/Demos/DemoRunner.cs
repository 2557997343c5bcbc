using System.Text.Json.Nodes;
using Hwsim.Nn.Layers;
using Hwsim.Nn.Models;
using Hwsim.Nn.Training;

namespace Hwsim.Nn.Demos;

/// <summary>
/// Trains a demo into a model: initialise the layers from the demo's seed as PyTorch would, train (or set the
/// fixed parameters), evaluate, and attach description, training settings and metrics as extra model-file fields.
/// Deterministic: the same demo and overrides give the same model file bit for bit.
/// </summary>
public static class DemoRunner
{
    /// <summary>Builds the model of <paramref name="demo"/>.</summary>
    public static DemoResult Run(DemoDefinition demo, DemoOverrides? overrides = null, Action<EpochReport>? progress = null)
    {
        overrides ??= new DemoOverrides();
        var data = demo.Data();
        var network = demo.Architecture();
        network.ResetParameters(new Rng(demo.Seed));
        if (overrides.Initial is { } initial) CopyParameters(initial, network, demo.Name);
        var extras = new JsonObject { ["description"] = demo.Description };
        TrainingHistory? history = null;

        if (demo.FixedParameters is not null)
        {
            demo.FixedParameters(network);
            extras["training"] = new JsonObject { ["trained"] = false };
        }
        else
        {
            var kind = overrides.Optimizer ?? demo.Optimizer.Kind;
            var spec = new OptimizerSpec(kind, overrides.LearningRate ?? demo.LearningRateFor(kind));
            var options = demo.Training with { Seed = demo.Seed, Epochs = overrides.Epochs ?? demo.Training.Epochs };
            history = Trainer.Fit(network, demo.Loss, spec.Create(network.Parameters), data.Train, options, data.Validation, progress, overrides.Hooks);
            var training = new JsonObject
            {
                ["seed"] = demo.Seed,
                ["optimizer"] = spec.Name,
                ["learning_rate"] = spec.LearningRate,
                ["loss"] = demo.Loss.Name,
                ["epochs"] = options.Epochs,
                ["epochs_run"] = history.EpochsRun,
                ["batch_size"] = options.BatchSize,
                ["train_samples"] = data.Train.Count,
                ["final_train_loss"] = history.TrainLoss.Count > 0 ? history.TrainLoss[^1] : null,
            };
            if (options.ClipGradNorm is double clip) training["clip_grad_norm"] = clip;
            if (options.Patience is int patience)
            {
                training["patience"] = patience;
                training["best_epoch"] = history.BestEpoch;
            }
            extras["training"] = training;
        }

        var model = new NetworkModel(demo.Name, network, extras);
        var metrics = DemoEvaluation.Evaluate(demo, model, data);
        var m = new JsonObject();
        foreach (var metric in metrics) m[metric.Key] = metric.Value;
        extras["metrics"] = m;
        return new DemoResult(demo, model, data, history, metrics);
    }

    /// <summary>Sets <paramref name="network"/>'s parameters to <paramref name="from"/>'s; both must have the same names and shapes.</summary>
    private static void CopyParameters(Sequential from, Sequential network, string demo)
    {
        var given = from.NamedParameters.ToDictionary(p => p.Key, p => p.Parameter);
        var wanted = network.NamedParameters;
        foreach (var p in wanted)
        {
            if (!given.TryGetValue(p.Key, out var g) || !g.Shape.SequenceEqual(p.Parameter.Shape))
                throw new ModelFormatException(given.ContainsKey(p.Key)
                    ? $"parameter '{p.Key}' is [{string.Join(", ", given[p.Key].Shape)}], demo {demo}'s is [{string.Join(", ", p.Parameter.Shape)}]"
                    : $"the model has no parameter '{p.Key}' of demo {demo}'s network");
            p.Parameter.Set(g.Value);
        }
        if (given.Count != wanted.Count)
            throw new ModelFormatException($"the model has parameters demo {demo}'s network lacks: {string.Join(", ", given.Keys.Except(wanted.Select(w => w.Key)))}");
    }
}
