using System.Globalization;

namespace Hwsim.Cli.Commands;

/// <summary>
/// The wall-clock time and memory one command may use (<c>--max-seconds</c>, <c>--max-memory</c>; tight by default
/// under <c>--sandbox</c>). The points, elements and expression limits stop a netlist that asks for too much before
/// it runs; this budget stops one that takes too long or grows too large anyway (a stiff circuit whose step shrinks,
/// many analyses each within the limits). A watchdog looks five times a second; past the budget it prints one line
/// naming the option, removes the staged outputs (nothing is published) and ends the process with exit code 2.
/// </summary>
internal sealed class RunBudget : IDisposable
{
    private readonly Timer _timer;
    private readonly long _start = System.Diagnostics.Stopwatch.GetTimestamp();
    private readonly double? _seconds;
    private readonly long? _bytes;
    private readonly TextWriter _stderr;
    private int _stopped;

    private RunBudget(double? seconds, long? bytes, TextWriter stderr)
    {
        _seconds = seconds;
        _bytes = bytes;
        _stderr = stderr;
        _timer = new Timer(_ => Check(), null, 200, 200);
    }

    /// <summary>Starts a watchdog for the given budget; null when neither is set (nothing to watch).</summary>
    public static RunBudget? Start(double? seconds, long? bytes, TextWriter stderr) =>
        seconds is null && bytes is null ? null : new RunBudget(seconds, bytes, stderr);

    private void Check()
    {
        string? exceeded = null;
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(_start).TotalSeconds;
        if (_seconds is { } s && elapsed > s)
            exceeded = string.Create(CultureInfo.InvariantCulture, $"the run took longer than {s:G4} s (raise it with {LimitOptions.SecondsOption})");
        else if (_bytes is { } b && Environment.WorkingSet > b)
            exceeded = string.Create(CultureInfo.InvariantCulture,
                $"the run used more than {b / (1024.0 * 1024):G4} MB of memory ({Environment.WorkingSet / (1024.0 * 1024):F0} MB after {elapsed:F1} s; raise it with {LimitOptions.MemoryOption})");
        if (exceeded is null || Interlocked.Exchange(ref _stopped, 1) == 1) return;
        _stderr.WriteLine($"hwsim: error: {exceeded}");
        _stderr.Flush();
        Publication.AbandonAll();
        Environment.Exit(ExitCodes.BadInput);
    }

    public void Dispose() => _timer.Dispose();
}
