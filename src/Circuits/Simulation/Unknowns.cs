namespace Hwsim.Circuits.Simulation;

/// <summary>Whether an unknown of the MNA system is a node voltage or a branch current.</summary>
public enum UnknownKind
{
    Voltage,
    Current,
}

/// <summary>
/// The unknowns of the modified nodal analysis: node voltages and branch currents, numbered from 1 in order of
/// creation. Index 0 is ground (nodes <c>0</c> and <c>gnd</c>). Names are case-insensitive and stored lower case.
/// </summary>
public sealed class Unknowns
{
    private readonly List<string> _names = new() { "0" };
    private readonly List<UnknownKind> _kinds = new() { UnknownKind.Voltage };
    private readonly Dictionary<string, int> _index = new(StringComparer.OrdinalIgnoreCase) { ["0"] = 0, ["gnd"] = 0 };

    /// <summary>Number of unknowns, ground excluded.</summary>
    public int Count => _names.Count - 1;

    public static bool IsGround(string node) =>
        node == "0" || string.Equals(node, "gnd", StringComparison.OrdinalIgnoreCase);

    /// <summary>The index of a node, created on first use.</summary>
    public int Node(string name)
    {
        if (_index.TryGetValue(name, out var i)) return i;
        return Add(name.ToLowerInvariant(), UnknownKind.Voltage);
    }

    /// <summary>Creates the current unknown of a device, named as ngspice names it: <c>device#branch</c>.</summary>
    public int Branch(string deviceName)
    {
        var name = deviceName.ToLowerInvariant() + "#branch";
        if (_index.ContainsKey(name)) throw new InvalidOperationException($"branch {name} exists already");
        return Add(name, UnknownKind.Current);
    }

    /// <summary>Creates an internal node of a device, named as ngspice names it: <c>device#suffix</c>.</summary>
    public int InternalNode(string deviceName, string suffix) =>
        Add(deviceName.ToLowerInvariant() + "#" + suffix, UnknownKind.Voltage);

    public bool TryGetIndex(string name, out int index) => _index.TryGetValue(name, out index);

    public bool TryGetBranch(string deviceName, out int index) => _index.TryGetValue(deviceName + "#branch", out index);

    public string NameOf(int index) => _names[index];

    /// <summary>True for a device's internal node (<c>d1#internal</c>): ngspice does not report those, nor do we.</summary>
    public bool IsInternal(int index) =>
        _kinds[index] == UnknownKind.Voltage && _names[index].Contains('#');

    public UnknownKind KindOf(int index) => _kinds[index];

    /// <summary>The name of the result vector of an unknown as ngspice names it: <c>v(node)</c> or <c>i(device)</c>.</summary>
    public string VectorNameOf(int index)
    {
        var name = _names[index];
        if (_kinds[index] == UnknownKind.Current && name.EndsWith("#branch", StringComparison.Ordinal))
            return $"i({name[..^7]})";
        return $"v({name})";
    }

    /// <summary>A readable description for diagnostics: "node out" or "branch current of v1".</summary>
    public string Describe(int index)
    {
        if (index <= 0 || index > Count) return $"unknown {index}";
        var name = _names[index];
        if (_kinds[index] == UnknownKind.Current && name.EndsWith("#branch", StringComparison.Ordinal))
            return $"branch current of {name[..^7]}";
        return $"node {name}";
    }

    private int Add(string name, UnknownKind kind)
    {
        _names.Add(name);
        _kinds.Add(kind);
        var i = _names.Count - 1;
        _index[name] = i;
        return i;
    }
}
