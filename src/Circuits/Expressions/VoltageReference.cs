namespace Hwsim.Circuits.Expressions;

/// <summary><c>v(node)</c>, or <c>v(node, reference)</c> which is <c>v(node) - v(reference)</c>. Node names are stored lower case.</summary>
public sealed record VoltageReference : Expression
{
    /// <summary>Creates a node voltage reference; names are lower-cased.</summary>
    public VoltageReference(string node, string? referenceNode = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(node);
        if (referenceNode is not null) ArgumentException.ThrowIfNullOrWhiteSpace(referenceNode);
        Node = node.ToLowerInvariant();
        ReferenceNode = referenceNode?.ToLowerInvariant();
    }

    /// <summary>The positive node.</summary>
    public string Node { get; }

    /// <summary>The negative node, or null for ground.</summary>
    public string? ReferenceNode { get; }
}
