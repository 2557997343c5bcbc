using System.Globalization;

namespace Hwsim.Circuits.Expressions;

/// <summary>
/// Evaluates parameter expressions with numparam semantics by walking the tree. Not on a hot path: parameters are
/// evaluated once per netlist (or per subcircuit instance).
/// </summary>
internal sealed class ParameterEvaluator
{
    private readonly IParameterScope _scope;

    // The first operation that made a non-finite number out of finite ones: named in the error if the result is not finite.
    private string? _firstNonFinite;

    private ParameterEvaluator(IParameterScope scope) => _scope = scope;

    public static double Evaluate(Expression expression, IParameterScope scope)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(scope);
        var evaluator = new ParameterEvaluator(scope);
        var value = evaluator.Evaluate(expression, frame: null, depth: 0);
        if (!double.IsFinite(value))
        {
            var cause = evaluator._firstNonFinite is null ? "" : $" ({evaluator._firstNonFinite})";
            throw new ExpressionException($"'{expression}' evaluates to {Format(value)}{cause}");
        }
        return value;
    }

    /// <summary>The arguments of the user-function call being evaluated, chained to the caller's.</summary>
    private sealed record Frame(UserFunction Function, double[] Arguments, Frame? Caller);

    private double Evaluate(Expression expression, Frame? frame, int depth)
    {
        switch (expression)
        {
            case NumberLiteral number:
                return number.Value;
            case Identifier identifier:
                return Resolve(identifier.Name, frame);
            case VoltageReference or CurrentReference:
                throw new ExpressionException($"'{expression}' is only available in behavioural (B-source) expressions, not in parameters");
            case UnaryExpression unary:
            {
                var x = Evaluate(unary.Operand, frame, depth);
                return unary.Operator == UnaryOperator.Negate ? -x : x == 0 ? 1 : 0;
            }
            case BinaryExpression binary:
            {
                var a = Evaluate(binary.Left, frame, depth);
                var b = Evaluate(binary.Right, frame, depth);
                return Check(ExpressionMath.Binary(binary.Operator, a, b, Semantics.Parameter), binary, a, b);
            }
            case ConditionalExpression conditional:
                return Evaluate(conditional.Condition, frame, depth) != 0
                    ? Evaluate(conditional.WhenTrue, frame, depth)
                    : Evaluate(conditional.WhenFalse, frame, depth);
            case FunctionCall call:
                return EvaluateCall(call, frame, depth);
            default:
                throw new ArgumentException($"unknown expression node {expression.GetType().Name}", nameof(expression));
        }
    }

    private double Resolve(string name, Frame? frame)
    {
        for (var f = frame; f is not null; f = f.Caller)
        {
            var index = IndexOf(f.Function.Parameters, name);
            if (index >= 0) return f.Arguments[index];
        }
        if (_scope.TryGetValue(name, out var value)) return value;
        if (BuiltinNames.TryGetConstant(name, out value)) return value;
        // temper in a parameter, model or element value: the circuit temperature the netlist is read at
        if (name == "temper" && _scope is ParameterScope { Temper: { } temper }) return temper;
        if (BuiltinNames.TryGetSimulatorVariable(name, out _))
            throw new ExpressionException($"'{name}' is only available in behavioural (B-source) expressions, not in parameters");
        throw new ExpressionException($"unknown parameter '{name}'");
    }

    private double EvaluateCall(FunctionCall call, Frame? frame, int depth)
    {
        if (_scope.TryGetFunction(call.Name, out var function))
        {
            CheckArity(function, call);
            if (depth >= BuiltinNames.MaxCallDepth)
                throw new ExpressionException($"user function '{call.Name}' calls itself without end (more than {BuiltinNames.MaxCallDepth} nested calls)");
            var arguments = new double[call.Arguments.Count];
            for (var i = 0; i < arguments.Length; i++) arguments[i] = Evaluate(call.Arguments[i], frame, depth);
            return Evaluate(function.Body, new Frame(function, arguments, frame), depth + 1);
        }

        var rewritten = Rewrites.Desugar(call);
        if (!ReferenceEquals(rewritten, call)) return Evaluate(rewritten, frame, depth);

        if (!BuiltinFunctions.TryGet(call.Name, out var builtin))
            throw new ExpressionException($"unknown function '{call.Name}'");
        var arity = BuiltinFunctions.Arity(builtin);
        if (call.Arguments.Count != arity)
            throw new ExpressionException($"function '{call.Name}' takes {arity} argument{(arity == 1 ? "" : "s")}, not {call.Arguments.Count}");

        var x = Evaluate(call.Arguments[0], frame, depth);
        if (arity == 1) return Check(ExpressionMath.Unary(builtin, x, Semantics.Parameter), call, x);
        var y = Evaluate(call.Arguments[1], frame, depth);
        return Check(ExpressionMath.Binary(builtin, x, y, Semantics.Parameter), call, x, y);
    }

    internal static void CheckArity(UserFunction function, FunctionCall call)
    {
        if (function.Parameters.Count != call.Arguments.Count)
            throw new ExpressionException(
                $"function '{function.Name}' takes {function.Parameters.Count} argument{(function.Parameters.Count == 1 ? "" : "s")}, not {call.Arguments.Count}");
    }

    private double Check(double value, Expression operation, params ReadOnlySpan<double> operands)
    {
        if (double.IsFinite(value) || _firstNonFinite is not null) return value;
        foreach (var operand in operands)
            if (!double.IsFinite(operand)) return value;
        var formatted = new string[operands.Length];
        for (var i = 0; i < operands.Length; i++) formatted[i] = Format(operands[i]);
        _firstNonFinite = $"{operation} gives {Format(value)} for operand{(operands.Length == 1 ? "" : "s")} {string.Join(", ", formatted)}";
        return value;
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
            if (names[i] == name) return i;
        return -1;
    }

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
