using System.Globalization;
using Hwsim.Bridge.MonteCarlo;
using Spectre.Console;

namespace Hwsim.Cli.Commands;

/// <summary>
/// Shows a running study: one progress bar per demo with the time left on a terminal (Spectre.Console), plain lines
/// otherwise (at each tenth of a demo's samples, and when it is done), nothing with <c>--quiet</c>.
/// </summary>
internal static class MonteCarloProgressView
{
    public static MonteCarloOutcome Run(MonteCarloRequest request, bool quiet, TextWriter stdout)
    {
        if (quiet) return MonteCarloStudy.Study(request);
        if (ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive)
        {
            MonteCarloOutcome? rows = null;
            AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    var tasks = new Dictionary<string, ProgressTask>();
                    rows = MonteCarloStudy.Study(request, p =>
                    {
                        if (!tasks.TryGetValue(p.Demo, out var task)) tasks[p.Demo] = task = ctx.AddTask(Markup.Escape(p.Demo), maxValue: Math.Max(1, p.Total));
                        task.Value = p.Done;
                    });
                });
            return rows!;
        }
        stdout.WriteLine($"{request.Cases.Count} case{(request.Cases.Count == 1 ? "" : "s")}, {request.Samples} samples each" +
                         (request.Shard.Count > 1 ? $" (shard {request.Shard})" : "") + $", {request.Jobs} job{(request.Jobs == 1 ? "" : "s")}");
        var tenth = new Dictionary<string, int>();
        return MonteCarloStudy.Study(request, p =>
        {
            var step = p.Total == 0 ? 10 : p.Done * 10 / p.Total;
            if (p.Done > 0 && tenth.TryGetValue(p.Demo, out var last) && last == step && p.Done != p.Total) return;
            tenth[p.Demo] = step;
            var left = p.Remaining is { } r ? $", {Clock(r)} left" : "";
            stdout.WriteLine($"{p.Demo}: {p.Done}/{p.Total} samples{(p.Done == p.Total ? ", done" : left)}");
        });
    }

    private static string Clock(TimeSpan t) => t.TotalHours >= 1
        ? t.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
        : t.ToString(@"m\:ss", CultureInfo.InvariantCulture);
}
