using Hwsim.Nn.Layers;
using Onnx;

namespace Hwsim.Nn.Models.Onnx;

/// <summary>The operators that become layers: Gemm, MatMul (+ Add), Relu, Sigmoid, Tanh, Flatten, Conv and LSTM.</summary>
internal sealed partial class OnnxGraphReader
{
    /// <summary>The output of the last MatMul: an Add of a constant to it is that Linear's bias.</summary>
    private string? matMulOutput;

    /// <summary>Gemm: Y = alpha A B' + beta C, a Linear whose weight is alpha B' (B' = B transposed when transB = 1).</summary>
    private OnnxValue Gemm(NodeProto node)
    {
        var a = DataInput(node);
        if (a.Layout != DataLayout.Rows) throw Unsupported(node, "a Gemm on data that is not one row per sample");
        if (Int(node, "transA", 0) != 0) throw Unsupported(node, "a Gemm with transA = 1");
        var b = ConstantInput(node, 1, "the weight");
        if (b.Shape.Length != 2) throw Error(node, $"the weight has {b.Shape.Length} dimensions, expected 2");
        var w = Int(node, "transB", 0) != 0 ? b : Transposed(b);
        double alpha = Float(node, "alpha", 1f), beta = Float(node, "beta", 1f);
        int outputs = (int)w.Shape[0], inputs = (int)w.Shape[1];
        CheckFeatures(node, a, inputs);
        var bias = Optional(node, 2) is { } c
            ? BiasValues(node, c as ConstantValue ?? throw Error(node, "the bias must be a constant"), outputs, beta)
            : null;
        return AddLayer(node, n => MakeLinear(n, inputs, outputs, w.Values.Select(v => alpha * v).ToArray(), bias), DataLayout.Rows, [a.Dims[0], Dim.Of(outputs)]);
    }

    /// <summary>MatMul by a constant (in, out) matrix: a Linear without bias, which a following Add may give one.</summary>
    private OnnxValue MatMul(NodeProto node)
    {
        var a = DataInput(node);
        if (a.Layout is not (DataLayout.Rows or DataLayout.Sequence)) throw Unsupported(node, "a MatMul on images");
        var b = ConstantInput(node, 1, "the weight");
        if (b.Shape.Length != 2) throw Error(node, $"the weight has {b.Shape.Length} dimensions, expected 2");
        int inputs = (int)b.Shape[0], outputs = (int)b.Shape[1];
        CheckFeatures(node, a, inputs);
        var result = AddLayer(node, n => MakeLinear(n, inputs, outputs, Transposed(b).Values, null), a.Layout, [.. a.Dims[..^1], Dim.Of(outputs)], a.TimeAxis);
        matMulOutput = node.Output[0];
        return result;
    }

    /// <summary>Add: only as the bias of the Linear that the MatMul just before made (what torch writes for a Linear on a sequence).</summary>
    private OnnxValue Add(NodeProto node)
    {
        int dataSide = node.Input.Count == 2 && node.Input[1] == matMulOutput ? 1 : 0;
        if (node.Input.Count != 2 || node.Input[dataSide] != matMulOutput || Input(node, dataSide) is not DataValue d || d.LayerCount != layers.Count)
            throw Unsupported(node, "an Add other than the bias of a MatMul (a Linear layer)");
        var old = (Linear)layers[^1];
        var bias = BiasValues(node, ConstantInput(node, 1 - dataSide, "the bias"), old.OutFeatures, 1.0);
        var linear = MakeLinear(old.Name, old.InFeatures, old.OutFeatures, old.Weight.ToFlatArray(), bias);
        layers[^1] = linear;
        matMulOutput = null;
        return d;
    }

    private OnnxValue Activation(NodeProto node, Func<string, ILayer> make)
    {
        var d = DataInput(node);
        return AddLayer(node, make, d.Layout, d.Dims, d.TimeAxis);
    }

    private OnnxValue Flatten(NodeProto node)
    {
        var d = DataInput(node);
        if (Int(node, "axis", 1) != 1 || d.Layout is not (DataLayout.Images or DataLayout.Rows))
            throw Unsupported(node, "a Flatten other than of each sample (axis 1 of images or rows)");
        long features = d.Dims.Skip(1).Aggregate(1L, (a, x) => a * (x.Value ?? throw Error(node, "the size of each sample is not known")));
        return AddLayer(node, n => new Flatten(n), DataLayout.Rows, [d.Dims[0], Dim.Of(features)]);
    }

    /// <summary>Conv: 2-D cross-correlation, group 1, dilation 1, symmetric zero padding.</summary>
    private OnnxValue Conv(NodeProto node)
    {
        var x = DataInput(node);
        if (x.Layout != DataLayout.Images) throw Unsupported(node, "a Conv on data that is not images (N, C, H, W)");
        var w = ConstantInput(node, 1, "the weight");
        if (w.Shape.Length != 4) throw Unsupported(node, $"a Conv with a {w.Shape.Length - 2}-D kernel (2-D is supported)");
        int outC = (int)w.Shape[0], inC = (int)w.Shape[1], kh = (int)w.Shape[2], kw = (int)w.Shape[3];
        if (x.Dims[1].Value != inC) throw Error(node, $"the kernel takes {inC} channels, the data has {x.Dims[1]}");
        if (Int(node, "group", 1) != 1) throw Unsupported(node, "a grouped Conv");
        if (Ints(node, "dilations") is { } dil && dil.Any(v => v != 1)) throw Unsupported(node, "a dilated Conv");
        var autoPad = Text(node, "auto_pad") ?? "NOTSET";
        if (autoPad is not ("NOTSET" or "VALID")) throw Unsupported(node, $"a Conv with auto_pad {autoPad}");
        if (Ints(node, "kernel_shape") is { } ks && !ks.SequenceEqual([kh, kw])) throw Error(node, "kernel_shape does not match the weight");
        var strides = Ints(node, "strides") ?? [1, 1];
        var pads = Ints(node, "pads") ?? [0, 0, 0, 0];
        if (pads.Length != 4 || pads[0] != pads[2] || pads[1] != pads[3]) throw Unsupported(node, "a Conv with unequal padding on opposite sides");
        var bias = Optional(node, 2) is { } b ? BiasValues(node, b as ConstantValue ?? throw Error(node, "the bias must be a constant"), outC, 1.0) : null;
        int h = (int)x.Dims[2].Value!.Value, wd = (int)x.Dims[3].Value!.Value;
        var probe = new Conv2d("probe", inC, outC, kh, kw, (int)strides[0], (int)strides[1], (int)pads[0], (int)pads[1]);
        (int oh, int ow) size;
        try
        {
            size = probe.OutputSize(h, wd);
        }
        catch (ArgumentException ex)
        {
            throw Error(node, ex.Message);
        }
        return AddLayer(node, n =>
        {
            var conv = new Conv2d(n, inC, outC, kh, kw, (int)strides[0], (int)strides[1], (int)pads[0], (int)pads[1], bias is not null, h, wd);
            conv.Weight.SetFlat(w.Values);
            if (bias is not null) conv.Bias!.SetFlat(bias);
            return conv;
        }, DataLayout.Images, [x.Dims[0], Dim.Of(outC), Dim.Of(size.oh), Dim.Of(size.ow)]);
    }

    /// <summary>
    /// LSTM: forward, the default activations, no peepholes, no clipping, every sequence of full length, and a zero
    /// initial state (absent, zeros, or built from the input's shape as torch does). Gates are reordered from ONNX's
    /// (i, o, f, c) to PyTorch's (i, f, g, o); an LSTM node that reads the previous one's output and comes from the same
    /// module (a stacked nn.LSTM) becomes its next layer, so the state_dict keys are PyTorch's.
    /// </summary>
    private OnnxValue[] Lstm(NodeProto node)
    {
        var x = DataInput(node);
        if (x.Layout != DataLayout.Sequence) throw Unsupported(node, "an LSTM whose input is not a sequence (T, N, F)");
        if (x.TimeAxis == 1) throw Unsupported(node, "an LSTM that would run along the batch axis of its input");
        var direction = Text(node, "direction") ?? "forward";
        if (direction != "forward") throw Unsupported(node, $"an LSTM with direction '{direction}' (forward only)");
        if (Int(node, "layout", 0) != 0) throw Unsupported(node, "an LSTM with layout = 1 (batch first)");
        if (Attribute(node, "clip") is not null) throw Unsupported(node, "an LSTM with clip");
        if (Int(node, "input_forget", 0) != 0) throw Unsupported(node, "an LSTM with input_forget = 1");
        var activations = Attribute(node, "activations")?.Strings.Select(s => s.ToStringUtf8()).ToArray();
        if (activations is not null && !activations.Select(s => s.ToLowerInvariant()).SequenceEqual(["sigmoid", "tanh", "tanh"]))
            throw Unsupported(node, $"an LSTM with activations ({string.Join(", ", activations)}) (Sigmoid, Tanh, Tanh only)");
        if (Optional(node, 4) is not null) throw Unsupported(node, "an LSTM with sequence_lens");
        if (Optional(node, 7) is not null) throw Unsupported(node, "an LSTM with peepholes");

        var w = ConstantInput(node, 1, "W");
        var r = ConstantInput(node, 2, "R");
        int hidden = (int)Int(node, "hidden_size", w.Shape.Length == 3 ? w.Shape[1] / 4 : 0);
        if (w.Shape.Length != 3 || w.Shape[0] != 1 || w.Shape[1] != 4 * hidden) throw Error(node, $"W has shape ({string.Join(", ", w.Shape)}), expected (1, {4 * hidden}, input)");
        int inputs = (int)w.Shape[2];
        if (!r.Shape.SequenceEqual([1L, 4 * hidden, hidden])) throw Error(node, $"R has shape ({string.Join(", ", r.Shape)}), expected (1, {4 * hidden}, {hidden})");
        CheckFeatures(node, x, inputs);
        var bias = Optional(node, 3) is { } bv ? bv as ConstantValue ?? throw Error(node, "B must be a constant") : null;
        if (bias is not null && !bias.Shape.SequenceEqual([1L, 8 * hidden])) throw Error(node, $"B has shape ({string.Join(", ", bias.Shape)}), expected (1, {8 * hidden})");

        var h0 = InitialState(node, 5, "h", hidden);
        var c0 = InitialState(node, 6, "c", hidden);
        if (h0 is null != c0 is null) (h0, c0) = (h0 ?? new double[hidden], c0 ?? new double[hidden]);
        var weights = new LstmWeights(
            LstmGateOrder.ToTorch(w.Values, hidden, inputs),
            LstmGateOrder.ToTorch(r.Values, hidden, hidden),
            bias is null ? null : LstmGateOrder.ToTorch(bias.Values.AsSpan(0, 4 * hidden), hidden, 1),
            bias is null ? null : LstmGateOrder.ToTorch(bias.Values.AsSpan(4 * hidden, 4 * hidden), hidden, 1),
            h0, c0);
        var path = LayerName(node).Path;
        DataValue result;
        if (x.LayerCount == layers.Count && layers.Count > 0 && layers[^1] is Lstm previous && layerPaths[^1] == path && path.Length > 0
            && previous.HiddenSize == hidden && inputs == hidden && previous.HasBias == (bias is not null))
        {
            layers[^1] = Stacked(previous, weights);
            result = new DataValue(DataLayout.LstmOutput, [x.Dims[0], Dim.Of(1), x.Dims[1], Dim.Of(hidden)], layers.Count);
        }
        else
        {
            result = AddLayer(node, n => Stacked(new Lstm(n, inputs, hidden, 1, bias is not null), weights, replaceLast: true),
                DataLayout.LstmOutput, [x.Dims[0], Dim.Of(1), x.Dims[1], Dim.Of(hidden)]);
        }
        var state = new UnsupportedValue("an LSTM's final state, which hwsim does not import (only its output sequence)");
        return [result, state, state];
    }

    private sealed record LstmWeights(double[] Wih, double[] Whh, double[]? Bih, double[]? Bhh, double[]? H0, double[]? C0);

    /// <summary>
    /// An LSTM's initial h or c: null when absent or zero; else a constant of shape (1, B, H) whose B rows are equal
    /// (the same start for every sequence, as a module's buffer expanded over the batch), as one H-vector.
    /// </summary>
    private double[]? InitialState(NodeProto node, int k, string which, int hidden)
    {
        switch (Optional(node, k))
        {
            case null or ZerosValue:
                return null;
            case ConstantValue c when c.Values.All(v => v == 0):
                return null;
            case ConstantValue c when c.Shape.Length == 3 && c.Shape[0] == 1 && c.Shape[2] == hidden:
                var first = c.Values[..hidden];
                for (int b = 1; b < c.Shape[1]; b++)
                    if (!c.Values.AsSpan(b * hidden, hidden).SequenceEqual(first))
                        throw Unsupported(node, $"an LSTM whose initial {which} differs from sequence to sequence");
                return first;
            default:
                throw Unsupported(node, $"an LSTM whose initial {which} is not a constant of shape (1, batch, {hidden})");
        }
    }

    /// <summary>A copy of <paramref name="lstm"/> with one more layer on top (or its only layer set, when <paramref name="replaceLast"/>).</summary>
    private static Lstm Stacked(Lstm lstm, LstmWeights top, bool replaceLast = false)
    {
        int count = replaceLast ? lstm.NumLayers : lstm.NumLayers + 1;
        var result = new Lstm(lstm.Name, lstm.InputSize, lstm.HiddenSize, count, lstm.HasBias);
        if (lstm.InitialH is not null || top.H0 is not null)
        {
            // A layer without a given state starts from zeros.
            var zero = new double[lstm.HiddenSize];
            result.SetInitialState(
                Enumerable.Range(0, count).Select(k => k == count - 1 ? top.H0 ?? zero : lstm.InitialH?[k] ?? zero).ToArray(),
                Enumerable.Range(0, count).Select(k => k == count - 1 ? top.C0 ?? zero : lstm.InitialC?[k] ?? zero).ToArray());
        }
        for (int k = 0; k < count - 1; k++)
        {
            result.WeightIh(k).Set(lstm.WeightIh(k).Value);
            result.WeightHh(k).Set(lstm.WeightHh(k).Value);
            if (lstm.HasBias)
            {
                result.BiasIh(k)!.Set(lstm.BiasIh(k)!.Value);
                result.BiasHh(k)!.Set(lstm.BiasHh(k)!.Value);
            }
        }
        int last = count - 1;
        result.WeightIh(last).SetFlat(top.Wih);
        result.WeightHh(last).SetFlat(top.Whh);
        if (top.Bih is not null)
        {
            result.BiasIh(last)!.SetFlat(top.Bih);
            result.BiasHh(last)!.SetFlat(top.Bhh!);
        }
        return result;
    }

    private static Linear MakeLinear(string name, int inputs, int outputs, double[] weight, double[]? bias)
    {
        var linear = new Linear(name, inputs, outputs, bias is not null);
        linear.Weight.SetFlat(weight);
        if (bias is not null) linear.Bias!.SetFlat(bias);
        return linear;
    }

    /// <summary>A bias of <paramref name="count"/> values (or one value for all), times <paramref name="scale"/>.</summary>
    private static double[] BiasValues(NodeProto node, ConstantValue c, int count, double scale)
    {
        if (c.Shape.Count(d => d != 1) > 1 || (c.Count != count && c.Count != 1))
            throw Error(node, $"the bias has shape ({string.Join(", ", c.Shape)}), expected ({count})");
        return Enumerable.Range(0, count).Select(i => scale * c.Values[c.Count == 1 ? 0 : i]).ToArray();
    }

    private static ConstantValue Transposed(ConstantValue m)
    {
        long rows = m.Shape[0], cols = m.Shape[1];
        var t = new double[m.Values.Length];
        for (long r = 0; r < rows; r++)
            for (long k = 0; k < cols; k++) t[k * rows + r] = m.Values[r * cols + k];
        return new ConstantValue([cols, rows], t);
    }

    private static void CheckFeatures(NodeProto node, DataValue d, int inputs)
    {
        if (d.Features >= 0 && d.Features != inputs)
            throw Error(node, $"takes {inputs} features, but its input has {d.Features}");
    }
}
