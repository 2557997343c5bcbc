using System.CommandLine.Parsing;
using System.Text.RegularExpressions;

namespace Hwsim.Cli;

/// <summary>
/// Words System.CommandLine's type-conversion error for a person: its own text names the .NET type
/// ("as expected type 'System.Nullable`1[System.Int64]'"), which says nothing to a user, and its error for a value
/// outside an option's list names no option and lists the values on lines of their own. Other parse errors pass
/// unchanged (and so do these in a culture whose resources word them differently).
/// </summary>
public static partial class ParseErrorText
{
    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for option '(?<option>[^']+)' as expected type '(?<type>[^']+)'\.?$", RegexOptions.Singleline)]
    private static partial Regex ConversionError();

    [GeneratedRegex(@"^Argument '(?<value>.*)' not recognized\. Must be one of:(?<choices>(\s*'[^']*')+)\s*$", RegexOptions.Singleline)]
    private static partial Regex ChoiceError();

    /// <summary>
    /// The error's message, reworded where it is one of the two above: "--opt expects a whole number, got 'x'",
    /// "--level: 'chip' is not one of macro, device".
    /// </summary>
    public static string Friendly(ParseError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var choice = ChoiceError().Match(error.Message);
        if (choice.Success && error.SymbolResult is OptionResult { Option: var option })
        {
            var choices = Regex.Matches(choice.Groups["choices"].Value, "'([^']*)'").Select(m => m.Groups[1].Value);
            return $"{option.Name}: '{choice.Groups["value"].Value}' is not one of {string.Join(", ", choices)}";
        }
        return Friendly(error.Message);
    }

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
