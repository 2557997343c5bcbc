using System.Text;

namespace Hwsim.Circuits.Control.Script;

/// <summary>
/// Splits a command line into words as ngspice's <c>cp_lexer</c>: blanks separate words; <c>"..."</c> and
/// <c>`...`</c> stay one word with their quotes (removed later); <c>'...'</c> joins its text without the quotes; a
/// comma outside parentheses separates words; <c>&lt; &gt; ; &amp;</c> are words of their own (except <c>$&amp;</c>,
/// <c>&lt;=</c>, <c>&gt;=</c>); a backslash keeps the next character.
/// </summary>
public static class ControlLexer
{
    public static List<string> Split(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var paren = 0;
        void NewWord()
        {
            if (word.Length > 0) words.Add(word.ToString());
            word.Clear();
        }
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\\' && i + 1 < line.Length)
            {
                word.Append(line[++i]);
                continue;
            }
            if (c is '(' or '[') paren++;
            else if (c is ')' or ']') paren--;
            switch (c)
            {
                case ' ':
                case '\t':
                    NewWord();
                    break;
                case '\'':
                {
                    var close = line.IndexOf('\'', i + 1);
                    if (close < 0) close = line.Length;
                    word.Append(line, i + 1, close - i - 1);
                    i = close;
                    break;
                }
                case '"':
                case '`':
                {
                    // the word keeps its quotes; an unclosed quote runs to the end of the line
                    var close = line.IndexOf(c, i + 1);
                    if (close < 0) close = line.Length - 1;
                    word.Append(line, i, close - i + 1);
                    i = close;
                    break;
                }
                case ',' when paren < 1 && word.Length > 0:
                    NewWord();
                    break;
                case ';' when paren > 0:
                    word.Append(c);
                    break;
                case '&' when word.Length > 0 && word[^1] == '$':
                    word.Append(c);
                    break;
                case '<' or '>' when word.Length == 0 && i + 1 < line.Length && line[i + 1] == '=':
                    word.Append(c);
                    break;
                case '<' or '>' or ';' or '&':
                    if (c == '<' && word.Length > 0 && word[^1] == '$')
                    {
                        word.Append(c);
                        break;
                    }
                    NewWord();
                    word.Append(c);
                    NewWord();
                    break;
                default:
                    word.Append(c);
                    break;
            }
        }
        NewWord();
        return words;
    }

    /// <summary>ngspice's <c>cp_unquote</c>: a word wholly in double quotes loses them.</summary>
    public static string Unquote(string word) =>
        word.Length >= 2 && word[0] == '"' && word[^1] == '"' ? word[1..^1] : word;
}
