namespace Hwsim.Circuits.Netlist;

public enum NetlistTokenKind
{
    /// <summary>A name, number or keyword.</summary>
    Word,
    /// <summary>The text of <c>{...}</c> or <c>'...'</c>, without the delimiters.</summary>
    Expression,
    Equals,
    LeftParen,
    RightParen,
}

/// <summary>One token of a netlist line, with where it was written.</summary>
public sealed record NetlistToken(NetlistTokenKind Kind, string Text, SourceLocation Location)
{
    /// <summary>The text in lower case (SPICE is case-insensitive).</summary>
    public string Lower { get; } = Text.ToLowerInvariant();

    public bool Is(string word) => Kind == NetlistTokenKind.Word && Lower == word;

    public override string ToString() => Kind switch
    {
        NetlistTokenKind.Expression => "{" + Text + "}",
        _ => Text,
    };
}

/// <summary>A logical netlist line: one card with its continuation lines joined.</summary>
public sealed record NetlistLine(IReadOnlyList<NetlistToken> Tokens, SourceLocation Location, string Text)
{
    /// <summary>For a <c>.control</c> line, the raw lines of the block up to <c>.endc</c> (never tokenized: they are commands).</summary>
    public IReadOnlyList<Control.Script.ControlLine>? Control { get; init; }

    /// <summary>For a <c>.control</c> line, true when the block was closed by <c>.endc</c>.</summary>
    public bool ControlClosed { get; init; }

    public NetlistToken First => Tokens[0];

    /// <summary>The card keyword or element name in lower case.</summary>
    public string Keyword => Tokens[0].Lower;
}
