using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Hwsim.Bridge.Comparison;
using Hwsim.Bridge.Compiler;
using Hwsim.Circuits;
using Hwsim.Circuits.Blocks;

namespace Hwsim.Bridge.Reports.Inspector;

/// <summary>
/// The data of an inspector page as compact JSON: per level the signal scale, the profile, the netlist, every probe
/// signal over every point (software and circuit at full double precision, so that the page shows exactly the numbers
/// of the per-demo CSV and circuit − software is exact even at 1e-16; software values shared by the levels are written
/// once), and the blocks of the diagram with their
/// netlist lines, devices, signals, the transfer curve of the catalog block of their kind and, for crossbars, the
/// programmed conductances. Probe signals are the network's signals, then its inputs (the same both ways), then the
/// holds of sequence models (the previous step's h or c, a shift of that signal).
/// The device level also carries its timing and energy and the waveforms of its clocked transient over the first periods.
/// </summary>
public static class InspectorData
{
    /// <summary>Netlist lines shown per block before "… N more lines".</summary>
    public const int MaxLines = 80;

    /// <summary>The probe signals of a result: (name, node, layer, kind), in the order of the JSON <c>signals</c> array.</summary>
    public static IReadOnlyList<(string Name, string Node, string Layer, string Kind)> ProbeSignals(ComparisonResult r)
    {
        var list = r.Network.Signals.Select(s => (s.Name, s.Node, s.Layer, Kind: s.Kind.ToString())).ToList();
        list.AddRange(r.Network.Inputs.Select(i => ($"input[{i.Index}]", i.Node, "input", "Input")));
        foreach (var s in r.Network.States)
        {
            // a hold source's node, or a sample-and-hold instance's output: its first node that is neither the state it samples nor the clock
            var part = r.Network.Parts.FirstOrDefault(p => p.Name.Equals(s.Source, StringComparison.OrdinalIgnoreCase));
            var node = part?.Nodes.FirstOrDefault(n => part.IsSource || (!n.Equals(s.Next.Node, StringComparison.OrdinalIgnoreCase) && !n.StartsWith("phi", StringComparison.OrdinalIgnoreCase))) ?? s.Source;
            list.Add(($"{s.Next.Name.Replace("[", "_prev[", StringComparison.Ordinal)}", node, s.Next.Layer, "Hold"));
        }
        return list;
    }

    /// <summary>Writes the JSON of one demo: its levels in the order given.</summary>
    public static string Json(string demo, string description, IReadOnlyList<ComparisonResult> levels, (int Height, int Width)? image)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("format", "hwsim-inspector/1");
            w.WriteString("demo", demo);
            w.WriteString("description", description);
            w.WriteString("pointKind", levels.Count > 0 && levels[0].Network.IsSequenceModel ? "step" : "sample");
            if (image is { } im)
            {
                w.WriteStartArray("image");
                w.WriteNumberValue(im.Height);
                w.WriteNumberValue(im.Width);
                w.WriteEndArray();
            }
            else w.WriteNull("image");
            w.WriteStartArray("levels");
            foreach (var r in levels) Level(w, r, levels[0]);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>
    /// One level. The software side does not depend on the level: a signal whose software values equal those of the
    /// same signal (same place, same name) of the first level says <c>"swLevel": 0</c> instead of repeating them.
    /// </summary>
    private static void Level(Utf8JsonWriter w, ComparisonResult r, ComparisonResult first)
    {
        var net = r.Network;
        var graph = HardwareGraph.Build(net);
        var probes = ProbeSignals(r);
        var byNode = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < probes.Count; i++) byNode.TryAdd(probes[i].Node, i);

        w.WriteStartObject();
        w.WriteString("level", r.Level.Name());
        w.WriteString("engine", r.Engine);
        w.WriteNumber("vs", net.Profile.SignalVoltsPerUnit);
        w.WriteNumber("points", r.Software.Points);
        w.WriteNumber("fromPoint", r.FromPoint);
        w.WriteNumber("maxError", Finite(r.OutputMaxAbsError));
        w.WriteString("profile", net.Profile.Describe());
        w.WriteString("evaluation", Evaluation(r));

        w.WriteStartArray("signals");
        var s = 0;
        for (; s < net.Signals.Count; s++)
        {
            Signal(w, probes[s]);
            if (!ReferenceEquals(r, first) && SameSoftware(r, first, s)) w.WriteNumber("swLevel", 0);
            else Series(w, "sw", r.Software.Values.Select(v => v[s]));
            Series(w, "ck", r.Circuit.Values.Select(v => v[s]));
            w.WriteEndObject();
        }
        foreach (var input in net.Inputs)
        {
            Signal(w, probes[s++]);
            Series(w, "sw", r.Inputs.Count == r.Software.Points ? r.Inputs.Select(row => row[input.Index]) : Enumerable.Repeat(double.NaN, r.Software.Points));
            w.WriteEndObject();
        }
        foreach (var state in net.States)
        {
            Signal(w, probes[s++]);
            w.WriteNumber("of", net.Signals.ToList().FindIndex(x => x.Node == state.Next.Node));
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("blocks");
        foreach (var b in graph.Blocks) Block(w, r, graph, b, byNode);
        w.WriteEndArray();

        // the transfer curves, once per catalog block (blocks name theirs)
        w.WriteStartObject("curves");
        foreach (var name in graph.Blocks.Select(b => b.CatalogBlock).OfType<string>().Distinct())
            Curve(w, name, r);
        w.WriteEndObject();
        Timing(w, r.Timing);
        w.WriteEndObject();
    }

    /// <summary>How the level's circuit was evaluated, in words.</summary>
    private static string Evaluation(ComparisonResult r)
    {
        static string S(double x) => x >= 1e-3 ? $"{x * 1e3:G3} ms" : x >= 1e-6 ? $"{x * 1e6:G3} \u00b5s" : $"{x * 1e9:G3} ns";
        if (r.Timing is { } t)
            return r.Network.IsSequenceModel
                ? $"one clocked transient over all {r.Software.Points} steps at a clock period of {S(t.ClockPeriod)}: c and h are sampled by switched-capacitor " +
                  "sample-and-holds on a two-phase clock, every signal is read at the end of each compute phase (a hold shows the previous step's value as read)"
                : $"one clocked transient streaming one sample per clock period of {S(t.ClockPeriod)}, every signal read at the end of its period";
        return r.Network.IsSequenceModel
            ? "one operating point per time step; h and c carried to the next step by ideal sample-and-holds (sources set between steps)"
            : "one operating point per sample";
    }

    /// <summary>
    /// The device level's timing and energy, and its waveforms over the first periods: node voltages (<c>traces</c>)
    /// and the clock phases (<c>clocks</c>, 0 low, 1 high). Both null at the levels without time.
    /// </summary>
    private static void Timing(Utf8JsonWriter w, Evaluation.DeviceTiming? t)
    {
        if (t is null)
        {
            w.WriteNull("timing");
            w.WriteNull("waveforms");
            return;
        }
        w.WriteStartObject("timing");
        w.WriteNumber("clockPeriod", t.ClockPeriod);
        w.WriteNumber("settlingTime", t.SettlingTime);
        w.WriteNumber("computeWindow", t.ComputeWindow);
        w.WriteNumber("energyPerInference", t.EnergyPerInference);
        w.WriteBoolean("sequencePerInference", t.SequencePerInference);
        if (t.MinClockPeriod is { } min) w.WriteNumber("minClockPeriod", min);
        else w.WriteNull("minClockPeriod");
        w.WriteString("periodSweepMetric", t.PeriodSweepMetric);
        w.WriteNumber("timePoints", t.TimePoints);
        w.WriteStartObject("energyByKind");
        foreach (var (kind, joules) in t.EnergyByKind.OrderByDescending(x => x.Value)) Number(w, kind, joules);
        w.WriteEndObject();
        Series(w, "energyPerPoint", t.EnergyPerPoint);
        w.WriteEndObject();

        if (t.Waveforms is not { } wf)
        {
            w.WriteNull("waveforms");
            return;
        }
        var clock = wf.Schedule.Clock;
        w.WriteStartObject("waveforms");
        Series(w, "time", wf.Times);
        w.WriteNumber("period", wf.Schedule.Period);
        w.WriteStartArray("traces");
        for (var n = 0; n < wf.Names.Count; n++)
        {
            if (wf.Names[n].StartsWith("phi", StringComparison.OrdinalIgnoreCase)) continue;
            w.WriteStartObject();
            w.WriteString("name", $"v({wf.Names[n]})");
            w.WriteString("node", wf.Names[n]);
            Series(w, "values", wf.Values.Select(v => v[n]));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("clocks");
        for (var n = 0; n < wf.Names.Count; n++)
        {
            if (!wf.Names[n].StartsWith("phi", StringComparison.OrdinalIgnoreCase)) continue;
            var (lo, hi) = clock is null ? (0.0, 1.0) : (clock.Low, clock.High);
            w.WriteStartObject();
            w.WriteString("name", wf.Names[n]);
            Series(w, "values", wf.Values.Select(v => (v[n] - lo) / (hi - lo)));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, double v)
    {
        if (double.IsFinite(v)) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }

    private static bool SameSoftware(ComparisonResult r, ComparisonResult first, int s)
    {
        if (s >= first.Network.Signals.Count || first.Network.Signals[s].Name != r.Network.Signals[s].Name || first.Software.Points != r.Software.Points) return false;
        for (var p = 0; p < r.Software.Points; p++)
            if (first.Software.Values[p][s].CompareTo(r.Software.Values[p][s]) != 0) return false;
        return true;
    }

    private static void Signal(Utf8JsonWriter w, (string Name, string Node, string Layer, string Kind) p)
    {
        w.WriteStartObject();
        w.WriteString("name", p.Name);
        w.WriteString("node", p.Node);
        w.WriteString("layer", p.Layer);
        w.WriteString("kind", p.Kind);
    }

    private static void Block(Utf8JsonWriter w, ComparisonResult r, HardwareGraph graph, HardwareBlock b, Dictionary<string, int> byNode)
    {
        w.WriteStartObject();
        w.WriteString("id", b.Id);
        w.WriteString("kind", b.Kind);
        w.WriteString("title", b.Title);
        w.WriteString("subtitle", b.Subtitle);
        w.WriteString("layer", b.Layer);
        if (b.Subcircuit is null) w.WriteNull("subckt");
        else w.WriteString("subckt", b.Subcircuit);
        w.WriteBoolean("rail", b.IsRail);
        if (r.Network.Supplies.FirstOrDefault(x => b.Members.Any(m => m.Name.Equals(x.Source, StringComparison.OrdinalIgnoreCase))) is { } supply)
            w.WriteString("supplyKind", supply.Kind);
        w.WriteNumber("count", b.Members.Count);

        var (ins, outs) = Probes(graph, b, byNode);
        ins.Sort();
        outs.Sort();
        Indices(w, "in", ins);
        Indices(w, "out", outs);

        // members: name and, per node, its probe signal (-1: none), for the operating points of the transfer curve
        w.WriteStartArray("members");
        foreach (var m in b.Members.Take(256))
        {
            w.WriteStartObject();
            w.WriteString("name", m.Name);
            w.WriteStartArray("nodes");
            foreach (var n in m.Nodes) w.WriteStringValue(n);
            w.WriteEndArray();
            Indices(w, "sig", m.Nodes.Select(n => byNode.TryGetValue(n, out var i) ? i : -1));
            w.WriteEndObject();
        }
        w.WriteEndArray();

        var (definition, instances) = NetlistLines(r.Network.Netlist, b);
        Lines(w, "definition", definition);
        Lines(w, "instances", instances);
        w.WriteString("devices", Devices(definition));
        if (b.CatalogBlock is { } catalog && Sweep(catalog, r.Level, r.Network.Profile.SignalVoltsPerUnit) is not null) w.WriteString("curve", catalog);
        else w.WriteNull("curve");
        Crossbar(w, b, r);
        w.WriteEndObject();
    }

    /// <summary>
    /// The signals a block reads and drives. A block between signals (a crossbar reads row voltages and drives column
    /// currents) shows the signals one block further: what its row drivers read, what its TIAs give.
    /// </summary>
    private static (List<int> In, List<int> Out) Probes(HardwareGraph graph, HardwareBlock b, Dictionary<string, int> byNode)
    {
        List<int> Of(IEnumerable<string> nodes) => nodes.Where(byNode.ContainsKey).Select(n => byNode[n]).Distinct().ToList();
        var byId = graph.Blocks.ToDictionary(x => x.Id);
        var forward = graph.Edges.Where(e => !e.Feedback).ToList();
        var outs = Of(b.Outputs);
        if (outs.Count == 0)
            outs = Of(forward.Where(e => e.From == b.Id).SelectMany(e => byId[e.To].Outputs));
        var ins = Of(b.Inputs);
        if (ins.Count == 0 && b.Inputs.Count > 0)
            ins = Of(forward.Where(e => e.To == b.Id && !byId[e.From].IsRail).SelectMany(e => byId[e.From].Inputs));
        return (ins, outs);
    }

    /// <summary>The block's <c>.subckt</c> definition (or its source lines) and its instance lines, each cut at <see cref="MaxLines"/>.</summary>
    internal static (List<string> Definition, List<string> Instances) NetlistLines(string netlist, HardwareBlock b)
    {
        var lines = netlist.Split('\n');
        var definition = new List<string>();
        if (b.Subcircuit is { } sub)
        {
            var start = Array.FindIndex(lines, l => l.StartsWith(".subckt " + sub + " ", StringComparison.OrdinalIgnoreCase));
            for (var k = start; start >= 0 && k < lines.Length; k++)
            {
                definition.Add(lines[k]);
                if (lines[k].StartsWith(".ends", StringComparison.OrdinalIgnoreCase)) break;
            }
        }
        var names = new HashSet<string>(b.Members.Select(m => m.Name), StringComparer.OrdinalIgnoreCase);
        var instances = lines.Where(l => l.Length > 0 && names.Contains(l.Split(' ', 2)[0])).ToList();
        return (definition, instances);
    }

    private static void Lines(Utf8JsonWriter w, string name, List<string> lines)
    {
        w.WriteStartObject(name);
        w.WriteNumber("total", lines.Count);
        w.WriteString("text", string.Join('\n', lines.Take(MaxLines)));
        w.WriteEndObject();
    }

    /// <summary>The element cards of a definition by kind: "4 B source, 2 resistor".</summary>
    internal static string Devices(List<string> definition)
    {
        var names = new Dictionary<char, string>
        {
            ['r'] = "resistor", ['c'] = "capacitor", ['l'] = "inductor", ['q'] = "BJT", ['m'] = "MOSFET", ['d'] = "diode",
            ['s'] = "switch", ['v'] = "voltage source", ['i'] = "current source", ['e'] = "VCVS", ['g'] = "VCCS",
            ['h'] = "CCVS", ['f'] = "CCCS", ['b'] = "B source", ['x'] = "sub-circuit instance",
        };
        var counts = definition.Where(l => l.Length > 0 && !l.StartsWith('.') && !l.StartsWith('*') && !l.StartsWith('+'))
            .GroupBy(l => names.GetValueOrDefault(char.ToLowerInvariant(l[0]), "other"))
            .OrderByDescending(g => g.Count()).Select(g => $"{g.Count()} {g.Key}{(g.Count() == 1 ? "" : "s")}");
        return string.Join(", ", counts);
    }

    private static readonly ConcurrentDictionary<(string, FidelityLevel, double), BlockSweep?> Sweeps = new();

    /// <summary>The transfer curve of the catalog block of this kind at this level (<c>hwsim block NAME --level L</c>), in values.</summary>
    private static void Curve(Utf8JsonWriter w, string name, ComparisonResult r)
    {
        var sweep = Sweep(name, r.Level, r.Network.Profile.SignalVoltsPerUnit);
        if (sweep is null) return;
        w.WriteStartObject(name);
        w.WriteString("block", sweep.Block.Name);
        w.WriteString("level", sweep.Level.Name());
        w.WriteString("xLabel", sweep.Block.InputLabel);
        w.WriteString("yLabel", sweep.Block.OutputLabel);
        w.WriteString("ideal", sweep.Block.IdealLabel);
        if (sweep.Block.Input2Label is { } x2) w.WriteString("x2Label", x2);
        w.WriteNumber("maxError", sweep.MaxError);
        Series(w, "x", sweep.Input);
        if (sweep.Input2 is not null) Series(w, "x2", sweep.Input2);
        Series(w, "idealY", sweep.Ideal);
        Series(w, "circuitY", sweep.Circuit);
        w.WriteEndObject();
    }

    private static BlockSweep? Sweep(string name, FidelityLevel level, double voltsPerUnit) =>
        Sweeps.GetOrAdd((name, level, voltsPerUnit), key =>
        {
            var block = BlockCatalog.Find(key.Item1);
            if (block is null || !block.Offers(key.Item2)) return null;
            try
            {
                return block.CreateBench(key.Item2, new SignalScale(key.Item3)).Run();
            }
            catch (Exception e) when (e is SimulationException or CircuitException)
            {
                return null;
            }
        });

    /// <summary>A crossbar's programmed conductances (uS) and the weights they stand for, outputs as rows, the bias row last.</summary>
    private static void Crossbar(Utf8JsonWriter w, HardwareBlock b, ComparisonResult r)
    {
        var info = b.Kind == "crossbar" ? r.Network.Crossbars.FirstOrDefault(x => b.Members.Any(m => HardwareGraph.Matches(x.Instance, m.Name))) : null;
        if (info is null)
        {
            w.WriteNull("crossbar");
            return;
        }
        var xb = info.Crossbar;
        w.WriteStartObject("crossbar");
        w.WriteString("name", xb.Name);
        w.WriteString("layer", info.Layer);
        w.WriteNumber("outputs", xb.Outputs);
        w.WriteNumber("inputs", xb.Inputs);
        w.WriteBoolean("bias", xb.HasBias);
        w.WriteNumber("gmin", xb.Mapping.Gmin * 1e6);
        w.WriteNumber("gmax", xb.Mapping.Gmax * 1e6);
        w.WriteNumber("scale", xb.Mapping.WeightScale * 1e6);
        Matrix(w, "gplus", xb.Outputs, xb.Rows, (j, i) => Round(xb.Plus[j, i] * 1e6));
        Matrix(w, "gminus", xb.Outputs, xb.Rows, (j, i) => Round(xb.Minus[j, i] * 1e6));
        Matrix(w, "weight", xb.Outputs, xb.Rows, (j, i) => Round(xb.EffectiveWeight(j, i)));
        w.WriteEndObject();
    }

    private static double Round(double x) => double.IsFinite(x) ? double.Parse(x.ToString("G6", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture) : x;

    private static void Matrix(Utf8JsonWriter w, string name, int rows, int columns, Func<int, int, double> value)
    {
        w.WriteStartArray(name);
        for (var j = 0; j < rows; j++)
        {
            w.WriteStartArray();
            for (var i = 0; i < columns; i++) Number(w, value(j, i));
            w.WriteEndArray();
        }
        w.WriteEndArray();
    }

    private static void Series(Utf8JsonWriter w, string name, IEnumerable<double> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) Number(w, v);
        w.WriteEndArray();
    }

    private static void Indices(Utf8JsonWriter w, string name, IEnumerable<int> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteNumberValue(v);
        w.WriteEndArray();
    }

    /// <summary>A number at full precision (the shortest text that reads back to the same double); NaN and infinities as null.</summary>
    private static void Number(Utf8JsonWriter w, double v)
    {
        if (double.IsFinite(v)) w.WriteNumberValue(v);
        else w.WriteNullValue();
    }

    private static double Finite(double v) => double.IsFinite(v) ? v : -1;
}
