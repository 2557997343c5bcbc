using System.Text.RegularExpressions;
using Hwsim.Bridge.Compiler;

namespace Hwsim.Bridge.Reports.Inspector;

/// <summary>
/// The compiled network as blocks and wires, read from its parts (every instance and source, in netlist order, with
/// its layer): parts of one sub-circuit whose names differ only in their indices form a block (<c>xt_fc1_0</c> ...
/// <c>xt_fc1_15</c>: the TIAs of fc1). A node belongs to the part that mentions it first (the compiler adds parts in
/// signal order), so a block's inputs are nodes that earlier blocks drive, and its column is the longest chain of
/// blocks from an input. States (LSTM h and c) run back to their holds as feedback wires. Sources that feed many
/// blocks or several layers (the bias rows; supplies and clocks at the device level) are rails.
/// </summary>
public sealed partial class HardwareGraph
{
    private HardwareGraph(IReadOnlyList<HardwareBlock> blocks, IReadOnlyList<HardwareEdge> edges)
    {
        Blocks = blocks;
        Edges = edges;
    }

    public IReadOnlyList<HardwareBlock> Blocks { get; }
    public IReadOnlyList<HardwareEdge> Edges { get; }
    public int Columns => Blocks.Where(b => !b.IsRail).Select(b => b.Column + 1).DefaultIfEmpty(0).Max();
    public int Rows => Blocks.Where(b => !b.IsRail).Select(b => b.Row + 1).DefaultIfEmpty(0).Max();

    /// <summary>The block that holds part <paramref name="name"/>, or null.</summary>
    public HardwareBlock? BlockOf(string name) => Blocks.FirstOrDefault(b => b.Members.Any(m => m.Name.Equals(name, StringComparison.OrdinalIgnoreCase)));

    public static HardwareGraph Build(CompiledNetwork network)
    {
        // 1. group the parts
        var groups = new List<(string Key, List<CircuitPart> Parts)>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var part in network.Parts)
        {
            var key = $"{part.Layer}|{part.Subcircuit ?? "source"}|{Digits().Replace(part.Name.ToLowerInvariant(), "#")}";
            if (!index.TryGetValue(key, out var g))
            {
                g = groups.Count;
                index[key] = g;
                groups.Add((key, new List<CircuitPart>()));
            }
            groups[g].Parts.Add(part);
        }

        // 2. who drives each node: the group of the part that mentions it first. Known beforehand: the supplies' and
        // the clock's nodes are rails, and a hold instance (device level) drives its own nodes other than the state it
        // samples (it is added after the cell that reads its output).
        string Key(CircuitPart part) => $"{part.Layer}|{part.Subcircuit ?? "source"}|{Digits().Replace(part.Name.ToLowerInvariant(), "#")}";
        var supplySources = new HashSet<string>(network.Supplies.Select(x => x.Source), StringComparer.OrdinalIgnoreCase);
        var supplyNodes = new HashSet<string>(network.Parts.Where(x => supplySources.Contains(x.Name)).Select(x => x.Nodes[0]), StringComparer.OrdinalIgnoreCase);
        var clockNodes = network.Parts.SelectMany(x => x.Nodes).Where(IsClock).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var clock = -1;
        if (clockNodes.Count > 0)
        {
            clock = groups.Count;
            groups.Add(("clock", new List<CircuitPart>()));
        }
        var driver = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var outputs = groups.Select(_ => new List<string>()).ToArray();
        var inputs = groups.Select(_ => new List<string>()).ToArray();
        foreach (var node in clockNodes)
        {
            driver[node] = clock;
            outputs[clock].Add(node);
        }
        var sampled = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var state in network.States)
        {
            var hold = network.Parts.FirstOrDefault(x => x.Subcircuit is not null && x.Name.Equals(state.Source, StringComparison.OrdinalIgnoreCase));
            if (hold is null) continue;
            sampled.Add(state.Next.Node);
            foreach (var node in hold.Nodes.Where(n => !n.Equals(state.Next.Node, StringComparison.OrdinalIgnoreCase) && !IsClock(n) && !supplyNodes.Contains(n) && n != "0"))
                if (driver.TryAdd(node, index[Key(hold)])) outputs[index[Key(hold)]].Add(node);
        }
        foreach (var part in network.Parts)
        {
            var g = index[Key(part)];
            foreach (var node in part.Nodes)
            {
                if (node == "0" || node.Equals("gnd", StringComparison.OrdinalIgnoreCase)) continue;
                if (driver.TryGetValue(node, out var d))
                {
                    if (d != g && !inputs[g].Contains(node, StringComparer.OrdinalIgnoreCase)) inputs[g].Add(node);
                }
                else
                {
                    driver[node] = g;
                    outputs[g].Add(node);
                }
            }
        }
        // a hold reading the state it samples is the feedback wire (added below), not a forward one
        bool IsHold(int g) => groups[g].Parts.Count > 0 && groups[g].Parts[0].Subcircuit is not null && network.States.Any(x => x.Source.Equals(groups[g].Parts[0].Name, StringComparison.OrdinalIgnoreCase));
        var edges = new HashSet<(int From, int To)>();
        for (var g = 0; g < groups.Count; g++)
            foreach (var node in inputs[g])
                if (!(IsHold(g) && sampled.Contains(node)))
                    edges.Add((driver[node], g));

        // 3. rails: supplies, the clock, bias sources, and sources read by three or more blocks or by blocks of two or more layers
        var rail = new bool[groups.Count];
        for (var g = 0; g < groups.Count; g++)
        {
            if (g == clock) { rail[g] = true; continue; }
            if (groups[g].Parts[0].Subcircuit is not null) continue;
            var readers = edges.Where(e => e.From == g).Select(e => e.To).Distinct().ToList();
            rail[g] = supplySources.Contains(groups[g].Parts[0].Name) || SourceKind(groups[g].Parts[0].Name) == "bias" || readers.Count >= 3
                      || readers.Select(r => groups[r].Parts.Count > 0 ? groups[r].Parts[0].Layer : "").Distinct().Count() >= 2;
        }

        // 4. columns: the longest chain from a block without inputs (rails and feedback do not count)
        var column = new int[groups.Count];
        for (var pass = 0; pass < groups.Count; pass++)
        {
            var changed = false;
            foreach (var (from, to) in edges)
            {
                if (rail[from] || rail[to] || column[to] >= column[from] + 1) continue;
                column[to] = column[from] + 1;
                changed = true;
            }
            if (!changed) break;
        }
        var rowsUsed = new Dictionary<int, int>();
        var blocks = new List<HardwareBlock>();
        for (var g = 0; g < groups.Count; g++)
        {
            var row = rail[g] ? 0 : rowsUsed.GetValueOrDefault(column[g]);
            if (!rail[g]) rowsUsed[column[g]] = row + 1;
            blocks.Add(g == clock
                ? new HardwareBlock
                {
                    Id = $"b{g}", Kind = "clock", Title = "two-phase clock", Subtitle = $"{string.Join(", ", outputs[g])}: non-overlapping phases",
                    Layer = "clock", Members = Array.Empty<CircuitPart>(), Outputs = outputs[g], Inputs = Array.Empty<string>(), IsRail = true,
                }
                : Describe(network, $"b{g}", groups[g].Parts, outputs[g], inputs[g], column[g], row, rail[g]));
        }

        // 5. feedback: each state's new value back to the block of its hold source
        var all = edges.Select(e => new HardwareEdge(blocks[e.From].Id, blocks[e.To].Id, false)).ToList();
        foreach (var state in network.States)
        {
            var hold = blocks.FirstOrDefault(b => b.Members.Any(m => m.Name.Equals(state.Source, StringComparison.OrdinalIgnoreCase)));
            if (hold is null || !driver.TryGetValue(state.Next.Node, out var from)) continue;
            var edge = new HardwareEdge(blocks[from].Id, hold.Id, true);
            if (!all.Contains(edge)) all.Add(edge);
        }
        return new HardwareGraph(blocks, all);
    }

    /// <summary>A block's kind, title and subtitle from its sub-circuit (or source names) and the signals it drives.</summary>
    private static HardwareBlock Describe(CompiledNetwork network, string id, List<CircuitPart> parts, List<string> outs, List<string> ins,
        int column, int row, bool rail)
    {
        var first = parts[0];
        var count = parts.Count;
        var supply = network.Supplies.FirstOrDefault(x => x.Source.Equals(first.Name, StringComparison.OrdinalIgnoreCase));
        var (kind, catalog, noun) = first.Subcircuit is { } sub ? SubcircuitKind(sub) : supply is not null ? ("supply", null, "") : (SourceKind(first.Name), null, "");
        var cell = network.States.Any(x => x.IsCell && parts.Any(p => p.Name.Equals(x.Source, StringComparison.OrdinalIgnoreCase)));
        var signals = network.Signals.Where(s => outs.Contains(s.Node, StringComparer.OrdinalIgnoreCase)).ToList();
        var signalRange = signals.Count == 0 ? null : Range(signals.Select(s => s.Name).ToList());
        var nodeRange = Range(outs);
        var times = count > 1 ? $" \u00d7{count}" : "";
        var (title, subtitle) = kind switch
        {
            "input" => ($"inputs{times}", nodeRange),
            "hold" => ($"{(cell ? "c" : "h")} hold{times}", $"{nodeRange} (previous step)"),
            "supply" => ($"supply {first.Name}", $"{supply!.Kind} blocks, {supply.Volts.ToString("G4", System.Globalization.CultureInfo.InvariantCulture)} V"),
            "source" => ($"source {first.Name}{times}", nodeRange),
            "bias" when first.Subcircuit is not null => ("bias rows", $"{nodeRange}: \u00b1Vread"),
            "bias" => ($"bias row {first.Name}", $"{nodeRange} = {(first.Name.EndsWith('n') ? "\u2212" : "+")}Vread"),
            "row-driver" => ($"row drivers{times}", "\u00b1Vread \u00b7 x rows"),
            "crossbar" => (count > 1 ? $"crossbar tiles{times}" : $"crossbar {first.Layer}", Crossbar(network, parts)),
            "tia" => ($"TIAs{times}", signalRange ?? nodeRange),
            _ => ($"{noun}{times}", signalRange ?? nodeRange),
        };
        return new HardwareBlock
        {
            Id = id,
            Kind = kind,
            Title = title,
            Subtitle = subtitle,
            Layer = first.Layer,
            Subcircuit = first.Subcircuit,
            Members = parts,
            Outputs = outs,
            Inputs = ins,
            Column = column,
            Row = row,
            IsRail = rail,
            CatalogBlock = catalog,
        };
    }

    private static string Crossbar(CompiledNetwork network, List<CircuitPart> parts)
    {
        var info = network.Crossbars.FirstOrDefault(x => parts.Any(p => Matches(x.Instance, p.Name)));
        return info is null ? parts[0].Subcircuit ?? "" : $"{info.Crossbar.Outputs} \u00d7 {info.Crossbar.Rows} pairs G+/G\u2212";
    }

    /// <summary>An instance pattern of <see cref="CrossbarInfo"/> (<c>xx_fc1</c>, or <c>xx_sobel_*</c> for every tile).</summary>
    internal static bool Matches(string pattern, string name) =>
        pattern.EndsWith('*') ? name.StartsWith(pattern[..^1], StringComparison.OrdinalIgnoreCase) : name.Equals(pattern, StringComparison.OrdinalIgnoreCase);

    /// <summary>The kind of a block from the name of its sub-circuit, the catalog block that characterises it, and its noun.</summary>
    internal static (string Kind, string? Catalog, string Noun) SubcircuitKind(string subcircuit)
    {
        var s = subcircuit.ToLowerInvariant();
        return s switch
        {
            "rowdrv" => ("row-driver", null, "row drivers"),
            "biasdrv" => ("bias", null, "bias row driver"),
            _ when s.StartsWith("xb_", StringComparison.Ordinal) => ("crossbar", null, "crossbar"),
            _ when s.StartsWith("tia", StringComparison.Ordinal) => ("tia", "tia", "TIAs"),
            _ when s.StartsWith("act_relu", StringComparison.Ordinal) => ("activation", "relu", "ReLU"),
            _ when s.StartsWith("act_sigmoid", StringComparison.Ordinal) => ("activation", "sigmoid", "sigmoid"),
            _ when s.StartsWith("act_tanh", StringComparison.Ordinal) => ("activation", "tanh", "tanh"),
            _ when s.StartsWith("mul", StringComparison.Ordinal) => ("multiplier", "multiplier", "multipliers"),
            _ when s.StartsWith("add", StringComparison.Ordinal) => ("adder", "adder", "adders"),
            _ when s.Contains("hold", StringComparison.Ordinal) || s.StartsWith("sh", StringComparison.Ordinal) => ("hold", "sample-hold", "sample-and-holds"),
            _ => ("other", null, subcircuit),
        };
    }

    private static string SourceKind(string name)
    {
        var n = name.ToLowerInvariant();
        return n.StartsWith("vin", StringComparison.Ordinal) ? "input"
            : n.StartsWith("vhp", StringComparison.Ordinal) || n.StartsWith("vcp", StringComparison.Ordinal) ? "hold"
            : n.StartsWith("vbias", StringComparison.Ordinal) ? "bias"
            : "source";
    }

    /// <summary>The two-phase clock's nodes (device level): <c>phi1</c>, <c>phi2</c>.</summary>
    private static bool IsClock(string node) => node.Equals("phi1", StringComparison.OrdinalIgnoreCase) || node.Equals("phi2", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>a</c>, or <c>a … z</c> for several names.</summary>
    private static string Range(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "",
        1 => names[0],
        _ => $"{names[0]} \u2026 {names[^1]}",
    };

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
