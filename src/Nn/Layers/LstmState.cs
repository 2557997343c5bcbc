using MathNet.Numerics.LinearAlgebra;

namespace Hwsim.Nn.Layers;

/// <summary>
/// The (h, c) state of a stacked LSTM: one N x H matrix per layer for each, like PyTorch's (h_n, c_n) of shape
/// (num_layers, N, H).
/// </summary>
public sealed record LstmState(IReadOnlyList<Matrix<double>> H, IReadOnlyList<Matrix<double>> C)
{
    /// <summary>All zeros for <paramref name="numLayers"/> layers, batch size <paramref name="size"/>, hidden size <paramref name="hidden"/>.</summary>
    public static LstmState Zeros(int numLayers, int size, int hidden) => new(
        Enumerable.Range(0, numLayers).Select(_ => (Matrix<double>)Tensors.Zeros(size, hidden)).ToArray(),
        Enumerable.Range(0, numLayers).Select(_ => (Matrix<double>)Tensors.Zeros(size, hidden)).ToArray());
}
