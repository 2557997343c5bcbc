namespace Hwsim.Nn.Training;

/// <summary>
/// torch.optim.RMSprop. With g = grad + weight_decay * theta: v = alpha * v + (1 - alpha) * g^2; centered:
/// g_ave = alpha * g_ave + (1 - alpha) * g and v~ = v - g_ave^2, else v~ = v; with momentum:
/// b = momentum * b + g / (sqrt(v~) + eps), theta -= lr * b; else theta -= lr * g / (sqrt(v~) + eps).
/// Defaults are PyTorch's (lr = 1e-2, alpha = 0.99, eps = 1e-8).
/// </summary>
public sealed class RmsProp : IOptimizer
{
    private readonly Parameter[] parameters;
    private readonly double[][] squareAvg, gradAvg, buffers;

    /// <summary>Creates the optimiser.</summary>
    public RmsProp(IEnumerable<Parameter> parameters, double lr = 1e-2, double alpha = 0.99, double eps = 1e-8,
        double weightDecay = 0, double momentum = 0, bool centered = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lr);
        ArgumentOutOfRangeException.ThrowIfNegative(alpha);
        ArgumentOutOfRangeException.ThrowIfNegative(eps);
        this.parameters = parameters.ToArray();
        squareAvg = this.parameters.Select(p => new double[p.Count]).ToArray();
        gradAvg = this.parameters.Select(p => new double[p.Count]).ToArray();
        buffers = this.parameters.Select(p => new double[p.Count]).ToArray();
        LearningRate = lr;
        Alpha = alpha;
        Eps = eps;
        WeightDecay = weightDecay;
        Momentum = momentum;
        Centered = centered;
    }

    /// <inheritdoc />
    public string Name => "rmsprop";

    /// <inheritdoc />
    public double LearningRate { get; }

    /// <summary>Smoothing constant.</summary>
    public double Alpha { get; }

    /// <summary>Added to the denominator.</summary>
    public double Eps { get; }

    /// <summary>L2 penalty added to the gradient.</summary>
    public double WeightDecay { get; }

    /// <summary>Momentum factor.</summary>
    public double Momentum { get; }

    /// <summary>True to normalise by the variance estimate.</summary>
    public bool Centered { get; }

    /// <inheritdoc />
    public void Step()
    {
        for (int k = 0; k < parameters.Length; k++)
        {
            double[] theta = parameters[k].ValueArray, grad = parameters[k].GradArray;
            double[] v = squareAvg[k], gAve = gradAvg[k], b = buffers[k];
            for (int i = 0; i < theta.Length; i++)
            {
                double g = grad[i];
                if (WeightDecay != 0) g += WeightDecay * theta[i];
                v[i] = Alpha * v[i] + (1 - Alpha) * g * g;
                double vt = v[i];
                if (Centered)
                {
                    gAve[i] = gAve[i] * Alpha + (1 - Alpha) * g;
                    vt -= gAve[i] * gAve[i];
                }
                double denom = Math.Sqrt(vt) + Eps;
                if (Momentum > 0)
                {
                    b[i] = Momentum * b[i] + g / denom;
                    theta[i] -= LearningRate * b[i];
                }
                else
                {
                    theta[i] -= LearningRate * g / denom;
                }
            }
        }
    }
}
