using System.Text.RegularExpressions;

namespace Hwsim.Circuits.Netlist;

/// <summary>
/// Finds <c>max(a, b, c, ...)</c> and <c>min(...)</c> calls with more than two arguments in a line. hwsim takes the
/// largest (smallest) of them all; ngspice 39 reads only the first and the last argument (its numparam parser keeps
/// two commas), so <c>max(1,5,3)</c> is 3 there and a B source fails. Such a call is therefore worth a warning.
/// </summary>
internal static partial class NaryMinMax
{
    [GeneratedRegex(@"(?<![A-Za-z0-9_.])(max|min)\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex Call();

    /// <summary>Each call with more than two arguments: its name in lower case and its number of arguments.</summary>
    public static IEnumerable<(string Name, int Arguments)> Find(string text) =>
        text.Contains("max", StringComparison.OrdinalIgnoreCase) || text.Contains("min", StringComparison.OrdinalIgnoreCase)
            ? Calls(text)
            : []; // no iterator for the many lines without either (a crossbar's netlist is 100,000s of them)

    private static IEnumerable<(string Name, int Arguments)> Calls(string text)
    {
        foreach (Match m in Call().Matches(text))
        {
            var depth = 0;
            var commas = 0;
            for (var i = m.Index + m.Length; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '(') depth++;
                else if (c == ')' && depth-- == 0) break;
                else if (c == ',' && depth == 0) commas++;
            }
            if (commas >= 2) yield return (m.Groups[1].Value.ToLowerInvariant(), commas + 1);
        }
    }
}
