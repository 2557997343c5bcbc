using System.CommandLine;
using Hwsim.Circuits;

namespace Hwsim.Cli.Commands;

/// <summary>
/// The options that bound what a netlist may ask for (<see cref="ResourceLimits"/>), and <c>--sandbox</c> for files
/// from others. <see cref="ErrorPolicy"/> names the option of a limit that was exceeded, from <see cref="OptionFor"/>.
/// </summary>
internal sealed class LimitOptions
{
    private readonly Option<long?> _points = new(OptionFor(ResourceLimit.Points)) { Description = $"points per analysis (default {ResourceLimits.Default.MaxPoints}; sandbox {Sandboxed.MaxPoints})" };
    private readonly Option<long?> _elements = new(OptionFor(ResourceLimit.Elements)) { Description = $"elements after sub-circuit expansion (default {ResourceLimits.Default.MaxElements}; sandbox {Sandboxed.MaxElements})" };
    private readonly Option<long?> _expression = new(OptionFor(ResourceLimit.ExpressionSize)) { Description = $"operations of one expression after .func expansion (default {ResourceLimits.Default.MaxExpressionSize}; sandbox {Sandboxed.MaxExpressionSize})" };
    private readonly Option<long?> _bytes = new(OptionFor(ResourceLimit.FileBytes)) { Description = $"bytes read from the netlist and from each included file (default {ResourceLimits.Default.MaxFileBytes}; sandbox {Sandboxed.MaxFileBytes})" };
    private readonly Option<double?> _seconds = new(SecondsOption) { Description = $"wall-clock seconds the run may take (default none; sandbox {SandboxSeconds:G})" };
    private readonly Option<long?> _memory = new(MemoryOption) { Description = $"megabytes of memory the process may use (default none; sandbox {SandboxMegabytes})" };
    private readonly Option<bool> _sandbox = new("--sandbox") { Description = "for netlists from others: .include only beside the netlist, regular files only, tighter default limits (points, elements, expression size, file bytes, time, memory)" };

    /// <summary>The option of the time budget.</summary>
    public const string SecondsOption = "--max-seconds";
    /// <summary>The option of the memory budget.</summary>
    public const string MemoryOption = "--max-memory";
    private const double SandboxSeconds = 60;
    private const long SandboxMegabytes = 1024;

    private static readonly ResourceLimits Sandboxed = ResourceLimits.Sandbox(".");

    /// <summary>The option that raises <paramref name="limit"/>.</summary>
    public static string OptionFor(ResourceLimit limit) => limit switch
    {
        ResourceLimit.Points => "--max-points",
        ResourceLimit.Elements => "--max-elements",
        ResourceLimit.ExpressionSize => "--max-expression-size",
        ResourceLimit.FileBytes => "--max-file-bytes",
        _ => throw new ArgumentOutOfRangeException(nameof(limit)),
    };

    public void AddTo(Command cmd)
    {
        foreach (var o in new Option[] { _points, _elements, _expression, _bytes, _seconds, _memory, _sandbox }) cmd.Add(o);
    }

    /// <summary>The limits for a netlist in <paramref name="netlistFolder"/>; throws <see cref="UsageException"/> for a value below 1.</summary>
    public ResourceLimits Build(ParseResult parse, string netlistFolder)
    {
        var limits = parse.GetValue(_sandbox) ? ResourceLimits.Sandbox(netlistFolder) : ResourceLimits.Default;
        if (parse.GetValue(_points) is { } points) limits = limits with { MaxPoints = AtLeastOne(_points, points) };
        if (parse.GetValue(_elements) is { } elements) limits = limits with { MaxElements = AtLeastOne(_elements, elements) };
        if (parse.GetValue(_expression) is { } size) limits = limits with { MaxExpressionSize = AtLeastOne(_expression, size) };
        if (parse.GetValue(_bytes) is { } bytes) limits = limits with { MaxFileBytes = AtLeastOne(_bytes, bytes) };
        return limits;
    }

    /// <summary>
    /// Starts the time and memory watchdog of <c>--max-seconds</c> and <c>--max-memory</c> (or the sandbox's); null
    /// when there is no budget. Dispose it when the command ends.
    /// </summary>
    public IDisposable? StartBudget(ParseResult parse, TextWriter stderr)
    {
        var sandbox = parse.GetValue(_sandbox);
        var seconds = parse.GetValue(_seconds) ?? (sandbox ? SandboxSeconds : null);
        if (seconds is { } s && !(s > 0 && double.IsFinite(s))) throw new UsageException($"{SecondsOption} must be a positive number of seconds, got {s}");
        var megabytes = parse.GetValue(_memory) is { } m ? AtLeastOne(_memory, m) : sandbox ? SandboxMegabytes : (long?)null;
        return RunBudget.Start(seconds, megabytes is { } mb ? Math.Min(mb, long.MaxValue >> 20) << 20 : null, stderr);
    }

    private static long AtLeastOne(Option option, long value) =>
        value >= 1 ? value : throw new UsageException($"{option.Name} must be at least 1, got {value}");
}
