namespace Hwsim.Nn.Training;

/// <summary>
/// torch.optim.Adam. With g = grad + weight_decay * theta, at step t: m = beta1 * m + (1 - beta1) * g,
/// v = beta2 * v + (1 - beta2) * g^2, m^ = m / (1 - beta1^t), v^ = v / (1 - beta2^t) (AMSGrad: v^max = max(v^max, v^)),
/// theta -= lr * m^ / (sqrt(v^) + eps). Defaults are PyTorch's (lr = 1e-3, betas = (0.9, 0.999), eps = 1e-8).
/// </summary>
public sealed class Adam : IOptimizer
{
    private readonly Parameter[] parameters;
    private readonly double[][] m, v, vMax;
    private int t;

    /// <summary>Creates the optimiser.</summary>
    public Adam(IEnumerable<Parameter> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
        double eps = 1e-8, double weightDecay = 0, bool amsgrad = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lr);
        if (beta1 is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(beta1));
        if (beta2 is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(beta2));
        this.parameters = parameters.ToArray();
        m = this.parameters.Select(p => new double[p.Count]).ToArray();
        v = this.parameters.Select(p => new double[p.Count]).ToArray();
        vMax = this.parameters.Select(p => new double[p.Count]).ToArray();
        LearningRate = lr;
        Beta1 = beta1;
        Beta2 = beta2;
        Eps = eps;
        WeightDecay = weightDecay;
        Amsgrad = amsgrad;
    }

    /// <inheritdoc />
    public string Name => "adam";

    /// <inheritdoc />
    public double LearningRate { get; }

    /// <summary>Decay of the first moment.</summary>
    public double Beta1 { get; }

    /// <summary>Decay of the second moment.</summary>
    public double Beta2 { get; }

    /// <summary>Added to the denominator.</summary>
    public double Eps { get; }

    /// <summary>L2 penalty added to the gradient.</summary>
    public double WeightDecay { get; }

    /// <summary>True for the AMSGrad variant.</summary>
    public bool Amsgrad { get; }

    /// <summary>Steps taken so far.</summary>
    public int StepCount => t;

    /// <inheritdoc />
    public void Step()
    {
        t++;
        double bc1 = 1 - Math.Pow(Beta1, t);
        double bc2 = 1 - Math.Pow(Beta2, t);
        for (int k = 0; k < parameters.Length; k++)
        {
            double[] theta = parameters[k].ValueArray, grad = parameters[k].GradArray;
            double[] mk = m[k], vk = v[k], vmk = vMax[k];
            for (int i = 0; i < theta.Length; i++)
            {
                double g = grad[i];
                if (WeightDecay != 0) g += WeightDecay * theta[i];
                mk[i] = Beta1 * mk[i] + (1 - Beta1) * g;
                vk[i] = Beta2 * vk[i] + (1 - Beta2) * g * g;
                double mHat = mk[i] / bc1;
                double vHat = vk[i] / bc2;
                if (Amsgrad)
                {
                    vmk[i] = Math.Max(vmk[i], vHat);
                    vHat = vmk[i];
                }
                theta[i] -= LearningRate * mHat / (Math.Sqrt(vHat) + Eps);
            }
        }
    }
}
