using Hwsim.Nn.Models.Onnx;

namespace Hwsim.Nn.Models;

/// <summary>Loads a model from either format the commands accept: ONNX (a name ending in <c>.onnx</c>) or hwsim-model/1 JSON.</summary>
public static class ModelLoader
{
    /// <summary>True when <paramref name="path"/> names an ONNX file.</summary>
    public static bool IsOnnx(string path) => path.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase);

    /// <summary>The model in <paramref name="path"/>; every problem is a <see cref="ModelFormatException"/> naming the file.</summary>
    public static NetworkModel Load(string path) => IsOnnx(path) ? OnnxImporter.Load(path) : ModelFile.Load(path);
}
