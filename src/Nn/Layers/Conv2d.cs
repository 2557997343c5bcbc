using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using Hwsim.Nn.Hooks;

namespace Hwsim.Nn.Layers;

/// <summary>
/// nn.Conv2d (cross-correlation, zero padding, groups = dilation = 1). Weight (out_channels, in_channels, kH, kW),
/// bias (out_channels). Each sample is a flat row in (channel, row, column) order; the spatial size of the input is
/// given, or inferred as a square from the number of features.
/// </summary>
public sealed class Conv2d : ILayer
{
    /// <summary>Creates a zero-initialised convolution.</summary>
    public Conv2d(string name, int inChannels, int outChannels, int kernelHeight, int kernelWidth,
        int strideY = 1, int strideX = 1, int paddingY = 0, int paddingX = 0, bool bias = true,
        int? inputHeight = null, int? inputWidth = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernelHeight);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernelWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(strideY);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(strideX);
        ArgumentOutOfRangeException.ThrowIfNegative(paddingY);
        ArgumentOutOfRangeException.ThrowIfNegative(paddingX);
        Name = name;
        InChannels = inChannels;
        OutChannels = outChannels;
        KernelHeight = kernelHeight;
        KernelWidth = kernelWidth;
        StrideY = strideY;
        StrideX = strideX;
        PaddingY = paddingY;
        PaddingX = paddingX;
        InputHeight = inputHeight;
        InputWidth = inputWidth;
        Weight = new Parameter("weight", outChannels, inChannels, kernelHeight, kernelWidth);
        Bias = bias ? new Parameter("bias", outChannels) : null;
        Parameters = Bias is null ? [Weight] : [Weight, Bias];
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public string TypeName => "Conv2d";

    /// <summary>in_channels.</summary>
    public int InChannels { get; }

    /// <summary>out_channels.</summary>
    public int OutChannels { get; }

    /// <summary>Kernel rows.</summary>
    public int KernelHeight { get; }

    /// <summary>Kernel columns.</summary>
    public int KernelWidth { get; }

    /// <summary>Vertical stride.</summary>
    public int StrideY { get; }

    /// <summary>Horizontal stride.</summary>
    public int StrideX { get; }

    /// <summary>Zero rows added above and below.</summary>
    public int PaddingY { get; }

    /// <summary>Zero columns added left and right.</summary>
    public int PaddingX { get; }

    /// <summary>Input height when fixed, else inferred (square).</summary>
    public int? InputHeight { get; }

    /// <summary>Input width when fixed, else inferred (square).</summary>
    public int? InputWidth { get; }

    /// <summary>Weight, shape (out_channels, in_channels, kH, kW).</summary>
    public Parameter Weight { get; }

    /// <summary>Bias, shape (out_channels), or null.</summary>
    public Parameter? Bias { get; }

    /// <inheritdoc />
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <inheritdoc />
    public bool IsRecurrent => false;

    /// <summary>The (height, width) of an input with <paramref name="inputFeatures"/> features.</summary>
    public (int Height, int Width) InputSize(int inputFeatures)
    {
        if (inputFeatures % InChannels != 0)
            throw new ArgumentException($"layer '{Name}' (Conv2d) has {InChannels} input channels, which do not divide {inputFeatures} input features");
        int plane = inputFeatures / InChannels;
        int h, w;
        if (InputHeight is int fh && InputWidth is int fw) { h = fh; w = fw; }
        else if (InputHeight is int oh) { h = oh; w = plane / oh; }
        else if (InputWidth is int ow) { w = ow; h = plane / ow; }
        else { h = w = (int)Math.Round(Math.Sqrt(plane)); }
        if (h * w != plane)
            throw new ArgumentException($"layer '{Name}' (Conv2d) cannot shape {inputFeatures} input features as {InChannels} x {h} x {w}");
        return (h, w);
    }

    /// <summary>The (height, width) of the output for an input of the given size.</summary>
    public (int Height, int Width) OutputSize(int height, int width)
    {
        int oh = (height + 2 * PaddingY - KernelHeight) / StrideY + 1;
        int ow = (width + 2 * PaddingX - KernelWidth) / StrideX + 1;
        if (height + 2 * PaddingY < KernelHeight || width + 2 * PaddingX < KernelWidth)
            throw new ArgumentException($"layer '{Name}' (Conv2d): a {KernelHeight} x {KernelWidth} kernel does not fit a {height} x {width} input");
        return (oh, ow);
    }

    /// <inheritdoc />
    public int OutputFeatures(int inputFeatures)
    {
        var (h, w) = InputSize(inputFeatures);
        var (oh, ow) = OutputSize(h, w);
        return OutChannels * oh * ow;
    }

    /// <inheritdoc />
    public LayerPass Forward(Batch input) => Forward(input, ForwardHooks.None);

    /// <inheritdoc />
    public LayerPass Forward(Batch input, ForwardHooks hooks)
    {
        var (h, w) = InputSize(input.Features);
        var (oh, ow) = OutputSize(h, w);
        var outputs = new Matrix<double>[input.Length];
        for (int t = 0; t < input.Length; t++)
        {
            var x = input[t];
            var y = new DenseMatrix(x.RowCount, OutChannels * oh * ow);
            for (int n = 0; n < x.RowCount; n++)
            {
                var cols = Im2Col(x, n, h, w, oh, ow);
                var res = Weight.Value.Multiply(cols); // out_channels x (oh*ow)
                for (int oc = 0; oc < OutChannels; oc++)
                {
                    double b = Bias is null ? 0.0 : Bias.Value[oc, 0];
                    for (int p = 0; p < oh * ow; p++) y[n, oc * oh * ow + p] = res[oc, p] + b;
                }
            }
            if (hooks.AffineClip is { } clip) clip.ApplyInPlace(y.Values);
            outputs[t] = y;
        }
        return new LayerPass(this, input, new Batch(outputs), hooks);
    }

    /// <inheritdoc />
    public Batch Backward(LayerPass pass, Batch outputGradient)
    {
        var input = pass.Input;
        var (h, w) = InputSize(input.Features);
        var (oh, ow) = OutputSize(h, w);
        var dxs = new Matrix<double>[input.Length];
        for (int t = 0; t < input.Length; t++)
        {
            var x = input[t];
            var dy = outputGradient[t];
            if (pass.Hooks.AffineClip is { } clip) dy = Linear.Masked(dy, pass.Output[t], clip);
            var dx = new DenseMatrix(x.RowCount, x.ColumnCount);
            for (int n = 0; n < x.RowCount; n++)
            {
                var cols = Im2Col(x, n, h, w, oh, ow);
                var dyn = new DenseMatrix(OutChannels, oh * ow);
                for (int oc = 0; oc < OutChannels; oc++)
                    for (int p = 0; p < oh * ow; p++) dyn[oc, p] = dy[n, oc * oh * ow + p];
                Weight.Grad.Add(dyn.TransposeAndMultiply(cols), Weight.Grad);
                if (Bias is not null)
                    for (int oc = 0; oc < OutChannels; oc++) Bias.Grad[oc, 0] += dyn.Row(oc).Sum();
                var dcols = Weight.Value.TransposeThisAndMultiply(dyn);
                Col2ImAdd(dcols, dx, n, h, w, oh, ow);
            }
            dxs[t] = dx;
        }
        return new Batch(dxs);
    }

    /// <summary>Columns of receptive fields: row (ic, ky, kx), column (oy, ox).</summary>
    private DenseMatrix Im2Col(Matrix<double> x, int n, int h, int w, int oh, int ow)
    {
        var cols = new DenseMatrix(InChannels * KernelHeight * KernelWidth, oh * ow);
        for (int ic = 0; ic < InChannels; ic++)
            for (int ky = 0; ky < KernelHeight; ky++)
                for (int kx = 0; kx < KernelWidth; kx++)
                {
                    int row = (ic * KernelHeight + ky) * KernelWidth + kx;
                    for (int oy = 0; oy < oh; oy++)
                    {
                        int iy = oy * StrideY + ky - PaddingY;
                        if (iy < 0 || iy >= h) continue;
                        for (int ox = 0; ox < ow; ox++)
                        {
                            int ix = ox * StrideX + kx - PaddingX;
                            if (ix < 0 || ix >= w) continue;
                            cols[row, oy * ow + ox] = x[n, (ic * h + iy) * w + ix];
                        }
                    }
                }
        return cols;
    }

    private void Col2ImAdd(Matrix<double> dcols, Matrix<double> dx, int n, int h, int w, int oh, int ow)
    {
        for (int ic = 0; ic < InChannels; ic++)
            for (int ky = 0; ky < KernelHeight; ky++)
                for (int kx = 0; kx < KernelWidth; kx++)
                {
                    int row = (ic * KernelHeight + ky) * KernelWidth + kx;
                    for (int oy = 0; oy < oh; oy++)
                    {
                        int iy = oy * StrideY + ky - PaddingY;
                        if (iy < 0 || iy >= h) continue;
                        for (int ox = 0; ox < ow; ox++)
                        {
                            int ix = ox * StrideX + kx - PaddingX;
                            if (ix < 0 || ix >= w) continue;
                            dx[n, (ic * h + iy) * w + ix] += dcols[row, oy * ow + ox];
                        }
                    }
                }
    }

    /// <summary>PyTorch's default: uniform in +-1/sqrt(in_channels * kH * kW).</summary>
    public void ResetParameters(Rng rng)
    {
        double bound = 1.0 / Math.Sqrt(InChannels * KernelHeight * KernelWidth);
        Weight.InitUniform(rng, bound);
        Bias?.InitUniform(rng, bound);
    }
}
