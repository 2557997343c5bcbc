using MathNet.Numerics.LinearAlgebra.Double;
using Hwsim.Nn.Hooks;

namespace Hwsim.Nn.Layers;

/// <summary>Shared plumbing of the parameter-free element-wise activations (ReLU, Sigmoid, Tanh).</summary>
public abstract class ElementwiseActivation : ILayer
{
    /// <summary>Creates the activation with a layer name.</summary>
    protected ElementwiseActivation(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public abstract string TypeName { get; }

    /// <inheritdoc />
    public IReadOnlyList<Parameter> Parameters => [];

    /// <inheritdoc />
    public bool IsRecurrent => false;

    /// <summary>The function.</summary>
    public abstract double Apply(double x);

    /// <summary>Its derivative, written in terms of the input x and the output y = f(x).</summary>
    public abstract double Derivative(double x, double y);

    /// <summary>The function that replaces this one under <paramref name="hooks"/>, or null when it runs as it is.</summary>
    protected abstract IActivationFunction? OverrideIn(ForwardHooks hooks);

    /// <inheritdoc />
    public int OutputFeatures(int inputFeatures) => inputFeatures;

    /// <inheritdoc />
    public LayerPass Forward(Batch input) => new(this, input, input.Map(m => m.Map(Apply)));

    /// <inheritdoc />
    public LayerPass Forward(Batch input, ForwardHooks hooks) => OverrideIn(hooks) is { } f
        ? new(this, input, input.Map(m => m.Map(f.Value)), hooks)
        : new(this, input, input.Map(m => m.Map(Apply)), hooks);

    /// <inheritdoc />
    public Batch Backward(LayerPass pass, Batch outputGradient)
    {
        var over = OverrideIn(pass.Hooks);
        var steps = new DenseMatrix[pass.Input.Length];
        for (int t = 0; t < steps.Length; t++)
        {
            var x = (DenseMatrix)pass.Input[t];
            var y = (DenseMatrix)pass.Output[t];
            var dy = outputGradient[t];
            var dx = new DenseMatrix(x.RowCount, x.ColumnCount);
            double[] xs = x.Values, ys = y.Values, dxs = dx.Values;
            double[] dys = dy.AsColumnMajorArray() ?? dy.ToColumnMajorArray();
            if (over is null)
                for (int i = 0; i < xs.Length; i++) dxs[i] = dys[i] * Derivative(xs[i], ys[i]);
            else
                for (int i = 0; i < xs.Length; i++) dxs[i] = dys[i] * over.Derivative(xs[i]);
            steps[t] = dx;
        }
        return new Batch(steps);
    }

    /// <inheritdoc />
    public void ResetParameters(Rng rng) { }
}
