namespace Hwsim.Circuits.Expressions;

/// <summary>The built-in functions the engine evaluates itself (aliases share one entry).</summary>
internal enum BuiltinFunction
{
    Abs, Sqrt, Exp, Ln, Log10, Sin, Cos, Tan, Asin, Acos, Atan, Sinh, Cosh, Tanh, Asinh, Acosh, Atanh,
    Sgn, Step, Step2, Ramp, Floor, Ceil, Nint, Int, Sqr,
    Min, Max, Pow, Pwr,
}
