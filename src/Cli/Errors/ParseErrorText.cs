using System.Text.RegularExpressions;

namespace Hwsim.Cli;

/// <summary>
/// Words System.CommandLine's type-conversion error for a person: its own text names the .NET type
/// ("as expected type 'System.Nullable`1[System.Int64]'"), which says nothing to a user. Other parse errors pass
/// unchanged (and so does this one in a culture whose resources word it differently).
/// </summary>
public static partial class ParseErrorText
{
    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for option '(?<option>[^']+)' as expected type '(?<type>[^']+)'\.?$", RegexOptions.Singleline)]
    private static partial Regex ConversionError();

    /// <summary>The message, with a failed conversion reworded as "--opt expects a whole number, got 'x'".</summary>
    public static string Friendly(string message)
    {
        var match = ConversionError().Match(message);
        if (!match.Success) return message;
        var kind = KindOf(match.Groups["type"].Value);
        return kind is null ? message : $"{match.Groups["option"].Value} expects {kind}, got '{match.Groups["value"].Value}'";
    }

    private static string? KindOf(string typeName) => typeName switch
    {
        _ when typeName.Contains("Int32", StringComparison.Ordinal) || typeName.Contains("Int64", StringComparison.Ordinal) => "a whole number",
        _ when typeName.Contains("Double", StringComparison.Ordinal) || typeName.Contains("Single", StringComparison.Ordinal) => "a number",
        _ => null,
    };
}
