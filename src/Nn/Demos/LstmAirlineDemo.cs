using Hwsim.Nn.Data;
using Hwsim.Nn.Layers;
using Hwsim.Nn.Training;

namespace Hwsim.Nn.Demos;

/// <summary>
/// <c>lstm-airline</c>: as Li et al. (Nature Machine Intelligence 2019) did on a memristor crossbar: LSTM
/// (input 1, hidden 15) and a Linear head; the 144 monthly passenger totals min-max scaled to [0, 1] over the
/// whole series; predict next month from this month (143 pairs); train on the first two-thirds (95 pairs, one
/// sequence from the zero state); test on the remaining 48 months. The test sequence is all 143 inputs (the state
/// warms up through the training months) and the metric counts its last 48 steps.
/// </summary>
public static class LstmAirlineDemo
{
    /// <summary>Number of (this month, next month) pairs.</summary>
    public const int Pairs = 143;

    /// <summary>Training pairs: the first two-thirds.</summary>
    public const int TrainPairs = 95;

    /// <summary>The scaler of the series (min 104, max 622).</summary>
    public static MinMaxScaler Scaler => MinMaxScaler.Fit(AirlinePassengers.Values);

    /// <summary>The definition.</summary>
    public static DemoDefinition Definition { get; } = new()
    {
        Name = "lstm-airline",
        Description = "LSTM (hidden 15) with a Linear head predicting next month's airline passengers (1949-1960, min-max scaled), trained on the first 95 of 143 pairs",
        Seed = 71,
        Architecture = () => new Sequential(new Lstm("lstm", 1, 15), new Linear("fc", 15, 1)),
        Data = () =>
        {
            var scaler = Scaler;
            var s = AirlinePassengers.Values.Select(scaler.Transform).ToArray();
            var all = LstmSineDemo.Pairs([s]);
            var train = LstmSineDemo.Pairs([s[..(TrainPairs + 1)]]);
            return new DemoData(train, all, EvaluateFromStep: TrainPairs);
        },
        Optimizer = new OptimizerSpec(OptimizerKind.Adam, 0.01),
        LearningRates = new Dictionary<OptimizerKind, double>
        {
            [OptimizerKind.Sgd] = 0.5, [OptimizerKind.Momentum] = 0.1, [OptimizerKind.Nesterov] = 0.1, [OptimizerKind.RmsProp] = 0.003,
        },
        Training = new TrainingOptions { Epochs = 1000, BatchSize = 0, Shuffle = false, ClipGradNorm = 1.0 },
        Metric = DemoMetricKind.Rmse,
        Target = 0.12,
        ExtraMetrics = (model, data) =>
        {
            var output = model.Predict(data.Test.Inputs);
            double range = Scaler.Max - Scaler.Min;
            double test = DemoEvaluation.Rmse(output, data.Test.Targets, TrainPairs);
            double train = DemoEvaluation.Rmse(output.SliceSteps(0, TrainPairs), data.Test.Targets.SliceSteps(0, TrainPairs));
            return
            [
                new MetricValue("test_rmse_passengers", test * range, "test RMSE in thousands of passengers"),
                new MetricValue("train_rmse", train, "RMSE on the 95 training months, scaled units"),
                new MetricValue("train_rmse_passengers", train * range, "RMSE on the 95 training months, thousands of passengers"),
                new MetricValue("naive_test_rmse_passengers", DemoEvaluation.Rmse(data.Test.Inputs, data.Test.Targets, TrainPairs) * range,
                    "baseline: test RMSE of predicting next month = this month, thousands of passengers"),
            ];
        },
    };
}
