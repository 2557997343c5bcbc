using Hwsim.Circuits.Blocks;

namespace Hwsim.Cli.Commands;

/// <summary>The <c>--level</c> values of the bridge commands.</summary>
internal static class LevelArgument
{
    public static readonly string[] Choices = { "ideal", "macro", "device", "all" };

    /// <summary>ideal, macro, device, or all (the three).</summary>
    public static IReadOnlyList<FidelityLevel> Parse(string text) => text.ToLowerInvariant() switch
    {
        "all" => new[] { FidelityLevel.Ideal, FidelityLevel.Macro, FidelityLevel.Device },
        _ when FidelityLevels.TryParse(text, out var level) => new[] { level },
        _ => throw new UsageException($"--level: unknown level '{text}' (use ideal, macro, device or all)"),
    };
}
