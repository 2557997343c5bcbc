using System.Collections.Frozen;

namespace Hwsim.Circuits.Expressions;

/// <summary>
/// The names and arities of the built-in functions. See <c>SEMANTICS.md</c> beside this file for the meaning of
/// each and the ngspice evidence behind it.
/// </summary>
/// <remarks>
/// One argument: <c>abs sqrt exp ln log log10 sin cos tan asin acos atan arctan sinh cosh tanh asinh acosh atanh
/// sgn u u2 uramp floor ceil nint int sqr</c>. Two: <c>min max pow pwr</c>. Three: <c>limit(x, lo, hi)</c>
/// (parsed as <c>min(max(x, lo), hi)</c>) and <c>ternary_fcn(c, a, b)</c> (parsed as <c>c ? a : b</c>). ngspice's
/// B-source <c>eq0 ne0 gt0 lt0 ge0 le0</c> (parsed as <c>x == 0</c> ...) and <c>pwl(x, x1, y1, x2, y2, ...)</c>
/// (parsed as conditionals choosing a line segment, see <see cref="Rewrites.PiecewiseLinear"/>).
/// <c>log</c> is the natural logarithm, as in ngspice.
/// </remarks>
public static class BuiltinFunctions
{
    private static readonly FrozenDictionary<string, BuiltinFunction> Table = new Dictionary<string, BuiltinFunction>
    {
        ["abs"] = BuiltinFunction.Abs,
        ["sqrt"] = BuiltinFunction.Sqrt,
        ["exp"] = BuiltinFunction.Exp,
        ["ln"] = BuiltinFunction.Ln,
        ["log"] = BuiltinFunction.Ln,
        ["log10"] = BuiltinFunction.Log10,
        ["sin"] = BuiltinFunction.Sin,
        ["cos"] = BuiltinFunction.Cos,
        ["tan"] = BuiltinFunction.Tan,
        ["asin"] = BuiltinFunction.Asin,
        ["acos"] = BuiltinFunction.Acos,
        ["atan"] = BuiltinFunction.Atan,
        ["arctan"] = BuiltinFunction.Atan,
        ["sinh"] = BuiltinFunction.Sinh,
        ["cosh"] = BuiltinFunction.Cosh,
        ["tanh"] = BuiltinFunction.Tanh,
        ["asinh"] = BuiltinFunction.Asinh,
        ["acosh"] = BuiltinFunction.Acosh,
        ["atanh"] = BuiltinFunction.Atanh,
        ["sgn"] = BuiltinFunction.Sgn,
        ["u"] = BuiltinFunction.Step,
        ["u2"] = BuiltinFunction.Step2,
        ["uramp"] = BuiltinFunction.Ramp,
        ["floor"] = BuiltinFunction.Floor,
        ["ceil"] = BuiltinFunction.Ceil,
        ["nint"] = BuiltinFunction.Nint,
        ["int"] = BuiltinFunction.Int,
        ["sqr"] = BuiltinFunction.Sqr,
        ["min"] = BuiltinFunction.Min,
        ["max"] = BuiltinFunction.Max,
        ["pow"] = BuiltinFunction.Pow,
        ["pwr"] = BuiltinFunction.Pwr,
    }.ToFrozenDictionary();

    /// <summary><c>limit(x, lo, hi)</c>: rewritten by the parser to <c>min(max(x, lo), hi)</c>.</summary>
    internal const string Limit = "limit";

    /// <summary><c>ternary_fcn(c, a, b)</c>: rewritten by the parser to <c>c ? a : b</c>.</summary>
    internal const string TernaryFunction = "ternary_fcn";

    /// <summary><c>pwl(x, x1, y1, x2, y2, ...)</c>: rewritten by the parser to a search tree of line segments.</summary>
    internal const string PiecewiseLinear = "pwl";

    /// <summary>
    /// Every built-in function name (lower case), including the rewritten <c>limit</c>, <c>ternary_fcn</c>,
    /// <c>pwl</c> and the comparisons with zero (<c>eq0 ne0 gt0 lt0 ge0 le0</c>).
    /// </summary>
    public static IReadOnlyCollection<string> Names { get; } =
        Table.Keys.Append(Limit).Append(TernaryFunction).Append(PiecewiseLinear).Concat(Rewrites.ZeroComparisons.Keys)
            .Order(StringComparer.Ordinal).ToArray();

    /// <summary>True when <paramref name="name"/> (any case) is a built-in function.</summary>
    public static bool IsBuiltin(string name) => TryGetArity(name, out _);

    /// <summary>The number of arguments a built-in function takes.</summary>
    public static bool TryGetArity(string name, out int arity)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = name.ToLowerInvariant();
        if (key is Limit or TernaryFunction)
        {
            arity = 3;
            return true;
        }
        if (key == PiecewiseLinear)
        {
            // the fewest: x and two points (the parser accepts any odd count from five)
            arity = 5;
            return true;
        }
        if (Rewrites.ZeroComparisons.ContainsKey(key))
        {
            arity = 1;
            return true;
        }
        if (Table.TryGetValue(key, out var function))
        {
            arity = Arity(function);
            return true;
        }
        arity = 0;
        return false;
    }

    internal static bool TryGet(string lowerCaseName, out BuiltinFunction function) =>
        Table.TryGetValue(lowerCaseName, out function);

    internal static int Arity(BuiltinFunction function) => function switch
    {
        BuiltinFunction.Min or BuiltinFunction.Max or BuiltinFunction.Pow or BuiltinFunction.Pwr => 2,
        _ => 1,
    };
}
