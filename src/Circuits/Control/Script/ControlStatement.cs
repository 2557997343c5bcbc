namespace Hwsim.Circuits.Control.Script;

/// <summary>A statement of a <c>.control</c> block: a command, or a structure holding statements.</summary>
public abstract record ControlStatement(ControlLine Line);

/// <summary>A command (<c>let</c>, <c>print</c>, <c>tran</c> ...) as lexed words; variables are substituted when it runs.</summary>
public sealed record CommandStatement(ControlLine Line, IReadOnlyList<string> Words) : ControlStatement(Line);

/// <summary><c>if cond</c> ... [<c>else</c> ...] <c>end</c>.</summary>
public sealed record IfStatement(ControlLine Line, IReadOnlyList<string> Condition, IReadOnlyList<ControlStatement> Then,
    IReadOnlyList<ControlStatement> Else) : ControlStatement(Line);

/// <summary>The loops: <c>while cond</c>, <c>dowhile cond</c>, <c>repeat [n]</c>, <c>foreach var values...</c>.</summary>
public enum LoopKind
{
    While,
    DoWhile,
    Repeat,
    Foreach,
}

/// <summary>A loop and its body; <see cref="Argument"/> is the condition, the count or the values.</summary>
public sealed record LoopStatement(ControlLine Line, LoopKind Kind, IReadOnlyList<string> Argument, string? Variable,
    IReadOnlyList<ControlStatement> Body) : ControlStatement(Line);

/// <summary><c>break [n]</c>, <c>continue [n]</c>, <c>label name</c>, <c>goto name</c>.</summary>
public enum JumpKind
{
    Break,
    Continue,
    Label,
    Goto,
}

/// <summary>A jump or a label.</summary>
public sealed record JumpStatement(ControlLine Line, JumpKind Kind, int Count, string? Label) : ControlStatement(Line);
