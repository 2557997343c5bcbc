using Hwsim.Nn.Layers;
using Hwsim.Nn.Training;

namespace Hwsim.Nn.Demos;

/// <summary>
/// The single-neuron demos: y = act(w . x + b) with 3 inputs, learned from samples of a known neuron
/// (inputs uniform in [-1, 1]^3), so the learned weights can be checked against the true ones.
/// </summary>
internal static class SingleNeuron
{
    public static DemoDefinition Create(string name, string activation, Func<double, double> act, double[] w, double b, ulong seed)
    {
        return new DemoDefinition
        {
            Name = name,
            Description = $"one {activation} neuron with 3 inputs, learning y = {activation}({w[0]} x1 + {w[1]} x2 + {w[2]} x3 + {b}) from 256 samples",
            Seed = seed,
            Architecture = () => new Sequential(new Linear("fc", 3, 1), Activation(activation)),
            Data = () =>
            {
                var rng = new Rng(seed + 1000);
                return new DemoData(Make(256), Make(128));

                DataSet Make(int count)
                {
                    var xs = new double[count][];
                    var ys = new double[count][];
                    for (int i = 0; i < count; i++)
                    {
                        xs[i] = [rng.Uniform(-1, 1), rng.Uniform(-1, 1), rng.Uniform(-1, 1)];
                        ys[i] = [act(w[0] * xs[i][0] + w[1] * xs[i][1] + w[2] * xs[i][2] + b)];
                    }
                    return new DataSet(Batch.FromRows(xs), Batch.FromRows(ys));
                }
            },
            Optimizer = new OptimizerSpec(OptimizerKind.Adam, 0.05),
            LearningRates = new Dictionary<OptimizerKind, double>
            {
                [OptimizerKind.Sgd] = 0.5, [OptimizerKind.Momentum] = 0.1, [OptimizerKind.Nesterov] = 0.1, [OptimizerKind.RmsProp] = 0.01,
            },
            Training = new TrainingOptions { Epochs = 200, BatchSize = 32 },
            Metric = DemoMetricKind.Rmse,
            Target = 0.01,
            ExtraMetrics = (model, _) =>
            {
                var fc = (Linear)model.Network["fc"];
                var learned = fc.Weight.ToFlatArray().Append(fc.Bias!.ToFlatArray()[0]).ToArray();
                var truth = w.Append(b).ToArray();
                double err = learned.Zip(truth, (p, q) => Math.Abs(p - q)).Max();
                return [new MetricValue("max_parameter_error", err, "largest |learned - true| over w1, w2, w3, b")];
            },
        };
    }

    private static ILayer Activation(string activation) => activation switch
    {
        "relu" => new ReLU("act"),
        "sigmoid" => new Sigmoid("act"),
        _ => new Tanh("act"),
    };
}
