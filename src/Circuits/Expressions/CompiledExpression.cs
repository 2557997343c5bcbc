namespace Hwsim.Circuits.Expressions;

/// <summary>
/// A behavioural expression compiled to a flat program (one slot per operation, parameters folded into
/// constants) that evaluates without allocating, with exact first derivatives by reverse-mode automatic
/// differentiation: one forward pass for the values, one backward pass for the derivatives with respect to every
/// input at once. Made by <see cref="Expression.Compile"/>.
/// </summary>
/// <remarks>
/// Where ngspice would report "out of range" and fail the Newton iteration (the square root or logarithm of a
/// negative number, a zero to a negative power, overflow), the value or a derivative is NaN or infinite: callers
/// treat a non-finite result as a failed evaluation. Evaluation is thread-safe.
/// </remarks>
public sealed class CompiledExpression
{
    // Programs up to this many slots keep their scratch space on the stack (values and adjoints: 16 KiB).
    private const int StackSlots = 1024;

    [ThreadStatic] private static double[]? _heapScratch;

    private readonly Instruction[] _code;
    private readonly ExpressionInput[] _inputs;

    internal CompiledExpression(Expression source, Instruction[] code, ExpressionInput[] inputs)
    {
        Source = source;
        _code = code;
        _inputs = inputs;
    }

    /// <summary>The expression this program was compiled from.</summary>
    public Expression Source { get; }

    /// <summary>What each input stands for, in the order <see cref="Evaluate(ReadOnlySpan{double})"/> expects them (order of first appearance).</summary>
    public IReadOnlyList<ExpressionInput> Inputs => _inputs;

    /// <summary>True when the expression depends on no input (all its names were parameters or constants).</summary>
    public bool IsConstant => _inputs.Length == 0;

    /// <summary>The number of operations in the program (after constant folding and dead-code removal).</summary>
    internal int InstructionCount => _code.Length;

    internal IReadOnlyList<Instruction> Code => _code;

    /// <summary>The value for the given inputs (one per <see cref="Inputs"/> entry).</summary>
    /// <exception cref="ArgumentException">The number of inputs is wrong.</exception>
    public double Evaluate(ReadOnlySpan<double> inputs)
    {
        CheckLength(inputs.Length, nameof(inputs));
        var n = _code.Length;
        Span<double> values = n <= StackSlots ? stackalloc double[n] : HeapScratch(n);
        Forward(inputs, values);
        return values[n - 1];
    }

    /// <summary>
    /// The value, and in <paramref name="gradient"/> its derivative with respect to each input. Piecewise functions
    /// (comparisons, <c>?:</c>, <c>u</c>, <c>min</c>, <c>floor</c>...) take the derivative of the branch in force.
    /// </summary>
    /// <exception cref="ArgumentException">The number of inputs, or the length of the gradient, is wrong.</exception>
    public double Evaluate(ReadOnlySpan<double> inputs, Span<double> gradient)
    {
        CheckLength(inputs.Length, nameof(inputs));
        CheckLength(gradient.Length, nameof(gradient));
        var n = _code.Length;
        Span<double> scratch = n <= StackSlots ? stackalloc double[2 * n] : HeapScratch(2 * n);
        var values = scratch[..n];
        var adjoints = scratch.Slice(n, n);
        Forward(inputs, values);
        Backward(values, adjoints, gradient);
        return values[n - 1];
    }

    /// <summary>The source expression in ngspice syntax.</summary>
    public override string ToString() => Source.ToString();

    private void CheckLength(int length, string name)
    {
        if (length != _inputs.Length)
            throw new ArgumentException($"expected {_inputs.Length} values (one per input), got {length}", name);
    }

    private static Span<double> HeapScratch(int length)
    {
        if (_heapScratch is null || _heapScratch.Length < length) _heapScratch = new double[length];
        return _heapScratch.AsSpan(0, length);
    }

    private void Forward(ReadOnlySpan<double> inputs, Span<double> values)
    {
        const Semantics semantics = Semantics.Behavioral;
        var code = _code;
        for (var k = 0; k < code.Length; k++)
        {
            ref readonly var ins = ref code[k];
            values[k] = ins.Op switch
            {
                OpCode.Input => inputs[ins.A],
                OpCode.Constant => ins.Value,
                OpCode.Negate => -values[ins.A],
                OpCode.Not => values[ins.A] == 0 ? 1 : 0,
                OpCode.Add => values[ins.A] + values[ins.B],
                OpCode.Subtract => values[ins.A] - values[ins.B],
                OpCode.Multiply => values[ins.A] * values[ins.B],
                OpCode.Arithmetic or OpCode.Compare => ExpressionMath.Binary(ins.Operator, values[ins.A], values[ins.B], semantics),
                OpCode.Select => values[ins.A] != 0 ? values[ins.B] : values[ins.C],
                OpCode.Function1 => ExpressionMath.Unary(ins.Function, values[ins.A], semantics),
                OpCode.Function2 => ExpressionMath.Binary(ins.Function, values[ins.A], values[ins.B], semantics),
                _ => throw new InvalidOperationException($"bad opcode {ins.Op}"),
            };
        }
    }

    private void Backward(ReadOnlySpan<double> values, Span<double> adjoints, Span<double> gradient)
    {
        const Semantics semantics = Semantics.Behavioral;
        var code = _code;
        adjoints.Clear();
        gradient.Clear();
        adjoints[^1] = 1;
        for (var k = code.Length - 1; k >= 0; k--)
        {
            var g = adjoints[k];
            // Nothing flows into unused branches: their partials may be NaN (sqrt(-1) in the branch not taken).
            if (g == 0) continue;
            ref readonly var ins = ref code[k];
            switch (ins.Op)
            {
                case OpCode.Input:
                    gradient[ins.A] += g;
                    break;
                case OpCode.Negate:
                    adjoints[ins.A] -= g;
                    break;
                case OpCode.Add:
                    adjoints[ins.A] += g;
                    adjoints[ins.B] += g;
                    break;
                case OpCode.Subtract:
                    adjoints[ins.A] += g;
                    adjoints[ins.B] -= g;
                    break;
                case OpCode.Multiply:
                    adjoints[ins.A] += g * values[ins.B];
                    adjoints[ins.B] += g * values[ins.A];
                    break;
                case OpCode.Arithmetic:
                {
                    var (da, db) = ExpressionMath.BinaryPartials(ins.Operator, values[ins.A], values[ins.B], values[k], semantics);
                    adjoints[ins.A] += g * da;
                    adjoints[ins.B] += g * db;
                    break;
                }
                case OpCode.Select:
                    if (values[ins.A] != 0) adjoints[ins.B] += g;
                    else adjoints[ins.C] += g;
                    break;
                case OpCode.Function1:
                    adjoints[ins.A] += g * ExpressionMath.UnaryDerivative(ins.Function, values[ins.A], values[k], semantics);
                    break;
                case OpCode.Function2:
                {
                    var (da, db) = ExpressionMath.BinaryPartials(ins.Function, values[ins.A], values[ins.B], values[k]);
                    adjoints[ins.A] += g * da;
                    adjoints[ins.B] += g * db;
                    break;
                }
                // Constant, Not, Compare: nothing to pass on.
            }
        }
    }
}
