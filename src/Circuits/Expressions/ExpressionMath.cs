namespace Hwsim.Circuits.Expressions;

/// <summary>
/// Values and partial derivatives of every operator and built-in function, shared by the parameter evaluator,
/// the constant folder and the compiled program so that all three agree to the bit. The ngspice behaviour each
/// one mirrors is recorded in <c>SEMANTICS.md</c>.
/// </summary>
/// <remarks>
/// Where ngspice reports "out of range" (and fails the Newton iteration) these return NaN or an infinity; the
/// caller treats a non-finite value or derivative as a failed evaluation.
/// </remarks>
internal static class ExpressionMath
{
    /// <summary>ngspice's <c>PTfudge_factor</c> (gmin 1e-12 times 1e-20), added to B-source divisors away from zero.</summary>
    public const double DivisionFudge = 1e-32;

    /// <summary>Above this argument ngspice's B-source <c>exp</c> returns <see cref="ExpCap"/> (1e99 = exp(227.9559242)).</summary>
    public const double ExpArgumentLimit = 227.9559242;

    /// <summary>The value of a capped <c>exp</c>.</summary>
    public const double ExpCap = 1e99;

    /// <summary>ngspice's B-source <c>ln</c>, <c>log</c> and <c>log10</c> of exactly zero.</summary>
    public const double LogOfZero = -1e99;

    private const double Log10OfE = 0.43429448190325182765;

    /// <summary>sign(x): 1, -1, or 0 for zero and NaN (<see cref="Math.Sign(double)"/> throws on NaN).</summary>
    public static double Sign(double x) => x > 0 ? 1 : x < 0 ? -1 : 0;

    /// <summary>ngspice's <c>u(x)</c>: 0 below zero, 1 above, 0.5 at zero.</summary>
    public static double Step(double x) => x < 0 ? 0 : x > 0 ? 1 : 0.5;

    /// <summary>The B-source divisor: moved 1e-32 away from zero (towards +∞ for zero itself).</summary>
    public static double Fudge(double divisor) => divisor >= 0 ? divisor + DivisionFudge : divisor - DivisionFudge;

    public static double Divide(double a, double b, Semantics semantics) =>
        semantics == Semantics.Behavioral ? a / Fudge(b) : a / b;

    /// <summary><c>a ^ b</c> and <c>a ** b</c>: |a|^b in both numparam and B sources.</summary>
    public static double Power(double a, double b) => Math.Pow(Math.Abs(a), b);

    public static double Binary(BinaryOperator op, double a, double b, Semantics semantics) => op switch
    {
        BinaryOperator.Or => a != 0 || b != 0 ? 1 : 0,
        BinaryOperator.And => a != 0 && b != 0 ? 1 : 0,
        BinaryOperator.Equal => a == b ? 1 : 0,
        BinaryOperator.NotEqual => a != b ? 1 : 0,
        BinaryOperator.Less => a < b ? 1 : 0,
        BinaryOperator.LessOrEqual => a <= b ? 1 : 0,
        BinaryOperator.Greater => a > b ? 1 : 0,
        BinaryOperator.GreaterOrEqual => a >= b ? 1 : 0,
        BinaryOperator.Add => a + b,
        BinaryOperator.Subtract => a - b,
        BinaryOperator.Multiply => a * b,
        BinaryOperator.Divide => Divide(a, b, semantics),
        BinaryOperator.Modulo => a % b,
        BinaryOperator.Power => Power(a, b),
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    /// <summary>∂(a op b)/∂a and ∂(a op b)/∂b, given the operands and the value.</summary>
    public static (double DA, double DB) BinaryPartials(BinaryOperator op, double a, double b, double value, Semantics semantics)
    {
        switch (op)
        {
            case BinaryOperator.Add: return (1, 1);
            case BinaryOperator.Subtract: return (1, -1);
            case BinaryOperator.Multiply: return (b, a);
            case BinaryOperator.Divide:
            {
                var divisor = semantics == Semantics.Behavioral ? Fudge(b) : b;
                var inverse = 1 / divisor;
                return (inverse, -value * inverse);
            }
            case BinaryOperator.Modulo: return (1, -Math.Truncate(a / b));
            case BinaryOperator.Power: return PowerPartials(a, b, value);
            default: return (0, 0); // comparisons and logic are piecewise constant
        }
    }

    /// <summary>Partials of v = |a|^b: b·sign(a)·|a|^(b-1) and v·ln|a| (each 0 where its factor is identically 0).</summary>
    private static (double DA, double DB) PowerPartials(double a, double b, double value)
    {
        var da = b == 0 ? 0 : b * Sign(a) * Math.Pow(Math.Abs(a), b - 1);
        var db = value == 0 ? 0 : value * Math.Log(Math.Abs(a));
        return (da, db);
    }

    public static double Unary(BuiltinFunction function, double x, Semantics semantics)
    {
        var behavioral = semantics == Semantics.Behavioral;
        return function switch
        {
            BuiltinFunction.Abs => Math.Abs(x),
            BuiltinFunction.Sqrt => Math.Sqrt(x),
            BuiltinFunction.Exp => behavioral && x > ExpArgumentLimit ? ExpCap : Math.Exp(x),
            BuiltinFunction.Ln => behavioral && x == 0 ? LogOfZero : Math.Log(x),
            BuiltinFunction.Log10 => behavioral && x == 0 ? LogOfZero : Math.Log10(x),
            BuiltinFunction.Sin => Math.Sin(x),
            BuiltinFunction.Cos => Math.Cos(x),
            BuiltinFunction.Tan => Math.Tan(x),
            BuiltinFunction.Asin => Math.Asin(x),
            BuiltinFunction.Acos => Math.Acos(x),
            BuiltinFunction.Atan => Math.Atan(x),
            BuiltinFunction.Sinh => Math.Sinh(x),
            BuiltinFunction.Cosh => Math.Cosh(x),
            BuiltinFunction.Tanh => Math.Tanh(x),
            BuiltinFunction.Asinh => Math.Asinh(x),
            BuiltinFunction.Acosh => Math.Acosh(x),
            BuiltinFunction.Atanh => Math.Atanh(x),
            BuiltinFunction.Sgn => Sign(x),
            BuiltinFunction.Step => Step(x),
            BuiltinFunction.Step2 => x <= 0 ? 0 : x <= 1 ? x : 1,
            BuiltinFunction.Ramp => x < 0 ? 0 : x,
            BuiltinFunction.Floor => Math.Floor(x),
            BuiltinFunction.Ceil => Math.Ceiling(x),
            BuiltinFunction.Nint => Math.Round(x, MidpointRounding.ToEven),
            BuiltinFunction.Int => Math.Truncate(x),
            BuiltinFunction.Sqr => x * x,
            _ => throw new ArgumentOutOfRangeException(nameof(function), function, "not a one-argument function"),
        };
    }

    /// <summary>d f(x)/dx given x and the value f(x). Reciprocals use the B-source division, as ngspice's derivative trees do.</summary>
    public static double UnaryDerivative(BuiltinFunction function, double x, double value, Semantics semantics) => function switch
    {
        BuiltinFunction.Abs => Sign(x),
        BuiltinFunction.Sqrt => Divide(0.5, value, semantics),
        BuiltinFunction.Exp => value, // ngspice differentiates the capped exp as itself
        BuiltinFunction.Ln => Divide(1, x, semantics),
        BuiltinFunction.Log10 => Divide(Log10OfE, x, semantics),
        BuiltinFunction.Sin => Math.Cos(x),
        BuiltinFunction.Cos => -Math.Sin(x),
        BuiltinFunction.Tan => Divide(1, Math.Cos(x) * Math.Cos(x), semantics),
        BuiltinFunction.Asin => Divide(1, Math.Sqrt(1 - x * x), semantics),
        BuiltinFunction.Acos => -Divide(1, Math.Sqrt(1 - x * x), semantics),
        BuiltinFunction.Atan => 1 / (1 + x * x),
        BuiltinFunction.Sinh => Math.Cosh(x),
        BuiltinFunction.Cosh => Math.Sinh(x),
        BuiltinFunction.Tanh => 1 - value * value,
        BuiltinFunction.Asinh => 1 / Math.Sqrt(x * x + 1),
        BuiltinFunction.Acosh => Divide(1, Math.Sqrt(x * x - 1), semantics),
        BuiltinFunction.Atanh => Divide(1, 1 - x * x, semantics),
        BuiltinFunction.Ramp => Step(x),
        BuiltinFunction.Step2 => Step(x) - Step(x - 1),
        BuiltinFunction.Sqr => 2 * x,
        // sgn, u, floor, ceil, nint, int: piecewise constant.
        _ => 0,
    };

    public static double Binary(BuiltinFunction function, double a, double b, Semantics semantics) => function switch
    {
        BuiltinFunction.Min => a > b ? b : a,
        BuiltinFunction.Max => a > b ? a : b,
        BuiltinFunction.Pow => semantics == Semantics.Behavioral ? Power(a, b) : Math.Pow(a, b),
        BuiltinFunction.Pwr => semantics == Semantics.Behavioral && a < 0 ? -Power(a, b) : Power(a, b),
        _ => throw new ArgumentOutOfRangeException(nameof(function), function, "not a two-argument function"),
    };

    /// <summary>Partials of the two-argument functions (B-source meaning of <c>pow</c> and <c>pwr</c>).</summary>
    public static (double DA, double DB) BinaryPartials(BuiltinFunction function, double a, double b, double value) => function switch
    {
        // As ngspice: the derivative follows the argument selected by a strict comparison (b's on a tie).
        BuiltinFunction.Min => a - b < 0 ? (1, 0) : (0, 1),
        BuiltinFunction.Max => a - b > 0 ? (1, 0) : (0, 1),
        BuiltinFunction.Pow => PowerPartials(a, b, value),
        // sign(a)|a|^b: ∂a = b|a|^(b-1), ∂b = value·ln|a|.
        BuiltinFunction.Pwr => (b == 0 ? 0 : b * Math.Pow(Math.Abs(a), b - 1), value == 0 ? 0 : value * Math.Log(Math.Abs(a))),
        _ => throw new ArgumentOutOfRangeException(nameof(function), function, "not a two-argument function"),
    };
}
