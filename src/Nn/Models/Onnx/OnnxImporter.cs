using System.Text.Json.Nodes;
using Google.Protobuf;
using Onnx;

namespace Hwsim.Nn.Models.Onnx;

/// <summary>
/// Reads an ONNX model (as <c>torch.onnx.export</c> writes one) into a <see cref="NetworkModel"/>: Gemm, MatMul with
/// Add, Relu, Sigmoid, Tanh, LSTM (forward; initial state zero or a given constant), Conv (2-D), Flatten and the Reshape before a Linear,
/// Identity; the shape arithmetic torch emits around an LSTM's initial state and around a batch-first input is
/// folded for the given input. Anything else is a <see cref="ModelFormatException"/> naming the node and its operator.
/// </summary>
public static class OnnxImporter
{
    /// <summary>The operators that become layers, for messages and documentation.</summary>
    public const string LayerOperators = "Gemm, MatMul with Add, Relu, Sigmoid, Tanh, LSTM, Conv, Flatten, Reshape (before a Linear), Identity";

    /// <summary>The operators folded away as shape arithmetic.</summary>
    public const string FoldedOperators = "Constant, Shape, Gather, Unsqueeze, Squeeze, Concat, Slice, Cast, ConstantOfShape, Expand, Transpose, and Mul, Equal, Where on sizes";

    /// <summary>Reads the ONNX file at <paramref name="path"/>; the model is named after the file.</summary>
    public static NetworkModel Load(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ModelFormatException($"cannot read: {ex.Message}", path, inner: ex);
        }
        try
        {
            return Read(bytes, Path.GetFileNameWithoutExtension(path));
        }
        catch (ModelFormatException ex)
        {
            throw ex.InFile(path);
        }
    }

    /// <summary>Reads an ONNX model from its bytes.</summary>
    public static NetworkModel Read(byte[] bytes, string name)
    {
        ModelProto model;
        try
        {
            model = ModelProto.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new ModelFormatException($"not a readable ONNX file (truncated or not ONNX): {ex.Message}", inner: ex);
        }
        if (model.Graph is null || model.Graph.Node.Count == 0)
            throw new ModelFormatException("not an ONNX model: no graph with nodes (truncated or not ONNX)");
        var network = new OnnxGraphReader(model.Graph, string.IsNullOrWhiteSpace(name) ? "model" : name).Read();
        var source = new JsonObject { ["format"] = "onnx" };
        if (model.ProducerName.Length > 0) source["producer"] = (model.ProducerName + " " + model.ProducerVersion).Trim();
        var opset = model.OpsetImport.FirstOrDefault(o => o.Domain is "" or "ai.onnx");
        if (opset is not null) source["opset"] = opset.Version;
        return new NetworkModel(network.Name, network, new JsonObject { ["imported_from"] = source });
    }
}
