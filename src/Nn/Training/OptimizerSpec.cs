namespace Hwsim.Nn.Training;

/// <summary>Which optimiser, with which learning rate (and momentum); everything else is PyTorch's default (momentum 0.9 for the momentum kinds unless given).</summary>
public sealed record OptimizerSpec(OptimizerKind Kind, double LearningRate)
{
    /// <summary>The momentum factor used by <see cref="OptimizerKind.Momentum"/> and <see cref="OptimizerKind.Nesterov"/>.</summary>
    public const double MomentumFactor = 0.9;

    /// <summary>The momentum of <see cref="OptimizerKind.Momentum"/> and <see cref="OptimizerKind.Nesterov"/> (default <see cref="MomentumFactor"/>).</summary>
    public double Momentum { get; init; } = MomentumFactor;

    /// <summary>Creates the optimiser over <paramref name="parameters"/>.</summary>
    public IOptimizer Create(IEnumerable<Parameter> parameters) => Kind switch
    {
        OptimizerKind.Sgd => new Sgd(parameters, LearningRate),
        OptimizerKind.Momentum => new Sgd(parameters, LearningRate, momentum: Momentum),
        OptimizerKind.Nesterov => new Sgd(parameters, LearningRate, momentum: Momentum, nesterov: true),
        OptimizerKind.RmsProp => new RmsProp(parameters, LearningRate),
        OptimizerKind.Adam => new Adam(parameters, LearningRate),
        _ => throw new ArgumentOutOfRangeException(nameof(Kind)),
    };

    /// <summary>The name used on the command line and in model files.</summary>
    public string Name => KindName(Kind);

    /// <summary>The command-line name of a kind.</summary>
    public static string KindName(OptimizerKind kind) => kind switch
    {
        OptimizerKind.Sgd => "sgd",
        OptimizerKind.Momentum => "momentum",
        OptimizerKind.Nesterov => "nesterov",
        OptimizerKind.RmsProp => "rmsprop",
        OptimizerKind.Adam => "adam",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Parses a command-line name (case-insensitive); null when unknown.</summary>
    public static OptimizerKind? ParseKind(string name) =>
        Enum.GetValues<OptimizerKind>().Cast<OptimizerKind?>().FirstOrDefault(k => string.Equals(KindName(k!.Value), name, StringComparison.OrdinalIgnoreCase));
}
