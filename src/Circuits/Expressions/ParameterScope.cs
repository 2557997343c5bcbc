using System.Diagnostics.CodeAnalysis;

namespace Hwsim.Circuits.Expressions;

/// <summary>
/// A dictionary-backed <see cref="IParameterScope"/> with an optional parent, so that a subcircuit's parameters
/// hide the global ones of the same name. Case-insensitive.
/// </summary>
public sealed class ParameterScope : IParameterScope
{
    private readonly Dictionary<string, double> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, UserFunction> _functions = new(StringComparer.OrdinalIgnoreCase);
    private readonly IParameterScope? _parent;

    /// <summary>Creates an empty scope whose unresolved names go to <paramref name="parent"/>.</summary>
    public ParameterScope(IParameterScope? parent = null) => _parent = parent;

    /// <summary>A scope with no names at all.</summary>
    public static IParameterScope Empty { get; } = new EmptyScope();

    /// <summary>Defines or redefines a parameter in this scope.</summary>
    public ParameterScope Set(string name, double value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _values[name] = value;
        return this;
    }

    /// <summary>Defines or redefines a user function in this scope.</summary>
    public ParameterScope Define(UserFunction function)
    {
        ArgumentNullException.ThrowIfNull(function);
        _functions[function.Name] = function;
        return this;
    }

    /// <summary>
    /// The circuit temperature in degrees Celsius that <c>temper</c> stands for in parameter expressions (set on the
    /// netlist's top scope; a sub-circuit scope asks its parent); null where <c>temper</c> has no value.
    /// </summary>
    public double? Temper
    {
        get => _temper ?? (_parent as ParameterScope)?.Temper;
        set => _temper = value;
    }
    private double? _temper;

    /// <summary>The names of the user functions visible from this scope (its own and its parents').</summary>
    public IEnumerable<string> FunctionNames =>
        _parent is ParameterScope p ? _functions.Keys.Concat(p.FunctionNames) : _functions.Keys;

    /// <inheritdoc />
    public bool TryGetValue(string name, out double value)
    {
        if (_values.TryGetValue(name, out value)) return true;
        if (_parent is not null) return _parent.TryGetValue(name, out value);
        value = 0;
        return false;
    }

    /// <inheritdoc />
    public bool TryGetFunction(string name, [NotNullWhen(true)] out UserFunction? function)
    {
        if (_functions.TryGetValue(name, out function)) return true;
        if (_parent is not null) return _parent.TryGetFunction(name, out function);
        function = null;
        return false;
    }

    private sealed class EmptyScope : IParameterScope
    {
        public bool TryGetValue(string name, out double value)
        {
            value = 0;
            return false;
        }

        public bool TryGetFunction(string name, [NotNullWhen(true)] out UserFunction? function)
        {
            function = null;
            return false;
        }
    }
}
