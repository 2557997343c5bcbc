using System.Text.RegularExpressions;
using Hwsim.Bridge.Compiler;
using Hwsim.Circuits.Blocks;
using Hwsim.Circuits.Devices;
using Hwsim.Circuits.Simulation;

namespace Hwsim.Bridge.Evaluation;

/// <summary>
/// The resistors at the crossings of every crossbar of a compiled network, found in an engine (flattened names
/// <c>r.INSTANCE.rxK_J</c>), so that their conductances can be changed in place: a Monte Carlo sample re-programs them
/// and read noise re-reads them, with no new netlist, parse or set-up (the matrix structure does not change). A
/// crossbar instanced at many places (a convolution's kernel at every output position) is one set of devices read
/// many times: every instance holds the crossbar's programmed values, and every instance is a read of its own.
/// </summary>
internal sealed partial class CrossingResistors
{
    /// <summary>[crossbar][instance][output j, physical row k]: row k = 2 i holds G- of row i, k = 2 i + 1 its G+.</summary>
    private readonly ResistorBehavior[][][,] _resistors;

    private CrossingResistors(ResistorBehavior[][][,] resistors) => _resistors = resistors;

    [GeneratedRegex(@"^r\.(?<instance>.+)\.rx(?<k>\d+)_(?<j>\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex CrossingName();

    [GeneratedRegex(@"^\d+_\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex PositionSuffix();

    /// <summary>Finds the crossing resistors of <paramref name="network"/>'s crossbars in <paramref name="engine"/>.</summary>
    public static CrossingResistors Find(CircuitEngine engine, CompiledNetwork network)
    {
        var byInstance = new Dictionary<string, List<(int K, int J, ResistorBehavior R)>>(StringComparer.OrdinalIgnoreCase);
        foreach (var b in engine.Behaviors)
        {
            if (b is not ResistorBehavior r) continue;
            var m = CrossingName().Match(b.Name);
            if (!m.Success) continue;
            var instance = m.Groups["instance"].Value;
            if (!byInstance.TryGetValue(instance, out var list)) byInstance[instance] = list = new();
            list.Add((int.Parse(m.Groups["k"].Value), int.Parse(m.Groups["j"].Value), r));
        }
        var all = new ResistorBehavior[network.Crossbars.Count][][,];
        for (var c = 0; c < network.Crossbars.Count; c++)
        {
            var info = network.Crossbars[c];
            var xb = info.Crossbar;
            var instances = Instances(info.Instance, byInstance.Keys).ToList();
            if (instances.Count == 0) throw new InvalidOperationException($"compiled circuit has no crossings of {info.Instance}");
            all[c] = instances.Select(name =>
            {
                var grid = new ResistorBehavior[xb.Outputs, 2 * xb.Rows];
                foreach (var (k, j, r) in byInstance[name]) grid[j, k] = r;
                foreach (var r in grid)
                    if (r is null) throw new InvalidOperationException($"crossbar instance {name} lacks crossings");
                return grid;
            }).ToArray();
        }
        return new CrossingResistors(all);
    }

    /// <summary>The instance names of a crossbar: one name, or a pattern <c>PREFIX*</c> for one instance per output position.</summary>
    private static IEnumerable<string> Instances(string pattern, IEnumerable<string> names)
    {
        if (!pattern.EndsWith('*')) return names.Where(n => n.Equals(pattern, StringComparison.OrdinalIgnoreCase));
        var prefix = pattern[..^1];
        return names.Where(n => n.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && PositionSuffix().IsMatch(n[prefix.Length..]))
            .OrderBy(n => n, StringComparer.Ordinal);
    }

    /// <summary>Sets every crossing of crossbar number c of every instance to the conductances of <paramref name="crossbars"/>[c].</summary>
    public void Program(IReadOnlyList<Crossbar> crossbars)
    {
        for (var c = 0; c < _resistors.Length; c++)
        {
            var xb = crossbars[c];
            foreach (var grid in _resistors[c])
                for (var j = 0; j < xb.Outputs; j++)
                    for (var i = 0; i < xb.Rows; i++)
                    {
                        grid[j, 2 * i].Resistance = 1.0 / xb.Minus[j, i];
                        grid[j, 2 * i + 1].Resistance = 1.0 / xb.Plus[j, i];
                    }
        }
    }

    /// <summary>
    /// One read of every crossing: each instance of crossbar c gets <paramref name="read"/>(programmed G) per device, in
    /// a fixed order (crossbar, instance, output, row, G- then G+).
    /// </summary>
    public void Read(IReadOnlyList<Crossbar> crossbars, Func<double, double> read)
    {
        for (var c = 0; c < _resistors.Length; c++)
        {
            var xb = crossbars[c];
            foreach (var grid in _resistors[c])
                for (var j = 0; j < xb.Outputs; j++)
                    for (var i = 0; i < xb.Rows; i++)
                    {
                        grid[j, 2 * i].Resistance = 1.0 / read(xb.Minus[j, i]);
                        grid[j, 2 * i + 1].Resistance = 1.0 / read(xb.Plus[j, i]);
                    }
        }
    }
}
