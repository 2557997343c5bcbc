using System.CommandLine;
using System.Globalization;
using Hwsim.Bridge.Comparison;
using Hwsim.Bridge.Demos;
using Hwsim.Bridge.Reports;
using Hwsim.Circuits.Blocks;

namespace Hwsim.Cli.Commands;

/// <summary>
/// <c>hwsim compare [DEMO ...] [--level ideal|macro|device|all] [--model FILE.json|FILE.onnx] [--inputs FILE.csv [--columns COLS]] [--out DIR]</c>:
/// compiles each demo (or a user's model; with one DEMO, the user's model on that demo's test data and metric) to circuits, runs circuit and software on the same inputs, prints a table
/// and writes summary.csv (a contract), a CSV per demo with every signal both ways, the netlists, the plots and
/// report.html to DIR (default out/compare).
/// </summary>
public static class CompareCommand
{
    /// <summary>The --level value of a compare that names none: the main job.</summary>
    private const string MainJobLevel = "default";

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var demos = new Argument<string[]>("DEMO") { Description = "demos to compare (default: all; see hwsim demos)", Arity = ArgumentArity.ZeroOrMore };
        var level = new Option<string>("--level")
        {
            Description = "ideal, macro, device (transistor level, one clocked transient) or all; default: ideal and macro for every demo, device for the quick ones (lstm-cell, mlp-xor, neuron-tanh)",
            DefaultValueFactory = _ => MainJobLevel,
        };
        level.AcceptOnlyFromAmong(LevelArgument.Choices.Append(MainJobLevel).ToArray());
        var model = new Option<FileInfo?>("--model") { Description = "compare a model file (hwsim-model/1 JSON or ONNX) instead of the demos; with one DEMO, on that demo's test data and metric" };
        var inputs = new Option<FileInfo?>("--inputs") { Description = "inputs for --model (CSV as for hwsim infer); default: the model's test_inputs, else generated" };
        var columns = new Option<string?>("--columns") { Description = "the columns of --inputs to use, by name or 0-based index; default: all" };
        var output = new Option<DirectoryInfo>("--out") { Description = "output folder", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("out", "compare")) };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "print nothing but errors (no progress, no table)" };
        var selfContained = new Option<bool>("--self-contained") { Description = "embed the plots in report.html (one file to send; larger) instead of linking plots/" };
        var profile = new ProfileOptions();
        var device = new DeviceLevelOptions();
        var cmd = new Command("compare", "Compare circuits against software inference, demo by demo and level by level.") { demos, level, model, inputs, columns, output, selfContained, quiet };
        profile.AddTo(cmd);
        device.AddTo(cmd, engine: true);
        cmd.SetAction(parse => Run(parse.GetValue(demos) ?? Array.Empty<string>(), parse.GetValue(level)!, parse.GetValue(model),
            parse.GetValue(inputs), parse.GetValue(columns), parse.GetValue(output)!, parse.GetValue(selfContained), parse.GetValue(quiet), profile, device, parse, stdout, stderr));
        return cmd;
    }

    private static int Run(string[] demos, string levelText, FileInfo? model, FileInfo? inputs, string? columns, DirectoryInfo output, bool selfContained, bool quiet,
        ProfileOptions profileOptions, DeviceLevelOptions deviceOptions, ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        if (model is not null && demos.Length > 1) throw new UsageException("--model goes with one demo (its test data and metric) or none");
        if (inputs is not null && (model is null || demos.Length > 0)) throw new UsageException("--inputs goes with --model alone (a demo brings its own test data)");
        if (columns is not null && inputs is null) throw new UsageException("--columns goes with --inputs");
        foreach (var name in demos)
            if (BridgeDemos.Find(name) is null)
                throw new UsageException($"unknown demo '{name}' (known: {string.Join(", ", BridgeDemos.All.Select(d => d.Name))})");
        var mainJob = levelText == MainJobLevel;
        var levels = LevelArgument.Parse(mainJob ? "all" : levelText);
        foreach (var l in levels) profileOptions.Build(parse, l);   // a bad option value fails here, before any work
        var device = deviceOptions.Build(parse, levels);
        var models = model is null ? ModelsFolder.Find() : null;
        using var publication = new Publication();
        var staging = publication.Folder("--out", output.FullName);
        var request = new CompareRequest(demos, levels, staging, model?.FullName, inputs?.FullName,
            ModelsDirectory: models, InputColumns: columns)
        {
            Customize = (_, baseProfile) => profileOptions.Build(parse, baseProfile),
            Device = device,
            MainJob = mainJob,
        };
        var results = CompareProgressView.Run(stdout, quiet, progress =>
            CompareJob.Run(request, progress, (rs, dir) => HtmlReport.Write(rs, dir, selfContained)));
        publication.Commit();
        if (quiet) return ExitCodes.Success;

        stdout.WriteLine();
        stdout.WriteLine($"{"demo",-16} {"level",-6} {"max |error|",12} {"rms error",12} {"range",10} {"metric",-9} {"software",10} {"circuit",10} {"same decision",13}");
        foreach (var r in results)
        {
            stdout.WriteLine($"{r.Demo,-16} {r.Level.Name(),-6} {G(r.OutputMaxAbsError),12} {G(r.OutputRmsError),12} {G(r.OutputRange),10} {r.Metric.Name(),-9} " +
                             $"{G(r.SoftwareMetric),10} {G(r.CircuitMetric),10} {(r.DecisionAgreement is { } a ? a.ToString("P1", CultureInfo.InvariantCulture) : "-"),13}");
            foreach (var note in r.Notes) stdout.WriteLine($"  note: {note}");
        }
        var timed = results.Where(r => r.Timing is not null).ToList();
        if (timed.Count > 0)
        {
            stdout.WriteLine();
            stdout.WriteLine($"{"demo (device level)",-20} {"engine",-8} {"clock period",12} {"settling",10} {"energy/inference",16} {"min period",10}");
            foreach (var r in timed)
                stdout.WriteLine($"{r.Demo,-20} {r.Engine,-8} {G(r.Timing!.ClockPeriod) + " s",12} {G(r.Timing.SettlingTime) + " s",10} {G(r.Timing.EnergyPerInference) + " J",16} {(r.Timing.MinClockPeriod is { } m ? G(m) + " s" : "-"),10}");
        }
        stdout.WriteLine();
        stdout.WriteLine($"wrote {Path.Combine(output.FullName, "summary.csv")} and {Path.Combine(output.FullName, "report.html")}");
        return ExitCodes.Success;
    }

    private static string G(double? x) => x is { } v ? v.ToString("G4", CultureInfo.InvariantCulture) : "-";
}
