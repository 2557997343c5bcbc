using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hwsim.Nn.Layers;

namespace Hwsim.Nn.Models;

/// <summary>
/// Reads and writes the model file format <c>hwsim-model/1</c>: JSON with "format", "name", "layers" (run in
/// order) and "state_dict" (keys <c>LAYERNAME.</c> + PyTorch's key, PyTorch's shapes). Other top-level fields
/// are kept in <see cref="NetworkModel.Extras"/>. Writing is deterministic: the same model gives the same bytes.
/// </summary>
public static class ModelFile
{
    /// <summary>The value of the "format" field.</summary>
    public const string Format = "hwsim-model/1";

    private static readonly string[] Reserved = ["format", "name", "layers", "state_dict"];

    // Readable text: an apostrophe stays an apostrophe (the file is never embedded in HTML as is).
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };

    /// <summary>A JSON string literal, escaped as the serializer would, without reflection (so a native build can write models).</summary>
    internal static string Quote(string s)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Compact.Encoder }))
            writer.WriteStringValue(s);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Loads a model file; every problem is a <see cref="ModelFormatException"/> naming the file.</summary>
    public static NetworkModel Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ModelFormatException($"cannot read: {ex.Message}", path, inner: ex);
        }
        try
        {
            return Parse(text);
        }
        catch (ModelFormatException ex)
        {
            throw ex.InFile(path);
        }
    }

    /// <summary>Parses model JSON text.</summary>
    public static NetworkModel Parse(string json)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            string detail = ex.Message;
            int cut = detail.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut > 0) detail = detail[..cut].TrimEnd('.', ' ');
            throw new ModelFormatException($"invalid JSON: {detail}", line: ex.LineNumber + 1, column: ex.BytePositionInLine + 1, inner: ex);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new ModelFormatException("the model file must be a JSON object");
            if (!root.TryGetProperty("format", out var format))
                throw new ModelFormatException($"missing \"format\": \"{Format}\"");
            if (format.ValueKind != JsonValueKind.String)
                throw new ModelFormatException($"\"format\" must be the string \"{Format}\", not {Kind(format.ValueKind)}");
            if (format.GetString() != Format)
                throw new ModelFormatException($"unsupported format '{format.GetString()}' (expected '{Format}')");
            // A missing or blank name is the default name, as before; a name is only a label (made file-safe where it names files).
            string name = root.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(n.GetString())
                ? n.GetString()! : "model";
            if (!root.TryGetProperty("layers", out var layersEl) || layersEl.ValueKind != JsonValueKind.Array)
                throw new ModelFormatException("missing \"layers\" array");
            var layers = new List<ILayer>();
            int index = 0;
            // Every parameter is a number written in the file (at least a digit and a separator), which bounds them all.
            long budget = json.Length / 2;
            foreach (var l in layersEl.EnumerateArray()) layers.Add(LayerFactory.Create(l, index++, budget));
            if (layers.Count == 0) throw new ModelFormatException("\"layers\" is empty");
            var dup = layers.GroupBy(l => l.Name).FirstOrDefault(g => g.Count() > 1);
            if (dup is not null) throw new ModelFormatException($"layer name '{dup.Key}' is used twice", item: dup.Key);
            var network = new Sequential(layers, name);
            CheckChain(network);

            if (!root.TryGetProperty("state_dict", out var sd) || sd.ValueKind != JsonValueKind.Object)
                throw new ModelFormatException("missing \"state_dict\" object");
            var expected = network.NamedParameters.ToDictionary(p => p.Key, p => p.Parameter);
            foreach (var prop in sd.EnumerateObject())
                if (!expected.ContainsKey(prop.Name))
                    throw new ModelFormatException($"unexpected tensor '{prop.Name}' in state_dict (no layer has it)", item: prop.Name);
            foreach (var (key, p) in network.NamedParameters.Select(x => (x.Key, x.Parameter)))
            {
                if (!sd.TryGetProperty(key, out var tensor))
                    throw new ModelFormatException($"missing tensor '{key}' of shape {ShapeText(p.Shape)}", item: key);
                var values = new List<double>(p.Count);
                var shape = ReadTensor(tensor, key, values);
                if (!shape.SequenceEqual(p.Shape))
                    throw new ModelFormatException($"tensor '{key}' has shape {ShapeText(shape)}, expected {ShapeText(p.Shape)}", item: key);
                p.SetFlat(values);
            }

            var extras = new JsonObject();
            foreach (var prop in root.EnumerateObject())
                if (!Reserved.Contains(prop.Name)) extras[prop.Name] = JsonNode.Parse(prop.Value.GetRawText());
            return new NetworkModel(name, network, extras);
        }
    }

    private static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Number => "a number",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        JsonValueKind.Null => "null",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static void CheckChain(Sequential network)
    {
        // Check consecutive layers fit, starting from the first layer that fixes its input size.
        int? features = null;
        foreach (var layer in network.Layers)
        {
            if (features is null)
            {
                features = layer switch
                {
                    Linear l => l.InFeatures,
                    Lstm l => l.InputSize,
                    Conv2d c when c.InputHeight is int h && c.InputWidth is int w => c.InChannels * h * w,
                    _ => null,
                };
                if (features is null) continue;
            }
            try
            {
                features = layer.OutputFeatures(features.Value);
            }
            catch (ArgumentException ex)
            {
                throw new ModelFormatException(ex.Message, item: layer.Name, inner: ex);
            }
        }
    }

    private static List<int> ReadTensor(JsonElement e, string key, List<double> values)
    {
        if (e.ValueKind == JsonValueKind.Number)
            throw new ModelFormatException($"tensor '{key}' is a single number, expected an array", item: key);
        if (e.ValueKind != JsonValueKind.Array)
            throw new ModelFormatException($"tensor '{key}' is not an array of numbers", item: key);
        int length = e.GetArrayLength();
        if (length == 0) throw new ModelFormatException($"tensor '{key}' is empty", item: key);
        List<int>? inner = null;
        foreach (var item in e.EnumerateArray())
        {
            List<int> shape;
            if (item.ValueKind == JsonValueKind.Number)
            {
                double v = item.GetDouble();
                if (!double.IsFinite(v)) throw new ModelFormatException($"tensor '{key}' holds a non-finite number", item: key);
                values.Add(v);
                shape = [];
            }
            else if (item.ValueKind == JsonValueKind.Array)
            {
                shape = ReadTensor(item, key, values);
            }
            else
            {
                throw new ModelFormatException($"tensor '{key}' holds a {item.ValueKind}, expected numbers", item: key);
            }
            if (inner is null) inner = shape;
            else if (!inner.SequenceEqual(shape)) throw new ModelFormatException($"tensor '{key}' is ragged (rows differ in length)", item: key);
        }
        return [length, .. inner!];
    }

    private static string ShapeText(IEnumerable<int> shape) => "(" + string.Join(", ", shape) + ")";

    /// <summary>The model as JSON text, deterministic: one line per layer, one line per innermost tensor row.</summary>
    public static string Serialize(NetworkModel model)
    {
        var sb = new StringBuilder();
        sb.Append("{\n");
        sb.Append($"  \"format\": \"{Format}\",\n");
        sb.Append($"  \"name\": {Quote(model.Name)},\n");
        foreach (var (key, value) in model.Extras)
        {
            if (Reserved.Contains(key)) continue;
            string json = value is null ? "null" : value.ToJsonString(Indented).Replace("\n", "\n  ");
            sb.Append($"  {Quote(key)}: {json},\n");
        }
        sb.Append("  \"layers\": [\n");
        var layers = model.Network.Layers;
        for (int i = 0; i < layers.Count; i++)
        {
            var fields = LayerFactory.Describe(layers[i]).Select(f => $"\"{f.Key}\": {f.Json}");
            sb.Append("    {").Append(string.Join(", ", fields)).Append('}').Append(i + 1 < layers.Count ? ",\n" : "\n");
        }
        sb.Append("  ],\n");
        sb.Append("  \"state_dict\": {");
        var ps = model.Network.NamedParameters;
        for (int i = 0; i < ps.Count; i++)
        {
            sb.Append(i == 0 ? "\n" : ",\n");
            sb.Append($"    {Quote(ps[i].Key)}: ");
            var p = ps[i].Parameter;
            WriteTensor(sb, p.ToFlatArray(), p.Shape, 0, 0, 4);
        }
        sb.Append(ps.Count > 0 ? "\n  }\n" : "}\n");
        sb.Append("}\n");
        return sb.ToString();
    }

    private static int WriteTensor(StringBuilder sb, double[] flat, IReadOnlyList<int> shape, int dim, int offset, int indent)
    {
        if (dim == shape.Count - 1)
        {
            sb.Append('[');
            for (int i = 0; i < shape[dim]; i++)
            {
                if (i > 0) sb.Append(", ");
                sb.Append(Number(flat[offset + i]));
            }
            sb.Append(']');
            return offset + shape[dim];
        }
        sb.Append("[\n");
        for (int i = 0; i < shape[dim]; i++)
        {
            sb.Append(' ', indent + 2);
            offset = WriteTensor(sb, flat, shape, dim + 1, offset, indent + 2);
            sb.Append(i + 1 < shape[dim] ? ",\n" : "\n");
        }
        sb.Append(' ', indent).Append(']');
        return offset;
    }

    /// <summary>A double as the shortest text that reads back to the same value.</summary>
    public static string Number(double v)
    {
        if (!double.IsFinite(v)) throw new ArgumentException("model values must be finite");
        return v.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>Writes the model atomically: to a temporary file beside the target, then renamed over it.</summary>
    public static void Save(NetworkModel model, string path) => AtomicFile.WriteAllText(path, Serialize(model));
}
