namespace Hwsim.Nn.Training;

/// <summary>A loss over a whole batch (every sample and every step), with its gradient.</summary>
public interface ILoss
{
    /// <summary>A short name (<c>mse</c>, <c>cross_entropy</c>).</summary>
    string Name { get; }

    /// <summary>The loss of <paramref name="output"/> against <paramref name="target"/>, and dLoss/dOutput.</summary>
    double Compute(Batch output, Batch target, out Batch gradient);

    /// <summary>The loss alone.</summary>
    double Value(Batch output, Batch target);
}
