using System.Text.Json;
using Hwsim.Nn.Layers;

namespace Hwsim.Nn.Models;

/// <summary>Builds layers from their model-file descriptions and describes layers for writing.</summary>
public static class LayerFactory
{
    /// <summary>The layer types a model file may use.</summary>
    public static IReadOnlyList<string> Types { get; } = ["Linear", "ReLU", "Sigmoid", "Tanh", "LSTM", "Conv2d", "Flatten"];

    /// <summary>
    /// Creates the layer described by one element of the "layers" array. A layer that declares more parameters than
    /// <paramref name="maxParameters"/> (a model file holds every value as text, so its length bounds them) is
    /// refused before anything is allocated: a two-line file cannot make the process allocate gigabytes.
    /// </summary>
    public static ILayer Create(JsonElement e, int index, long maxParameters = long.MaxValue)
    {
        if (e.ValueKind != JsonValueKind.Object)
            throw new ModelFormatException($"layers[{index}] is not an object", item: $"layers[{index}]");
        string name = e.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "";
        if (string.IsNullOrWhiteSpace(name))
            throw new ModelFormatException($"layers[{index}] has no \"name\"", item: $"layers[{index}]");
        if (name.Contains('.'))
            throw new ModelFormatException($"layer '{name}': a layer name may not contain '.'", item: name);
        if (!e.TryGetProperty("type", out var t) || t.ValueKind != JsonValueKind.String)
            throw new ModelFormatException($"layer '{name}' has no \"type\"", item: name);
        string type = t.GetString()!;
        string? canonical = Types.FirstOrDefault(x => string.Equals(x, type, StringComparison.OrdinalIgnoreCase));
        var declared = DeclaredParameters(e, name, canonical);
        if (declared > maxParameters)
            throw new ModelFormatException(
                $"layer '{name}': its sizes declare {declared} parameters, more values than the file holds (at most {maxParameters})", item: name);
        try
        {
            return canonical switch
            {
                "Linear" => new Linear(name, Int(e, name, "in_features"), Int(e, name, "out_features"), Bool(e, name, "bias", true)),
                "ReLU" => new ReLU(name),
                "Sigmoid" => new Sigmoid(name),
                "Tanh" => new Tanh(name),
                "Flatten" => new Flatten(name),
                "LSTM" => CreateLstm(e, name),
                "Conv2d" => CreateConv(e, name),
                _ => throw new ModelFormatException(
                    $"layer '{name}' has unknown type '{type}' (known: {string.Join(", ", Types)})", item: name),
            };
        }
        catch (ArgumentException ex)
        {
            throw new ModelFormatException($"layer '{name}': {ex.Message}", item: name, inner: ex);
        }
    }

    /// <summary>The number of parameters a layer's sizes declare (weights and biases), counted without allocating them.</summary>
    private static long DeclaredParameters(JsonElement e, string name, string? type)
    {
        long Size(string field) => Math.Max(0, Int(e, name, field));
        long bias(long n) => Bool(e, name, "bias", true) ? n : 0;
        try
        {
            checked
            {
                switch (type)
                {
                    case "Linear":
                        return Size("in_features") * Size("out_features") + bias(Size("out_features"));
                    case "LSTM":
                    {
                        long input = Size("input_size"), hidden = Size("hidden_size");
                        long layers = e.TryGetProperty("num_layers", out _) ? Size("num_layers") : 1;
                        if (layers == 0) return 0;
                        var first = 4 * hidden * (input + hidden) + bias(8 * hidden);
                        return first + (layers - 1) * (4 * hidden * (2 * hidden) + bias(8 * hidden));
                    }
                    case "Conv2d":
                    {
                        if (!e.TryGetProperty("kernel_size", out _)) return 0;
                        var (kh, kw) = Pair(e, name, "kernel_size", 0);
                        return Size("out_channels") * Size("in_channels") * Math.Max(0L, kh) * Math.Max(0L, kw) + bias(Size("out_channels"));
                    }
                    default:
                        return 0;
                }
            }
        }
        catch (OverflowException)
        {
            return long.MaxValue;
        }
    }

    private static Lstm CreateLstm(JsonElement e, string name)
    {
        if (Bool(e, name, "bidirectional", false))
            throw new ModelFormatException($"layer '{name}' (LSTM): bidirectional LSTMs are not supported", item: name);
        if (e.TryGetProperty("proj_size", out var p) && p.ValueKind == JsonValueKind.Number && p.GetDouble() != 0)
            throw new ModelFormatException($"layer '{name}' (LSTM): proj_size is not supported", item: name);
        int layers = e.TryGetProperty("num_layers", out _) ? Int(e, name, "num_layers") : 1;
        var lstm = new Lstm(name, Int(e, name, "input_size"), Int(e, name, "hidden_size"), layers, Bool(e, name, "bias", true));
        lstm.SetInitialState(Vectors(e, name, "initial_h"), Vectors(e, name, "initial_c"));
        return lstm;
    }

    /// <summary>An optional array of number arrays (an LSTM's initial state: one vector per layer).</summary>
    private static double[][]? Vectors(JsonElement e, string layer, string field)
    {
        if (!e.TryGetProperty(field, out var v)) return null;
        if (v.ValueKind != JsonValueKind.Array || v.EnumerateArray().Any(r => r.ValueKind != JsonValueKind.Array || r.EnumerateArray().Any(x => x.ValueKind != JsonValueKind.Number)))
            throw new ModelFormatException($"layer '{layer}': \"{field}\" must be an array of number arrays (one per layer)", item: layer);
        var rows = v.EnumerateArray().Select(r => r.EnumerateArray().Select(x => x.GetDouble()).ToArray()).ToArray();
        if (rows.SelectMany(r => r).Any(x => !double.IsFinite(x))) throw new ModelFormatException($"layer '{layer}': \"{field}\" holds a non-finite number", item: layer);
        return rows;
    }

    private static Conv2d CreateConv(JsonElement e, string name)
    {
        foreach (var unsupported in new[] { "dilation", "groups" })
            if (e.TryGetProperty(unsupported, out _) && Pair(e, name, unsupported, 1) != (1, 1))
                throw new ModelFormatException($"layer '{name}' (Conv2d): {unsupported} other than 1 is not supported", item: name);
        if (e.TryGetProperty("padding_mode", out var pm) && pm.ValueKind == JsonValueKind.String && pm.GetString() != "zeros")
            throw new ModelFormatException($"layer '{name}' (Conv2d): only padding_mode \"zeros\" is supported", item: name);
        if (!e.TryGetProperty("kernel_size", out _))
            throw new ModelFormatException($"layer '{name}' (Conv2d) has no \"kernel_size\"", item: name);
        var (kh, kw) = Pair(e, name, "kernel_size", 0);
        var (sy, sx) = Pair(e, name, "stride", 1);
        var (py, px) = Pair(e, name, "padding", 0);
        int? ih = e.TryGetProperty("input_height", out _) ? Int(e, name, "input_height") : null;
        int? iw = e.TryGetProperty("input_width", out _) ? Int(e, name, "input_width") : null;
        return new Conv2d(name, Int(e, name, "in_channels"), Int(e, name, "out_channels"), kh, kw, sy, sx, py, px,
            Bool(e, name, "bias", true), ih, iw);
    }

    private static int Int(JsonElement e, string layer, string field)
    {
        if (!e.TryGetProperty(field, out var v))
            throw new ModelFormatException($"layer '{layer}' has no \"{field}\"", item: layer);
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out int i))
            throw new ModelFormatException($"layer '{layer}': \"{field}\" must be an integer", item: layer);
        return i;
    }

    private static bool Bool(JsonElement e, string layer, string field, bool fallback)
    {
        if (!e.TryGetProperty(field, out var v)) return fallback;
        return v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new ModelFormatException($"layer '{layer}': \"{field}\" must be true or false", item: layer),
        };
    }

    private static (int, int) Pair(JsonElement e, string layer, string field, int fallback)
    {
        if (!e.TryGetProperty(field, out var v)) return (fallback, fallback);
        if (v.ValueKind == JsonValueKind.Number) { int i = Int(e, layer, field); return (i, i); }
        if (v.ValueKind == JsonValueKind.Array && v.GetArrayLength() == 2 &&
            v[0].TryGetInt32(out int a) && v[1].TryGetInt32(out int b))
            return (a, b);
        throw new ModelFormatException($"layer '{layer}': \"{field}\" must be an integer or a pair of integers", item: layer);
    }

    /// <summary>The fields of a layer as written to a model file, in order (name and type first), as JSON fragments.</summary>
    public static IReadOnlyList<(string Key, string Json)> Describe(ILayer layer)
    {
        var f = new List<(string, string)> { ("name", ModelFile.Quote(layer.Name)), ("type", ModelFile.Quote(layer.TypeName)) };
        switch (layer)
        {
            case Linear l:
                f.Add(("in_features", I(l.InFeatures)));
                f.Add(("out_features", I(l.OutFeatures)));
                if (l.Bias is null) f.Add(("bias", "false"));
                break;
            case Lstm l:
                f.Add(("input_size", I(l.InputSize)));
                f.Add(("hidden_size", I(l.HiddenSize)));
                f.Add(("num_layers", I(l.NumLayers)));
                if (!l.HasBias) f.Add(("bias", "false"));
                if (l.InitialH is not null)
                {
                    f.Add(("initial_h", V(l.InitialH)));
                    f.Add(("initial_c", V(l.InitialC!)));
                }
                break;
            case Conv2d c:
                f.Add(("in_channels", I(c.InChannels)));
                f.Add(("out_channels", I(c.OutChannels)));
                f.Add(("kernel_size", P(c.KernelHeight, c.KernelWidth)));
                f.Add(("stride", P(c.StrideY, c.StrideX)));
                f.Add(("padding", P(c.PaddingY, c.PaddingX)));
                if (c.InputHeight is int h) f.Add(("input_height", I(h)));
                if (c.InputWidth is int w) f.Add(("input_width", I(w)));
                if (c.Bias is null) f.Add(("bias", "false"));
                break;
            case ReLU or Sigmoid or Tanh or Flatten:
                break;
            default:
                throw new ArgumentException($"layer '{layer.Name}' of type {layer.TypeName} cannot be written to a model file");
        }
        return f;

        static string I(int i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        static string P(int a, int b) => a == b ? I(a) : $"[{I(a)}, {I(b)}]";
        static string V(IReadOnlyList<double[]> rows) => "[" + string.Join(", ", rows.Select(r => "[" + string.Join(", ", r.Select(ModelFile.Number)) + "]")) + "]";
    }
}
