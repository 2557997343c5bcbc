using System.Numerics;

namespace Hwsim.Verification;

/// <summary>One vector of a plot read from an ngspice rawfile.</summary>
/// <param name="Name">The normalised name (see <see cref="VectorNames.Normalize"/>), e.g. <c>v(out)</c>, <c>i(v1)</c>.</param>
/// <param name="RawName">The name exactly as the rawfile writes it.</param>
/// <param name="RawType">The rawfile's type column: <c>voltage</c>, <c>current</c>, <c>time</c>, <c>frequency</c>, ...</param>
/// <param name="Kind">What the vector denotes.</param>
/// <param name="Real">The values, or for complex vectors their real parts.</param>
/// <param name="ComplexValues">The complex values (AC plots), otherwise null.</param>
public sealed record NgspiceVector(
    string Name,
    string RawName,
    string RawType,
    VectorKind Kind,
    IReadOnlyList<double> Real,
    IReadOnlyList<Complex>? ComplexValues)
{
    /// <summary>True when the vector holds complex values.</summary>
    public bool IsComplex => ComplexValues is not null;

    /// <summary>The number of points.</summary>
    public int Length => Real.Count;

    /// <summary>True for a current (<c>i(...)</c>, <c>@r1[i]</c>).</summary>
    public bool IsCurrent => RawType == "current" || VectorNames.IsCurrent(Name);

    /// <summary>The complex value at <paramref name="index"/> (imaginary part zero for a real vector).</summary>
    public Complex At(int index) => ComplexValues is { } c ? c[index] : new Complex(Real[index], 0);
}
