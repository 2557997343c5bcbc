namespace Hwsim.Nn.Models.Onnx;

/// <summary>One dimension of a tensor: a number, or a name for a size given only at run time (batch, time).</summary>
internal readonly record struct Dim(long? Value, string? Symbol)
{
    public static Dim Of(long value) => new(value, null);

    public static Dim Named(string symbol) => new(null, symbol);

    public override string ToString() => Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Symbol ?? "?";
}

/// <summary>A value of the graph as the importer sees it while it walks the nodes in order.</summary>
internal abstract record OnnxValue;

/// <summary>A constant tensor (initializer, Constant node, or folded arithmetic), its values in row-major order.</summary>
internal sealed record ConstantValue(long[] Shape, double[] Values) : OnnxValue
{
    public long Count => Values.Length;

    public static ConstantValue Vector(params long[] values) => new([values.Length], values.Select(v => (double)v).ToArray());

    public long[] AsLongs() => Values.Select(v => (long)v).ToArray();
}

/// <summary>
/// An integer vector (or scalar) of sizes, some known only at run time: what <c>Shape</c>, <c>Gather</c>,
/// <c>Unsqueeze</c> and <c>Concat</c> compute from the input before torch builds an LSTM's initial state or a reshape.
/// </summary>
internal sealed record ShapeValue(Dim[] Dims, bool IsScalar) : OnnxValue;

/// <summary>A tensor of zeros whose shape follows the input (an LSTM's initial state as torch exports it).</summary>
internal sealed record ZerosValue : OnnxValue;

/// <summary>How the data tensor is laid out.</summary>
internal enum DataLayout
{
    /// <summary>(N, F): one row per sample.</summary>
    Rows,

    /// <summary>(N, C, H, W): images.</summary>
    Images,

    /// <summary>Three dimensions: (T, N, F) or (N, T, F), as <see cref="DataValue.TimeAxis"/> says.</summary>
    Sequence,

    /// <summary>(T, directions = 1, N, H): the Y output of an LSTM node.</summary>
    LstmOutput,
}

/// <summary>
/// The data after the layers imported so far (<paramref name="LayerCount"/> of them). For a sequence,
/// <paramref name="TimeAxis"/> is 0 for (T, N, F), 1 for (N, T, F), and -1 while it is not known (the graph input
/// before the first LSTM tells).
/// </summary>
internal sealed record DataValue(DataLayout Layout, Dim[] Dims, int LayerCount, int TimeAxis = 0) : OnnxValue
{
    /// <summary>The size of the last dimension (features), or -1 when it is not known.</summary>
    public long Features => Dims[^1].Value ?? -1;
}

/// <summary>An output that the layers cannot represent (e.g. an LSTM's final state); using it is an error that says why.</summary>
internal sealed record UnsupportedValue(string Why) : OnnxValue;
