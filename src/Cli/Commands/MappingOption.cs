using System.Globalization;
using Hwsim.Bridge.Mapping;

namespace Hwsim.Cli.Commands;

/// <summary>
/// One option of the mapping profile as the command line gives it: its name, help, how one value is checked and
/// written canonically (<c>0.10</c> and <c>.1</c> are the same setting), and how it changes a profile. Invalid
/// values are <see cref="UsageException"/>s naming the option.
/// </summary>
internal sealed record MappingOption(string Name, string Description, Func<string, string> Canonical, Func<MappingProfile, string, MappingProfile> Apply)
{
    /// <summary>The column a sweep of this option adds to the Monte Carlo files: <c>--weight-bits</c> gives <c>weight_bits</c>.</summary>
    public string Column => Name.TrimStart('-').Replace('-', '_');

    public static MappingOption Number(string name, string description, Func<MappingProfile, double, MappingProfile> apply,
        double min = double.NegativeInfinity, bool positive = false, double max = double.PositiveInfinity) =>
        new(name, description, text => Format(ParseNumber(name, text, min, positive, max)),
            (p, text) => apply(p, ParseNumber(name, text, min, positive, max)));

    public static MappingOption Whole(string name, string description, Func<MappingProfile, int, MappingProfile> apply, int min, int max) =>
        new(name, description, text => ParseWhole(name, text, min, max).ToString(CultureInfo.InvariantCulture),
            (p, text) => apply(p, ParseWhole(name, text, min, max)));

    public static MappingOption Choice(string name, string description, IReadOnlyList<string> choices, Func<MappingProfile, string, MappingProfile> apply) =>
        new(name, description, text => ParseChoice(name, text, choices), (p, text) => apply(p, ParseChoice(name, text, choices)));

    private static string Format(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    private static double ParseNumber(string name, string text, double min, bool positive, double max)
    {
        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var x) || !double.IsFinite(x))
            throw new UsageException($"{name}: '{text}' is not a number");
        if (positive && !(x > 0)) throw new UsageException($"{name}: must be positive, got {text}");
        if (x < min) throw new UsageException($"{name}: must be at least {Format(min)}, got {text}");
        if (x > max) throw new UsageException($"{name}: must be at most {Format(max)}, got {text}");
        return x;
    }

    private static int ParseWhole(string name, string text, int min, int max)
    {
        if (!int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
            throw new UsageException($"{name}: '{text}' is not a whole number");
        if (n < min || n > max) throw new UsageException($"{name}: must be between {min} and {max}, got {text}");
        return n;
    }

    private static string ParseChoice(string name, string text, IReadOnlyList<string> choices)
    {
        var t = text.Trim().ToLowerInvariant();
        return choices.Contains(t) ? t : throw new UsageException($"{name}: '{text}' is not one of {string.Join(", ", choices)}");
    }
}
