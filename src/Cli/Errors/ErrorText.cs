using System.Globalization;
using System.Text;

namespace Hwsim.Cli;

/// <summary>
/// Makes a message safe for a terminal: one line, control characters and unprintable ones escaped (a NUL or an ANSI
/// escape from a binary file never reaches the terminal), and at most <see cref="MaxLength"/> characters (a 1 MB
/// token is not echoed whole). Libraries quote short excerpts themselves; this is the last guard.
/// </summary>
public static class ErrorText
{
    /// <summary>The longest line an error prints.</summary>
    public const int MaxLength = 600;

    /// <summary>The message as one printable line of at most <see cref="MaxLength"/> characters.</summary>
    public static string OneLine(string message)
    {
        var sb = new StringBuilder(Math.Min(message.Length, MaxLength + 16));
        foreach (var ch in message)
        {
            if (sb.Length >= MaxLength)
            {
                sb.Append(" ...");
                break;
            }
            switch (ch)
            {
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (char.IsControl(ch) || char.IsSurrogate(ch) || ch is '\uFFFD' or '\u2028' or '\u2029' || CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.Format)
                        sb.Append("\\u").Append(((int)ch).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(ch);
                    break;
            }
        }
        return sb.ToString();
    }
}
