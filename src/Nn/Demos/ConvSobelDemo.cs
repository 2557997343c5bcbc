using Hwsim.Nn.Data;
using Hwsim.Nn.Layers;
using Hwsim.Nn.Training;

namespace Hwsim.Nn.Demos;

/// <summary>
/// <c>conv-sobel</c>: a fixed image filter, no training. Conv2d(1, 2, 3) on 8 x 8 images, no padding: channel 0
/// is Sobel-x (horizontal gradient), channel 1 Sobel-y, bias 0; output 2 x 6 x 6, flattened. The test inputs are
/// the first 16 test images of the shape set.
/// </summary>
public static class ConvSobelDemo
{
    /// <summary>The Sobel-x kernel (responds to a change from left to right).</summary>
    public static double[,] SobelX { get; } = { { -1, 0, 1 }, { -2, 0, 2 }, { -1, 0, 1 } };

    /// <summary>The Sobel-y kernel (responds to a change from top to bottom).</summary>
    public static double[,] SobelY { get; } = { { -1, -2, -1 }, { 0, 0, 0 }, { 1, 2, 1 } };

    /// <summary>The definition.</summary>
    public static DemoDefinition Definition { get; } = new()
    {
        Name = "conv-sobel",
        Description = "a fixed 3x3 Sobel filter pair (x and y gradients) as a Conv2d over 8x8 images: an image transform, not trained",
        Seed = 41,
        Architecture = () => new Sequential(
            new Conv2d("sobel", 1, 2, 3, 3, inputHeight: ShapeImages.Side, inputWidth: ShapeImages.Side), new Flatten("flat")),
        Data = () =>
        {
            var (images, _) = ShapeImages.Generate(MlpShapesDemo.PerClass, MlpShapesDemo.ImageSeed);
            var test = images.Skip(images.Length - MlpShapesDemo.TestCount).Take(16).ToArray();
            var inputs = Batch.FromRows(test);
            var set = new DataSet(inputs, Batch.FromRows(test.Select(Filter).ToArray()));
            return new DemoData(set, set);
        },
        FixedParameters = network =>
        {
            var conv = (Conv2d)network["sobel"];
            var flat = new List<double>();
            foreach (var k in new[] { SobelX, SobelY })
                for (int r = 0; r < 3; r++)
                    for (int c = 0; c < 3; c++) flat.Add(k[r, c]);
            conv.Weight.SetFlat(flat);
            conv.Bias!.SetFlat([0.0, 0.0]);
        },
        Metric = DemoMetricKind.None,
        ExtraMetrics = (model, data) =>
        [
            new MetricValue("max_abs_error_vs_direct_filter", Tensors.MaxAbsDifference(model.Predict(data.Test.Inputs), data.Test.Targets),
                "largest difference between the Conv2d and a direct loop over the Sobel kernels"),
        ],
    };

    /// <summary>The two Sobel responses of an 8 x 8 image by a direct loop: 2 x 6 x 6 values in (channel, row, column) order.</summary>
    public static double[] Filter(double[] image)
    {
        const int s = ShapeImages.Side, o = s - 2;
        var result = new double[2 * o * o];
        int k = 0;
        foreach (var kernel in new[] { SobelX, SobelY })
            for (int r = 0; r < o; r++)
                for (int c = 0; c < o; c++)
                {
                    double sum = 0;
                    for (int i = 0; i < 3; i++)
                        for (int j = 0; j < 3; j++) sum += kernel[i, j] * image[(r + i) * s + c + j];
                    result[k++] = sum;
                }
        return result;
    }
}
