namespace Hwsim.Nn.Models.Onnx;

/// <summary>
/// ONNX stacks an LSTM's gate blocks as (i, o, f, c); PyTorch (and our model files) as (i, f, g, o), where g is ONNX's c.
/// Each block is H rows of a (4H, columns) matrix stored row-major.
/// </summary>
internal static class LstmGateOrder
{
    /// <summary>For each PyTorch block (i, f, g, o), the ONNX block it comes from.</summary>
    private static readonly int[] OnnxBlockOfTorch = [0, 2, 3, 1];

    /// <summary>Rows of an ONNX-ordered (4H, columns) matrix in PyTorch's order.</summary>
    public static double[] ToTorch(ReadOnlySpan<double> onnx, int hidden, int columns) => Permute(onnx, hidden, columns, OnnxBlockOfTorch);

    /// <summary>Rows of a PyTorch-ordered (4H, columns) matrix in ONNX's order.</summary>
    public static double[] ToOnnx(ReadOnlySpan<double> torch, int hidden, int columns)
    {
        var inverse = new int[4];
        for (int k = 0; k < 4; k++) inverse[OnnxBlockOfTorch[k]] = k;
        return Permute(torch, hidden, columns, inverse);
    }

    private static double[] Permute(ReadOnlySpan<double> source, int hidden, int columns, int[] sourceBlockOf)
    {
        int block = hidden * columns;
        var result = new double[4 * block];
        for (int k = 0; k < 4; k++) source.Slice(sourceBlockOf[k] * block, block).CopyTo(result.AsSpan(k * block, block));
        return result;
    }
}
