using MathNet.Numerics.LinearAlgebra;

namespace Hwsim.Nn.Hooks;

/// <summary>
/// A closed interval [<see cref="Low"/>, <see cref="High"/>] that a signal is clipped to in the forward pass. The
/// gradient of the clip is 1 inside and 0 where the value was clipped: a clipped value sits exactly at a limit, so the
/// backward pass finds clipped elements from the output alone (a value exactly at a limit counts as clipped).
/// </summary>
public readonly record struct ClipRange
{
    /// <summary>Creates the range; <paramref name="low"/> must be below <paramref name="high"/>.</summary>
    public ClipRange(double low, double high)
    {
        if (!(low < high)) throw new ArgumentException($"a clip range needs low < high, got [{low}, {high}]");
        Low = low;
        High = high;
    }

    /// <summary>The lower limit.</summary>
    public double Low { get; }

    /// <summary>The upper limit.</summary>
    public double High { get; }

    /// <summary>The value clipped to the range.</summary>
    public double Apply(double x) => x < Low ? Low : x > High ? High : x;

    /// <summary>The gradient factor of the clip, from its output <paramref name="y"/>: 0 at a limit, else 1.</summary>
    public double Slope(double y) => y <= Low || y >= High ? 0.0 : 1.0;

    /// <summary>Clips every element of <paramref name="values"/> in place.</summary>
    public void ApplyInPlace(double[] values)
    {
        for (int i = 0; i < values.Length; i++) values[i] = Apply(values[i]);
    }

    /// <summary>Clips every element of a dense matrix in place and returns it.</summary>
    public Matrix<double> ApplyInPlace(Matrix<double> values)
    {
        ApplyInPlace(values.AsColumnMajorArray() ?? throw new ArgumentException("a dense matrix is needed", nameof(values)));
        return values;
    }

    /// <summary>Multiplies <paramref name="gradient"/> by the slope at every output in <paramref name="outputs"/>, in place.</summary>
    public void MaskInPlace(double[] gradient, double[] outputs)
    {
        for (int i = 0; i < gradient.Length; i++)
            if (outputs[i] <= Low || outputs[i] >= High) gradient[i] = 0.0;
    }

    /// <inheritdoc />
    public override string ToString() => $"[{Low}, {High}]";
}
