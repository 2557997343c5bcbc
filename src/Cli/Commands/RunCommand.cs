using System.CommandLine;
using System.Globalization;
using Hwsim.Circuits;
using Hwsim.Circuits.Netlist;
using Hwsim.Circuits.Results;

namespace Hwsim.Cli.Commands;

/// <summary>
/// <c>hwsim run FILE.cir [--out results.csv] [--stats]</c>: runs every analysis in a netlist, prints a table for
/// <c>.op</c> and a summary for sweeps, writes CSV. A contract: keep its interface stable.
/// </summary>
public static class RunCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "SPICE netlist (ngspice dialect)" };
        var outOpt = new Option<FileInfo?>("--out") { Description = "write results as CSV (several analyses: NAME.op.csv, NAME.dc.csv, NAME.ac.csv, NAME.tran.csv)" };
        var stats = new Option<bool>("--stats") { Description = "print unknowns, matrix and LU non-zeros, Newton iterations, time points and time per phase" };
        var limits = new LimitOptions();
        var cmd = new Command("run", "Run every analysis in a netlist and print the results.") { file, outOpt, stats };
        limits.AddTo(cmd);
        cmd.SetAction(parse =>
        {
            var netlist = parse.GetValue(file)!;
            return Run(netlist, parse.GetValue(outOpt), parse.GetValue(stats), limits.Build(parse, netlist.DirectoryName ?? "."), stdout, stderr);
        });
        return cmd;
    }

    public static int Run(FileInfo file, FileInfo? output, bool stats, ResourceLimits limits, TextWriter stdout, TextWriter stderr)
    {
        // A folder that cannot hold the results is a bad argument: say so before a long simulation, not after it.
        using var publication = new Publication();
        if (output is not null) publication.File("--out", output.FullName);
        InputPaths.CheckFile(file, "a netlist file");
        using var noCollections = BatchMemory.Reserve(file.Length * 120);
        var readStart = System.Diagnostics.Stopwatch.GetTimestamp();
        var netlist = NetlistReader.ReadFile(file.FullName, limits);
        var readTime = System.Diagnostics.Stopwatch.GetElapsedTime(readStart);

        foreach (var note in netlist.Notes) stderr.WriteLine($"hwsim: note: {note}");
        foreach (var warning in netlist.Warnings) stderr.WriteLine($"hwsim: warning: {warning}");
        stdout.WriteLine($"Circuit: {netlist.Title}");
        if (netlist.Analyses.Count == 0) stdout.WriteLine("(the netlist has no analysis: add .op, .dc, .ac or .tran)");

        var kinds = netlist.Analyses.Select(a => a.Kind).ToList();
        var seen = new Dictionary<AnalysisKind, int>();
        var written = new List<string>();
        Hwsim.Circuits.Simulation.EngineStatistics? last = null;
        NetlistRun.RunAll(netlist, result =>
        {
            last = result.Statistics;
            Print(result, stdout);
            if (output is not null)
            {
                seen[result.Kind] = seen.GetValueOrDefault(result.Kind) + 1;
                var path = OutputPath(output.FullName, result.Kind, seen[result.Kind], kinds.Count);
                CsvExport.Write(result, publication.Derived(output.FullName, path));
                written.Add(path);
            }
        });
        // The CSVs of all analyses appear together, only when every analysis succeeded.
        publication.Commit();
        foreach (var path in written) stdout.WriteLine($"wrote {path}");

        if (stats && last is { } st)
        {
            stdout.WriteLine();
            stdout.WriteLine("Statistics");
            stdout.WriteLine($"  unknowns               {st.Unknowns}");
            stdout.WriteLine($"  matrix non-zeros       {st.MatrixNonZeros}");
            stdout.WriteLine($"  LU non-zeros (fill)    {st.LuNonZeros}");
            stdout.WriteLine($"  Newton iterations      {st.NewtonIterations}");
            stdout.WriteLine($"  time points            {st.TimePoints} ({st.AcceptedTimePoints} accepted, {st.RejectedTimePoints} rejected)");
            stdout.WriteLine($"  factorisations         {st.Factorizations} full, {st.Refactorizations} refactor, {st.ReusedFactorizations} reused");
            stdout.WriteLine($"  netlist reading time   {Ms(readTime)}");
            stdout.WriteLine($"  set-up time            {Ms(st.SetupTime)}");
            stdout.WriteLine($"  ordering time          {Ms(st.OrderingTime)}");
            stdout.WriteLine($"  factoring time         {Ms(st.FactorTime)}");
            stdout.WriteLine($"  solving time           {Ms(st.SolveTime)}");
            stdout.WriteLine($"  device load time       {Ms(st.LoadTime)}");
        }
        return ExitCodes.Success;
    }

    private static string Ms(TimeSpan t) => $"{t.TotalMilliseconds.ToString("F3", CultureInfo.InvariantCulture)} ms";

    /// <summary>With one analysis the given path; with several NAME.kind.csv (a second of a kind: NAME.tran2.csv).</summary>
    public static string OutputPath(string given, AnalysisKind kind, int ordinal, int analysisCount)
    {
        if (analysisCount <= 1) return given;
        var dir = Path.GetDirectoryName(given) ?? ".";
        var name = Path.GetFileName(given);
        var stem = name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? name[..^4] : name;
        var suffix = kind.ShortName() + (ordinal > 1 ? ordinal.ToString(CultureInfo.InvariantCulture) : "");
        return Path.Combine(dir, $"{stem}.{suffix}.csv");
    }

    private static void Print(AnalysisResult r, TextWriter w)
    {
        w.WriteLine();
        w.WriteLine(r.Title);
        const int shown = 60;
        if (r.Kind == AnalysisKind.OperatingPoint)
        {
            var width = Math.Max(8, r.Vectors.Take(shown).Max(v => v.Name.Length));
            foreach (var v in r.Vectors.Take(shown))
                w.WriteLine($"  {v.Name.PadRight(width)}  {Format(v.Real[0])}");
            More(r, shown, w);
            return;
        }
        var scale = r.Scale!;
        w.WriteLine($"  {r.Points} points, {scale.Name} from {Format(scale.Real.FirstOrDefault())} to {Format(scale.Real.LastOrDefault())}");
        var nameWidth = Math.Max(8, r.Vectors.Take(shown).Max(v => v.Name.Length));
        if (r.Kind == AnalysisKind.Ac)
        {
            w.WriteLine($"  {"vector".PadRight(nameWidth)}  {"|first|",14} {"|last|",14} {"max |.|",14}");
            foreach (var v in r.Vectors.Take(shown))
            {
                var mags = v.Complex!.Select(c => c.Magnitude).ToArray();
                w.WriteLine($"  {v.Name.PadRight(nameWidth)}  {Format(mags.FirstOrDefault()),14} {Format(mags.LastOrDefault()),14} {Format(mags.DefaultIfEmpty().Max()),14}");
            }
            More(r, shown, w);
            return;
        }
        w.WriteLine($"  {"vector".PadRight(nameWidth)}  {"min",14} {"max",14} {"final",14}");
        foreach (var v in r.Vectors.Take(shown))
        {
            if (v.Length == 0) continue;
            w.WriteLine($"  {v.Name.PadRight(nameWidth)}  {Format(v.Real.Min()),14} {Format(v.Real.Max()),14} {Format(v.Real[^1]),14}");
        }
        More(r, shown, w);
    }

    private static void More(AnalysisResult r, int shown, TextWriter w)
    {
        if (r.Vectors.Count > shown) w.WriteLine($"  ... and {r.Vectors.Count - shown} more vectors (all of them go to the CSV with --out)");
    }

    private static string Format(double x) => x.ToString("G7", CultureInfo.InvariantCulture);
}
