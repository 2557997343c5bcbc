using Hwsim.Circuits.Expressions;

namespace Hwsim.Circuits.Devices;

/// <summary>
/// Prepares a behavioural-source expression written inside a (sub-)circuit for the flattened circuit, as ngspice's
/// front end does before the B-source parser sees it: parameters become their values, user functions are expanded
/// in place, and node and device names inside <c>v()</c> and <c>i()</c> become their flattened names.
/// </summary>
public static class BehavioralExpression
{
    /// <summary>Binds <paramref name="expression"/>; <paramref name="node"/> and <paramref name="device"/> map local names to flattened ones.</summary>
    /// <exception cref="ExpressionException">A user function called with the wrong number of arguments, or calls nested endlessly.</exception>
    public static Expression Bind(Expression expression, IParameterScope scope, Func<string, string> node, Func<string, string> device)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(scope);
        return new Binder(scope, node, device).Rewrite(expression, arguments: null, depth: 0);
    }

    /// <summary>
    /// The rewrite, one small frame per level of the tree (no closure, no captured locals): an expression may be
    /// <see cref="ExpressionParser.MaxDepth"/> levels deep and must fit a thread's stack.
    /// </summary>
    private sealed class Binder(IParameterScope scope, Func<string, string> node, Func<string, string> device)
    {
        public Expression Rewrite(Expression e, IReadOnlyDictionary<string, Expression>? arguments, int depth)
        {
            switch (e)
            {
                case NumberLiteral:
                    return e;
                case Identifier id:
                    if (arguments is not null && arguments.TryGetValue(id.Name, out var arg)) return arg;
                    if (scope.TryGetValue(id.Name, out var value)) return new NumberLiteral(value);
                    return e;
                case VoltageReference v:
                {
                    var n = IsGround(v.Node) ? "0" : node(v.Node);
                    var r = v.ReferenceNode is null || IsGround(v.ReferenceNode) ? null : node(v.ReferenceNode);
                    return new VoltageReference(n, r);
                }
                case CurrentReference c:
                    return new CurrentReference(device(c.Device));
                case UnaryExpression u:
                    return u with { Operand = Rewrite(u.Operand, arguments, depth) };
                case BinaryExpression b:
                    return b with { Left = Rewrite(b.Left, arguments, depth), Right = Rewrite(b.Right, arguments, depth) };
                case ConditionalExpression c:
                    return new ConditionalExpression(Rewrite(c.Condition, arguments, depth), Rewrite(c.WhenTrue, arguments, depth),
                        Rewrite(c.WhenFalse, arguments, depth));
                case FunctionCall call:
                    return Call(call, arguments, depth);
                default:
                    throw new ArgumentException($"unexpected expression node {e.GetType().Name}", nameof(e));
            }
        }

        private Expression Call(FunctionCall call, IReadOnlyDictionary<string, Expression>? arguments, int depth)
        {
            var args = new Expression[call.Arguments.Count];
            for (var i = 0; i < args.Length; i++) args[i] = Rewrite(call.Arguments[i], arguments, depth);
            if (!scope.TryGetFunction(call.Name, out var function)) return new FunctionCall(call.Name, args);
            if (function.Parameters.Count != args.Length)
                throw new ExpressionException($"function {function.Name} takes {function.Parameters.Count} arguments, got {args.Length}");
            if (depth >= 64) throw new ExpressionException($"function {function.Name}: calls nested more than 64 deep (endless recursion?)");
            var bound = new Dictionary<string, Expression>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < args.Length; i++) bound[function.Parameters[i]] = args[i];
            return Rewrite(function.Body, bound, depth + 1);
        }
    }

    private static bool IsGround(string node) => node is "0" or "gnd";
}
