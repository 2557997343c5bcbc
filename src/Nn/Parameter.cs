using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;

namespace Hwsim.Nn;

/// <summary>
/// A named trainable tensor and its gradient, as in a PyTorch module. The tensor of shape (d0, d1, ...) is held
/// as a d0 x (d1 * d2 * ...) matrix whose columns follow PyTorch's row-major order of the trailing dimensions;
/// a vector of shape (d0) is a d0 x 1 matrix.
/// </summary>
public sealed class Parameter
{
    private readonly int[] shape;

    /// <summary>Creates a zero parameter with the given PyTorch key (e.g. <c>weight_ih_l0</c>) and shape.</summary>
    public Parameter(string name, params int[] shape)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (shape.Length == 0 || shape.Any(d => d <= 0))
            throw new ArgumentException($"parameter '{name}' needs a positive shape", nameof(shape));
        Name = name;
        this.shape = shape.ToArray();
        int cols = 1;
        for (int i = 1; i < shape.Length; i++) cols *= shape[i];
        Value = new DenseMatrix(shape[0], cols);
        Grad = new DenseMatrix(shape[0], cols);
    }

    /// <summary>The key within its layer, as in PyTorch's state_dict (without the layer prefix).</summary>
    public string Name { get; }

    /// <summary>The PyTorch shape.</summary>
    public IReadOnlyList<int> Shape => shape;

    /// <summary>Number of elements.</summary>
    public int Count => Value.RowCount * Value.ColumnCount;

    /// <summary>The values as a d0 x (rest) matrix.</summary>
    public DenseMatrix Value { get; }

    /// <summary>The accumulated gradient, same layout as <see cref="Value"/>.</summary>
    public DenseMatrix Grad { get; }

    /// <summary>The storage of <see cref="Value"/> (column-major), for element-wise updates.</summary>
    public double[] ValueArray => Value.Values;

    /// <summary>The storage of <see cref="Grad"/> (column-major), for element-wise updates.</summary>
    public double[] GradArray => Grad.Values;

    /// <summary>Sets the gradient to zero.</summary>
    public void ZeroGrad() => Array.Clear(Grad.Values);

    /// <summary>The values in PyTorch's row-major order (the order of a flattened tensor).</summary>
    public double[] ToFlatArray()
    {
        var flat = new double[Count];
        int cols = Value.ColumnCount, k = 0;
        for (int r = 0; r < Value.RowCount; r++)
            for (int c = 0; c < cols; c++)
                flat[k++] = Value[r, c];
        return flat;
    }

    /// <summary>Sets the values from PyTorch's row-major order.</summary>
    public void SetFlat(IReadOnlyList<double> flat)
    {
        if (flat.Count != Count) throw new ArgumentException($"parameter '{Name}' needs {Count} values, got {flat.Count}", nameof(flat));
        int cols = Value.ColumnCount, k = 0;
        for (int r = 0; r < Value.RowCount; r++)
            for (int c = 0; c < cols; c++)
                Value[r, c] = flat[k++];
    }

    /// <summary>Copies values from a matrix of the same layout.</summary>
    public void Set(Matrix<double> values)
    {
        if (values.RowCount != Value.RowCount || values.ColumnCount != Value.ColumnCount)
            throw new ArgumentException($"parameter '{Name}' is {Value.RowCount} x {Value.ColumnCount}", nameof(values));
        values.CopyTo(Value);
    }

    /// <summary>Fills the values with U(-bound, bound) samples, in row-major order.</summary>
    public void InitUniform(Rng rng, double bound)
    {
        var flat = new double[Count];
        for (int i = 0; i < flat.Length; i++) flat[i] = rng.Uniform(-bound, bound);
        SetFlat(flat);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({string.Join(", ", shape)})";
}
