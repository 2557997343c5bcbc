using System.Numerics;

namespace Hwsim.Circuits.Results;

/// <summary>A named vector of results, named as ngspice names it (<c>v(out)</c>, <c>i(v1)</c>, <c>time</c>), real or complex.</summary>
public sealed class ResultVector
{
    public ResultVector(string name, double[] values)
    {
        Name = name;
        Real = values;
    }

    public ResultVector(string name, Complex[] values)
    {
        Name = name;
        Complex = values;
        Real = values.Select(v => v.Real).ToArray();
    }

    public string Name { get; }

    /// <summary>The values (for a complex vector: the real parts).</summary>
    public double[] Real { get; }

    /// <summary>The complex values of an AC vector; null for real vectors.</summary>
    public Complex[]? Complex { get; }

    public bool IsComplex => Complex is not null;

    public int Length => Real.Length;

    public double this[int i] => Real[i];

    public override string ToString() => $"{Name} [{Length}]";
}
