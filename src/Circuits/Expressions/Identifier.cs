namespace Hwsim.Circuits.Expressions;

/// <summary>
/// A bare name: a parameter, a user-function argument, a built-in constant (<c>pi</c>, <c>e</c>) or one of the
/// simulator variables <c>time</c>, <c>temper</c>, <c>hertz</c>. Stored lower case.
/// </summary>
public sealed record Identifier : Expression
{
    /// <summary>Creates an identifier; the name is lower-cased.</summary>
    public Identifier(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.ToLowerInvariant();
    }

    /// <summary>The lower-case name.</summary>
    public string Name { get; }
}
