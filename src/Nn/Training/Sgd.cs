namespace Hwsim.Nn.Training;

/// <summary>
/// torch.optim.SGD. With g = grad + weight_decay * theta; when momentum &gt; 0: b = g on the first step, else
/// b = momentum * b + (1 - dampening) * g; then g = g + momentum * b (Nesterov) or g = b; theta -= lr * g.
/// Defaults are PyTorch's (lr = 1e-3, no momentum, no dampening, no weight decay).
/// </summary>
public sealed class Sgd : IOptimizer
{
    private readonly Parameter[] parameters;
    private readonly double[][] buffers;
    private bool first = true;

    /// <summary>Creates the optimiser.</summary>
    public Sgd(IEnumerable<Parameter> parameters, double lr = 1e-3, double momentum = 0, double dampening = 0,
        double weightDecay = 0, bool nesterov = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lr);
        ArgumentOutOfRangeException.ThrowIfNegative(momentum);
        ArgumentOutOfRangeException.ThrowIfNegative(weightDecay);
        if (nesterov && (momentum <= 0 || dampening != 0))
            throw new ArgumentException("Nesterov momentum requires a momentum and zero dampening");
        this.parameters = parameters.ToArray();
        buffers = this.parameters.Select(p => new double[p.Count]).ToArray();
        LearningRate = lr;
        Momentum = momentum;
        Dampening = dampening;
        WeightDecay = weightDecay;
        Nesterov = nesterov;
    }

    /// <inheritdoc />
    public string Name => Momentum == 0 ? "sgd" : Nesterov ? "nesterov" : "momentum";

    /// <inheritdoc />
    public double LearningRate { get; }

    /// <summary>The momentum factor.</summary>
    public double Momentum { get; }

    /// <summary>The dampening of the momentum buffer.</summary>
    public double Dampening { get; }

    /// <summary>L2 penalty added to the gradient.</summary>
    public double WeightDecay { get; }

    /// <summary>True for Nesterov momentum.</summary>
    public bool Nesterov { get; }

    /// <inheritdoc />
    public void Step()
    {
        for (int k = 0; k < parameters.Length; k++)
        {
            double[] theta = parameters[k].ValueArray, grad = parameters[k].GradArray, b = buffers[k];
            for (int i = 0; i < theta.Length; i++)
            {
                double g = grad[i];
                if (WeightDecay != 0) g += WeightDecay * theta[i];
                if (Momentum != 0)
                {
                    b[i] = first ? g : Momentum * b[i] + (1 - Dampening) * g;
                    g = Nesterov ? g + Momentum * b[i] : b[i];
                }
                theta[i] -= LearningRate * g;
            }
        }
        first = false;
    }
}
