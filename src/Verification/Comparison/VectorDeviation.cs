using System.Globalization;
using System.Numerics;

namespace Hwsim.Verification;

/// <summary>The worst point of one vector in a comparison.</summary>
/// <param name="Name">The vector's normalised name.</param>
/// <param name="Quantity">What was compared: <c>value</c>, <c>complex</c>, <c>magnitude</c> or <c>phase (deg)</c>.</param>
/// <param name="Index">The point's index on the comparison grid.</param>
/// <param name="ScaleName">The scale's name (<c>time</c>, <c>frequency</c>, ...), or <c>point</c> without a scale.</param>
/// <param name="ScaleValue">The scale's value at the point (the index without a scale).</param>
/// <param name="Expected">The reference value at the point.</param>
/// <param name="Actual">The compared value at the point.</param>
/// <param name="Error">The deviation, in the units of <paramref name="Quantity"/>.</param>
/// <param name="Allowed">The tolerance at the point, in the same units.</param>
public sealed record VectorDeviation(
    string Name,
    string Quantity,
    int Index,
    string ScaleName,
    double ScaleValue,
    Complex Expected,
    Complex Actual,
    double Error,
    double Allowed)
{
    /// <summary>Error over allowed: at most 1 passes; NaN values count as infinitely bad.</summary>
    public double Ratio =>
        double.IsNaN(Error) ? double.PositiveInfinity
        : Allowed > 0 ? Error / Allowed
        : Error > 0 ? double.PositiveInfinity : 0;

    /// <summary>True when the error is within the tolerance.</summary>
    public bool Passed => Error <= Allowed;

    /// <summary>One readable line: where, both values, the error and the tolerance.</summary>
    public string Describe()
    {
        var where = ScaleName == "point"
            ? $"point {Index}"
            : $"{ScaleName} = {Format(ScaleValue)} (point {Index})";
        var verdict = Passed ? "<=" : ">";
        return $"{Name} at {where}: expected {Format(Expected)}, actual {Format(Actual)}, " +
               $"{Quantity} error {Format(Error)} {verdict} allowed {Format(Allowed)} (ratio {Format(Ratio)})";
    }

    /// <inheritdoc />
    public override string ToString() => Describe();

    private static string Format(double x) => x.ToString("G10", CultureInfo.InvariantCulture);

    private string Format(Complex z) =>
        Quantity is "value" ? Format(z.Real)
        : Quantity is "complex" ? $"{Format(z.Real)}{(z.Imaginary < 0 ? "-" : "+")}{Format(Math.Abs(z.Imaginary))}j"
        : $"{Format(z.Magnitude)} at {Format(z.Phase * 180 / Math.PI)} deg";
}
