using Google.Protobuf;
using Hwsim.Nn.Layers;
using Onnx;

namespace Hwsim.Nn.Models.Onnx;

/// <summary>
/// Writes a <see cref="NetworkModel"/> as ONNX (opset 14), as <c>torch.onnx.export</c> would write the same PyTorch
/// module: a Linear is a Gemm (a MatMul and an Add on a sequence), an LSTM one LSTM node per layer (gates reordered to
/// ONNX's i, o, f, c; a given initial state spread over the batch) followed by a Squeeze of the direction axis, a Conv2d a Conv on (N, C, H, W).
/// The input is (N, F), (N, C, H, W) when the network starts with a convolution, or (T, N, F) for a sequence model;
/// the output has the rows <see cref="NetworkModel.Infer"/> gives (images flattened). Node names are
/// <c>/LAYER/Operator</c>, so <see cref="OnnxImporter"/> reads the layers back under their names.
/// </summary>
public static class OnnxExporter
{
    /// <summary>The operator set written.</summary>
    public const long Opset = 14;

    /// <summary>Writes <paramref name="model"/> to <paramref name="path"/> atomically (float32 tensors unless <paramref name="asDouble"/>).</summary>
    public static void Save(NetworkModel model, string path, bool asDouble = false)
    {
        var bytes = ToOnnx(model, asDouble).ToByteArray();
        AtomicFile.Write(path, tmp => File.WriteAllBytes(tmp, bytes));
    }

    /// <summary>The ONNX model; a <see cref="ModelFormatException"/> for a network that cannot be written (e.g. a Conv2d in a sequence model).</summary>
    public static ModelProto ToOnnx(NetworkModel model, bool asDouble = false) => new Writer(model, asDouble).Write();

    private sealed class Writer(NetworkModel model, bool asDouble)
    {
        private readonly GraphProto graph = new() { Name = model.Name };
        private readonly int elemType = asDouble ? OnnxTensors.Double : OnnxTensors.Float;
        private string current = "input";
        private Shape shape = null!;

        /// <summary>What flows between nodes: rows (N, F), images (N, C, H, W) or a time-first sequence (T, N, F).</summary>
        private sealed record Shape(string Kind, long Features, int Channels = 0, int Height = 0, int Width = 0);

        public ModelProto Write()
        {
            var layers = model.Network.Layers;
            var firstWeighted = layers.FirstOrDefault(l => l is not ElementwiseActivation);
            if (model.IsSequenceModel)
            {
                var f = model.InputFeatures ?? throw new ModelFormatException($"model '{model.Name}': the input size is not known");
                if (layers.Any(l => l is Conv2d)) throw new ModelFormatException($"model '{model.Name}': a Conv2d in a sequence model cannot be exported");
                shape = new Shape("sequence", f);
                graph.Input.Add(Value("input", "T", "N", f));
            }
            else if (firstWeighted is Conv2d conv && conv.InputHeight is int h && conv.InputWidth is int w)
            {
                shape = new Shape("images", conv.InChannels * h * w, conv.InChannels, h, w);
                graph.Input.Add(Value("input", "N", conv.InChannels, h, w));
            }
            else
            {
                var f = model.InputFeatures ?? throw new ModelFormatException($"model '{model.Name}': the input size is not known (give the Conv2d input_height and input_width)");
                shape = new Shape("rows", f);
                graph.Input.Add(Value("input", "N", f));
            }

            foreach (var layer in layers)
            {
                switch (layer)
                {
                    case Linear l: Linear(l); break;
                    case Lstm l: Lstm(l); break;
                    case Conv2d c: Conv(c); break;
                    case ReLU: Node(layer.Name, "Relu", [current]); break;
                    case Sigmoid: Node(layer.Name, "Sigmoid", [current]); break;
                    case Tanh: Node(layer.Name, "Tanh", [current]); break;
                    case Layers.Flatten: Flatten(layer.Name); break;
                    default: throw new ModelFormatException($"layer '{layer.Name}' of type {layer.TypeName} cannot be exported to ONNX");
                }
            }
            if (shape.Kind == "images") Flatten("output");

            // The last node writes the graph output.
            var last = graph.Node[^1];
            last.Output[0] = "output";
            graph.Output.Add(shape.Kind == "sequence" ? Value("output", "T", "N", shape.Features) : Value("output", "N", shape.Features));

            var result = new ModelProto { IrVersion = 8, ProducerName = "hwsim", Graph = graph, DocString = $"hwsim-model/1 '{model.Name}'" };
            result.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = Opset });
            return result;
        }

        private void Linear(Linear l)
        {
            if (shape.Kind == "images") Flatten(l.Name + "_flatten");
            var bias = l.Bias?.ToFlatArray() ?? new double[l.OutFeatures];
            if (shape.Kind == "sequence")
            {
                // Per step: x W^T + b, as torch writes a Linear on a 3-D input.
                var wt = new double[l.InFeatures * l.OutFeatures];
                var w = l.Weight.ToFlatArray();
                for (int o = 0; o < l.OutFeatures; o++)
                    for (int i = 0; i < l.InFeatures; i++) wt[i * l.OutFeatures + o] = w[o * l.InFeatures + i];
                Node(l.Name, "MatMul", [current, Tensor($"{l.Name}.weight_t", [l.InFeatures, l.OutFeatures], wt)]);
                Node(l.Name, "Add", [current, Tensor($"{l.Name}.bias", [l.OutFeatures], bias)]);
            }
            else
            {
                var node = Node(l.Name, "Gemm", [current, Tensor($"{l.Name}.weight", [l.OutFeatures, l.InFeatures], l.Weight.ToFlatArray()),
                    Tensor($"{l.Name}.bias", [l.OutFeatures], bias)]);
                node.Attribute.Add(new AttributeProto { Name = "transB", Type = AttributeProto.Types.AttributeType.Int, I = 1 });
            }
            shape = shape with { Features = l.OutFeatures };
        }

        private void Lstm(Lstm l)
        {
            int hs = l.HiddenSize;
            for (int k = 0; k < l.NumLayers; k++)
            {
                int inputs = k == 0 ? l.InputSize : hs;
                var b = new double[8 * hs];
                if (l.HasBias)
                {
                    LstmGateOrder.ToOnnx(l.BiasIh(k)!.ToFlatArray(), hs, 1).CopyTo(b, 0);
                    LstmGateOrder.ToOnnx(l.BiasHh(k)!.ToFlatArray(), hs, 1).CopyTo(b, 4 * hs);
                }
                var suffix = k == 0 ? "" : $"_{k}";
                var x = current;
                var lstmInputs = new List<string>
                {
                    x,
                    Tensor($"{l.Name}.W_l{k}", [1, 4 * hs, inputs], LstmGateOrder.ToOnnx(l.WeightIh(k).ToFlatArray(), hs, inputs)),
                    Tensor($"{l.Name}.R_l{k}", [1, 4 * hs, hs], LstmGateOrder.ToOnnx(l.WeightHh(k).ToFlatArray(), hs, hs)),
                    Tensor($"{l.Name}.B_l{k}", [1, 8 * hs], b),
                };
                if (l.InitialH is not null)
                {
                    // A given initial state, (1, 1, H), spread over the batch of x as torch writes it: (1, N, H).
                    var shapeOfX = Node(l.Name, "Shape" + suffix, [x], op: "Shape").Output[0];
                    graph.Initializer.Add(OnnxTensors.WriteInt64($"{l.Name}.batch_axis{suffix}", 1));
                    graph.Initializer.Add(OnnxTensors.WriteInt64($"{l.Name}.one{suffix}", 1));
                    graph.Initializer.Add(OnnxTensors.WriteInt64($"{l.Name}.hidden{suffix}", hs));
                    var batch = Node(l.Name, "Gather" + suffix, [shapeOfX, $"{l.Name}.batch_axis{suffix}"], op: "Gather").Output[0];
                    var stateShape = Node(l.Name, "Concat" + suffix, [$"{l.Name}.one{suffix}", batch, $"{l.Name}.hidden{suffix}"], op: "Concat");
                    stateShape.Attribute.Add(new AttributeProto { Name = "axis", Type = AttributeProto.Types.AttributeType.Int, I = 0 });
                    var h0 = Node(l.Name, "Expand_h" + suffix, [Tensor($"{l.Name}.initial_h_l{k}", [1, 1, hs], l.InitialH[k]), stateShape.Output[0]], op: "Expand").Output[0];
                    var c0 = Node(l.Name, "Expand_c" + suffix, [Tensor($"{l.Name}.initial_c_l{k}", [1, 1, hs], l.InitialC![k]), stateShape.Output[0]], op: "Expand").Output[0];
                    lstmInputs.AddRange(["", h0, c0]);
                }
                var node = Node(l.Name, "LSTM" + suffix, lstmInputs, op: "LSTM");
                node.Attribute.Add(new AttributeProto { Name = "hidden_size", Type = AttributeProto.Types.AttributeType.Int, I = hs });
                // Y is (T, directions = 1, N, H): drop the direction axis.
                var axes = $"{l.Name}.squeeze_axes{suffix}";
                graph.Initializer.Add(OnnxTensors.WriteInt64(axes, 1));
                Node(l.Name, "Squeeze" + suffix, [current, axes], op: "Squeeze");
            }
            shape = shape with { Features = hs };
        }

        private void Conv(Conv2d c)
        {
            if (shape.Kind == "sequence") throw new ModelFormatException($"layer '{c.Name}': a Conv2d on a sequence cannot be exported");
            var (h, w) = c.InputSize((int)shape.Features);
            if (shape.Kind == "rows")
            {
                var target = $"{c.Name}.image_shape";
                graph.Initializer.Add(OnnxTensors.WriteInt64(target, -1, c.InChannels, h, w));
                Node(c.Name, "Reshape", [current, target]);
            }
            var inputs = new List<string> { current, Tensor($"{c.Name}.weight", c.Weight.Shape.Select(d => (long)d).ToArray(), c.Weight.ToFlatArray()) };
            if (c.Bias is not null) inputs.Add(Tensor($"{c.Name}.bias", [c.OutChannels], c.Bias.ToFlatArray()));
            var node = Node(c.Name, "Conv", inputs);
            node.Attribute.Add(Ints("kernel_shape", c.KernelHeight, c.KernelWidth));
            node.Attribute.Add(Ints("strides", c.StrideY, c.StrideX));
            node.Attribute.Add(Ints("pads", c.PaddingY, c.PaddingX, c.PaddingY, c.PaddingX));
            node.Attribute.Add(Ints("dilations", 1, 1));
            node.Attribute.Add(new AttributeProto { Name = "group", Type = AttributeProto.Types.AttributeType.Int, I = 1 });
            var (oh, ow) = c.OutputSize(h, w);
            shape = new Shape("images", c.OutChannels * oh * ow, c.OutChannels, oh, ow);
        }

        private void Flatten(string name)
        {
            if (shape.Kind == "sequence")
            {
                Node(name, "Identity", [current]);
                return;
            }
            var node = Node(name, "Flatten", [current]);
            node.Attribute.Add(new AttributeProto { Name = "axis", Type = AttributeProto.Types.AttributeType.Int, I = 1 });
            shape = new Shape("rows", shape.Features);
        }

        private NodeProto Node(string layer, string name, IReadOnlyList<string> inputs, string? op = null)
        {
            var node = new NodeProto { Name = $"/{layer}/{name}", OpType = op ?? name };
            node.Input.AddRange(inputs);
            current = $"/{layer}/{name}_output_0";
            node.Output.Add(current);
            graph.Node.Add(node);
            return node;
        }

        private string Tensor(string name, long[] dims, IReadOnlyList<double> values)
        {
            graph.Initializer.Add(OnnxTensors.Write(name, dims, values, asDouble));
            return name;
        }

        private static AttributeProto Ints(string name, params long[] values)
        {
            var a = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
            a.Ints.AddRange(values);
            return a;
        }

        /// <summary>A tensor value of the element type with the given sizes: numbers, or names for run-time sizes.</summary>
        private ValueInfoProto Value(string name, params object[] dims)
        {
            var tensorShape = new TensorShapeProto();
            foreach (var d in dims)
                tensorShape.Dim.Add(d is string s ? new TensorShapeProto.Types.Dimension { DimParam = s } : new TensorShapeProto.Types.Dimension { DimValue = Convert.ToInt64(d, System.Globalization.CultureInfo.InvariantCulture) });
            return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = elemType, Shape = tensorShape } } };
        }
    }
}
