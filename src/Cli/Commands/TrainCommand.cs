using System.CommandLine;
using System.Globalization;
using Hwsim.Bridge.Reports;
using Hwsim.Nn.Demos;
using Hwsim.Nn.Models;
using Hwsim.Nn.Training;
using Spectre.Console;

namespace Hwsim.Cli.Commands;

/// <summary>
/// <c>hwsim train DEMO [--epochs N] [--optimizer adam|sgd|momentum|nesterov|rmsprop] [--lr X] [--out MODEL.json] [--plot LOSS.png]</c>:
/// trains a demo network with its fixed seed, writes the model (default <c>models/DEMO.json</c>) and its loss curve
/// (default next to the model), and prints progress and the test metrics.
/// </summary>
public static class TrainCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var demo = new Argument<string>("DEMO") { Description = "demo network: " + string.Join(", ", DemoCatalog.Names) };
        var epochs = new Option<int?>("--epochs") { Description = "number of epochs (default: the demo's)" };
        var optimizer = new Option<string?>("--optimizer") { Description = "adam, sgd, momentum, nesterov or rmsprop (default: the demo's)" };
        var lr = new Option<double?>("--lr") { Description = "learning rate (default: the demo's for that optimiser)" };
        var outOpt = new Option<FileInfo?>("--out") { Description = "model file to write (default: models/DEMO.json)" };
        var plot = new Option<FileInfo?>("--plot") { Description = "loss curve PNG (default: next to the model, DEMO.loss.png)" };
        var cmd = new Command("train", "Train a demo network with its fixed seed and write its model file.") { demo, epochs, optimizer, lr, outOpt, plot };
        cmd.SetAction(parse =>
        {
            var def = DemoCatalog.Find(parse.GetValue(demo)!)
                ?? throw new UsageException($"unknown demo '{parse.GetValue(demo)}' (known: {string.Join(", ", DemoCatalog.Names)})");
            int? n = parse.GetValue(epochs);
            if (n is <= 0) throw new UsageException("--epochs must be a positive integer");
            OptimizerKind? kind = null;
            if (parse.GetValue(optimizer) is string name)
                kind = OptimizerSpec.ParseKind(name)
                    ?? throw new UsageException($"--optimizer: unknown optimizer '{name}' (known: adam, sgd, momentum, nesterov, rmsprop)");
            double? rate = parse.GetValue(lr);
            if (rate is not null && (rate <= 0 || !double.IsFinite(rate.Value))) throw new UsageException("--lr must be a positive number");
            string modelPath = parse.GetValue(outOpt)?.FullName ?? Path.Combine("models", def.Name + ".json");
            string plotPath = parse.GetValue(plot)?.FullName
                ?? Path.Combine(Path.GetDirectoryName(modelPath) ?? "", Path.GetFileNameWithoutExtension(modelPath) + ".loss.png");
            OutputPaths.CheckFile("--out", modelPath);
            OutputPaths.CheckFile("--plot", plotPath);
            return Run(def, new DemoOverrides(n, kind, rate), modelPath, plotPath, stdout);
        });
        return cmd;
    }

    private static int Run(DemoDefinition def, DemoOverrides overrides, string modelPath, string plotPath, TextWriter stdout)
    {
        stdout.WriteLine($"{def.Name}: {def.Description}");
        if (!def.IsTrained && (overrides.Epochs is not null || overrides.Optimizer is not null || overrides.LearningRate is not null))
            stdout.WriteLine("note: this demo is not trained; --epochs, --optimizer and --lr are ignored");
        var result = Interactive(stdout) ? TrainWithProgressBar(def, overrides) : DemoRunner.Run(def, overrides, PlainProgress(def, overrides, stdout));
        ModelFile.Save(result.Model, modelPath);
        stdout.WriteLine($"wrote {modelPath}");
        if (result.History is { EpochsRun: > 0 } h)
        {
            LossCurvePlot.Save(plotPath, $"{def.Name}: training loss", def.Loss.Name, h.TrainLoss, h.ValidationLoss);
            stdout.WriteLine($"wrote {plotPath}");
        }

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
