using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Hwsim.Bridge.Reports;
using Hwsim.Nn.Demos;
using Hwsim.Nn.Models;
using Hwsim.Nn.Training;
using Spectre.Console;

namespace Hwsim.Cli.Commands;

/// <summary>
/// <c>hwsim train DEMO [--epochs N] [--optimizer adam|sgd|momentum|nesterov|rmsprop] [--lr X] [--out MODEL.json] [--plot LOSS.png]</c>:
/// trains a demo network with its fixed seed, writes the model (default <c>models/DEMO.json</c>) and its loss curve
/// (default next to the model), and prints progress and the test metrics. With <c>--model</c> instead of a demo it
/// trains the user's network on the user's data (<see cref="ModelTraining"/>). With <c>--hardware-aware</c> and the
/// mapping options of <c>compare</c>, either trains with the macro-level circuit in the forward pass (<see cref="HardwareAwareOptions"/>).
/// </summary>
public static class TrainCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var demo = new Argument<string?>("DEMO") { Description = "demo network: " + string.Join(", ", DemoCatalog.Names) + " (or --model)", Arity = ArgumentArity.ZeroOrOne };
        var epochs = new Option<int?>("--epochs") { Description = "number of epochs (default: the demo's; 100 with --model)" };
        var optimizer = new Option<string?>("--optimizer") { Description = "adam, sgd, momentum, nesterov or rmsprop (default: the demo's)" };
        var lr = new Option<double?>("--lr") { Description = "learning rate (default: the demo's for that optimiser)" };
        var outOpt = new Option<FileInfo?>("--out", "-o") { Description = "model file to write (default: models/DEMO.json)" };
        var plot = new Option<FileInfo?>("--plot") { Description = "loss curve PNG (default for a demo: next to the model, DEMO.loss.png; with --model: none)" };
        var model = new Option<FileInfo?>("--model") { Description = "train this model (hwsim-model/1 JSON or ONNX, its weights the initial ones) on --data instead of a demo; with a DEMO, fine-tune it on the demo's data (same layers as the demo's)" };
        var data = new Option<FileInfo?>("--data") { Description = "with --model: the training data (CSV, a header row; one row per sample, or per time step with --sequence)" };
        var inputs = new Option<string?>("--inputs") { Description = "with --model: the input columns, by name or 0-based index (x0,x1 or 0-3)" };
        var targets = new Option<string?>("--targets") { Description = "with --model: the target columns (cross-entropy: one column of class indices)" };
        var sequence = new Option<bool>("--sequence") { Description = "with --model: the rows are the time steps of one sequence (an LSTM model)" };
        var loss = new Option<string?>("--loss") { Description = "with --model: mse or cross-entropy" };
        loss.AcceptOnlyFromAmong("mse", "cross-entropy");
        var momentum = new Option<double?>("--momentum") { Description = "with --model and --optimizer momentum or nesterov: the momentum (default 0.9)" };
        var batchSize = new Option<int?>("--batch-size") { Description = "with --model: samples per step (default: all rows)" };
        var noShuffle = new Option<bool>("--no-shuffle") { Description = "with --model: keep the rows in order (shuffling is seeded)" };
        var cmd = new Command("train", "Train a demo network with its fixed seed, or a model of yours on your data (--model), and write its model file.")
        {
            demo, epochs, optimizer, lr, outOpt, plot, model, data, inputs, targets, sequence, loss, momentum, batchSize, noShuffle,
        };
        var hardware = new HardwareAwareOptions();
        hardware.AddTo(cmd);
        cmd.SetAction(parse =>
        {
            int? n = parse.GetValue(epochs);
            if (n is <= 0) throw new UsageException("--epochs must be a positive integer");
            OptimizerKind? kind = null;
            if (parse.GetValue(optimizer) is string name)
                kind = OptimizerSpec.ParseKind(name)
                    ?? throw new UsageException($"--optimizer: unknown optimizer '{name}' (known: adam, sgd, momentum, nesterov, rmsprop)");
            double? rate = parse.GetValue(lr);
            if (rate is not null && (rate <= 0 || !double.IsFinite(rate.Value))) throw new UsageException("--lr must be a positive number");
            var (hooks, hardwareAware) = hardware.Build(parse, stdout);

            if (parse.GetValue(model) is { } modelFile && parse.GetValue(demo) is null)
            {
                var spec = new OptimizerSpec(kind ?? throw new UsageException("--optimizer is required with --model"),
                    rate ?? throw new UsageException("--lr is required with --model"));
                if (parse.GetValue(momentum) is double m)
                {
                    if (kind is not (OptimizerKind.Momentum or OptimizerKind.Nesterov)) throw new UsageException("--momentum goes with --optimizer momentum or nesterov");
                    if (m <= 0 || m >= 1 || !double.IsFinite(m)) throw new UsageException("--momentum must be in (0, 1)");
                    spec = spec with { Momentum = m };
                }
                int batch = parse.GetValue(batchSize) ?? 0;
                if (parse.GetValue(batchSize) is <= 0) throw new UsageException("--batch-size must be a positive integer");
                if (parse.GetValue(sequence) && batch > 0) throw new UsageException("--batch-size: with --sequence the data are one sequence");
                var request = new ModelTrainingRequest(modelFile,
                    parse.GetValue(data) ?? throw new UsageException("--data is required with --model"),
                    parse.GetValue(inputs) ?? throw new UsageException("--inputs is required with --model"),
                    parse.GetValue(targets) ?? throw new UsageException("--targets is required with --model"),
                    parse.GetValue(sequence),
                    parse.GetValue(loss) ?? throw new UsageException("--loss is required with --model (mse or cross-entropy)"),
                    spec, n ?? 100, batch, !parse.GetValue(noShuffle),
                    parse.GetValue(outOpt)?.FullName ?? throw new UsageException("-o is required with --model"),
                    parse.GetValue(plot)?.FullName, hooks, hardwareAware);
                return ModelTraining.Run(request, stdout);
            }

            foreach (var (given, option) in new (bool, string)[]
                     {
                         (parse.GetValue(data) is not null, "--data"), (parse.GetValue(inputs) is not null, "--inputs"), (parse.GetValue(targets) is not null, "--targets"),
                         (parse.GetValue(sequence), "--sequence"), (parse.GetValue(loss) is not null, "--loss"), (parse.GetValue(momentum) is not null, "--momentum"),
                         (parse.GetValue(batchSize) is not null, "--batch-size"), (parse.GetValue(noShuffle), "--no-shuffle"),
                     })
                if (given) throw new UsageException(parse.GetValue(model) is null ? $"{option} goes with --model" : $"{option} goes with --model alone (a demo brings its own data)");
            var demoName = parse.GetValue(demo) ?? throw new UsageException("give a demo to train (see hwsim demos) or --model");
            var def = DemoCatalog.Find(demoName)
                ?? throw new UsageException($"unknown demo '{demoName}' (known: {string.Join(", ", DemoCatalog.Names)})");
            if (hooks is not null && parse.GetValue(outOpt) is null)
                throw new UsageException("--hardware-aware: give -o (the demo's own model, models/" + def.Name + ".json, stays as it is)");
            string modelPath = parse.GetValue(outOpt)?.FullName ?? Path.Combine("models", def.Name + ".json");
            string plotPath = parse.GetValue(plot)?.FullName
                ?? Path.Combine(Path.GetDirectoryName(modelPath) ?? "", Path.GetFileNameWithoutExtension(modelPath) + ".loss.png");
            using var publication = new Publication();
            var stagedModel = publication.File("--out", modelPath);
            var stagedPlot = publication.File("--plot", plotPath);
            Hwsim.Nn.Layers.Sequential? initial = null;
            if (parse.GetValue(model) is { } start)
            {
                if (!def.IsTrained) throw new UsageException($"--model: demo {def.Name} is not trained (its parameters are fixed)");
                InputPaths.CheckFile(start, "a model file");
                initial = ModelLoader.Load(start.FullName).Network;
            }
            int code;
            try
            {
                code = Run(def, new DemoOverrides(n, kind, rate, hooks, initial), hardwareAware, parse.GetValue(model)?.Name, stagedModel, stagedPlot, stdout);
            }
            catch (ModelFormatException ex) when (initial is not null)
            {
                throw new UsageException($"--model {parse.GetValue(model)!.Name}: {ex.Message}");
            }
            var plotted = File.Exists(stagedPlot);
            publication.Commit();
            stdout.WriteLine($"wrote {modelPath}");
            if (plotted) stdout.WriteLine($"wrote {plotPath}");
            return code;
        });
        return cmd;
    }

    private static int Run(DemoDefinition def, DemoOverrides overrides, JsonObject? hardwareAware, string? initialModel, string modelPath, string plotPath, TextWriter stdout)
    {
        stdout.WriteLine($"{def.Name}: {def.Description}");
        if (!def.IsTrained && (overrides.Epochs is not null || overrides.Optimizer is not null || overrides.LearningRate is not null || overrides.Hooks is not null))
            stdout.WriteLine("note: this demo is not trained; --epochs, --optimizer, --lr and --hardware-aware are ignored");
        var result = Interactive(stdout) ? TrainWithProgressBar(def, overrides) : DemoRunner.Run(def, overrides, PlainProgress(def, overrides, stdout));
        if (def.IsTrained && result.Model.Extras["training"] is JsonObject training)
        {
            if (initialModel is not null) training["initial_model"] = initialModel;
            if (hardwareAware is not null) training["hardware_aware"] = hardwareAware;
        }
        ModelFile.Save(result.Model, modelPath);
        if (result.History is { EpochsRun: > 0 } h)
            LossCurvePlot.Save(plotPath, $"{def.Name}: training loss", def.Loss.Name, h.TrainLoss, h.ValidationLoss);

        if (result.History is { } hist)
            stdout.WriteLine($"epochs run: {hist.EpochsRun}{(hist.StoppedEarly ? $" (stopped early; best validation epoch {hist.BestEpoch})" : "")}, final training loss {F(hist.TrainLoss[^1])}");
        foreach (var m in result.Metrics)
            stdout.WriteLine($"{m.Key} = {F(m.Value)}  ({m.Description})");
        if (result.PrimaryMetric is double p && def.Target is double target)
        {
            string op = def.Metric == DemoMetricKind.Accuracy ? ">=" : "<=";
            stdout.WriteLine(def.MeetsTarget(p) ? $"target {def.MetricKey} {op} {F(target)}: met" : $"warning: target {def.MetricKey} {op} {F(target)} not met");
        }
        return ExitCodes.Success;
    }

    private static bool Interactive(TextWriter stdout) =>
        ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    private static DemoResult TrainWithProgressBar(DemoDefinition def, DemoOverrides overrides)
    {
        DemoResult? result = null;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(def.Name, maxValue: Math.Max(1, overrides.Epochs ?? def.Training.Epochs));
                result = DemoRunner.Run(def, overrides, e =>
                {
                    task.Value = e.Epoch;
                    task.Description = $"{def.Name} loss {F(e.TrainLoss)}";
                });
                task.Value = task.MaxValue;
            });
        return result!;
    }

    private static Action<EpochReport> PlainProgress(DemoDefinition def, DemoOverrides overrides, TextWriter stdout)
    {
        int total = overrides.Epochs ?? def.Training.Epochs;
        int every = Math.Max(1, total / 10);
        return e =>
        {
            if (e.Epoch % every != 0 && e.Epoch != 1 && e.Epoch != e.Epochs) return;
            var line = $"epoch {e.Epoch}/{e.Epochs}  training loss {F(e.TrainLoss)}";
            if (double.IsFinite(e.ValidationLoss)) line += $"  validation loss {F(e.ValidationLoss)}";
            stdout.WriteLine(line);
        };
    }

    private static string F(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
