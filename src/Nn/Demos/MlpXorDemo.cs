using Hwsim.Nn.Data;
using Hwsim.Nn.Layers;
using Hwsim.Nn.Training;

namespace Hwsim.Nn.Demos;

/// <summary><c>mlp-xor</c>: 2-4-1 perceptron (tanh hidden, sigmoid output) learning XOR.</summary>
public static class MlpXorDemo
{
    /// <summary>The definition.</summary>
    public static DemoDefinition Definition { get; } = new()
    {
        Name = "mlp-xor",
        Description = "2-4-1 multilayer perceptron (tanh hidden layer, sigmoid output) learning XOR; the test set is the four cases",
        Seed = 21,
        Architecture = () => new Sequential(new Linear("fc1", 2, 4), new Tanh("act1"), new Linear("fc2", 4, 1), new Sigmoid("out")),
        Data = () =>
        {
            var set = new DataSet(Batch.FromRows(XorData.Inputs), Batch.FromRows(XorData.Targets));
            return new DemoData(set, set);
        },
        Optimizer = new OptimizerSpec(OptimizerKind.Adam, 0.05),
        LearningRates = new Dictionary<OptimizerKind, double>
        {
            [OptimizerKind.Sgd] = 2.0, [OptimizerKind.Momentum] = 0.5, [OptimizerKind.Nesterov] = 0.5, [OptimizerKind.RmsProp] = 0.02,
        },
        Training = new TrainingOptions { Epochs = 300, BatchSize = 0, Shuffle = false },
        Metric = DemoMetricKind.Accuracy,
        Target = 1.0,
        ExtraMetrics = (model, data) =>
        [
            new MetricValue("test_rmse", DemoEvaluation.Rmse(model.Predict(data.Test.Inputs), data.Test.Targets), "root mean square error of the output against 0/1"),
        ],
    };
}
