namespace Hwsim.Circuits.Expressions;

/// <summary>
/// A user function, <c>.func name(a, b) = body</c>. A call binds the parameters to the argument values; any other
/// name in the body resolves where the function is called, as with ngspice's textual expansion of <c>.func</c>.
/// Names are stored lower case.
/// </summary>
public sealed record UserFunction
{
    /// <summary>Creates a user function.</summary>
    /// <exception cref="ArgumentException">A name is not an identifier, or two parameters share a name.</exception>
    public UserFunction(string name, IEnumerable<string> parameters, Expression body)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(body);
        Name = CheckIdentifier(name, nameof(name));
        Parameters = parameters.Select(p => CheckIdentifier(p, nameof(parameters))).ToArray();
        var duplicate = Parameters.GroupBy(p => p).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"parameter '{duplicate.Key}' of function '{Name}' is given twice", nameof(parameters));
        Body = body;
    }

    /// <summary>
    /// Parses a definition's parts, e.g. <c>Define("f", ["a", "b"], "a*b + 1")</c>. Calls of
    /// <paramref name="otherFunctions"/> (and of this function) are allowed in the body.
    /// </summary>
    /// <exception cref="ExpressionException">The body does not parse.</exception>
    public static UserFunction Define(string name, IEnumerable<string> parameters, string body, IEnumerable<string>? otherFunctions = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var known = (otherFunctions ?? []).Append(name);
        return new UserFunction(name, parameters, ExpressionParser.Parse(body, known));
    }

    /// <summary>The lower-case function name.</summary>
    public string Name { get; }

    /// <summary>The lower-case parameter names, in order.</summary>
    public IReadOnlyList<string> Parameters { get; }

    /// <summary>The body.</summary>
    public Expression Body { get; }

    /// <summary>Structural equality.</summary>
    public bool Equals(UserFunction? other) =>
        other is not null && Name == other.Name && Parameters.SequenceEqual(other.Parameters) && Body.Equals(other.Body);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Parameters.Count, Body);

    /// <summary>The definition as it follows <c>.func</c>: <c>name(a, b) = body</c>.</summary>
    public override string ToString() => $"{Name}({string.Join(", ", Parameters)}) = {Body}";

    private static string CheckIdentifier(string name, string argument)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name, argument);
        if (!(char.IsAsciiLetter(name[0]) || name[0] == '_') || !name.All(ExpressionLexer.IsIdentifierPart))
            throw new ArgumentException($"'{name}' is not a valid name", argument);
        return name.ToLowerInvariant();
    }
}
