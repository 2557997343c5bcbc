namespace Hwsim.Circuits.Expressions;

/// <summary>
/// One input of a <see cref="CompiledExpression"/>: a node voltage, a branch current or a simulator variable.
/// <c>v(a, b)</c> gives two inputs, <c>v(a)</c> and <c>v(b)</c>; the ground node (<c>0</c> or <c>gnd</c>) gives none.
/// </summary>
public sealed record ExpressionInput
{
    private ExpressionInput(ExpressionInputKind kind, string name)
    {
        Kind = kind;
        Name = name;
    }

    /// <summary>What the input stands for.</summary>
    public ExpressionInputKind Kind { get; }

    /// <summary>The lower-case node or device name; for simulator variables their name (<c>time</c>, <c>temper</c>, <c>hertz</c>).</summary>
    public string Name { get; }

    /// <summary>The voltage of <paramref name="node"/> against ground.</summary>
    public static ExpressionInput NodeVoltage(string node)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(node);
        return new ExpressionInput(ExpressionInputKind.NodeVoltage, node.ToLowerInvariant());
    }

    /// <summary>The branch current of <paramref name="device"/>.</summary>
    public static ExpressionInput BranchCurrent(string device)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(device);
        return new ExpressionInput(ExpressionInputKind.BranchCurrent, device.ToLowerInvariant());
    }

    /// <summary><c>time</c>.</summary>
    public static ExpressionInput Time { get; } = new(ExpressionInputKind.Time, "time");

    /// <summary><c>temper</c>.</summary>
    public static ExpressionInput Temperature { get; } = new(ExpressionInputKind.Temperature, "temper");

    /// <summary><c>hertz</c>.</summary>
    public static ExpressionInput Frequency { get; } = new(ExpressionInputKind.Frequency, "hertz");

    /// <summary>The input as an expression names it: <c>v(in)</c>, <c>i(v1)</c>, <c>time</c>.</summary>
    public override string ToString() => Kind switch
    {
        ExpressionInputKind.NodeVoltage => $"v({Name})",
        ExpressionInputKind.BranchCurrent => $"i({Name})",
        _ => Name,
    };
}
