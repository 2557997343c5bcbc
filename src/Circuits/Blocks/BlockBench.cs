using System.Globalization;
using System.Text;
using Hwsim.Circuits.Netlist;
using Hwsim.Circuits.Results;

namespace Hwsim.Circuits.Blocks;

/// <summary>
/// A test bench around one block at one level: the block's sub-circuit (with its dependencies), the sources that
/// sweep its inputs and the analysis, as a netlist that ngspice runs unchanged; <see cref="Run"/> runs it on our
/// engine and reads the sweep back beside the ideal function.
/// </summary>
public sealed class BlockBench
{
    private readonly Func<IReadOnlyList<AnalysisResult>, (double[] Input, double[]? Input2, double[] Circuit)> _read;
    private readonly Func<double, double, double> _ideal;

    internal BlockBench(BlockDefinition block, FidelityLevel level, SubcircuitText subcircuit, string netlist, string sweep,
        Func<IReadOnlyList<AnalysisResult>, (double[] Input, double[]? Input2, double[] Circuit)> read, Func<double, double, double> ideal)
    {
        Block = block;
        Level = level;
        Subcircuit = subcircuit;
        Netlist = netlist;
        Sweep = sweep;
        _read = read;
        _ideal = ideal;
    }

    public BlockDefinition Block { get; }
    public FidelityLevel Level { get; }
    /// <summary>The block under test (its dependencies are in <see cref="SubcircuitText.Dependencies"/>).</summary>
    public SubcircuitText Subcircuit { get; }
    /// <summary>The whole bench netlist: title, block definitions, sources, analysis, <c>.end</c>.</summary>
    public string Netlist { get; }
    /// <summary>What the bench sweeps, in words.</summary>
    public string Sweep { get; }

    /// <summary>The ideal function in values.</summary>
    public double Ideal(double input, double input2 = 0) => _ideal(input, input2);

    /// <summary>Runs the bench on our engine. Throws what the engine throws (<see cref="SimulationException"/>, <see cref="CircuitException"/>).</summary>
    public BlockSweep Run()
    {
        var results = NetlistRun.RunAll(NetlistReader.Parse(Netlist, $"{Block.Name}.cir"));
        var (input, input2, circuit) = _read(results);
        var ideal = input.Select((x, i) => _ideal(x, input2?[i] ?? 0)).ToArray();
        return new BlockSweep(Block, Level, input, input2, ideal, circuit);
    }

    /// <summary>Lines describing the block: sub-circuit and ports, what it holds, dependencies, range, scale, sweep.</summary>
    public IReadOnlyList<string> Summary()
    {
        var lines = new List<string>
        {
            $"block {Block.Name} ({Level.Name()}): {Block.Description}",
            $"  sub-circuit  {Subcircuit.Name} {string.Join(' ', Subcircuit.Ports)}",
            $"  contains     {Contents(Subcircuit)}",
        };
        var deps = Subcircuit.WithDependencies().Where(d => d != Subcircuit).ToList();
        if (deps.Count > 0) lines.Add($"  uses         {string.Join(", ", deps.Select(d => d.Name))}");
        if (Subcircuit.Comment is { } c)
            foreach (var l in c.Split('\n')) lines.Add($"  note         {l}");
        lines.Add($"  input        {Block.InputLabel}{(Block.Input2Label is { } i2 ? $"; {i2}" : "")}, range {Block.InputRange}");
        lines.Add($"  output       {Block.OutputLabel}; ideal {Block.IdealLabel}");
        lines.Add($"  sweep        {Sweep}");
        lines.Add($"  stated error max |circuit - ideal| <= {Block.ErrorBound(Level).ToString("G3", CultureInfo.InvariantCulture)} (output units)");
        return lines;
    }

    /// <summary>Counts the cards of a sub-circuit by kind, e.g. "6 BJT, 9 resistors, 1 sub-circuit instance".</summary>
    internal static string Contents(SubcircuitText s)
    {
        var names = new Dictionary<char, string>
        {
            ['r'] = "resistor", ['c'] = "capacitor", ['l'] = "inductor", ['q'] = "BJT", ['m'] = "MOSFET", ['d'] = "diode",
            ['s'] = "switch", ['v'] = "voltage source", ['i'] = "current source", ['e'] = "VCVS", ['g'] = "VCCS",
            ['h'] = "CCVS", ['f'] = "CCCS", ['b'] = "B source", ['x'] = "instance",
        };
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var models = 0;
        foreach (var line in s.Lines)
        {
            if (line.Length == 0 || line[0] == '*') continue;
            if (line.StartsWith(".model", StringComparison.OrdinalIgnoreCase)) { models++; continue; }
            var kind = names.GetValueOrDefault(char.ToLowerInvariant(line[0]), "other");
            counts[kind] = counts.GetValueOrDefault(kind) + 1;
        }
        var parts = counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key)
            .Select(kv => $"{kv.Value} {Plural(kv.Key, kv.Value)}").ToList();
        if (models > 0) parts.Add($"{models} model{(models == 1 ? "" : "s")}");
        return string.Join(", ", parts);
    }

    private static string Plural(string noun, int count) =>
        count == 1 || noun.EndsWith('S') ? noun : noun.EndsWith("ch", StringComparison.Ordinal) ? noun + "es" : noun + "s";

    /// <summary>Starts a bench netlist: title, comment lines and the block's definitions.</summary>
    internal static StringBuilder Begin(string title, IEnumerable<string> comments, SubcircuitText block, params SubcircuitText[] more)
    {
        var sb = new StringBuilder();
        sb.Append(title).Append('\n');
        sb.Append("* generated by hwsim (Hwsim.Circuits.Blocks.BlockCatalog): regenerate with 'hwsim block NAME --netlist FILE'; 'ngspice -b' runs it unchanged and prints its .print table\n");
        foreach (var c in comments) sb.Append("* ").Append(c).Append('\n');
        var seen = new HashSet<string>();
        foreach (var s in new[] { block }.Concat(more))
            foreach (var d in s.WithDependencies())
                if (seen.Add(d.Name)) sb.Append(d).Append('\n');
        return sb;
    }

    internal static string N(double x) => SubcircuitText.Num(x);
}
