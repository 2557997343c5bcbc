using System.CommandLine;
using System.Globalization;
using Hwsim.Verification;

namespace Hwsim.Cli.Commands;

/// <summary>
/// <c>hwsim bench [CASE ...] [--repeat N] [--ngspice auto|always|never]</c>: times the engine benchmark cases and
/// ngspice on the same netlists in the same run, and prints the ratios. ngspice needs minutes for the larger
/// crossbars, so by default those use the figure recorded in <c>bench/ngspice-reference.csv</c> (with its date).
/// "hwsim run" is the whole process of this build running the case's netlist (best of the repeats); the speed-up
/// compares ngspice with our best in-process time.
/// </summary>
public static class BenchCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var cases = new Argument<string[]>("CASE") { Description = "cases to run (default: all): " + string.Join(", ", BenchmarkCase.All.Select(c => c.Name)), Arity = ArgumentArity.ZeroOrMore };
        var repeat = new Option<int>("--repeat") { Description = "runs of our engine per case; the best is reported", DefaultValueFactory = _ => 3 };
        var ngspice = new Option<string>("--ngspice") { Description = "auto: time ngspice where it is quick, use recorded figures otherwise; always; never", DefaultValueFactory = _ => "auto" };
        ngspice.AcceptOnlyFromAmong("auto", "always", "never");
        var reference = new Option<FileInfo?>("--reference") { Description = "recorded ngspice figures (default bench/ngspice-reference.csv under the current directory)" };
        var cmd = new Command("bench", "Time the engine against ngspice on the benchmark netlists (crossbars, RC ladder).") { cases, repeat, ngspice, reference };
        cmd.SetAction(parse => Run(parse.GetValue(cases) ?? Array.Empty<string>(), parse.GetValue(repeat), parse.GetValue(ngspice)!,
            parse.GetValue(reference), stdout, stderr));
        return cmd;
    }

    private static int Run(string[] names, int repeat, string ngspiceMode, FileInfo? referenceFile, TextWriter stdout, TextWriter stderr)
    {
        var selected = new List<BenchmarkCase>();
        foreach (var n in names)
        {
            var c = BenchmarkCase.Find(n)
                ?? throw new UsageException($"unknown benchmark case '{n}' (known: {string.Join(", ", BenchmarkCase.All.Select(x => x.Name))})");
            selected.Add(c);
        }
        if (selected.Count == 0) selected.AddRange(BenchmarkCase.All);
        if (repeat < 1) throw new UsageException("--repeat must be at least 1");

        var recorded = ReadReference(referenceFile?.FullName ?? Path.Combine("bench", "ngspice-reference.csv"));
        var haveNgspice = NgspiceRunner.IsAvailable;
        if (!haveNgspice && ngspiceMode != "never") stderr.WriteLine("hwsim: note: ngspice not found (apt-get install -y ngspice): ratios only from recorded figures");
        var dir = Path.Combine(Path.GetTempPath(), "hwsim-bench");

        stdout.WriteLine($"{"case",-14} {"unknowns",9} {"LU nnz",10} {"ours first",11} {"ours best",11} {"hwsim run",11} {"ngspice",11} {"source",-22} {"speed-up",9}  agreement with ngspice");
        foreach (var c in selected)
        {
            var timeNgspice = haveNgspice && (ngspiceMode == "always" || (ngspiceMode == "auto" && !c.NgspiceIsSlow));
            recorded.TryGetValue(c.Name, out var rec);
            var m = EngineBenchmark.Measure(c, repeat, timeNgspice, rec?.Seconds is { } s ? TimeSpan.FromSeconds(s) : null, dir);
            var process = WholeProcess.TimeRun(m.NetlistPath, repeat);
            var src = m.NgspiceSource == "recorded" && rec is not null ? $"recorded {rec.Date}" : m.NgspiceSource;
            stdout.WriteLine($"{m.Case,-14} {m.Unknowns,9} {m.LuNonZeros,10} {Sec(m.FirstRun),11} {Sec(m.BestRun),11} {(process is { } p ? Sec(p) : "-"),11} {(m.Ngspice is { } n ? Sec(n) : "-"),11} {src,-22} {(m.Speedup is { } x ? x.ToString("F1", CultureInfo.InvariantCulture) + "x" : "-"),9}  {Agreement(m)}");
        }
        return ExitCodes.Success;
    }

    /// <summary>How our result compares with ngspice's on this run: the worst vector's share of its tolerance.</summary>
    private static string Agreement(BenchmarkMeasurement m)
    {
        if (m.Agreement is not { } report) return "-";
        var worst = report.Worst;
        var share = worst is null ? "" : $", worst {worst.Ratio.ToString("G2", CultureInfo.InvariantCulture)} of tolerance ({worst.Name})";
        return $"{(report.Passed ? "agrees" : "DIFFERS")} on {report.Vectors.Count} vectors{share}";
    }

    private static string Sec(TimeSpan t) => t.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture) + " s";

    private sealed record Recorded(double Seconds, string Date);

    /// <summary>Reads <c>case,seconds,date,note</c> lines; a missing file is simply no recorded figures.</summary>
    private static Dictionary<string, Recorded> ReadReference(string path)
    {
        var map = new Dictionary<string, Recorded>(StringComparer.OrdinalIgnoreCase);
        if (!File.Exists(path)) return map;
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var f = line.Split(',');
            if (f.Length >= 3 && double.TryParse(f[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var s))
                map[f[0].Trim()] = new Recorded(s, f[2].Trim());
        }
        return map;
    }
}
