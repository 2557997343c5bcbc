using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using Hwsim.Bridge.Comparison;
using Hwsim.Bridge.Demos;
using Hwsim.Bridge.Mapping;
using Hwsim.Bridge.MonteCarlo;
using Hwsim.Bridge.Reports;
using Hwsim.Circuits.Blocks;

namespace Hwsim.Cli.Commands;

/// <summary>
/// <c>hwsim montecarlo [DEMO ...] [--model FILE.json [--inputs FILE.csv [--columns COLS]]] --level macro|device --samples N [--seed S]
/// [--jobs J] [--shard I/N] [--out DIR] [every mapping option of compare]</c> (a contract): N seeded circuit samples per
/// demo, on J workers, or the part I of N of them; writes montecarlo.csv, montecarlo-summary.csv, the manifest of the
/// shard, the plots and report.html to DIR (default out/montecarlo). One mapping option may list values, which are
/// swept; <c>--corners</c> sweeps the corners.
/// </summary>
public static class MonteCarloCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var demos = new Argument<string[]>("DEMO") { Description = "demos to study (default: all; see hwsim demos)", Arity = ArgumentArity.ZeroOrMore };
        var level = new Option<string>("--level") { Description = "macro or device", Required = true };
        level.AcceptOnlyFromAmong("macro", "device");
        var samples = new Option<int>("--samples") { Description = "circuit samples per demo (and sweep value)", Required = true };
        var seed = new Option<long>("--seed") { Description = "study seed: sample k draws from a hash of (seed, k) alone; default 1", DefaultValueFactory = _ => 1 };
        var jobs = new Option<int>("--jobs") { Description = "worker threads, one engine each; default: the number of cores", DefaultValueFactory = _ => Environment.ProcessorCount };
        var shard = new Option<string?>("--shard") { Description = "I/N: run only the samples k with k mod N = I (then hwsim merge the N folders)" };
        var model = new Option<FileInfo?>("--model") { Description = "study a model file (hwsim-model/1 JSON or ONNX) instead of the demos; with one DEMO, on that demo's test data and metric" };
        var inputs = new Option<FileInfo?>("--inputs") { Description = "inputs for --model (CSV as for hwsim infer); default: the model's test_inputs, else generated" };
        var columns = new Option<string?>("--columns") { Description = "the columns of --inputs to use, by name or 0-based index; default: all" };
        var output = new Option<DirectoryInfo>("--out") { Description = "output folder", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("out", "montecarlo")) };
        var corners = new Option<bool>("--corners") { Description = "sweep the amplifier corners slow, typical and fast (as --corner slow,typical,fast)" };
        var quiet = new Option<bool>("--quiet") { Description = "no progress lines" };
        var profile = new ProfileOptions(lists: true, seed: false);
        var device = new DeviceLevelOptions();
        var cmd = new Command("montecarlo", "Monte Carlo study of the circuits under device non-idealities: many seeded samples per demo, on every core or in shards.")
        {
            demos, level, samples, seed, jobs, shard, model, inputs, columns, output, corners, quiet,
        };
        profile.AddTo(cmd);
        device.AddTo(cmd, engine: false);
        cmd.SetAction(parse =>
        {
            var request = Request(parse, parse.GetValue(demos) ?? Array.Empty<string>(), parse.GetValue(level)!, parse.GetValue(samples), parse.GetValue(seed),
                parse.GetValue(jobs), parse.GetValue(shard), parse.GetValue(model), parse.GetValue(inputs), parse.GetValue(columns), parse.GetValue(corners), profile, device.Period(parse));
            var dir = parse.GetValue(output)!.FullName;
            using var publication = new Publication();
            var staging = publication.Folder("--out", dir);
            var rows = MonteCarloProgressView.Run(request, parse.GetValue(quiet), stdout);
            var summaries = MonteCarloReport.Write(staging, MonteCarloManifest.Of(request, request.Shard), rows);
            publication.Commit();
            PrintSummary(summaries, request.Sweep?.Column, stdout);
            stdout.WriteLine($"wrote {Path.Combine(dir, MonteCarloReport.RowsFile)}, {MonteCarloReport.SummaryFile} and report.html" +
                             (request.Shard.Count > 1 ? $" (shard {request.Shard}: hwsim merge the {request.Shard.Count} folders)" : ""));
            return ExitCodes.Success;
        });
        return cmd;
    }

    /// <summary>Checks every option before any work and builds the request with the settings that name the study.</summary>
    private static MonteCarloRequest Request(ParseResult parse, string[] demos, string levelText, int samples, long seed, int jobs, string? shardText,
        FileInfo? model, FileInfo? inputs, string? columns, bool corners, ProfileOptions profileOptions, double? clockPeriod)
    {
        if (samples < 1) throw new UsageException($"--samples: must be at least 1, got {samples}");
        if (jobs < 1) throw new UsageException($"--jobs: must be at least 1, got {jobs}");
        var shard = Shard.Whole;
        if (shardText is not null)
            shard = Shard.TryParse(shardText, out var problem) ?? throw new UsageException($"--shard {problem}");
        if (model is not null && demos.Length > 1) throw new UsageException("--model goes with one demo (its test data and metric) or none");
        if (inputs is not null && (model is null || demos.Length > 0)) throw new UsageException("--inputs goes with --model alone (a demo brings its own test data)");
        if (columns is not null && inputs is null) throw new UsageException("--columns goes with --inputs");
        if (model is not null) InputPaths.CheckFile(model, "a model file");
        if (inputs is not null) InputPaths.CheckFile(inputs, "an input CSV file");
        foreach (var name in demos)
            if (BridgeDemos.Find(name) is null)
                throw new UsageException($"unknown demo '{name}' (known: {string.Join(", ", BridgeDemos.All.Select(d => d.Name))})");
        var level = levelText == "device" ? FidelityLevel.Device : FidelityLevel.Macro;
        if (clockPeriod is not null && level != FidelityLevel.Device) throw new UsageException("--clock-period applies to the device level only (give --level device)");

        // one option may list values (the sweep); --corners is the list of every corner
        var given = profileOptions.Given(parse).ToList();
        if (corners)
        {
            if (given.Any(g => g.Option.Name == "--corner")) throw new UsageException("give --corners or --corner, not both");
            given.Add((ProfileOptions.All.Single(o => o.Name == "--corner"), ProcessCorners.Names));
        }
        var lists = given.Where(g => g.Values.Count > 1).ToList();
        if (lists.Count > 1) throw new UsageException($"{lists[0].Option.Name} and {lists[1].Option.Name}: only one option can sweep a list of values at a time");
        var single = given.Where(g => g.Values.Count == 1).ToList();
        MappingProfile Customize(MappingProfile p)
        {
            foreach (var (option, values) in single) p = option.Apply(p, values[0]);
            return p;
        }
        var baseProfile = Customize(MappingProfile.For(level));
        MonteCarloSweep? sweep = null;
        if (lists.Count == 1)
        {
            var (option, values) = lists[0];
            sweep = new MonteCarloSweep(option.Column, values, option.Apply);
        }
        var request = new CompareRequest(demos, new[] { level }, "", model?.FullName, inputs?.FullName,
            ModelsDirectory: model is null ? ModelsFolder.Find() : null, InputColumns: columns);
        var cases = CompareJob.Cases(request);
        if (cases.Select(c => c.Name).Distinct().Count() != cases.Count) throw new UsageException("a demo is named twice");

        var settings = new List<KeyValuePair<string, string>>
        {
            new("demos", model is null || demos.Length == 1 ? string.Join(",", cases.Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal)) : ""),
        };
        if (model is not null) settings.Add(new("--model", FileDigest(model.FullName)));
        if (inputs is not null) settings.Add(new("--inputs", FileDigest(inputs.FullName)));
        if (columns is not null) settings.Add(new("--columns", columns));
        settings.Add(new("--level", level.Name()));
        settings.Add(new("--samples", samples.ToString(CultureInfo.InvariantCulture)));
        settings.Add(new("--seed", seed.ToString(CultureInfo.InvariantCulture)));
        foreach (var (option, values) in given.OrderBy(g => ProfileOptionsIndex(g.Option)))
            settings.Add(new(option.Name, string.Join(",", values)));
        if (clockPeriod is { } period) settings.Add(new("--clock-period", period.ToString("R", CultureInfo.InvariantCulture)));
        var study = new MonteCarloRequest
        {
            Cases = cases, Level = level, Samples = samples, Seed = seed, Shard = shard, Jobs = jobs,
            Profile = baseProfile, Customize = Customize, Sweep = sweep, Settings = settings, ClockPeriod = clockPeriod,
        };
        // every profile the study will use, before any work (at the device level each demo has its own base)
        foreach (var c in cases)
            foreach (var value in study.SweepValues)
            {
                var p = study.ProfileAt(c, value);
                ProfileOptions.Check(p);
                if (Hwsim.Bridge.Compiler.NetworkCompiler.Unsupported(level, p) is { } unsupported) throw new UsageException(unsupported);
            }
        return study;
    }

    private static int ProfileOptionsIndex(MappingOption option)
    {
        for (var i = 0; i < ProfileOptions.All.Count; i++) if (ProfileOptions.All[i] == option) return i;
        return int.MaxValue;
    }

    /// <summary>A model or input file is named by its content (shards may run on machines with other paths).</summary>
    private static string FileDigest(string path) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    private static void PrintSummary(IReadOnlyList<MonteCarloSummary> summaries, string? column, TextWriter stdout)
    {
        string G(double? x) => x is { } v ? v.ToString("G4", CultureInfo.InvariantCulture) : "-";
        stdout.WriteLine();
        stdout.WriteLine($"{"demo",-16} {"level",-6} {(column is null ? "" : $"{column,-12} ")}{"samples",7} {"metric",-9} {"software",9} {"p5",9} {"median",9} {"p95",9} {"same decision",13}");
        foreach (var s in summaries)
            stdout.WriteLine($"{s.Demo,-16} {s.Level.Name(),-6} {(column is null ? "" : $"{s.SweepValue,-12} ")}{s.Samples,7} {s.Metric.Name(),-9} {G(s.SoftwareMetric),9} " +
                             $"{G(s.CircuitMetricP05),9} {G(s.CircuitMetricP50),9} {G(s.CircuitMetricP95),9} {(s.DecisionAgreementMean is { } a ? a.ToString("P1", CultureInfo.InvariantCulture) : "-"),13}");
        stdout.WriteLine();
    }
}
