using System.Diagnostics.CodeAnalysis;

namespace Hwsim.Circuits.Expressions;

/// <summary>Names with a fixed meaning: the constants and the simulator variables.</summary>
internal static class BuiltinNames
{
    /// <summary>
    /// <c>pi</c> and <c>e</c>, as in ngspice's B-source parser. A parameter of the same name hides them (ngspice
    /// substitutes parameters first). ngspice 39's numparam lacks them; here they work in parameters too.
    /// </summary>
    public static bool TryGetConstant(string name, out double value)
    {
        switch (name)
        {
            case "pi":
                value = Math.PI;
                return true;
            case "e":
                value = Math.E;
                return true;
            default:
                value = 0;
                return false;
        }
    }

    /// <summary>The simulator variables of behavioural expressions: <c>time</c>, <c>temper</c> and <c>hertz</c>.</summary>
    public static bool TryGetSimulatorVariable(string name, [NotNullWhen(true)] out ExpressionInput? input)
    {
        input = name switch
        {
            "time" => ExpressionInput.Time,
            "temper" => ExpressionInput.Temperature,
            "hertz" => ExpressionInput.Frequency,
            _ => null,
        };
        return input is not null;
    }

    /// <summary>How deep user functions may call each other before the call is taken for endless recursion.</summary>
    public const int MaxCallDepth = 64;
}
