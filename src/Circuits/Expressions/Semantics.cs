namespace Hwsim.Circuits.Expressions;

/// <summary>
/// ngspice evaluates parameter expressions (numparam) and behavioural-source expressions (its parse trees) with
/// different code, and a few results differ; see <c>SEMANTICS.md</c>.
/// </summary>
internal enum Semantics
{
    /// <summary><c>.param</c> and <c>{expr}</c>: plain IEEE arithmetic; <c>pow</c> is C's pow, <c>pwr</c> is |x|^y.</summary>
    Parameter,

    /// <summary>
    /// B sources: guarded division and logarithms, capped <c>exp</c>; <c>pow</c> is |x|^y, <c>pwr</c> is sign(x)|x|^y.
    /// </summary>
    Behavioral,
}
