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
    private readonly Option<bool> _sandbox = new("--sandbox") { Description = "for netlists from others: .include only beside the netlist, regular files only, tighter default limits" };

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
        foreach (var o in new Option[] { _points, _elements, _expression, _bytes, _sandbox }) cmd.Add(o);
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

    private static long AtLeastOne(Option option, long value) =>
        value >= 1 ? value : throw new UsageException($"{option.Name} must be at least 1, got {value}");
}
