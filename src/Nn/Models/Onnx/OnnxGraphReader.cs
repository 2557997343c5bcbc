using Hwsim.Nn.Layers;
using Onnx;

namespace Hwsim.Nn.Models.Onnx;

/// <summary>
/// Walks the nodes of an ONNX graph in order (ONNX keeps them topologically sorted), keeping what each value is:
/// a constant, folded shape arithmetic, zeros, or the data after the layers built so far. Layer-building operators
/// are in <c>OnnxGraphReader.Layers.cs</c>, the shape arithmetic in <c>OnnxGraphReader.Shapes.cs</c>.
/// </summary>
internal sealed partial class OnnxGraphReader
{
    private readonly GraphProto graph;
    private readonly string name;
    private readonly Dictionary<string, OnnxValue> values = new(StringComparer.Ordinal);
    private readonly List<ILayer> layers = [];

    /// <summary>The module path (from the node name) each layer was built from, to merge stacked LSTM nodes.</summary>
    private readonly List<string> layerPaths = [];

    public OnnxGraphReader(GraphProto graph, string name)
    {
        this.graph = graph;
        this.name = name;
    }

    public Sequential Read()
    {
        foreach (var t in graph.Initializer) values[t.Name] = Constant(t, $"initializer '{t.Name}'");
        var inputs = graph.Input.Where(i => !values.ContainsKey(i.Name)).ToList();
        if (inputs.Count != 1)
            throw new ModelFormatException($"the graph has {inputs.Count} inputs besides its weights ({string.Join(", ", inputs.Select(i => i.Name))}); hwsim models take one");
        values[inputs[0].Name] = InputValue(inputs[0]);
        foreach (var node in graph.Node) Visit(node);

        if (graph.Output.Count == 0) throw new ModelFormatException("the graph has no output");
        var output = graph.Output[0].Name;
        if (!values.TryGetValue(output, out var value) || value is not DataValue)
            throw new ModelFormatException($"the graph output '{output}' is not computed from the input by layers hwsim imports", item: output);
        if (layers.Count == 0) throw new ModelFormatException($"the graph has no layers (hwsim imports {OnnxImporter.LayerOperators})");
        try
        {
            return new Sequential(layers, name);
        }
        catch (ArgumentException ex)
        {
            throw new ModelFormatException(ex.Message, inner: ex);
        }
    }

    private static DataValue InputValue(ValueInfoProto input)
    {
        var tensor = input.Type?.TensorType ?? throw new ModelFormatException($"the graph input '{input.Name}' is not a tensor", item: input.Name);
        if (tensor.ElemType is not (OnnxTensors.Float or OnnxTensors.Double))
            throw new ModelFormatException($"the graph input '{input.Name}' has element type {(TensorProto.Types.DataType)tensor.ElemType}; supported: float, double", item: input.Name);
        var shape = tensor.Shape?.Dim ?? throw new ModelFormatException($"the graph input '{input.Name}' has no shape", item: input.Name);
        // Sizes that may change from run to run (batch, time) become names; the others must be known numbers.
        var dims = shape.Select((d, k) => d.HasDimValue && d.DimValue > 0 ? Dim.Of(d.DimValue) : Dim.Named(d.HasDimParam && d.DimParam.Length > 0 ? d.DimParam : $"d{k}")).ToArray();
        var layout = dims.Length switch
        {
            2 => DataLayout.Rows,
            3 => DataLayout.Sequence,
            4 => DataLayout.Images,
            _ => throw new ModelFormatException($"the graph input '{input.Name}' has {dims.Length} dimensions; supported: 2 (samples), 3 (sequences), 4 (images)", item: input.Name),
        };
        int known = layout == DataLayout.Images ? 1 : dims.Length - 1;
        for (int k = known; k < dims.Length; k++)
            if (dims[k].Value is null)
                throw new ModelFormatException($"the graph input '{input.Name}' has no size for dimension {k} ({dims[k]}); it must be a number", item: input.Name);
        // A sequence's first two dimensions are (time, batch) or (batch, time): the first LSTM tells which.
        return new DataValue(layout, dims, 0, TimeAxis: layout == DataLayout.Sequence ? -1 : 0);
    }

    private void Visit(NodeProto node)
    {
        if (node.Domain is not ("" or "ai.onnx")) throw Unsupported(node, $"operator domain '{node.Domain}'");
        OnnxValue[] outputs = node.OpType switch
        {
            "Constant" => [ConstantNode(node)],
            "Identity" => [Input(node, 0)],
            "Shape" => [Shape(node)],
            "Gather" => [Gather(node)],
            "Unsqueeze" => [Unsqueeze(node)],
            "Squeeze" => [Squeeze(node)],
            "Concat" => [Concat(node)],
            "Slice" => [Slice(node)],
            "Cast" => [Cast(node)],
            "ConstantOfShape" => [ConstantOfShape(node)],
            "Expand" => [Expand(node)],
            "Mul" or "Equal" or "Where" => [SizeArithmetic(node)],
            "Transpose" => [Transpose(node)],
            "Reshape" => [Reshape(node)],
            "Gemm" => [Gemm(node)],
            "MatMul" => [MatMul(node)],
            "Add" => [Add(node)],
            "Relu" => [Activation(node, n => new ReLU(n))],
            "Sigmoid" => [Activation(node, n => new Sigmoid(n))],
            "Tanh" => [Activation(node, n => new Tanh(n))],
            "Flatten" => [Flatten(node)],
            "Conv" => [Conv(node)],
            "LSTM" => Lstm(node),
            _ => throw Unsupported(node, "operator not supported"),
        };
        for (int k = 0; k < node.Output.Count && k < outputs.Length; k++)
            if (node.Output[k].Length > 0) values[node.Output[k]] = outputs[k];
    }

    /// <summary>Input <paramref name="k"/> of a node, or null when it is absent (an empty name or past the end).</summary>
    private OnnxValue? Optional(NodeProto node, int k)
    {
        if (k >= node.Input.Count || node.Input[k].Length == 0) return null;
        var input = node.Input[k];
        if (!values.TryGetValue(input, out var v)) throw Error(node, $"input '{input}' is not defined before this node");
        if (v is UnsupportedValue u) throw Error(node, $"input '{input}' is {u.Why}");
        return v;
    }

    private OnnxValue Input(NodeProto node, int k) => Optional(node, k) ?? throw Error(node, $"input {k} is missing");

    private ConstantValue ConstantInput(NodeProto node, int k, string what) =>
        Input(node, k) as ConstantValue ?? throw Error(node, $"{what} (input {k}) must be a constant tensor");

    private DataValue DataInput(NodeProto node, int k = 0) =>
        Input(node, k) as DataValue ?? throw Error(node, $"input {k} must be the network's data (a value computed from the graph input)");

    private static AttributeProto? Attribute(NodeProto node, string key) => node.Attribute.FirstOrDefault(a => a.Name == key);

    private static long Int(NodeProto node, string key, long fallback) => Attribute(node, key)?.I ?? fallback;

    private static float Float(NodeProto node, string key, float fallback) => Attribute(node, key)?.F ?? fallback;

    private static long[]? Ints(NodeProto node, string key) => Attribute(node, key)?.Ints.ToArray();

    private static string? Text(NodeProto node, string key) => Attribute(node, key)?.S.ToStringUtf8();

    private static ConstantValue Constant(TensorProto t, string what)
    {
        try
        {
            return OnnxTensors.Read(t);
        }
        catch (ArgumentException ex)
        {
            throw new ModelFormatException($"{what}: {ex.Message}", item: t.Name, inner: ex);
        }
    }

    private static string NodeName(NodeProto node) => node.Name.Length > 0 ? node.Name : node.Output.FirstOrDefault() ?? "?";

    private static ModelFormatException Error(NodeProto node, string detail) =>
        new($"node '{NodeName(node)}' ({node.OpType}): {detail}", item: NodeName(node));

    private static ModelFormatException Unsupported(NodeProto node, string what) =>
        Error(node, $"{what}; hwsim imports {OnnxImporter.LayerOperators}, and folds {OnnxImporter.FoldedOperators} around them");

    /// <summary>
    /// A layer name from the node's module path (<c>/encoder/fc/Gemm</c> gives <c>encoder_fc</c>, as the state_dict
    /// key <c>encoder.fc</c> reads), else the operator; made unique.
    /// </summary>
    private (string Name, string Path) LayerName(NodeProto node)
    {
        var parts = node.Name.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var path = parts.Length > 1 ? string.Join("_", parts[..^1]) : "";
        var baseName = (path.Length > 0 ? path : node.OpType.ToLowerInvariant()).Replace('.', '_');
        var candidate = baseName;
        for (int k = 2; layers.Any(l => l.Name == candidate); k++) candidate = $"{baseName}_{k}";
        return (candidate, path);
    }

    private DataValue AddLayer(NodeProto node, Func<string, ILayer> make, DataLayout layout, Dim[] dims, int timeAxis = 0)
    {
        var (layerName, path) = LayerName(node);
        ILayer layer;
        try
        {
            layer = make(layerName);
        }
        catch (ArgumentException ex)
        {
            throw Error(node, ex.Message);
        }
        layers.Add(layer);
        layerPaths.Add(path);
        return new DataValue(layout, dims, layers.Count, timeAxis);
    }
}
