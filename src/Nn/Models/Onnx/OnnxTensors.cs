using Google.Protobuf;
using Onnx;

namespace Hwsim.Nn.Models.Onnx;

/// <summary>Reads and writes the numbers of an ONNX <see cref="TensorProto"/> (typed fields or little-endian raw data).</summary>
internal static class OnnxTensors
{
    public const int Float = (int)TensorProto.Types.DataType.Float;
    public const int Double = (int)TensorProto.Types.DataType.Double;
    public const int Int64 = (int)TensorProto.Types.DataType.Int64;
    public const int Int32 = (int)TensorProto.Types.DataType.Int32;

    /// <summary>The values of <paramref name="t"/> as doubles, in row-major order; throws <see cref="ArgumentException"/> for what is not supported.</summary>
    public static ConstantValue Read(TensorProto t)
    {
        if (t.DataLocation == TensorProto.Types.DataLocation.External)
            throw new ArgumentException($"tensor '{t.Name}' keeps its data in an external file, which is not supported");
        var shape = t.Dims.ToArray();
        long count = shape.Aggregate(1L, (a, d) => a * d);
        var raw = t.RawData.Span;
        double[] values = t.DataType switch
        {
            Float => raw.Length > 0 ? Raw(t, 4, count, (s, i) => BitConverter.ToSingle(s.Slice(i, 4))) : t.FloatData.Select(v => (double)v).ToArray(),
            Double => raw.Length > 0 ? Raw(t, 8, count, (s, i) => BitConverter.ToDouble(s.Slice(i, 8))) : t.DoubleData.ToArray(),
            Int64 => raw.Length > 0 ? Raw(t, 8, count, (s, i) => BitConverter.ToInt64(s.Slice(i, 8))) : t.Int64Data.Select(v => (double)v).ToArray(),
            Int32 => raw.Length > 0 ? Raw(t, 4, count, (s, i) => BitConverter.ToInt32(s.Slice(i, 4))) : t.Int32Data.Select(v => (double)v).ToArray(),
            _ => throw new ArgumentException($"tensor '{t.Name}' has element type {(TensorProto.Types.DataType)t.DataType}; supported: float, double, int64, int32"),
        };
        if (values.LongLength != count)
            throw new ArgumentException($"tensor '{t.Name}' holds {values.LongLength} values for shape ({string.Join(", ", shape)})");
        return new ConstantValue(shape, values);
    }

    private delegate double Decode(ReadOnlySpan<byte> bytes, int offset);

    private static double[] Raw(TensorProto t, int size, long count, Decode decode)
    {
        var raw = t.RawData.Span;
        if (raw.Length != count * size)
            throw new ArgumentException($"tensor '{t.Name}' holds {raw.Length} bytes for {count} values of {size} bytes");
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("ONNX raw tensor data is little-endian");
        var values = new double[count];
        for (int i = 0; i < count; i++) values[i] = decode(raw, i * size);
        return values;
    }

    /// <summary>A tensor of <paramref name="values"/> with the given shape, as float or double raw data.</summary>
    public static TensorProto Write(string name, IReadOnlyList<long> shape, IReadOnlyList<double> values, bool asDouble)
    {
        var t = new TensorProto { Name = name, DataType = asDouble ? Double : Float };
        t.Dims.AddRange(shape);
        var bytes = new byte[values.Count * (asDouble ? 8 : 4)];
        for (int i = 0; i < values.Count; i++)
        {
            if (asDouble) BitConverter.TryWriteBytes(bytes.AsSpan(i * 8), values[i]);
            else BitConverter.TryWriteBytes(bytes.AsSpan(i * 4), (float)values[i]);
        }
        t.RawData = ByteString.CopyFrom(bytes);
        return t;
    }

    /// <summary>An int64 tensor (shapes and axes).</summary>
    public static TensorProto WriteInt64(string name, params long[] values)
    {
        var t = new TensorProto { Name = name, DataType = Int64 };
        t.Dims.Add(values.Length);
        t.Int64Data.AddRange(values);
        return t;
    }
}
