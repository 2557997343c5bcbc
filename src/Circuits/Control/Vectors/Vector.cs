using System.Numerics;

namespace Hwsim.Circuits.Control.Vectors;

/// <summary>
/// A vector of the control language: a name, real or complex values, a type, and the scale it is plotted against
/// (the plot's <c>time</c>, <c>frequency</c> or sweep vector). Values are never changed in place: operations make
/// new vectors.
/// </summary>
public sealed record Vector
{
    private Vector(string name, double[] real, double[]? imaginary, VectorType type)
    {
        Name = name;
        Real = real;
        Imaginary = imaginary;
        Type = type;
    }

    /// <summary>A real vector.</summary>
    public static Vector OfReal(string name, double[] values, VectorType type = VectorType.NoType) => new(name, values, null, type);

    /// <summary>A complex vector.</summary>
    public static Vector OfComplex(string name, double[] real, double[] imaginary, VectorType type = VectorType.NoType)
    {
        if (real.Length != imaginary.Length) throw new ArgumentException("real and imaginary parts differ in length");
        return new(name, real, imaginary, type);
    }

    /// <summary>A complex vector from complex numbers.</summary>
    public static Vector OfComplex(string name, IReadOnlyList<Complex> values, VectorType type = VectorType.NoType)
    {
        var re = new double[values.Count];
        var im = new double[values.Count];
        for (var i = 0; i < re.Length; i++)
        {
            re[i] = values[i].Real;
            im[i] = values[i].Imaginary;
        }
        return new(name, re, im, type);
    }

    /// <summary>One real number.</summary>
    public static Vector Scalar(string name, double value) => new(name, [value], null, VectorType.NoType);

    /// <summary>The name (lower case for vectors of a plot; an expression's text for a computed one).</summary>
    public string Name { get; }

    public double[] Real { get; }

    /// <summary>The imaginary parts; null for a real vector.</summary>
    public double[]? Imaginary { get; }

    public bool IsComplex => Imaginary is not null;

    public int Length => Real.Length;

    public VectorType Type { get; init; }

    /// <summary>The vector it is plotted against (its plot's scale), if any.</summary>
    public Vector? Scale { get; init; }

    /// <summary>Element <paramref name="i"/> as a complex number.</summary>
    public Complex this[int i] => new(Real[i], Imaginary is null ? 0 : Imaginary[i]);

    /// <summary>The same values under another name (and the same type and scale unless given).</summary>
    public Vector Named(string name, VectorType? type = null, Vector? scale = null) =>
        new(name, Real, Imaginary, type ?? Type) { Scale = scale ?? Scale };

    /// <summary>True when every element is zero (ngspice's <c>vec_iszero</c>): a false condition.</summary>
    public bool IsZero()
    {
        for (var i = 0; i < Real.Length; i++)
            if (Real[i] != 0 || (Imaginary is not null && Imaginary[i] != 0)) return false;
        return true;
    }

    public override string ToString() => $"{Name} [{Length}{(IsComplex ? ", complex" : "")}]";
}
