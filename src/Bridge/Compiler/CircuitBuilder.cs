using System.Globalization;
using System.Text;
using Hwsim.Circuits.Blocks;

namespace Hwsim.Bridge.Compiler;

/// <summary>
/// Collects the pieces of a compiled network's netlist: sub-circuit definitions (each once), instances, sources; and,
/// in the order they were added, every instance and source as a <see cref="CircuitPart"/> of the layer being compiled
/// (the inspector draws its block diagram from them).
/// </summary>
internal sealed class CircuitBuilder
{
    private readonly List<CircuitPart> _parts = new();
    private readonly Dictionary<string, SubcircuitText> _definitions = new();
    private readonly List<SubcircuitText> _order = new();
    private readonly List<string> _instances = new();
    private readonly List<string> _sources = new();
    private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase);

    public int InstanceCount => _instances.Count + _sources.Count;

    /// <summary>The layer that the parts added now belong to (a network layer's name, <c>input</c>, <c>bias</c>).</summary>
    public string Layer { get; set; } = "input";

    /// <summary>Every instance and source, in the order added.</summary>
    public IReadOnlyList<CircuitPart> Parts => _parts;

    /// <summary>Registers a definition (and its dependencies) once; returns its name.</summary>
    public string Define(SubcircuitText definition)
    {
        foreach (var d in definition.WithDependencies())
        {
            if (_definitions.TryGetValue(d.Name, out var existing))
            {
                if (!ReferenceEquals(existing, d) && existing.ToString() != d.ToString())
                    throw new InvalidOperationException($"two different sub-circuits named {d.Name}");
                continue;
            }
            _definitions[d.Name] = d;
            _order.Add(d);
        }
        return definition.Name;
    }

    /// <summary>Adds an X instance of <paramref name="subcircuit"/> with the given nodes.</summary>
    public void Instance(string name, IEnumerable<string> nodes, string subcircuit)
    {
        if (!_names.Add(name)) throw new InvalidOperationException($"duplicate instance {name}");
        var list = nodes.ToList();
        _instances.Add($"{name} {string.Join(' ', list)} {subcircuit}");
        _parts.Add(new CircuitPart(name, subcircuit, list, Layer));
    }

    /// <summary>Adds a DC voltage source from <paramref name="node"/> to ground.</summary>
    public void Source(string name, string node, double volts)
    {
        if (!_names.Add(name)) throw new InvalidOperationException($"duplicate source {name}");
        _sources.Add(string.Create(CultureInfo.InvariantCulture, $"{name} {node} 0 dc {SubcircuitText.Num(volts)}"));
        _parts.Add(new CircuitPart(name, null, new[] { node, "0" }, Layer));
    }

    /// <summary>The netlist text; <paramref name="analysis"/> (e.g. <c>.op</c>) goes before <c>.end</c>, none when null.</summary>
    public string Build(string title, IEnumerable<string> comments, string? analysis = ".op")
    {
        var sb = new StringBuilder();
        sb.Append(OneLine(title)).Append('\n');
        foreach (var c in comments) sb.Append("* ").Append(OneLine(c)).Append('\n');
        foreach (var d in _order) sb.Append(d).Append('\n');
        foreach (var i in _instances) sb.Append(i).Append('\n');
        foreach (var s in _sources) sb.Append(s).Append('\n');
        if (analysis is not null) sb.Append(analysis).Append('\n');
        sb.Append(".end\n");
        return sb.ToString();
    }

    /// <summary>
    /// Title and comment text comes from the model file (its name, layer names): a line break in it would start a
    /// card of its own (<c>.include /etc/passwd</c>) in the netlist the engine and ngspice run, so every control
    /// character becomes a space.
    /// </summary>
    private static string OneLine(string text) =>
        text.Any(char.IsControl) ? new string(text.Select(ch => char.IsControl(ch) ? ' ' : ch).ToArray()) : text;
}
