using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hwsim.Circuits.Blocks;

namespace Hwsim.Bridge.MonteCarlo;

/// <summary>
/// <c>montecarlo-shard.json</c>, written beside the CSV files of every Monte Carlo run: which shard of which study the
/// folder holds. <see cref="Settings"/> are what make the study (demos or model, level, samples, seed, every mapping
/// option given): shards merge only when they agree on all of them; <c>--jobs</c> and <c>--out</c> are not settings.
/// An unsharded run, and a merge, are shard 0/1.
/// </summary>
public sealed record MonteCarloManifest(
    Shard Shard,
    IReadOnlyList<KeyValuePair<string, string>> Settings,
    IReadOnlyList<string> Demos,
    FidelityLevel Level,
    int Samples,
    string? SweepColumn,
    IReadOnlyList<string> SweepValues)
{
    /// <summary>The file's name in a Monte Carlo folder.</summary>
    public const string FileName = "montecarlo-shard.json";

    /// <summary>The format tag; a folder with another is not read.</summary>
    public const string Format = "hwsim-montecarlo/1";

    /// <summary>The sweep values, or one null without a sweep.</summary>
    public IReadOnlyList<string?> Values => SweepColumn is null ? new string?[] { null } : SweepValues.Cast<string?>().ToArray();

    public static MonteCarloManifest Of(MonteCarloRequest r, Shard shard) => new(shard, r.Settings,
        r.Cases.Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray(), r.Level, r.Samples,
        r.Sweep?.Column, r.Sweep?.Values ?? Array.Empty<string>());

    /// <summary>The JSON text (indented, keys in a fixed order, LF line ends).</summary>
    public string Write()
    {
        var settings = new JsonObject();
        foreach (var (k, v) in Settings) settings[k] = v;
        var json = new JsonObject
        {
            ["format"] = Format,
            ["shard"] = Shard.ToString(),
            ["settings"] = settings,
            ["demos"] = new JsonArray(Demos.Select(d => (JsonNode)JsonValue.Create(d)!).ToArray()),
            ["level"] = Level.Name(),
            ["samples"] = Samples,
            ["sweep"] = SweepColumn is null ? null : new JsonObject
            {
                ["column"] = SweepColumn,
                ["values"] = new JsonArray(SweepValues.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray()),
            },
        };
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).Replace("\r\n", "\n") + "\n";
    }

    /// <summary>Reads the manifest of <paramref name="folder"/>; a folder without one is not a Monte Carlo folder.</summary>
    public static MonteCarloManifest Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!Directory.Exists(folder)) throw new MonteCarloException($"{folder}: no such folder");
        if (!File.Exists(path)) throw new MonteCarloException($"{folder}: not a Monte Carlo folder (no {FileName}; hwsim montecarlo writes one with every run)");
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path, Encoding.UTF8));
        }
        catch (JsonException e)
        {
            throw new MonteCarloException($"{path}: not valid JSON ({e.Message})");
        }
        string Text(JsonNode? n, string what) => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw new MonteCarloException($"{path}: '{what}' is missing or not text");
        if (root is not JsonObject o || Text(o["format"], "format") != Format)
            throw new MonteCarloException($"{path}: not a {Format} manifest");
        var shard = Shard.TryParse(Text(o["shard"], "shard"), out var problem) ?? throw new MonteCarloException($"{path}: shard {problem}");
        if (o["settings"] is not JsonObject settings) throw new MonteCarloException($"{path}: 'settings' is missing");
        var pairs = settings.Select(kv => new KeyValuePair<string, string>(kv.Key, Text(kv.Value, $"settings.{kv.Key}"))).ToArray();
        if (o["demos"] is not JsonArray demos) throw new MonteCarloException($"{path}: 'demos' is missing");
        if (!FidelityLevels.TryParse(Text(o["level"], "level"), out var level)) throw new MonteCarloException($"{path}: unknown level");
        var samples = o["samples"] is JsonValue sv && sv.TryGetValue<int>(out var n) && n > 0 ? n : throw new MonteCarloException($"{path}: 'samples' is not a positive number");
        string? column = null;
        var values = Array.Empty<string>();
        if (o["sweep"] is JsonObject sweep)
        {
            column = Text(sweep["column"], "sweep.column");
            values = sweep["values"] is JsonArray a ? a.Select(v => Text(v, "sweep.values")).ToArray() : throw new MonteCarloException($"{path}: 'sweep.values' is missing");
        }
        return new MonteCarloManifest(shard, pairs, demos.Select(d => Text(d, "demos")).ToArray(), level, samples, column, values);
    }
}
