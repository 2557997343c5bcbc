namespace Hwsim.Circuits.Expressions;

/// <summary>
/// A call of a built-in function (see <see cref="BuiltinFunctions"/>) or of a user function (<c>.func</c>),
/// which takes precedence when the scope defines one of the same name. The name is stored lower case.
/// </summary>
public sealed record FunctionCall : Expression
{
    /// <summary>Creates a call; the name is lower-cased and the arguments are copied.</summary>
    public FunctionCall(string name, IEnumerable<Expression> arguments)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(arguments);
        Name = name.ToLowerInvariant();
        Arguments = arguments.ToArray();
    }

    /// <summary>Creates a call; the name is lower-cased.</summary>
    public FunctionCall(string name, params Expression[] arguments) : this(name, (IEnumerable<Expression>)arguments) { }

    /// <summary>The lower-case function name.</summary>
    public string Name { get; }

    /// <summary>The arguments, in order.</summary>
    public IReadOnlyList<Expression> Arguments { get; }

    /// <summary>Structural equality: same name and equal arguments.</summary>
    public bool Equals(FunctionCall? other) =>
        other is not null && Name == other.Name && Arguments.SequenceEqual(other.Arguments);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Name);
        foreach (var argument in Arguments) hash.Add(argument);
        return hash.ToHashCode();
    }
}
