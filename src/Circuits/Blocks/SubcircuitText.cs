using System.Globalization;
using System.Text;

namespace Hwsim.Circuits.Blocks;

/// <summary>
/// A sub-circuit definition as SPICE text that both our engine and ngspice read: the unit every block generator
/// emits. Lines are added as cards; <see cref="ToString"/> gives <c>.subckt NAME ports ... .ends NAME</c>.
/// </summary>
public sealed class SubcircuitText
{
    private readonly List<string> _lines = new();

    public SubcircuitText(string name, IEnumerable<string> ports, string? comment = null)
    {
        Name = name.ToLowerInvariant();
        Ports = ports.Select(p => p.ToLowerInvariant()).ToArray();
        if (Ports.Count != Ports.Distinct().Count()) throw new ArgumentException($"{name}: duplicate port names");
        Comment = comment;
    }

    public string Name { get; }
    public IReadOnlyList<string> Ports { get; }
    public string? Comment { get; }
    public IReadOnlyList<string> Lines => _lines;

    /// <summary>Other sub-circuits this one instantiates (emitted before it).</summary>
    public List<SubcircuitText> Dependencies { get; } = new();

    public SubcircuitText Add(string card)
    {
        _lines.Add(card);
        return this;
    }

    public SubcircuitText Add(FormattableString card) => Add(card.ToString(CultureInfo.InvariantCulture));

    /// <summary>This definition and its dependencies, each once, dependencies first.</summary>
    public IEnumerable<SubcircuitText> WithDependencies()
    {
        var seen = new HashSet<string>();
        var order = new List<SubcircuitText>();
        void Visit(SubcircuitText s)
        {
            if (!seen.Add(s.Name)) return;
            foreach (var d in s.Dependencies) Visit(d);
            order.Add(s);
        }
        Visit(this);
        return order;
    }

    /// <summary>The text of this definition and of its dependencies (dependencies first): what a netlist includes.</summary>
    public string ToDefinitions() => string.Concat(WithDependencies().Select(d => d.ToString()));

    private string? _raw;

    /// <summary>A definition whose text is already written (e.g. a model's own generator).</summary>
    public static SubcircuitText Raw(string name, string text) => new(name, Array.Empty<string>()) { _raw = text };

    public override string ToString()
    {
        if (_raw is not null) return _raw;
        var sb = new StringBuilder();
        if (Comment is not null)
            foreach (var line in Comment.Split('\n')) sb.Append("* ").Append(line).Append('\n');
        sb.Append(".subckt ").Append(Name);
        foreach (var p in Ports) sb.Append(' ').Append(p);
        sb.Append('\n');
        foreach (var l in _lines) sb.Append(l).Append('\n');
        sb.Append(".ends ").Append(Name).Append('\n');
        return sb.ToString();
    }

    /// <summary>A number as written in generated netlists (round-trip, invariant).</summary>
    public static string Num(double x) => NetlistNumber.Format(x);
}
