using Hwsim.Circuits.Netlist;

namespace Hwsim.Circuits.Control.Script;

/// <summary>
/// The statements of a netlist's <c>.control</c> blocks, in order, with their structures (<c>if/else/end</c>,
/// <c>while</c>, <c>dowhile</c>, <c>repeat</c>, <c>foreach</c>) matched. A structure left open or an <c>end</c> or
/// <c>else</c> without one is a <see cref="NetlistException"/> at its line.
/// </summary>
public sealed class ControlScript
{
    private ControlScript(IReadOnlyList<ControlStatement> statements) => Statements = statements;

    public IReadOnlyList<ControlStatement> Statements { get; }

    /// <summary>Reads the lines (comments, <c>*</c> or <c>#</c> first, and blank lines skipped).</summary>
    public static ControlScript Parse(IEnumerable<ControlLine> lines)
    {
        var root = new Frame(null, null);
        var current = root;
        foreach (var line in lines)
        {
            var text = line.Text.TrimStart();
            if (text.Length == 0 || text[0] is '*' or '#') continue;
            var words = ControlLexer.Split(text);
            if (words.Count == 0) continue;
            var keyword = words[0].ToLowerInvariant();
            var rest = words.Skip(1).ToArray();
            switch (keyword)
            {
                case "if":
                    if (rest.Length == 0) throw new NetlistException(line.Location, "if: missing condition");
                    current = new Frame(current, line) { Kind = "if", Argument = rest };
                    break;
                case "else":
                    if (current.Kind != "if" || current.InElse)
                        throw new NetlistException(line.Location, "else without if");
                    current.InElse = true;
                    break;
                case "while":
                case "dowhile":
                    if (rest.Length == 0) throw new NetlistException(line.Location, $"{keyword}: missing condition");
                    current = new Frame(current, line) { Kind = keyword, Argument = rest };
                    break;
                case "repeat":
                    current = new Frame(current, line) { Kind = keyword, Argument = rest };
                    break;
                case "foreach":
                    if (rest.Length == 0) throw new NetlistException(line.Location, "foreach: missing variable");
                    current = new Frame(current, line) { Kind = keyword, Variable = rest[0], Argument = rest[1..] };
                    break;
                case "end":
                    if (current.Parent is null) throw new NetlistException(line.Location, "end without if, while, dowhile, repeat or foreach");
                    var done = current.Close();
                    current = current.Parent;
                    current.Add(done);
                    break;
                case "break":
                case "continue":
                {
                    var n = 1;
                    if (rest.Length > 0 && !int.TryParse(rest[0], out n))
                        throw new NetlistException(line.Location, $"{keyword}: expected a number of levels, got '{rest[0]}'");
                    current.Add(new JumpStatement(line, keyword == "break" ? JumpKind.Break : JumpKind.Continue, n, null));
                    break;
                }
                case "label":
                case "goto":
                    if (rest.Length != 1) throw new NetlistException(line.Location, $"{keyword}: expected one label name");
                    current.Add(new JumpStatement(line, keyword == "label" ? JumpKind.Label : JumpKind.Goto, 0, rest[0]));
                    break;
                default:
                    current.Add(new CommandStatement(line, words));
                    break;
            }
        }
        if (current != root)
            throw new NetlistException(current.Line!.Location, $"{current.Kind} has no end");
        return new ControlScript(root.Body);
    }

    /// <summary>A structure being read.</summary>
    private sealed class Frame(Frame? parent, ControlLine? line)
    {
        public Frame? Parent { get; } = parent;
        public ControlLine? Line { get; } = line;
        public string? Kind { get; init; }
        public IReadOnlyList<string> Argument { get; init; } = [];
        public string? Variable { get; init; }
        public bool InElse { get; set; }
        public List<ControlStatement> Body { get; } = [];
        public List<ControlStatement> ElseBody { get; } = [];

        public void Add(ControlStatement s) => (InElse ? ElseBody : Body).Add(s);

        public ControlStatement Close() => Kind switch
        {
            "if" => new IfStatement(Line!, Argument, Body, ElseBody),
            "while" => new LoopStatement(Line!, LoopKind.While, Argument, null, Body),
            "dowhile" => new LoopStatement(Line!, LoopKind.DoWhile, Argument, null, Body),
            "repeat" => new LoopStatement(Line!, LoopKind.Repeat, Argument, null, Body),
            _ => new LoopStatement(Line!, LoopKind.Foreach, Argument, Variable, Body),
        };
    }
}
