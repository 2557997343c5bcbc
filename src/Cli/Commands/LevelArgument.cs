using Hwsim.Circuits.Blocks;

namespace Hwsim.Cli.Commands;

/// <summary>The <c>--level</c> values of the bridge commands.</summary>
internal static class LevelArgument
{
    public static readonly string[] Choices = { "ideal", "macro", "all" };

    /// <summary>ideal, macro, or all (ideal and macro).</summary>
    public static IReadOnlyList<FidelityLevel> Parse(string text) => text.ToLowerInvariant() switch
    {
        "all" => new[] { FidelityLevel.Ideal, FidelityLevel.Macro },
        _ when FidelityLevels.TryParse(text, out var level) && level != FidelityLevel.Device => new[] { level },
        _ => throw new UsageException($"--level: unknown level '{text}' (use ideal, macro or all)"),
    };
}
