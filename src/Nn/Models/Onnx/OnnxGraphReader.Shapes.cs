using Hwsim.Nn.Layers;
using Onnx;

namespace Hwsim.Nn.Models.Onnx;

/// <summary>
/// The shape arithmetic that <c>torch.onnx.export</c> writes around the layers, folded for the given input: the sizes
/// of the input (Shape, Gather, Unsqueeze, Concat, Slice, Cast), the initial state of an LSTM built from them
/// (ConstantOfShape, Expand of zeros or of a given state), the Transpose of a batch-first sequence, the Squeeze of an LSTM's direction axis and the
/// Reshape that flattens images before a Linear.
/// </summary>
internal sealed partial class OnnxGraphReader
{
    private static OnnxValue ConstantNode(NodeProto node)
    {
        var a = node.Attribute.FirstOrDefault() ?? throw Error(node, "a Constant needs a value attribute");
        return a.Name switch
        {
            "value" => Constant(a.T, $"node '{NodeName(node)}' (Constant)"),
            "value_float" => new ConstantValue([], [a.F]),
            "value_floats" => new ConstantValue([a.Floats.Count], a.Floats.Select(v => (double)v).ToArray()),
            "value_int" => new ConstantValue([], [a.I]),
            "value_ints" => new ConstantValue([a.Ints.Count], a.Ints.Select(v => (double)v).ToArray()),
            _ => throw Unsupported(node, $"a Constant given as '{a.Name}'"),
        };
    }

    /// <summary>A vector of sizes from a folded shape or a 1-D integer constant.</summary>
    private static Dim[] Dims(NodeProto node, OnnxValue v, string what) => v switch
    {
        ShapeValue { IsScalar: false } s => s.Dims,
        ShapeValue s => s.Dims,
        ConstantValue c when c.Shape.Length <= 1 => c.AsLongs().Select(Dim.Of).ToArray(),
        _ => throw Error(node, $"{what} must be a vector of sizes"),
    };

    private OnnxValue Shape(NodeProto node)
    {
        Dim[] dims = Input(node, 0) switch
        {
            DataValue d => d.Dims,
            ConstantValue c => c.Shape.Select(Dim.Of).ToArray(),
            ShapeValue v => v.IsScalar ? [] : [Dim.Of(v.Dims.Length)],
            _ => throw Error(node, "the shape of this value is not known"),
        };
        // Opset 15 adds start and end.
        int start = (int)Int(node, "start", 0), end = (int)Int(node, "end", dims.Length);
        if (start < 0) start += dims.Length;
        if (end < 0) end += dims.Length;
        return new ShapeValue(dims[Math.Clamp(start, 0, dims.Length)..Math.Clamp(end, 0, dims.Length)], false);
    }

    private OnnxValue Gather(NodeProto node)
    {
        if (Int(node, "axis", 0) != 0) throw Unsupported(node, "a Gather on an axis other than 0");
        var source = Input(node, 0);
        if (source is DataValue) throw Unsupported(node, "a Gather on the network's data");
        var dims = Dims(node, source, "the gathered value");
        var indices = ConstantInput(node, 1, "the indices");
        var picked = indices.AsLongs().Select(i =>
        {
            long k = i < 0 ? i + dims.Length : i;
            if (k < 0 || k >= dims.Length) throw Error(node, $"index {i} is outside the {dims.Length} sizes");
            return dims[k];
        }).ToArray();
        return new ShapeValue(picked, indices.Shape.Length == 0);
    }

    /// <summary>Axes from input 1 (opset 13 on) or from the "axes" attribute (before).</summary>
    private long[] Axes(NodeProto node) =>
        Optional(node, 1) is { } a ? (a as ConstantValue ?? throw Error(node, "the axes must be a constant")).AsLongs() : Ints(node, "axes") ?? [];

    private OnnxValue Unsqueeze(NodeProto node)
    {
        var axes = Axes(node);
        return Input(node, 0) switch
        {
            ShapeValue { IsScalar: true } s when axes.SequenceEqual([0L]) => s with { IsScalar = false },
            ConstantValue c => c with { Shape = Inserted(c.Shape, axes) },
            _ => throw Unsupported(node, "an Unsqueeze of this value"),
        };
    }

    private static long[] Inserted(long[] shape, long[] axes)
    {
        var result = shape.ToList();
        int rank = shape.Length + axes.Length;
        foreach (var a in axes.Select(a => a < 0 ? a + rank : a).Order()) result.Insert((int)a, 1);
        return result.ToArray();
    }

    private OnnxValue Squeeze(NodeProto node)
    {
        var axes = Axes(node);
        switch (Input(node, 0))
        {
            case DataValue { Layout: DataLayout.LstmOutput } d when axes.Length == 1 && (axes[0] == 1 || axes[0] == -3):
                // Y of an LSTM is (T, directions = 1, N, H): without the direction axis it is a time-first sequence.
                return new DataValue(DataLayout.Sequence, [d.Dims[0], d.Dims[2], d.Dims[3]], d.LayerCount, 0);
            case ConstantValue c:
                var keep = Enumerable.Range(0, c.Shape.Length).Where(k => axes.Length == 0 ? c.Shape[k] != 1 : !axes.Any(a => (a < 0 ? a + c.Shape.Length : a) == k));
                return c with { Shape = keep.Select(k => c.Shape[k]).ToArray() };
            default:
                throw Unsupported(node, "a Squeeze other than of an LSTM's direction axis");
        }
    }

    private OnnxValue Concat(NodeProto node)
    {
        if (Int(node, "axis", 0) != 0) throw Unsupported(node, "a Concat on an axis other than 0");
        var parts = Enumerable.Range(0, node.Input.Count).Select(k => Input(node, k)).ToList();
        if (parts.Any(p => p is DataValue)) throw Unsupported(node, "a Concat of the network's data");
        return new ShapeValue(parts.SelectMany(p => Dims(node, p, "each concatenated value")).ToArray(), false);
    }

    private OnnxValue Slice(NodeProto node)
    {
        var source = Input(node, 0);
        if (source is ZerosValue) return source; // a part of an all-zero initial state is zero
        if (source is DataValue) throw Unsupported(node, "a Slice of the network's data");
        long[] starts, ends, axes, steps;
        if (node.Input.Count > 1)
        {
            starts = ConstantInput(node, 1, "starts").AsLongs();
            ends = ConstantInput(node, 2, "ends").AsLongs();
            axes = Optional(node, 3) is ConstantValue a ? a.AsLongs() : [0];
            steps = Optional(node, 4) is ConstantValue s ? s.AsLongs() : [1];
        }
        else
        {
            starts = Ints(node, "starts") ?? [0];
            ends = Ints(node, "ends") ?? [long.MaxValue];
            axes = Ints(node, "axes") ?? [0];
            steps = [1];
        }
        if (axes is not [0] || steps is not [1]) throw Unsupported(node, "a Slice other than along axis 0 with step 1");
        if (source is ConstantValue { Shape.Length: > 1 } tensor)
        {
            // Layers of a stacked LSTM's given initial state, (num_layers, N, H), one slice per layer.
            long rows = tensor.Shape[0], size = tensor.Values.Length / Math.Max(1, rows);
            long a = Math.Clamp(starts[0] < 0 ? starts[0] + rows : starts[0], 0, rows), b = Math.Clamp(ends[0] < 0 ? ends[0] + rows : ends[0], a, rows);
            return new ConstantValue([b - a, .. tensor.Shape[1..]], tensor.Values[(int)(a * size)..(int)(b * size)]);
        }
        var dims = Dims(node, source, "the sliced value");
        long n = dims.Length;
        long from = Math.Clamp(starts[0] < 0 ? starts[0] + n : starts[0], 0, n);
        long to = Math.Clamp(ends[0] < 0 ? ends[0] + n : ends[0], 0, n);
        return new ShapeValue(dims[(int)from..(int)Math.Max(from, to)], false);
    }

    private OnnxValue Cast(NodeProto node) => Input(node, 0) switch
    {
        DataValue => throw Unsupported(node, "a Cast of the network's data"),
        var v => v,
    };

    private OnnxValue ConstantOfShape(NodeProto node)
    {
        var dims = Dims(node, Input(node, 0), "the shape");
        var value = Attribute(node, "value") is { } a ? Constant(a.T, $"node '{NodeName(node)}'").Values.Single() : 0.0;
        // Known sizes give the constant itself (torch fills ones to compare sizes with); sizes known only at run time
        // give zeros that follow the input (an LSTM's initial state).
        if (dims.All(d => d.Value is not null))
        {
            var shape = dims.Select(d => d.Value!.Value).ToArray();
            return new ConstantValue(shape, Enumerable.Repeat(value, (int)shape.Aggregate(1L, (x, y) => x * y)).ToArray());
        }
        if (value != 0) throw Unsupported(node, "a ConstantOfShape of a size known only at run time, filled with a value other than 0");
        return new ZerosValue();
    }

    /// <summary>
    /// Mul, Equal and Where on vectors of sizes, as torch writes them for <c>expand(-1, n, -1)</c> (a -1 becomes the
    /// size it keeps). A size known only at run time is positive: it equals no constant, and times 1 it is itself.
    /// </summary>
    private OnnxValue SizeArithmetic(NodeProto node)
    {
        var args = Enumerable.Range(0, node.Input.Count).Select(k => Input(node, k)).ToArray();
        if (args.Any(a => a is DataValue or ZerosValue)) throw Unsupported(node, $"a {node.OpType} of the network's data");
        var vectors = args.Select(a => Dims(node, a, "each operand")).ToArray();
        int n = vectors.Max(v => v.Length);
        if (vectors.Any(v => v.Length != n && v.Length != 1)) throw Error(node, "operands of different lengths");
        Dim At(int k, int i) => vectors[k].Length == 1 ? vectors[k][0] : vectors[k][i];
        var result = new Dim[n];
        for (int i = 0; i < n; i++)
        {
            Dim a = At(0, i), b = At(1, i);
            result[i] = node.OpType switch
            {
                "Mul" when a.Value is long x && b.Value is long y => Dim.Of(x * y),
                "Mul" when b.Value == 1 => a,
                "Mul" when a.Value == 1 => b,
                "Equal" when a.Value is long x && b.Value is long y => Dim.Of(x == y ? 1 : 0),
                "Equal" when a == b => Dim.Of(1),
                "Equal" when (a.Symbol is not null && b.Value is <= 0) || (b.Symbol is not null && a.Value is <= 0) => Dim.Of(0),
                "Where" when a.Value is long cond => cond != 0 ? b : At(2, i),
                _ => throw Unsupported(node, $"a {node.OpType} of sizes ({a}, {b}) that is not known before run time"),
            };
        }
        return new ShapeValue(result, args.All(a => a is ShapeValue { IsScalar: true } || a is ConstantValue { Shape.Length: 0 }));
    }

    private OnnxValue Expand(NodeProto node)
    {
        _ = Dims(node, Input(node, 1), "the shape");
        return Input(node, 0) switch
        {
            ZerosValue z => z,
            ConstantValue c when c.Values.All(v => v == 0) => new ZerosValue(),
            // A constant spread over the batch (an LSTM's given initial state): the LSTM reads it per sequence.
            ConstantValue c => c,
            _ => throw Unsupported(node, "an Expand of anything but a constant (an LSTM's initial state)"),
        };
    }

    private OnnxValue Transpose(NodeProto node)
    {
        var perm = Ints(node, "perm");
        switch (Input(node, 0))
        {
            case DataValue { Layout: DataLayout.Sequence } d when perm is [1, 0, 2]:
                // (T, N, F) <-> (N, T, F): the Transpose torch writes around an LSTM with batch_first=True.
                return d with { Dims = [d.Dims[1], d.Dims[0], d.Dims[2]], TimeAxis = d.TimeAxis < 0 ? -1 : 1 - d.TimeAxis };
            case ConstantValue { Shape.Length: 2 } c when perm is null or [1, 0]:
                return Transposed(c);
            default:
                throw Unsupported(node, $"a Transpose with perm ({string.Join(", ", perm ?? [])}) of this value");
        }
    }

    private OnnxValue Reshape(NodeProto node)
    {
        var source = Input(node, 0);
        var target = Dims(node, Input(node, 1), "the new shape");
        if (source is ConstantValue c)
        {
            long known = target.Where(d => d.Value is > 0).Aggregate(1L, (a, d) => a * d.Value!.Value);
            var shape = target.Select((d, k) => d.Value switch
            {
                -1 => c.Count / Math.Max(1, known),
                0 => c.Shape[k],
                long v => v,
                null => throw Error(node, "a constant reshaped to a size known only at run time"),
            }).ToArray();
            return c with { Shape = shape };
        }
        if (source is ShapeValue sizes && target.Length == 1 && (target[0].Value == -1 || target[0].Value == sizes.Dims.Length))
            return sizes with { IsScalar = false };
        if (source is not DataValue d) throw Unsupported(node, "a Reshape of this value");
        // The flattening before a Linear: (N, C, H, W) or (N, F) to (N, -1) or (N, C*H*W).
        long features = d.Dims.Skip(1).Aggregate(1L, (a, x) => x.Value is long v && a >= 0 ? a * v : -1);
        bool sameBatch = target.Length == 2 && (target[0] == d.Dims[0] || target[0].Value is 0 || (target[0].Value is -1 && target[1].Value == features));
        bool flat = sameBatch && (target[1].Value == -1 || target[1].Value == features);
        if (d.Layout is DataLayout.Images or DataLayout.Rows && flat && features > 0)
            return d.Layout == DataLayout.Rows ? d : AddLayer(node, n => new Flatten(n), DataLayout.Rows, [d.Dims[0], Dim.Of(features)]);
        throw Unsupported(node, $"a Reshape to ({string.Join(", ", target.Select(x => x.ToString()))}); only the flattening of each sample before a Linear is imported");
    }
}
