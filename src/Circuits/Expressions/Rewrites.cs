namespace Hwsim.Circuits.Expressions;

/// <summary>The two built-ins that are spelled with other constructs of the language.</summary>
internal static class Rewrites
{
    /// <summary>
    /// <c>limit(x, lo, hi)</c> becomes <c>min(max(x, lo), hi)</c> (ngspice B sources have no <c>limit</c>, and its
    /// numparam <c>limit</c> is a random-variation function, so the clamp is written with functions ngspice has);
    /// <c>ternary_fcn(c, a, b)</c> becomes <c>c ? a : b</c>. Any other call is returned unchanged.
    /// </summary>
    public static Expression Desugar(FunctionCall call)
    {
        if (call.Arguments.Count != 3) return call;
        var a = call.Arguments;
        return call.Name switch
        {
            BuiltinFunctions.Limit => new FunctionCall("min", new FunctionCall("max", a[0], a[1]), a[2]),
            BuiltinFunctions.TernaryFunction => new ConditionalExpression(a[0], a[1], a[2]),
            _ => call,
        };
    }
}
