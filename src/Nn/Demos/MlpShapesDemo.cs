using Hwsim.Nn.Data;
using Hwsim.Nn.Layers;
using Hwsim.Nn.Training;

namespace Hwsim.Nn.Demos;

/// <summary>
/// <c>mlp-shapes</c>: 64-16-4 perceptron classifying 8 x 8 images into bar, edge, corner and shape (the
/// "deep representation" demo). Cross-entropy on the 4 scores; early stopping on a 20 % validation split.
/// </summary>
public static class MlpShapesDemo
{
    /// <summary>Seed of the image set (data/shapes-8x8.csv).</summary>
    public const ulong ImageSeed = 8;

    /// <summary>Images per class in the set (2400 images in all).</summary>
    public const int PerClass = 600;

    /// <summary>The last this many images are the test set.</summary>
    public const int TestCount = 200;

    /// <summary>The definition.</summary>
    public static DemoDefinition Definition { get; } = new()
    {
        Name = "mlp-shapes",
        Description = "64-16-4 multilayer perceptron (ReLU hidden layer, class scores out) classifying generated 8x8 images into bar, edge, corner, shape",
        Seed = 31,
        Architecture = () => new Sequential(new Linear("fc1", 64, 16), new ReLU("act1"), new Linear("fc2", 16, 4)),
        Data = () =>
        {
            var (images, labels) = ShapeImages.Generate(PerClass, ImageSeed);
            var targets = CrossEntropyLoss.OneHot(labels, ShapeImages.ClassNames.Count);
            int train = images.Length - TestCount;
            var all = new DataSet(Batch.FromRows(images), Batch.FromRows(targets));
            var trainSet = all.Select(Enumerable.Range(0, train).ToArray());
            var (kept, validation) = trainSet.SplitOff(0.2, new Rng(31));
            return new DemoData(kept, all.Select(Enumerable.Range(train, TestCount).ToArray()), validation);
        },
        Loss = new CrossEntropyLoss(),
        Optimizer = new OptimizerSpec(OptimizerKind.Adam, 0.01),
        LearningRates = new Dictionary<OptimizerKind, double>
        {
            [OptimizerKind.Sgd] = 0.2, [OptimizerKind.Momentum] = 0.05, [OptimizerKind.Nesterov] = 0.05, [OptimizerKind.RmsProp] = 0.003,
        },
        Training = new TrainingOptions { Epochs = 150, BatchSize = 32, Patience = 20 },
        Metric = DemoMetricKind.Accuracy,
        Target = 0.95,
    };
}
