using MathNet.Numerics.LinearAlgebra;

namespace Hwsim.Nn.Training;

/// <summary>nn.MSELoss with reduction 'mean': the mean of (y - t)^2 over every element of every step.</summary>
public sealed class MseLoss : ILoss
{
    /// <inheritdoc />
    public string Name => "mse";

    /// <inheritdoc />
    public double Value(Batch output, Batch target) => Compute(output, target, out _);

    /// <inheritdoc />
    public double Compute(Batch output, Batch target, out Batch gradient)
    {
        LossShapes.Check(output, target);
        double count = (double)output.Length * output.Size * output.Features;
        double sum = 0;
        var grads = new Matrix<double>[output.Length];
        for (int t = 0; t < output.Length; t++)
        {
            var d = output[t] - target[t];
            sum += d.Enumerate().Sum(v => v * v);
            grads[t] = d.Multiply(2.0 / count);
        }
        gradient = new Batch(grads);
        return sum / count;
    }
}
