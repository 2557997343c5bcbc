using System.Globalization;
using System.Text;

namespace Hwsim.Circuits.Netlist;

/// <summary>
/// Quotes input text in an error message the way a compiler does: a short excerpt, control characters escaped. A
/// 1 MB token or a line of a binary file is never echoed whole, and no byte of it reaches the terminal raw.
/// </summary>
public static class Excerpt
{
    /// <summary>The longest excerpt quoted.</summary>
    public const int MaxLength = 40;

    /// <summary>The longest message made by <see cref="Message"/>.</summary>
    public const int MaxMessageLength = 300;

    /// <summary>At most <see cref="MaxLength"/> characters of <paramref name="text"/>, escaped, with "..." when cut.</summary>
    public static string Of(string text)
    {
        var cut = text.Length > MaxLength;
        var escaped = Printable(cut ? text[..MaxLength] : text);
        return cut ? escaped + "..." : escaped;
    }

    /// <summary>
    /// A whole error message made safe: control characters escaped, every word longer than <see cref="MaxLength"/>
    /// (a token quoted from the input) cut to an excerpt, and at most <see cref="MaxMessageLength"/> characters.
    /// </summary>
    public static string Message(string message)
    {
        var words = message.Split(' ');
        for (var i = 0; i < words.Length; i++)
            if (words[i].Length > MaxLength + 20) words[i] = Of(words[i]);
        var text = Printable(string.Join(' ', words));
        return text.Length > MaxMessageLength ? text[..MaxMessageLength] + "..." : text;
    }

    /// <summary><paramref name="text"/> with every control or format character written as <c>\uXXXX</c>.</summary>
    public static string Printable(string text)
    {
        if (!text.Any(NeedsEscape)) return text;
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (NeedsEscape(c)) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
        return sb.ToString();
    }

    private static bool NeedsEscape(char c) => (char.IsControl(c) && c != '\t') || char.GetUnicodeCategory(c) == UnicodeCategory.Format;
}
