namespace Hwsim.Circuits.Control.Vectors;

/// <summary>A function defined with <c>define name(a, b) body</c>.</summary>
public sealed record UserVectorFunction(string Name, IReadOnlyList<string> Parameters, VectorExpression Body);

/// <summary>What an expression reads: vectors by name, user functions, the angle unit, the current plot's scale.</summary>
public interface IVectorEnvironment
{
    /// <summary>A vector by name as <c>vec_get</c> finds it (plots, constants, <c>@device[param]</c>), or null.</summary>
    Vector? Find(string name);

    /// <summary>The user function of that name taking that many arguments, or null.</summary>
    UserVectorFunction? UserFunction(string name, int arity);

    /// <summary>True after <c>set units=degrees</c>.</summary>
    bool Degrees { get; }

    /// <summary>The scale of the current plot (what <c>interpolate</c> maps onto).</summary>
    Vector? CurrentScale { get; }
}

/// <summary>Evaluates parsed expressions of the control language (ngspice's <c>ft_evaluate</c>).</summary>
public static class VectorEvaluator
{
    private const int MaxDepth = 200;

    /// <summary>The value of <paramref name="expression"/>, named by its source text when it has one.</summary>
    public static Vector Evaluate(VectorExpression expression, IVectorEnvironment environment)
    {
        var v = Eval(expression, environment, 0);
        return expression.Text is { } text ? v.Named(text) : v;
    }

    private static Vector Eval(VectorExpression e, IVectorEnvironment env, int depth)
    {
        if (depth > MaxDepth) throw new VectorExpressionException("expression nested too deeply (a recursive define?)");
        switch (e)
        {
            case NumberNode n:
                return Vector.Scalar(n.Name, n.Value);
            case NameNode n:
                return env.Find(n.Name) ?? throw new VectorExpressionException($"no such vector {n.Name}");
            case BinaryNode b:
                return VectorOperators.Apply(b.Operator, Eval(b.Left, env, depth + 1), Eval(b.Right, env, depth + 1));
            case UnaryNode { Operator: '-' } u:
            {
                var v = Eval(u.Operand, env, depth + 1);
                var re = v.Real.Select(x => -x).ToArray();
                return (v.Imaginary is { } im ? Vector.OfComplex($"-{v.Name}", re, im.Select(x => -x).ToArray()) : Vector.OfReal($"-{v.Name}", re))
                    with { Type = v.Type, Scale = v.Scale };
            }
            case UnaryNode u:
            {
                var v = Eval(u.Operand, env, depth + 1);
                // ngspice's cx_not: of a complex value only the imaginary part counts
                var d = new double[v.Length];
                for (var i = 0; i < d.Length; i++) d[i] = (v.Imaginary is { } im ? im[i] : v.Real[i]) == 0 ? 1 : 0;
                return Vector.OfReal($"not {v.Name}", d) with { Scale = v.Scale };
            }
            case CallNode c:
                return Call(c, env, depth);
            case IndexNode x:
                return x.ByScale ? ScaleRange(Eval(x.Vector, env, depth + 1), Eval(x.Index, env, depth + 1))
                    : Index(Eval(x.Vector, env, depth + 1), Eval(x.Index, env, depth + 1));
            case TernaryNode t:
            {
                var condition = Eval(t.Condition, env, depth + 1);
                if (condition.Length != 1) throw new VectorExpressionException($"the condition of ? : must be one value, {condition.Name} has {condition.Length}");
                return Eval(condition.IsZero() ? t.WhenFalse : t.WhenTrue, env, depth + 1);
            }
            default:
                throw new VectorExpressionException($"cannot evaluate {e}");
        }
    }

    private static Vector Call(CallNode c, IVectorEnvironment env, int depth)
    {
        if (c.Function == "v")
        {
            var name = c.Argument switch
            {
                NameNode n => n.Name,
                NumberNode n => n.Name,
                _ => throw new VectorExpressionException("bad v() syntax"),
            };
            return env.Find(name) ?? throw new VectorExpressionException($"no such vector v({name})");
        }
        if (VectorFunctions.Exists(c.Function))
        {
            var settings = new VectorFunctions.Settings(env.Degrees, env.CurrentScale);
            return VectorFunctions.Apply(c.Function, Eval(c.Argument, env, depth + 1), settings);
        }
        var arguments = Arguments(c.Argument);
        if (env.UserFunction(c.Function, arguments.Count) is { } user)
        {
            var map = new Dictionary<string, VectorExpression>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < arguments.Count; i++) map[user.Parameters[i]] = arguments[i];
            return Eval(Substitute(user.Body, map), env, depth + 1);
        }
        // ngspice's kludge: f(name) may be a vector named so (i(l1) -> l1#branch, vm(out) -> v(out)).
        if (c.Argument is NameNode or NumberNode)
        {
            var argument = c.Argument is NameNode n ? n.Name : ((NumberNode)c.Argument).Name;
            if (env.Find($"{c.Function}({argument})") is { } v) return v;
            throw new VectorExpressionException($"no such function as {c.Function}, or {c.Function}({argument}) is not available");
        }
        throw new VectorExpressionException($"no function {c.Function} with {arguments.Count} argument{(arguments.Count == 1 ? "" : "s")}");
    }

    /// <summary>The comma list of a call's arguments.</summary>
    private static List<VectorExpression> Arguments(VectorExpression argument)
    {
        var list = new List<VectorExpression>();
        while (argument is BinaryNode { Operator: ',' } comma)
        {
            list.Add(comma.Left);
            argument = comma.Right;
        }
        list.Add(argument);
        return list;
    }

    /// <summary>The body of a user function with its parameters replaced by the argument expressions (ngspice's ft_substdef).</summary>
    private static VectorExpression Substitute(VectorExpression e, Dictionary<string, VectorExpression> map) => e switch
    {
        NameNode n when map.TryGetValue(n.Name, out var a) => a with { Text = null },
        BinaryNode b => new BinaryNode(b.Operator, Substitute(b.Left, map), Substitute(b.Right, map)),
        UnaryNode u => new UnaryNode(u.Operator, Substitute(u.Operand, map)),
        CallNode c => new CallNode(c.Function, Substitute(c.Argument, map)),
        IndexNode x => new IndexNode(Substitute(x.Vector, map), Substitute(x.Index, map), x.ByScale),
        TernaryNode t => new TernaryNode(Substitute(t.Condition, map), Substitute(t.WhenTrue, map), Substitute(t.WhenFalse, map)),
        _ => e with { Text = null },
    };

    /// <summary>ngspice's op_ind: <c>v[i]</c> one element, <c>v[a,b]</c> (a complex index) elements a to b.</summary>
    private static Vector Index(Vector v, Vector index)
    {
        if (v.Length < 1) throw new VectorExpressionException($"indexing empty vector ({v.Name})");
        if (index.Length != 1) throw new VectorExpressionException($"index vector {index.Name} is not of length 1");
        int down, up;
        if (index.Imaginary is null) down = up = (int)Math.Floor(index.Real[0] + 0.5);
        else
        {
            down = (int)Math.Floor(index.Real[0] + 0.5);
            up = (int)Math.Floor(index.Imaginary[0] + 0.5);
        }
        var reverse = up < down;
        if (reverse) (up, down) = (down, up);
        up = Math.Clamp(up, 0, v.Length - 1);
        down = Math.Clamp(down, 0, v.Length - 1);
        var n = up - down + 1;
        var re = new double[n];
        var im = v.Imaginary is null ? null : new double[n];
        for (var j = 0; j < n; j++)
        {
            var k = reverse ? n - 1 - j : j;
            re[k] = v.Real[down + j];
            if (im is not null) im[k] = v.Imaginary![down + j];
        }
        var name = $"{v.Name}[{index.Name}]";
        return (im is null ? Vector.OfReal(name, re, v.Type) : Vector.OfComplex(name, re, im, v.Type)) with { Scale = n > 1 ? v.Scale : null };
    }

    /// <summary>ngspice's op_range: <c>v[[a,b]]</c>, the elements whose scale value lies between a and b.</summary>
    private static Vector ScaleRange(Vector v, Vector range)
    {
        var scale = v.Scale ?? throw new VectorExpressionException($"{v.Name} has no scale to take a range of");
        double lo = range.Real[0], hi = range.Imaginary is { } im ? im[0] : range.Real[0];
        if (lo > hi) (lo, hi) = (hi, lo);
        var keep = Enumerable.Range(0, Math.Min(v.Length, scale.Length)).Where(i => scale.Real[i] >= lo && scale.Real[i] <= hi).ToArray();
        var re = keep.Select(i => v.Real[i]).ToArray();
        var name = $"{v.Name}[[{range.Name}]]";
        var newScale = Vector.OfReal(scale.Name, keep.Select(i => scale.Real[i]).ToArray(), scale.Type);
        return (v.Imaginary is { } vi ? Vector.OfComplex(name, re, keep.Select(i => vi[i]).ToArray(), v.Type) : Vector.OfReal(name, re, v.Type))
            with { Scale = newScale };
    }
}
