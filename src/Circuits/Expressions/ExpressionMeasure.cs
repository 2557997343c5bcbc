namespace Hwsim.Circuits.Expressions;

/// <summary>The size and depth of an expression once its user-function calls are expanded.</summary>
/// <param name="Size">Operations after expansion (saturates at infinity rather than overflowing).</param>
/// <param name="Depth">Height of the expanded tree.</param>
public readonly record struct ExpressionExtent(double Size, int Depth);

/// <summary>
/// Measures what an expression becomes after <c>.func</c> expansion without expanding it: a function that calls the
/// next one twice, forty levels deep, is 2^40 operations, which expanding (or evaluating) would take hours to find
/// out. Each function is measured once, as a linear form in the sizes of its arguments (expansion puts a copy of
/// an argument at every use of its parameter), so the measure is linear in the text.
/// </summary>
public static class ExpressionMeasure
{
    /// <summary>The deepest expanded expression: expanding, compiling and evaluating recurse once per level.</summary>
    public const int MaxExpandedDepth = ExpressionParser.MaxDepth;

    /// <summary>
    /// The extent of <paramref name="expression"/> with the functions of <paramref name="scope"/> expanded in place
    /// (as a behavioural source's expression is). Evaluating a <c>.param</c> computes each argument once, which costs
    /// no more than this.
    /// </summary>
    /// <exception cref="ExpressionException">A function calls itself, or calls nest deeper than <see cref="BuiltinNames.MaxCallDepth"/>.</exception>
    public static ExpressionExtent Of(Expression expression, IParameterScope scope)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(scope);
        var form = new Measurer(scope).Measure(expression, parameters: []);
        return new ExpressionExtent(form.Size, form.Depth);
    }

    /// <summary>
    /// Size and depth as functions of the sizes and depths of the parameters of the function being measured:
    /// size = Size + sum(Uses[i] * size(argument i)), depth = max(Depth, max(Reach[i] + depth(argument i))).
    /// </summary>
    private sealed record Form(double Size, int Depth, double[] Uses, int[] Reach)
    {
        public static Form Leaf(int parameters) => new(1, 1, new double[parameters], Unreached(parameters));

        public static int[] Unreached(int n)
        {
            var r = new int[n];
            Array.Fill(r, int.MinValue);
            return r;
        }
    }

    private sealed class Measurer(IParameterScope scope)
    {
        private readonly Dictionary<UserFunction, Form> _functions = new(ReferenceEqualityComparer.Instance);
        private readonly HashSet<UserFunction> _open = new(ReferenceEqualityComparer.Instance);

        public Form Measure(Expression e, IReadOnlyList<string> parameters)
        {
            var n = parameters.Count;
            switch (e)
            {
                case Identifier id:
                {
                    for (var i = 0; i < n; i++)
                    {
                        if (!string.Equals(parameters[i], id.Name, StringComparison.OrdinalIgnoreCase)) continue;
                        var uses = new double[n];
                        uses[i] = 1;
                        var reach = Form.Unreached(n);
                        reach[i] = 0;
                        return new Form(0, 0, uses, reach);
                    }
                    return Form.Leaf(n);
                }
                case UnaryExpression u:
                    return Node(n, Measure(u.Operand, parameters));
                case BinaryExpression b:
                    return Node(n, Measure(b.Left, parameters), Measure(b.Right, parameters));
                case ConditionalExpression c:
                    return Node(n, Measure(c.Condition, parameters), Measure(c.WhenTrue, parameters), Measure(c.WhenFalse, parameters));
                case FunctionCall call:
                {
                    var arguments = call.Arguments.Select(a => Measure(a, parameters)).ToArray();
                    if (!scope.TryGetFunction(call.Name, out var function)) return Node(n, arguments);
                    return Apply(Function(function), arguments, n);
                }
                default:
                    return Form.Leaf(n);
            }
        }

        /// <summary>An operation over its operands.</summary>
        private static Form Node(int n, params Form[] operands)
        {
            double size = 1;
            var depth = 1;
            var uses = new double[n];
            var reach = Form.Unreached(n);
            foreach (var o in operands)
            {
                size += o.Size;
                depth = Math.Max(depth, o.Depth + 1);
                for (var i = 0; i < n; i++)
                {
                    uses[i] += o.Uses[i];
                    if (o.Reach[i] != int.MinValue) reach[i] = Math.Max(reach[i], o.Reach[i] + 1);
                }
            }
            return new Form(size, depth, uses, reach);
        }

        /// <summary>A function's form with its arguments' forms substituted for its parameters.</summary>
        private static Form Apply(Form function, Form[] arguments, int n)
        {
            var size = function.Size;
            var depth = function.Depth;
            var uses = new double[n];
            var reach = Form.Unreached(n);
            for (var j = 0; j < arguments.Length && j < function.Uses.Length; j++)
            {
                var a = arguments[j];
                if (function.Uses[j] == 0) continue;
                size += function.Uses[j] * a.Size;
                depth = Math.Max(depth, Saturate(function.Reach[j] + (long)a.Depth));
                for (var i = 0; i < n; i++)
                {
                    uses[i] += function.Uses[j] * a.Uses[i];
                    if (a.Reach[i] != int.MinValue) reach[i] = Math.Max(reach[i], Saturate(function.Reach[j] + (long)a.Reach[i]));
                }
            }
            return new Form(size, depth, uses, reach);
        }

        private static int Saturate(long x) => (int)Math.Min(x, int.MaxValue / 2);

        private Form Function(UserFunction f)
        {
            if (_functions.TryGetValue(f, out var known)) return known;
            if (!_open.Add(f))
                throw new ExpressionException($"user function '{f.Name}' calls itself: a .func is expanded in place, so it cannot recurse");
            if (_open.Count > BuiltinNames.MaxCallDepth)
                throw new ExpressionException($"user function '{f.Name}': calls nested more than {BuiltinNames.MaxCallDepth} deep");
            var form = Measure(f.Body, f.Parameters);
            _open.Remove(f);
            _functions[f] = form;
            return form;
        }
    }
}
