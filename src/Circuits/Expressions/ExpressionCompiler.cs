namespace Hwsim.Circuits.Expressions;

/// <summary>
/// Turns a behavioural expression into a <see cref="CompiledExpression"/>: resolves names, inlines user
/// functions (each argument computed once), folds every subtree that depends on no input into a constant with the
/// same arithmetic the program uses, and removes operations whose result is not used.
/// </summary>
internal sealed class ExpressionCompiler
{
    private readonly IParameterScope _scope;
    private readonly List<Instruction> _code = [];
    private readonly List<ExpressionInput> _inputs = [];
    private readonly Dictionary<ExpressionInput, int> _inputSlots = [];
    private readonly Dictionary<long, int> _constantSlots = [];

    private ExpressionCompiler(IParameterScope scope) => _scope = scope;

    public static CompiledExpression Compile(Expression expression, IParameterScope scope)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(scope);
        var compiler = new ExpressionCompiler(scope);
        var result = compiler.Compile(expression, frame: null, depth: 0);
        if (result.IsConstant)
            return new CompiledExpression(expression, [new Instruction(OpCode.Constant, Value: result.Value)], []);
        return compiler.Finish(expression, result.Slot);
    }

    /// <summary>A compiled subexpression: a constant (<see cref="Slot"/> &lt; 0) or the slot that holds its value.</summary>
    private readonly record struct Operand(int Slot, double Value)
    {
        public bool IsConstant => Slot < 0;
        public static Operand Constant(double value) => new(-1, value);
        public static Operand InSlot(int slot) => new(slot, 0);
    }

    /// <summary>The arguments of the user-function call being inlined, chained to the caller's.</summary>
    private sealed record Frame(UserFunction Function, Operand[] Arguments, Frame? Caller);

    private Operand Compile(Expression expression, Frame? frame, int depth)
    {
        const Semantics semantics = Semantics.Behavioral;
        switch (expression)
        {
            case NumberLiteral number:
                return Operand.Constant(number.Value);

            case Identifier identifier:
                return Resolve(identifier.Name, frame);

            case VoltageReference voltage:
            {
                var node = NodeVoltage(voltage.Node);
                if (voltage.ReferenceNode is null) return node;
                return Emit(OpCode.Subtract, node, NodeVoltage(voltage.ReferenceNode), (a, b) => a - b);
            }

            case CurrentReference current:
                return Input(ExpressionInput.BranchCurrent(current.Device));

            case UnaryExpression unary:
            {
                var operand = Compile(unary.Operand, frame, depth);
                return unary.Operator == UnaryOperator.Negate
                    ? Emit(OpCode.Negate, operand, x => -x)
                    : Emit(OpCode.Not, operand, x => x == 0 ? 1 : 0);
            }

            case BinaryExpression binary:
            {
                var a = Compile(binary.Left, frame, depth);
                var b = Compile(binary.Right, frame, depth);
                var op = binary.Operator;
                var code = op switch
                {
                    BinaryOperator.Add => OpCode.Add,
                    BinaryOperator.Subtract => OpCode.Subtract,
                    BinaryOperator.Multiply => OpCode.Multiply,
                    BinaryOperator.Divide or BinaryOperator.Modulo or BinaryOperator.Power => OpCode.Arithmetic,
                    _ => OpCode.Compare,
                };
                return Emit(code, a, b, (x, y) => ExpressionMath.Binary(op, x, y, semantics), op);
            }

            case ConditionalExpression conditional:
            {
                var condition = Compile(conditional.Condition, frame, depth);
                if (condition.IsConstant)
                    return Compile(condition.Value != 0 ? conditional.WhenTrue : conditional.WhenFalse, frame, depth);
                var whenTrue = Compile(conditional.WhenTrue, frame, depth);
                var whenFalse = Compile(conditional.WhenFalse, frame, depth);
                if (whenTrue.IsConstant && whenFalse.IsConstant && whenTrue.Value.Equals(whenFalse.Value)) return whenTrue;
                return Operand.InSlot(Add(new Instruction(OpCode.Select, Slot(condition), Slot(whenTrue), Slot(whenFalse))));
            }

            case FunctionCall call:
                return CompileCall(call, frame, depth);

            default:
                throw new ArgumentException($"unknown expression node {expression.GetType().Name}", nameof(expression));
        }
    }

    private Operand CompileCall(FunctionCall call, Frame? frame, int depth)
    {
        const Semantics semantics = Semantics.Behavioral;
        if (_scope.TryGetFunction(call.Name, out var function))
        {
            ParameterEvaluator.CheckArity(function, call);
            if (depth >= BuiltinNames.MaxCallDepth)
                throw new ExpressionException($"user function '{call.Name}' calls itself without end (more than {BuiltinNames.MaxCallDepth} nested calls)");
            var arguments = new Operand[call.Arguments.Count];
            for (var i = 0; i < arguments.Length; i++) arguments[i] = Compile(call.Arguments[i], frame, depth);
            return Compile(function.Body, new Frame(function, arguments, frame), depth + 1);
        }

        var rewritten = Rewrites.Desugar(call);
        if (!ReferenceEquals(rewritten, call)) return Compile(rewritten, frame, depth);

        if (!BuiltinFunctions.TryGet(call.Name, out var builtin))
            throw new ExpressionException($"unknown function '{call.Name}'");
        var arity = BuiltinFunctions.Arity(builtin);
        if (call.Arguments.Count != arity)
            throw new ExpressionException($"function '{call.Name}' takes {arity} argument{(arity == 1 ? "" : "s")}, not {call.Arguments.Count}");

        var x = Compile(call.Arguments[0], frame, depth);
        if (arity == 1)
        {
            if (x.IsConstant) return Operand.Constant(ExpressionMath.Unary(builtin, x.Value, semantics));
            return Operand.InSlot(Add(new Instruction(OpCode.Function1, x.Slot, Function: builtin)));
        }
        var y = Compile(call.Arguments[1], frame, depth);
        if (x.IsConstant && y.IsConstant) return Operand.Constant(ExpressionMath.Binary(builtin, x.Value, y.Value, semantics));
        return Operand.InSlot(Add(new Instruction(OpCode.Function2, Slot(x), Slot(y), Function: builtin)));
    }

    private Operand Resolve(string name, Frame? frame)
    {
        for (var f = frame; f is not null; f = f.Caller)
        {
            var parameters = f.Function.Parameters;
            for (var i = 0; i < parameters.Count; i++)
                if (parameters[i] == name) return f.Arguments[i];
        }
        if (_scope.TryGetValue(name, out var value)) return Operand.Constant(value);
        if (BuiltinNames.TryGetSimulatorVariable(name, out var input)) return Input(input);
        if (BuiltinNames.TryGetConstant(name, out value)) return Operand.Constant(value);
        throw new ExpressionException($"unknown parameter '{name}'");
    }

    /// <summary>The ground node (<c>0</c>, <c>gnd</c>) is the constant 0; any other node is an input.</summary>
    private Operand NodeVoltage(string node) =>
        node is "0" or "gnd" ? Operand.Constant(0) : Input(ExpressionInput.NodeVoltage(node));

    private Operand Input(ExpressionInput input)
    {
        if (!_inputSlots.TryGetValue(input, out var slot))
        {
            slot = Add(new Instruction(OpCode.Input, _inputs.Count));
            _inputs.Add(input);
            _inputSlots.Add(input, slot);
        }
        return Operand.InSlot(slot);
    }

    private Operand Emit(OpCode op, Operand a, Func<double, double> fold) =>
        a.IsConstant ? Operand.Constant(fold(a.Value)) : Operand.InSlot(Add(new Instruction(op, a.Slot)));

    private Operand Emit(OpCode op, Operand a, Operand b, Func<double, double, double> fold, BinaryOperator binary = default) =>
        a.IsConstant && b.IsConstant
            ? Operand.Constant(fold(a.Value, b.Value))
            : Operand.InSlot(Add(new Instruction(op, Slot(a), Slot(b), Operator: binary)));

    /// <summary>The slot of an operand, placing a constant in a slot of its own (one per distinct value).</summary>
    private int Slot(Operand operand)
    {
        if (!operand.IsConstant) return operand.Slot;
        var key = BitConverter.DoubleToInt64Bits(operand.Value);
        if (!_constantSlots.TryGetValue(key, out var slot))
        {
            slot = Add(new Instruction(OpCode.Constant, Value: operand.Value));
            _constantSlots.Add(key, slot);
        }
        return slot;
    }

    private int Add(Instruction instruction)
    {
        _code.Add(instruction);
        return _code.Count - 1;
    }

    /// <summary>Keeps only what <paramref name="result"/> depends on, renumbering slots and inputs; the result comes last.</summary>
    private CompiledExpression Finish(Expression source, int result)
    {
        var used = new bool[_code.Count];
        used[result] = true;
        for (var k = result; k >= 0; k--)
        {
            if (!used[k]) continue;
            var ins = _code[k];
            switch (ins.Op)
            {
                case OpCode.Input or OpCode.Constant:
                    break;
                case OpCode.Negate or OpCode.Not or OpCode.Function1:
                    used[ins.A] = true;
                    break;
                case OpCode.Select:
                    used[ins.A] = used[ins.B] = used[ins.C] = true;
                    break;
                default:
                    used[ins.A] = used[ins.B] = true;
                    break;
            }
        }

        var newSlot = new int[_code.Count];
        var code = new List<Instruction>();
        var inputs = new List<ExpressionInput>();
        for (var k = 0; k <= result; k++)
        {
            if (!used[k]) continue;
            var ins = _code[k];
            ins = ins.Op switch
            {
                OpCode.Input => ins with { A = inputs.Count },
                OpCode.Constant => ins,
                OpCode.Negate or OpCode.Not or OpCode.Function1 => ins with { A = newSlot[ins.A] },
                OpCode.Select => ins with { A = newSlot[ins.A], B = newSlot[ins.B], C = newSlot[ins.C] },
                _ => ins with { A = newSlot[ins.A], B = newSlot[ins.B] },
            };
            if (ins.Op == OpCode.Input) inputs.Add(_inputs[_code[k].A]);
            newSlot[k] = code.Count;
            code.Add(ins);
        }
        return new CompiledExpression(source, code.ToArray(), inputs.ToArray());
    }
}
