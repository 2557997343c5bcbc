using System.Text;
using Hwsim.Circuits.Expressions;

namespace Hwsim.Circuits.Netlist;

/// <summary>
/// Netlist-level conditionals as in ngspice: <c>.if (expr)</c>, <c>.elseif (expr)</c>, <c>.else</c>, <c>.endif</c>,
/// nested freely. Conditions are evaluated on the scope's <c>.param</c> values (per sub-circuit instance inside a
/// <c>.subckt</c>) and only the taken branch's cards are kept. ngspice 39 does not support <c>.subckt</c>,
/// <c>.include</c>, <c>.lib</c> or <c>.param</c> inside a block (it reads a <c>.param</c> or <c>.func</c> there whichever
/// branch is taken), so hwsim refuses those instead of guessing.
/// </summary>
internal static class Conditionals
{
    /// <summary>Cards that are read before conditions are known, so cannot depend on one.</summary>
    private static readonly Dictionary<string, string> NotInBlock = new(StringComparer.Ordinal)
    {
        [".subckt"] = "a .subckt", [".ends"] = "a .subckt", [".param"] = ".param", [".func"] = ".func",
        [".global"] = ".global",
    };

    public static bool IsDirective(string keyword) => keyword is ".if" or ".elseif" or ".else" or ".endif";

    /// <summary>The error for a card (<c>.include</c>, <c>.lib</c>, ...) that may not appear inside a block.</summary>
    public static NetlistException NotAllowed(NetlistLine line, string what) =>
        new(line.Location, $"{what} is not allowed inside .if ... .endif (ngspice 39 does not support it there either); move it outside the block");

    /// <summary>
    /// Checks the blocks of the expanded lines: every <c>.if</c> closed, no stray <c>.elseif</c>/<c>.else</c>/<c>.endif</c>,
    /// no <c>.elseif</c> or second <c>.else</c> after <c>.else</c>, conditions written <c>(expr)</c>, no card inside a
    /// block that is read before conditions are known. Text after <c>.else</c>/<c>.endif</c> is ignored with a warning.
    /// </summary>
    public static void Check(List<NetlistLine> lines, List<string> warnings)
    {
        var open = new Stack<(NetlistLine If, NetlistLine? Else)>();
        foreach (var line in lines)
        {
            var key = line.Keyword;
            if (open.Count > 0 && NotInBlock.TryGetValue(key, out var what)) throw NotAllowed(line, what);
            switch (key)
            {
                case ".if":
                    Condition(line);
                    open.Push((line, null));
                    break;
                case ".elseif":
                    if (open.Count == 0) throw new NetlistException(line.Location, ".elseif without .if");
                    if (open.Peek().Else is { } before) throw new NetlistException(line.Location, $".elseif after .else (line {before.Location.Line})");
                    Condition(line);
                    break;
                case ".else":
                    if (open.Count == 0) throw new NetlistException(line.Location, ".else without .if");
                    var (start, other) = open.Pop();
                    if (other is not null) throw new NetlistException(line.Location, $"a second .else in one .if block (the first is on line {other.Location.Line})");
                    open.Push((start, line));
                    WarnTrailing(line, warnings);
                    break;
                case ".endif":
                    if (open.Count == 0) throw new NetlistException(line.Location, ".endif without .if");
                    open.Pop();
                    WarnTrailing(line, warnings);
                    break;
            }
        }
        if (open.Count > 0) throw new NetlistException(open.Peek().If.Location, ".if has no .endif");
    }

    /// <summary>
    /// The lines of <paramref name="body"/> in the taken branches, without the directives; a condition is evaluated
    /// (on <paramref name="scope"/>) only when its branch is reached, as a chain stops at the first that holds.
    /// </summary>
    public static List<NetlistLine> Select(List<NetlistLine> body, IParameterScope scope)
    {
        if (!body.Exists(l => l.Keyword == ".if")) return body;
        var kept = new List<NetlistLine>(body.Count);
        // Per open block: is the current branch kept, and has an earlier branch been taken.
        var open = new Stack<(bool Keeping, bool Taken, bool Outer)>();
        var keeping = true;
        foreach (var line in body)
        {
            switch (line.Keyword)
            {
                case ".if":
                {
                    var holds = keeping && Holds(line, scope);
                    open.Push((holds, holds, keeping));
                    keeping = holds;
                    break;
                }
                case ".elseif":
                {
                    var (_, taken, outer) = open.Pop();
                    var holds = outer && !taken && Holds(line, scope);
                    open.Push((holds, taken || holds, outer));
                    keeping = holds;
                    break;
                }
                case ".else":
                {
                    var (_, taken, outer) = open.Pop();
                    keeping = outer && !taken;
                    open.Push((keeping, true, outer));
                    break;
                }
                case ".endif":
                    keeping = open.Pop().Outer;
                    break;
                default:
                    if (keeping) kept.Add(line);
                    break;
            }
        }
        return kept;
    }

    private static bool Holds(NetlistLine line, IParameterScope scope)
    {
        var (text, at) = Condition(line);
        return Values.EvaluateExpression(text, at, scope) != 0;
    }

    /// <summary>
    /// The condition of an <c>.if</c>/<c>.elseif</c> line as expression text, with where it starts. Tokens on the first
    /// line keep their columns (so an error in the expression points at its column); <c>{x}</c> reads as <c>(x)</c>.
    /// </summary>
    private static (string Text, SourceLocation At) Condition(NetlistLine line)
    {
        var tokens = line.Tokens;
        if (tokens.Count < 2 || tokens[1].Kind != NetlistTokenKind.LeftParen)
            throw new NetlistException(tokens.Count < 2 ? line.Location : tokens[1].Location,
                $"{line.Keyword}: write the condition in parentheses: {line.Keyword} (expression)");
        if (tokens[^1].Kind != NetlistTokenKind.RightParen || tokens.Count < 4)
            throw new NetlistException(tokens[^1].Location, $"{line.Keyword}: the condition must end with ')' and not be empty");
        var at = tokens[1].Location;
        var text = new StringBuilder();
        for (var i = 1; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Location.File == at.File && token.Location.Line == at.Line)
                text.Append(' ', Math.Max(0, token.Location.Column - at.Column - text.Length));
            else
                text.Append(' ');
            text.Append(token.Kind switch
            {
                NetlistTokenKind.Expression => "(" + token.Text + ")",
                // A lone '=' compares, as in ngspice ('.elseif (select2 = 2)' in its regression tests).
                NetlistTokenKind.Equals when IsLoneEquals(tokens, i) => "==",
                _ => token.Text,
            });
        }
        return (text.ToString(), at);
    }

    /// <summary>True when the '=' at <paramref name="i"/> is not part of <c>==</c>, <c>&lt;=</c>, <c>&gt;=</c> or <c>!=</c>.</summary>
    private static bool IsLoneEquals(IReadOnlyList<NetlistToken> tokens, int i)
    {
        static bool Touch(NetlistToken a, NetlistToken b) =>
            a.Location.Line == b.Location.Line && a.Location.Column + a.Text.Length == b.Location.Column;
        var before = tokens[i - 1];
        if (Touch(before, tokens[i]) && before.Text.Length > 0 && before.Text[^1] is '=' or '<' or '>' or '!') return false;
        return i + 1 >= tokens.Count || tokens[i + 1].Kind != NetlistTokenKind.Equals || !Touch(tokens[i], tokens[i + 1]);
    }

    private static void WarnTrailing(NetlistLine line, List<string> warnings)
    {
        if (line.Tokens.Count > 1)
            warnings.Add($"{line.Tokens[1].Location}: text after {line.Keyword} is ignored (as ngspice does)");
    }
}
