using Hwsim.Bridge.Comparison;
using Hwsim.Circuits.Blocks;
using Spectre.Console;

namespace Hwsim.Cli;

/// <summary>
/// How <c>hwsim compare</c> shows its progress: on a terminal a live display (the run, its samples or steps, overall
/// percentage and time left) with Spectre.Console; otherwise one plain line per demo and level (CI logs, pipes);
/// with <c>--quiet</c> nothing.
/// </summary>
internal static class CompareProgressView
{
    public static T Run<T>(TextWriter stdout, bool quiet, Func<ICompareProgress?, T> work)
    {
        if (quiet) return work(null);
        if (!Interactive(stdout)) return work(new Lines(stdout));
        T result = default!;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx => result = work(new Live(ctx)));
        return result;
    }

    private static bool Interactive(TextWriter stdout) =>
        ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    private static string Kind(bool sequence) => sequence ? "steps" : "samples";

    /// <summary>Plain lines: <c>[3/18] mlp-xor at the ideal level (4 samples)</c>.</summary>
    private sealed class Lines(TextWriter stdout) : ICompareProgress
    {
        public void Begin(string demo, FidelityLevel level, bool sequence, int run, int runs, int points, long totalPoints) =>
            stdout.WriteLine($"[{run}/{runs}] {demo} at the {level.Name()} level ({points} {Kind(sequence)})");

        public void Point(int done) { }

        public void Writing() => stdout.WriteLine("writing the CSVs, plots, report.html and the inspector pages");
    }

    /// <summary>Two bars: the whole job (every point of every run) and the current run.</summary>
    private sealed class Live(ProgressContext ctx) : ICompareProgress
    {
        private ProgressTask? _all;
        private ProgressTask? _run;
        private double _before;
        private string _name = "";
        private int _points;
        private bool _sequence;

        public void Begin(string demo, FidelityLevel level, bool sequence, int run, int runs, int points, long totalPoints)
        {
            _all ??= ctx.AddTask("all demos", maxValue: Math.Max(1, totalPoints));
            _all.Description = $"all: run {run} of {runs}";
            if (_run is not null)
            {
                _run.Value = _run.MaxValue;
                _run.StopTask();
            }
            _before = _all.Value;
            (_name, _points, _sequence) = ($"{Markup.Escape(demo)} {level.Name()}", points, sequence);
            _run = ctx.AddTask($"{_name}: {Kind(sequence)} 0/{points}", maxValue: Math.Max(1, points));
        }

        public void Point(int done)
        {
            if (_run is null || _all is null) return;
            _run.Value = done;
            _run.Description = $"{_name}: {(_sequence ? "step" : "sample")} {done}/{_points}";
            _all.Value = _before + done;
        }

        public void Writing()
        {
            if (_run is not null)
            {
                _run.Value = _run.MaxValue;
                _run.StopTask();
            }
            if (_all is not null) _all.Description = "writing plots, report.html, inspector pages";
            ctx.Refresh();
        }
    }
}
