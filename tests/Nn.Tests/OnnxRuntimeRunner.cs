using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Hwsim.Nn.Tests;

/// <summary>Runs an ONNX model in ONNX Runtime, the independent reference: one input, the first output, flat.</summary>
internal static class OnnxRuntimeRunner
{
    public static double[] Run(byte[] model, double[] input, int[] dims, bool asDouble = false)
    {
        using var session = new InferenceSession(model);
        var name = session.InputMetadata.Keys.Single();
        NamedOnnxValue value = asDouble
            ? NamedOnnxValue.CreateFromTensor(name, new DenseTensor<double>(input, dims))
            : NamedOnnxValue.CreateFromTensor(name, new DenseTensor<float>(input.Select(v => (float)v).ToArray(), dims));
        using var results = session.Run([value]);
        var first = results.First();
        return asDouble ? first.AsTensor<double>().ToArray() : first.AsTensor<float>().Select(v => (double)v).ToArray();
    }
}
