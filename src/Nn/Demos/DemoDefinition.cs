using Hwsim.Nn.Layers;
using Hwsim.Nn.Models;
using Hwsim.Nn.Training;

namespace Hwsim.Nn.Demos;

/// <summary>
/// One demo network: its name, what it shows, how to build its data and architecture, how to train it (seed,
/// optimiser, epochs) and how to score it. <see cref="DemoRunner"/> turns it into a trained model.
/// </summary>
public sealed class DemoDefinition
{
    /// <summary>The name (<c>lstm-airline</c>): also the model file name and the <c>hwsim train</c> argument.</summary>
    public required string Name { get; init; }

    /// <summary>One sentence on what it shows.</summary>
    public required string Description { get; init; }

    /// <summary>The seed of initialisation, data generation and shuffling.</summary>
    public required ulong Seed { get; init; }

    /// <summary>Builds the (untrained) layers.</summary>
    public required Func<Sequential> Architecture { get; init; }

    /// <summary>Builds the data sets (deterministic).</summary>
    public required Func<DemoData> Data { get; init; }

    /// <summary>The training loss.</summary>
    public ILoss Loss { get; init; } = new MseLoss();

    /// <summary>The default optimiser.</summary>
    public OptimizerSpec Optimizer { get; init; } = new(OptimizerKind.Adam, 1e-2);

    /// <summary>Learning rates to use when another optimiser is chosen on the command line (missing kinds use the default rate).</summary>
    public IReadOnlyDictionary<OptimizerKind, double> LearningRates { get; init; } = new Dictionary<OptimizerKind, double>();

    /// <summary>Epochs, batch size, clipping and early stopping (the seed is <see cref="Seed"/>).</summary>
    public TrainingOptions Training { get; init; } = new();

    /// <summary>Sets the parameters of a demo that is not trained (e.g. a fixed filter); null for trained demos.</summary>
    public Action<Sequential>? FixedParameters { get; init; }

    /// <summary>True when the demo is trained.</summary>
    public bool IsTrained => FixedParameters is null;

    /// <summary>The task metric.</summary>
    public DemoMetricKind Metric { get; init; }

    /// <summary>The key of the primary metric in <see cref="MetricValue"/> lists (e.g. <c>test_accuracy</c>), or null.</summary>
    public string? MetricKey => Metric switch
    {
        DemoMetricKind.Accuracy => "test_accuracy",
        DemoMetricKind.Rmse => "test_rmse",
        _ => null,
    };

    /// <summary>The promised value of the primary metric: accuracy at least, or RMSE at most, this.</summary>
    public double? Target { get; init; }

    /// <summary>Extra metrics beyond the primary one (e.g. RMSE in passengers), computed from the model and data.</summary>
    public Func<NetworkModel, DemoData, IEnumerable<MetricValue>>? ExtraMetrics { get; init; }

    /// <summary>The learning rate for <paramref name="kind"/>.</summary>
    public double LearningRateFor(OptimizerKind kind) =>
        kind == Optimizer.Kind ? Optimizer.LearningRate : LearningRates.TryGetValue(kind, out var lr) ? lr : Optimizer.LearningRate;

    /// <summary>True when <paramref name="value"/> of the primary metric keeps the promise of <see cref="Target"/>.</summary>
    public bool MeetsTarget(double value) => Target is not double t || Metric switch
    {
        DemoMetricKind.Accuracy => value >= t,
        DemoMetricKind.Rmse => value <= t,
        _ => true,
    };
}
