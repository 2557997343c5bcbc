using Hwsim.Bridge.Reports;

namespace Hwsim.Bridge.MonteCarlo;

/// <summary>
/// Joins the folders of the shards of one study into the manifest and rows of the whole study (<c>hwsim merge</c>):
/// every folder must hold a manifest of the same settings (the first setting that differs is named), no sample may
/// come twice, and every sample of every case and sweep value must be there (the missing ones are named, with the
/// shards that hold them).
/// </summary>
public static class MonteCarloMerge
{
    /// <summary>Most sample numbers an error lists before it counts the rest.</summary>
    private const int ListedSamples = 12;

    public static (MonteCarloManifest Manifest, IReadOnlyList<MonteCarloRow> Rows) Merge(IReadOnlyList<string> folders)
    {
        if (folders.Count == 0) throw new MonteCarloException("no folders to merge");
        var manifests = folders.Select(MonteCarloManifest.Read).ToList();
        var reference = manifests[0];
        for (var i = 1; i < manifests.Count; i++) CheckSameStudy(folders[0], reference, folders[i], manifests[i]);

        var owner = new Dictionary<(string, string?, int), string>();
        var rows = new List<MonteCarloRow>();
        for (var i = 0; i < folders.Count; i++)
        {
            var m = manifests[i];
            var file = Path.Combine(folders[i], MonteCarloReport.RowsFile);
            if (!File.Exists(file)) throw new MonteCarloException($"{folders[i]}: no {MonteCarloReport.RowsFile} beside its manifest");
            foreach (var r in MonteCarloTable.Read(File.ReadAllText(file), m.SweepColumn, file))
            {
                var what = $"sample {r.Sample} of {r.Demo}{(r.SweepValue is { } v ? $" at {m.SweepColumn} {v}" : "")}";
                if (!m.Demos.Contains(r.Demo) || r.Level != m.Level || r.Sample >= m.Samples || !m.Values.Contains(r.SweepValue))
                    throw new MonteCarloException($"{file}: {what} is not part of the study its manifest describes");
                if (!m.Shard.Holds(r.Sample)) throw new MonteCarloException($"{file}: {what} does not belong to shard {m.Shard}");
                if (owner.TryGetValue((r.Demo, r.SweepValue, r.Sample), out var first))
                    throw new MonteCarloException($"{what} is in both {first} and {folders[i]} (a shard given twice?)");
                owner[(r.Demo, r.SweepValue, r.Sample)] = folders[i];
                rows.Add(r);
            }
        }

        var missing = new List<string>();
        var shards = new SortedSet<string>(StringComparer.Ordinal);
        var counts = manifests.Select(m => m.Shard.Count).Distinct().ToList();
        foreach (var demo in reference.Demos)
            foreach (var value in reference.Values)
            {
                var absent = Enumerable.Range(0, reference.Samples).Where(k => !owner.ContainsKey((demo, value, k))).ToList();
                if (absent.Count == 0) continue;
                var list = string.Join(", ", absent.Take(ListedSamples)) + (absent.Count > ListedSamples ? $" and {absent.Count - ListedSamples} more" : "");
                missing.Add($"{demo}{(value is null ? "" : $" at {reference.SweepColumn} {value}")}: {list}");
                if (counts.Count == 1) foreach (var k in absent) shards.Add(new Shard(k % counts[0], counts[0]).ToString());
            }
        if (missing.Count > 0)
            throw new MonteCarloException($"missing samples: {string.Join("; ", missing)}"
                + (shards.Count > 0 ? $" (run or add --shard {string.Join(", ", shards)})" : ""));
        return (reference with { Shard = Shard.Whole }, MonteCarloTable.Sorted(rows, reference.Values));
    }

    private static void CheckSameStudy(string firstFolder, MonteCarloManifest first, string folder, MonteCarloManifest other)
    {
        var a = first.Settings.ToDictionary(kv => kv.Key, kv => kv.Value);
        var b = other.Settings.ToDictionary(kv => kv.Key, kv => kv.Value);
        foreach (var key in first.Settings.Select(kv => kv.Key).Concat(other.Settings.Select(kv => kv.Key)))
        {
            a.TryGetValue(key, out var x);
            b.TryGetValue(key, out var y);
            if (x == y) continue;
            throw new MonteCarloException($"{folder} is another study: {key} {y ?? "(not given)"} there, {x ?? "(not given)"} in {firstFolder}");
        }
    }
}
