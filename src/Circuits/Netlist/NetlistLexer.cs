namespace Hwsim.Circuits.Netlist;

/// <summary>
/// Turns netlist text into logical lines of tokens: <c>*</c> comment lines, <c>;</c> and <c>$</c> inline comments,
/// <c>+</c> continuation, <c>{...}</c> and <c>'...'</c> expressions kept whole, commas as blanks, and
/// <c>( ) =</c> as tokens of their own. Includes are expanded by <see cref="NetlistReader"/>, not here.
/// </summary>
public static class NetlistLexer
{
    /// <summary>Splits <paramref name="text"/>; when <paramref name="hasTitle"/>, the first physical line is the title.</summary>
    public static (string? Title, List<NetlistLine> Lines) Split(string text, string file, bool hasTitle)
    {
        var physical = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        string? title = null;
        var lines = new List<NetlistLine>(physical.Length);
        List<NetlistToken>? current = null;
        SourceLocation currentStart = default;
        string currentText = "";

        void Flush()
        {
            if (current is { Count: > 0 }) lines.Add(new NetlistLine(current, currentStart, currentText));
            current = null;
        }

        for (var i = 0; i < physical.Length; i++)
        {
            var raw = physical[i];
            var lineNo = i + 1;
            if (hasTitle && i == 0)
            {
                // The title is printed: a binary file's control characters must not reach a terminal.
                title = Excerpt.Printable(raw.Trim());
                continue;
            }
            var trimmed = raw.TrimStart();
            if (trimmed.Length == 0 || trimmed[0] == '*') continue;
            if (IsWord(trimmed, ".control"))
            {
                // The block's lines are commands of the control language, kept as written (its $ is not a comment).
                Flush();
                var start = new SourceLocation(file, lineNo, raw.Length - trimmed.Length + 1);
                var (block, closed, end) = ControlBlock(physical, i + 1, file);
                lines.Add(new NetlistLine([new NetlistToken(NetlistTokenKind.Word, trimmed.Split((char[]?)null, 2)[0], start)], start, trimmed.Trim())
                {
                    Control = block,
                    ControlClosed = closed,
                });
                i = end;
                continue;
            }
            var startColumn = raw.Length - trimmed.Length + 1;
            if (trimmed[0] == '+')
            {
                var tokens = Tokenize(raw, startColumn + 1, file, lineNo);
                if (current is null)
                    throw new NetlistException(new SourceLocation(file, lineNo, startColumn), "continuation line '+' with no line to continue");
                current.AddRange(tokens);
                currentText += " " + trimmed[1..].Trim();
                continue;
            }
            Flush();
            current = Tokenize(raw, startColumn, file, lineNo);
            currentStart = new SourceLocation(file, lineNo, startColumn);
            currentText = trimmed.Trim();
        }
        Flush();
        return (title, lines);
    }

    private static bool IsWord(string trimmed, string word) =>
        trimmed.StartsWith(word, StringComparison.OrdinalIgnoreCase) && (trimmed.Length == word.Length || char.IsWhiteSpace(trimmed[word.Length]));

    /// <summary>
    /// The raw lines from <paramref name="first"/> to <c>.endc</c> (continuation lines joined); returns the index of
    /// the <c>.endc</c> line, or the last line when the block is not closed.
    /// </summary>
    private static (List<Control.Script.ControlLine> Lines, bool Closed, int End) ControlBlock(string[] physical, int first, string file)
    {
        var block = new List<Control.Script.ControlLine>();
        for (var j = first; j < physical.Length; j++)
        {
            var text = physical[j];
            var trimmed = text.TrimStart();
            if (IsWord(trimmed, ".endc")) return (block, true, j);
            RefuseControl(text, 0, file, j + 1);
            if (trimmed.StartsWith('+') && block.Count > 0)
            {
                block[^1] = block[^1] with { Text = block[^1].Text + " " + trimmed[1..].Trim() };
                continue;
            }
            block.Add(new Control.Script.ControlLine(text, new SourceLocation(file, j + 1, text.Length - trimmed.Length + 1)));
        }
        return (block, false, physical.Length - 1);
    }

    private static List<NetlistToken> Tokenize(string raw, int startColumn, string file, int line)
    {
        var tokens = new List<NetlistToken>();
        var i = startColumn - 1;
        RefuseControl(raw, i, file, line);
        while (i < raw.Length)
        {
            var c = raw[i];
            if (c == ';') break;
            if (c == '$' && (i == 0 || char.IsWhiteSpace(raw[i - 1]))) break;
            if (char.IsWhiteSpace(c) || c == ',')
            {
                i++;
                continue;
            }
            var loc = new SourceLocation(file, line, i + 1);
            switch (c)
            {
                case '=':
                    tokens.Add(new NetlistToken(NetlistTokenKind.Equals, "=", loc));
                    i++;
                    continue;
                case '(':
                    tokens.Add(new NetlistToken(NetlistTokenKind.LeftParen, "(", loc));
                    i++;
                    continue;
                case ')':
                    tokens.Add(new NetlistToken(NetlistTokenKind.RightParen, ")", loc));
                    i++;
                    continue;
                case '{':
                {
                    var depth = 0;
                    var j = i;
                    for (; j < raw.Length; j++)
                    {
                        if (raw[j] == '{') depth++;
                        else if (raw[j] == '}' && --depth == 0) break;
                    }
                    if (j >= raw.Length) throw new NetlistException(loc, "'{' is not closed on this line");
                    tokens.Add(new NetlistToken(NetlistTokenKind.Expression, raw[(i + 1)..j], loc));
                    i = j + 1;
                    continue;
                }
                case '\'':
                {
                    var j = raw.IndexOf('\'', i + 1);
                    if (j < 0) throw new NetlistException(loc, "quote ' is not closed on this line");
                    tokens.Add(new NetlistToken(NetlistTokenKind.Expression, raw[(i + 1)..j], loc));
                    i = j + 1;
                    continue;
                }
                case '}':
                    throw new NetlistException(loc, "'}' without a matching '{'");
            }
            var start = i;
            while (i < raw.Length && !char.IsWhiteSpace(raw[i]) && raw[i] is not (',' or '=' or '(' or ')' or '{' or '}' or '\'' or ';'))
                i++;
            tokens.Add(new NetlistToken(NetlistTokenKind.Word, raw[start..i], loc));
        }
        return tokens;
    }

    /// <summary>
    /// Refuses a control character from <paramref name="from"/> to the end of the line's code (comments may hold
    /// anything): a NUL or escape byte would end up in node names, CSV headers and the terminal.
    /// </summary>
    private static void RefuseControl(string raw, int from, string file, int line)
    {
        for (var j = from; j < raw.Length; j++)
        {
            var c = raw[j];
            if (c == ';' || (c == '$' && (j == 0 || char.IsWhiteSpace(raw[j - 1])))) return;
            if (char.IsControl(c) && !char.IsWhiteSpace(c))
                throw new NetlistException(new SourceLocation(file, line, j + 1), $"control character U+{(int)c:X4} in the netlist (is it a binary file?)");
        }
    }
}
