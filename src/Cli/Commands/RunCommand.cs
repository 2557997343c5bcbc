using System.CommandLine;
using System.Globalization;
using Hwsim.Circuits;
using Hwsim.Circuits.Control;
using Hwsim.Circuits.Control.Script;
using Hwsim.Circuits.Measurements;
using Hwsim.Circuits.Netlist;
using Hwsim.Circuits.Results;
using Hwsim.Cli.Control;
using Hwsim.Verification;

namespace Hwsim.Cli.Commands;

/// <summary>
/// <c>hwsim run FILE.cir [--out results.csv|results.raw [--ascii]] [--stats]</c>: runs every analysis in a netlist,
/// prints a table for <c>.op</c> and a summary for sweeps, the netlist's <c>.print</c> tables and <c>.meas</c> results
/// as ngspice prints them, and writes CSV (or one ngspice rawfile) and <c>NAME.meas.csv</c>. A contract: keep its
/// interface stable.
/// </summary>
public static class RunCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "SPICE netlist (ngspice dialect)" };
        var outOpt = new Option<FileInfo?>("--out") { Description = "write results as CSV (several analyses: NAME.op.csv, NAME.dc.csv, NAME.ac.csv, NAME.tran.csv), or as one ngspice rawfile when the name ends in .raw; .meas results go to NAME.meas.csv" };
        var ascii = new Option<bool>("--ascii") { Description = "write the rawfile (--out NAME.raw) as text instead of binary" };
        var stats = new Option<bool>("--stats") { Description = "print unknowns, matrix and LU non-zeros, Newton iterations, time points and time per phase" };
        var limits = new LimitOptions();
        var cmd = new Command("run", "Run every analysis in a netlist and print the results.") { file, outOpt, ascii, stats };
        limits.AddTo(cmd);
        cmd.SetAction(parse =>
        {
            var netlist = parse.GetValue(file)!;
            using var budget = limits.StartBudget(parse, stderr);
            return Run(netlist, parse.GetValue(outOpt), parse.GetValue(stats), limits.Build(parse, netlist.DirectoryName ?? "."), stdout, stderr,
                parse.GetValue(ascii));
        });
        return cmd;
    }

    public static int Run(FileInfo file, FileInfo? output, bool stats, ResourceLimits limits, TextWriter stdout, TextWriter stderr, bool ascii = false)
    {
        // A folder that cannot hold the results is a bad argument: say so before a long simulation, not after it.
        var raw = output is not null && output.Name.EndsWith(".raw", StringComparison.OrdinalIgnoreCase);
        if (ascii && !raw) throw new UsageException("--ascii: applies to a rawfile; give --out NAME.raw");
        using var publication = new Publication();
        var staged = output is null ? null : publication.File("--out", output.FullName);
        InputPaths.CheckFile(file, "a netlist file");
        using var noCollections = BatchMemory.Reserve(file.Length * 120);
        var readStart = System.Diagnostics.Stopwatch.GetTimestamp();
        var netlist = NetlistReader.ReadFile(file.FullName, limits);
        var readTime = System.Diagnostics.Stopwatch.GetElapsedTime(readStart);

        foreach (var note in netlist.Notes) stderr.WriteLine($"hwsim: note: {note}");
        foreach (var warning in netlist.Warnings) stderr.WriteLine($"hwsim: warning: {warning}");
        stdout.WriteLine($"Circuit: {netlist.Title}");

        // A .control block runs first, as in ngspice's batch mode. Unless it quits, the netlist's own analyses run
        // after it when something asks for their results (.print lines, as ngspice decides, or --out).
        ControlSession? session = null;
        if (netlist.ControlLines.Count > 0)
        {
            var script = ControlScript.Parse(netlist.ControlLines);
            session = new ControlSession(netlist, ControlHosting.For(file, limits, stdout, stderr));
            if (session.Run(script) is { } quit) return QuitCode(quit, session, stderr);
            netlist = session.Netlist;
            if (output is null && netlist.Outputs.Prints.Count == 0)
            {
                if (netlist.Analyses.Count > 0)
                    stderr.WriteLine("hwsim: note: the netlist's own analyses were not run after its control block: it has no .print line and no --out was given (as ngspice -b)");
                return SessionCode(session);
            }
        }
        else if (netlist.Analyses.Count == 0) stdout.WriteLine("(the netlist has no analysis: add .op, .dc, .ac or .tran)");

        var plots = netlist.Analyses.Sum(a => a.PlotCount);
        var seen = new Dictionary<AnalysisKind, int>();
        var written = new List<string>();
        Hwsim.Circuits.Simulation.EngineStatistics? last = null;
        var date = DateTime.Now;
        var measured = new List<MeasureResult>();
        using var rawfile = raw ? new RawOutput(staged!, ascii ? RawFileFormat.Ascii : RawFileFormat.Binary) : null;
        NetlistRun.RunAll(netlist, result =>
        {
            last = result.Statistics;
            Print(result, stdout);
            try
            {
                FourierAnalysis.WriteRequested(result, netlist.Outputs.Fouriers, stdout);
            }
            catch (ArgumentException e)
            {
                stderr.WriteLine($"hwsim: warning: .four: {e.Message}");
            }
            foreach (var print in netlist.Outputs.Prints.Where(p => p.Analysis == result.Kind))
                PrintTable.Write(stdout, netlist.Title, result, print.Vectors, date);
            MeasurementPrinter.Write(result, stdout, stderr);
            measured.AddRange(result.Measurements);
            if (rawfile is not null) rawfile.Writer.WritePlot(netlist.Title, result, date);
            else if (output is not null)
            {
                seen[result.Kind] = seen.GetValueOrDefault(result.Kind) + 1;
                var path = OutputPath(output.FullName, result.Kind, seen[result.Kind], plots);
                CsvExport.Write(result, publication.Derived(output.FullName, path));
                written.Add(path);
            }
        });
        // Every file of the run (CSVs of all analyses, or the rawfile, and the measurements) appears together,
        // only when every analysis succeeded.
        if (rawfile is not null) written.Add(output!.FullName);
        if (output is not null && netlist.Outputs.Measures.Count > 0)
        {
            var path = MeasureCsv.PathBeside(output.FullName);
            MeasureCsv.Write(measured, publication.Derived(output.FullName, path));
            written.Add(path);
        }
        rawfile?.Close();
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
            if (st.BypassedDeviceLoads > 0) stdout.WriteLine($"  bypassed device loads  {st.BypassedDeviceLoads} (.options bypass=1)");
            stdout.WriteLine($"  time points            {st.TimePoints} ({st.AcceptedTimePoints} accepted, {st.RejectedTimePoints} rejected)");
            stdout.WriteLine($"  factorisations         {st.Factorizations} full, {st.Refactorizations} refactor, {st.ReusedFactorizations} reused");
            stdout.WriteLine($"  constant leading block {st.LeadingBlockSize} unknowns, factored {st.LeadingBlockFactorizations} times, reused {st.LeadingBlockReuses} times"
                             + (st.LeadingPivotFallbacks > 0 ? $", {st.LeadingPivotFallbacks} pivot fallbacks" : ""));
            if (st.BlockChoice is { LeadingCandidates: > 0 } block)
                stdout.WriteLine($"  order choice           {block.LeadingCandidates} unknowns could lead; symmetric fill plain {block.PlainLower}, constrained {block.ConstrainedLower}");
            stdout.WriteLine($"  netlist reading time   {Ms(readTime)}");
            stdout.WriteLine($"  set-up time            {Ms(st.SetupTime)}");
            stdout.WriteLine($"  ordering time          {Ms(st.OrderingTime)}");
            stdout.WriteLine($"  factoring time         {Ms(st.FactorTime)}");
            stdout.WriteLine($"  solving time           {Ms(st.SolveTime)}");
            stdout.WriteLine($"  device load time       {Ms(st.LoadTime)}");
        }
        return session is null ? ExitCodes.Success : SessionCode(session);
    }

    /// <summary>A control block that went on past failures (as ngspice does) still says so in the exit code: 1 when an analysis failed, 2 when a command did.</summary>
    private static int SessionCode(ControlSession session) =>
        session.FailedAnalyses > 0 ? ExitCodes.SimulationFailure : session.Errors > 0 ? ExitCodes.BadInput : ExitCodes.Success;

    /// <summary>
    /// The exit code of a control block that quit: its own, except that <c>quit 0</c> after commands hwsim could not
    /// carry out is not a success (a self-checking netlist would otherwise pass on stale values): 1 when an analysis
    /// failed, else 2.
    /// </summary>
    private static int QuitCode(int quit, ControlSession session, TextWriter stderr)
    {
        if (quit != 0 || session.Errors == 0) return quit;
        var code = session.FailedAnalyses > 0 ? ExitCodes.SimulationFailure : ExitCodes.BadInput;
        stderr.WriteLine($"hwsim: error: the control block quit with 0 after {session.Errors} command{(session.Errors == 1 ? "" : "s")} failed (above); exit {code}");
        return code;
    }

    /// <summary>A rawfile written plot by plot into the publication's staging path (moved into place only when the run succeeded).</summary>
    private sealed class RawOutput : IDisposable
    {
        private readonly FileStream _stream;

        public RawOutput(string stagedPath, RawFileFormat format)
        {
            _stream = new FileStream(stagedPath, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16);
            Writer = new RawFileWriter(_stream, format);
        }

        public RawFileWriter Writer { get; }

        /// <summary>Flushes and closes the file before it is published.</summary>
        public void Close() => _stream.Dispose();

        public void Dispose() => _stream.Dispose();
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

    /// <summary>A complex value of a one-point result (a pole, an AC sensitivity): re + j im.</summary>
    private static string ComplexText(System.Numerics.Complex z) =>
        z.Imaginary == 0 ? Format(z.Real) : $"{Format(z.Real)} {(z.Imaginary < 0 ? "-" : "+")} j{Format(Math.Abs(z.Imaginary))}";

    private static void Print(AnalysisResult r, TextWriter w)
    {
        w.WriteLine();
        w.WriteLine(r.Title);
        const int shown = 60;
        if (r.Scale is null) // an operating point, the integrated noise
        {
            var width = Math.Max(8, r.Vectors.Take(shown).Select(v => v.Name.Length).DefaultIfEmpty().Max());
            foreach (var v in r.Vectors.Take(shown))
                w.WriteLine($"  {v.Name.PadRight(width)}  {(v.Complex is { } z ? ComplexText(z[0]) : Format(v.Real[0]))}");
            More(r, shown, w);
            return;
        }
        var scale = r.Scale!;
        w.WriteLine($"  {r.Points} points, {scale.Name} from {Format(scale.Real.FirstOrDefault())} to {Format(scale.Real.LastOrDefault())}");
        var nameWidth = Math.Max(8, r.Vectors.Take(shown).Select(v => v.Name.Length).DefaultIfEmpty().Max());
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
