using System.Globalization;
using System.Text.Json.Nodes;
using Hwsim.Bridge.Reports;
using Hwsim.Nn.Data;
using Hwsim.Nn.Hooks;
using Hwsim.Nn.Models;
using Hwsim.Nn.Training;

namespace Hwsim.Cli.Commands;

/// <summary>What <c>hwsim train --model</c> was asked to do (a contract: see <see cref="ModelTraining"/>).</summary>
internal sealed record ModelTrainingRequest(
    FileInfo Model, FileInfo Data, string Inputs, string Targets, bool Sequence, string Loss, OptimizerSpec Optimizer,
    int Epochs, int BatchSize, bool Shuffle, string Output, string? Plot, TrainingHooks? Hooks = null, JsonObject? HardwareAware = null);

/// <summary>
/// <c>hwsim train --model INIT.json --data TRAIN.csv --inputs COLS --targets COLS [--sequence] --loss mse|cross-entropy
/// --optimizer sgd|momentum|nesterov|rmsprop|adam --lr X [--momentum M] [--epochs N] [--batch-size B] [--no-shuffle]
/// -o OUT.json</c>: trains a user's network on the user's data. Each row is a sample, or with --sequence a time step of
/// one sequence (the loss covers every step, back-propagated through the whole sequence). mse is PyTorch's MSELoss
/// (mean); cross-entropy is CrossEntropyLoss with a target column of class indices. With --no-shuffle and the default
/// batch (all rows), each epoch is one full-batch step, so the weights are PyTorch's from the same initial weights
/// with the optimiser of the same name (momentum: SGD(momentum=M), nesterov: nesterov=True, rmsprop: RMSprop(alpha=0.99,
/// eps=1e-8), adam: Adam(betas=(0.9, 0.999), eps=1e-8)). Shuffling is seeded (seed 1): the same command gives the same file.
/// </summary>
internal static class ModelTraining
{
    /// <summary>The seed of shuffling.</summary>
    public const ulong Seed = 1;

    public static int Run(ModelTrainingRequest request, TextWriter stdout)
    {
        using var publication = new Publication();
        var stagedModel = publication.File("-o", request.Output);
        var stagedPlot = request.Plot is null ? null : publication.File("--plot", request.Plot);
        InputPaths.CheckFile(request.Model, "a model file");
        InputPaths.CheckFile(request.Data, "a CSV file of training data");
        var model = ModelLoader.Load(request.Model.FullName);
        var source = request.Data.FullName;
        var table = CsvTable.Read(source);
        var inputs = ColumnSelection.Parse(request.Inputs, table.Header, source, "--inputs");
        var targets = ColumnSelection.Parse(request.Targets, table.Header, source, "--targets");
        if (model.InputFeatures is int expected && expected != inputs.Length)
            throw new UsageException($"--inputs names {inputs.Length} column(s), but model '{model.Name}' takes {expected} input feature(s)");
        if (request.Sequence != model.IsSequenceModel)
            throw new UsageException(request.Sequence
                ? $"--sequence: model '{model.Name}' has no LSTM; its rows are samples"
                : $"model '{model.Name}' has an LSTM: give --sequence (the rows are the time steps of one sequence)");
        int outputs;
        try
        {
            outputs = model.OutputFeatures(inputs.Length);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException($"--inputs: {ex.Message}");
        }
        bool crossEntropy = request.Loss == "cross-entropy";
        var data = CsvTrainingData.Build(table, source, inputs, targets, request.Sequence, crossEntropy, outputs);
        ILoss loss = crossEntropy ? new CrossEntropyLoss() : new MseLoss();
        if (request.BatchSize > data.Count)
            throw new UsageException($"--batch-size {request.BatchSize}: the data have {data.Count} sample(s)");

        stdout.WriteLine($"{model.Name}: {data.Count} {(request.Sequence ? "sequence of " + data.Inputs.Length + " steps" : "samples")}, " +
                         $"{loss.Name} loss, {request.Optimizer.Name} lr {F(request.Optimizer.LearningRate)}, {request.Epochs} epochs");
        var options = new TrainingOptions { Epochs = request.Epochs, BatchSize = request.BatchSize, Shuffle = request.Shuffle, Seed = Seed };
        int every = Math.Max(1, request.Epochs / 10);
        var history = Trainer.Fit(model.Network, loss, request.Optimizer.Create(model.Network.Parameters), data, options,
            progress: e =>
            {
                if (e.Epoch % every == 0 || e.Epoch == 1 || e.Epoch == e.Epochs)
                    stdout.WriteLine($"epoch {e.Epoch}/{e.Epochs}  training loss {F(e.TrainLoss)}");
            }, hooks: request.Hooks);

        var training = new JsonObject
        {
            ["data"] = Path.GetFileName(source),
            ["inputs"] = new JsonArray(inputs.Select(c => (JsonNode)table.Header[c]).ToArray()),
            ["targets"] = new JsonArray(targets.Select(c => (JsonNode)table.Header[c]).ToArray()),
            ["sequence"] = request.Sequence,
            ["loss"] = loss.Name,
            ["optimizer"] = request.Optimizer.Name,
            ["learning_rate"] = request.Optimizer.LearningRate,
        };
        if (request.Optimizer.Kind is OptimizerKind.Momentum or OptimizerKind.Nesterov) training["momentum"] = request.Optimizer.Momentum;
        training["epochs"] = request.Epochs;
        training["batch_size"] = request.BatchSize;
        training["shuffle"] = request.Shuffle;
        training["seed"] = Seed;
        training["final_train_loss"] = history.TrainLoss.Count > 0 ? history.TrainLoss[^1] : null;
        if (request.HardwareAware is not null) training["hardware_aware"] = request.HardwareAware;
        // The initial model's metrics describe other weights: they go; its other fields stay.
        model.Extras.Remove("metrics");
        model.Extras["training"] = training;

        ModelFile.Save(model, stagedModel);
        var plotted = stagedPlot is not null && history.EpochsRun > 0;
        if (plotted) LossCurvePlot.Save(stagedPlot!, $"{model.Name}: training loss", loss.Name, history.TrainLoss, history.ValidationLoss);
        publication.Commit();
        stdout.WriteLine($"wrote {request.Output}");
        if (plotted) stdout.WriteLine($"wrote {request.Plot}");
        return ExitCodes.Success;
    }

    private static string F(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
