using System.Diagnostics.CodeAnalysis;

namespace Hwsim.Circuits.Expressions;

/// <summary>
/// Resolves the names of an expression: parameter values (<c>.param</c>, subcircuit parameters) and user
/// functions (<c>.func</c>). Lookups are case-insensitive; the engine asks with lower-case names.
/// </summary>
public interface IParameterScope
{
    /// <summary>The value of parameter <paramref name="name"/>, if it is defined.</summary>
    bool TryGetValue(string name, out double value);

    /// <summary>The user function <paramref name="name"/>, if it is defined.</summary>
    bool TryGetFunction(string name, [NotNullWhen(true)] out UserFunction? function);
}
