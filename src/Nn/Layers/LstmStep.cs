using MathNet.Numerics.LinearAlgebra;

namespace Hwsim.Nn.Layers;

/// <summary>
/// Everything one LSTM layer computed at one time step, each an N x H matrix (N x 4H for the pre-activation):
/// the gates i, f, g, o after their nonlinearities, the gate pre-activations
/// x W_ih^T + b_ih + h W_hh^T + b_hh in PyTorch's order (i, f, g, o), the cell and hidden states.
/// </summary>
public sealed record LstmStep(
    Matrix<double> X,
    Matrix<double> HPrev,
    Matrix<double> CPrev,
    Matrix<double> PreActivation,
    Matrix<double> I,
    Matrix<double> F,
    Matrix<double> G,
    Matrix<double> O,
    Matrix<double> C,
    Matrix<double> TanhC,
    Matrix<double> H)
{
    /// <summary>The pre-activation of gate <paramref name="gate"/> (0 = i, 1 = f, 2 = g, 3 = o).</summary>
    public Matrix<double> GatePreActivation(int gate)
    {
        int h = I.ColumnCount;
        return PreActivation.SubMatrix(0, PreActivation.RowCount, gate * h, h);
    }
}
