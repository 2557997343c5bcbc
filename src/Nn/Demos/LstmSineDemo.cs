using Hwsim.Nn.Data;
using Hwsim.Nn.Layers;
using Hwsim.Nn.Training;

namespace Hwsim.Nn.Demos;

/// <summary>
/// <c>lstm-sine</c>: LSTM (input 1, hidden 8) and a Linear head predicting the next value of sin(2 pi t / 20)
/// (data/sine.csv). Training: 51 windows of 40 steps starting at t = 0, 5, ..., 250; test: the 80 steps from
/// t = 300 (one sequence from the zero state).
/// </summary>
public static class LstmSineDemo
{
    /// <summary>Period of the sine in steps.</summary>
    public const double Period = 20;

    /// <summary>Length of the generated series.</summary>
    public const int SeriesLength = 400;

    /// <summary>The series sin(2 pi t / 20), t = 0..399.</summary>
    public static double[] Series() => SeriesGenerators.Sine(SeriesLength, Period);

    /// <summary>The definition.</summary>
    public static DemoDefinition Definition { get; } = new()
    {
        Name = "lstm-sine",
        Description = "LSTM (hidden 8) with a Linear head predicting the next value of a sine of period 20 steps",
        Seed = 61,
        Architecture = () => new Sequential(new Lstm("lstm", 1, 8), new Linear("fc", 8, 1)),
        Data = () =>
        {
            var s = Series();
            var train = Enumerable.Range(0, 51).Select(k => Window(s, 5 * k, 40)).ToArray();
            return new DemoData(Pairs(train), Pairs([Window(s, 300, 80)]));
        },
        Optimizer = new OptimizerSpec(OptimizerKind.Adam, 0.01),
        LearningRates = new Dictionary<OptimizerKind, double>
        {
            [OptimizerKind.Sgd] = 0.5, [OptimizerKind.Momentum] = 0.1, [OptimizerKind.Nesterov] = 0.1, [OptimizerKind.RmsProp] = 0.003,
        },
        Training = new TrainingOptions { Epochs = 200, BatchSize = 17, ClipGradNorm = 1.0 },
        Metric = DemoMetricKind.Rmse,
        Target = 0.04,
        ExtraMetrics = (model, data) =>
        {
            double rmse = DemoEvaluation.Rmse(model.Predict(data.Test.Inputs), data.Test.Targets, data.EvaluateFromStep);
            return [new MetricValue("test_mse", rmse * rmse, "mean square error on the test sequence")];
        },
    };

    private static double[] Window(double[] s, int start, int length) => s[start..(start + length + 1)];

    /// <summary>Sequences of inputs x[0..T-1] and targets x[1..T] from windows of T + 1 values.</summary>
    internal static DataSet Pairs(IReadOnlyList<double[]> windows)
    {
        var xs = windows.Select(w => w[..^1].Select(v => new[] { v }).ToArray()).ToArray();
        var ys = windows.Select(w => w[1..].Select(v => new[] { v }).ToArray()).ToArray();
        return new DataSet(Batch.FromSequences(xs), Batch.FromSequences(ys));
    }
}
