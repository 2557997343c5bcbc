using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using Hwsim.Nn.Hooks;

namespace Hwsim.Nn.Layers;

/// <summary>nn.Linear: y = x W^T + b with W of shape (out_features, in_features), applied at every step.</summary>
public sealed class Linear : ILayer
{
    /// <summary>Creates a zero-initialised Linear layer.</summary>
    public Linear(string name, int inFeatures, int outFeatures, bool bias = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inFeatures);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outFeatures);
        Name = name;
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        Weight = new Parameter("weight", outFeatures, inFeatures);
        Bias = bias ? new Parameter("bias", outFeatures) : null;
        Parameters = Bias is null ? [Weight] : [Weight, Bias];
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public string TypeName => "Linear";

    /// <summary>in_features.</summary>
    public int InFeatures { get; }

    /// <summary>out_features.</summary>
    public int OutFeatures { get; }

    /// <summary>W, shape (out_features, in_features).</summary>
    public Parameter Weight { get; }

    /// <summary>b, shape (out_features), or null without bias.</summary>
    public Parameter? Bias { get; }

    /// <inheritdoc />
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <inheritdoc />
    public bool IsRecurrent => false;

    /// <inheritdoc />
    public int OutputFeatures(int inputFeatures)
    {
        if (inputFeatures != InFeatures)
            throw new ArgumentException($"layer '{Name}' (Linear) expects {InFeatures} input features, got {inputFeatures}");
        return OutFeatures;
    }

    /// <inheritdoc />
    public LayerPass Forward(Batch input) => Forward(input, ForwardHooks.None);

    /// <inheritdoc />
    public LayerPass Forward(Batch input, ForwardHooks hooks)
    {
        OutputFeatures(input.Features);
        var output = hooks.AffineClip is { } clip ? input.Map(x => clip.ApplyInPlace(Apply(x))) : input.Map(Apply);
        return new LayerPass(this, input, output, hooks);
    }

    private Matrix<double> Apply(Matrix<double> x)
    {
        var y = x.TransposeAndMultiply(Weight.Value);
        if (Bias is not null) Tensors.AddRowVector(y, Bias.Value);
        return y;
    }

    /// <inheritdoc />
    public Batch Backward(LayerPass pass, Batch outputGradient)
    {
        var dx = new Matrix<double>[pass.Input.Length];
        for (int t = 0; t < dx.Length; t++)
        {
            var dy = outputGradient[t];
            if (pass.Hooks.AffineClip is { } clip) dy = Masked(dy, pass.Output[t], clip);
            Weight.Grad.Add(dy.TransposeThisAndMultiply(pass.Input[t]), Weight.Grad);
            if (Bias is not null) Tensors.AddColumnSums(Bias.Grad, dy);
            dx[t] = dy.Multiply(Weight.Value);
        }
        return new Batch(dx);
    }

    /// <summary>The gradient through a clip: <paramref name="dy"/> with zeros where <paramref name="y"/> sits at a limit.</summary>
    internal static Matrix<double> Masked(Matrix<double> dy, Matrix<double> y, ClipRange clip)
    {
        var masked = DenseMatrix.OfMatrix(dy);
        clip.MaskInPlace(masked.Values, y.AsColumnMajorArray() ?? y.ToColumnMajorArray());
        return masked;
    }

    /// <summary>PyTorch's default: W and b uniform in +-1/sqrt(in_features).</summary>
    public void ResetParameters(Rng rng)
    {
        double bound = 1.0 / Math.Sqrt(InFeatures);
        Weight.InitUniform(rng, bound);
        Bias?.InitUniform(rng, bound);
    }
}
