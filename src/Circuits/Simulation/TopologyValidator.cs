namespace Hwsim.Circuits.Simulation;

/// <summary>
/// Checks a circuit's topology before a DC solution, so that the two classic causes of a singular matrix get a
/// message that names the culprit instead of a pivot index: a node with no DC path to ground, and a loop of
/// voltage-defined branches (voltage sources, E and H sources, inductors).
/// </summary>
public static class TopologyValidator
{
    /// <summary>Validates the components of <paramref name="circuit"/>, whose nodes <paramref name="unknowns"/> has numbered.</summary>
    public static void Validate(Circuit circuit, Unknowns unknowns)
    {
        var components = new List<(Component Component, int[] Nodes)>();
        var count = unknowns.Count + 1;
        var terminal = new bool[count];
        foreach (var entity in circuit)
        {
            if (entity is not Component c) continue;
            var nodes = new int[c.Nodes.Count];
            for (var k = 0; k < nodes.Length; k++)
            {
                if (!unknowns.TryGetIndex(c.Nodes[k], out nodes[k])) nodes[k] = 0; // ground ("0", "gnd")
                terminal[nodes[k]] = true;
            }
            components.Add((c, nodes));
        }

        CheckVoltageLoops(components, count, unknowns);
        CheckDcPaths(components, count, terminal, unknowns);
    }

    private static void CheckDcPaths(List<(Component Component, int[] Nodes)> components, int count, bool[] terminal, Unknowns unknowns)
    {
        var uf = new UnionFind(count);
        foreach (var (c, nodes) in components)
            foreach (var (a, b) in c.ConductivePairs)
                uf.Union(nodes[a], nodes[b]);
        var ground = uf.Find(0);
        var floating = new List<string>();
        for (var i = 1; i < count; i++)
            if (terminal[i] && uf.Find(i) != ground) floating.Add(unknowns.NameOf(i));
        if (floating.Count == 0) return;
        var shown = string.Join(", ", floating.Take(10)) + (floating.Count > 10 ? $" and {floating.Count - 10} more" : "");
        throw new CircuitException(
            $"node{(floating.Count > 1 ? "s" : "")} {shown} ha{(floating.Count > 1 ? "ve" : "s")} no DC path to ground " +
            "(connected only through capacitors, current sources or controlled-source inputs)", floating[0]);
    }

    private static void CheckVoltageLoops(List<(Component Component, int[] Nodes)> components, int count, Unknowns unknowns)
    {
        var uf = new UnionFind(count);
        var adjacency = new Dictionary<int, List<(int To, string Device)>>();
        foreach (var (c, nodes) in components)
        {
            foreach (var (a, b) in c.VoltageDefinedPairs)
            {
                var na = nodes[a];
                var nb = nodes[b];
                if (na == nb)
                    throw new CircuitException($"{c.Name} has both terminals on node {NodeName(unknowns, na)}: a shorted voltage-defined branch makes the matrix singular", c.Name);
                if (uf.Find(na) == uf.Find(nb))
                {
                    var path = Path(adjacency, na, nb);
                    path.Add(c.Name);
                    throw new CircuitException(
                        $"{string.Join(", ", path)} form a loop of voltage sources/inductors: their currents are undetermined " +
                        "(add a small series resistance)", c.Name);
                }
                uf.Union(na, nb);
                Add(adjacency, na, nb, c.Name);
                Add(adjacency, nb, na, c.Name);
            }
        }
    }

    private static string NodeName(Unknowns unknowns, int index) => index == 0 ? "0" : unknowns.NameOf(index);

    private static void Add(Dictionary<int, List<(int, string)>> adj, int from, int to, string device)
    {
        if (!adj.TryGetValue(from, out var list)) adj[from] = list = new List<(int, string)>();
        list.Add((to, device));
    }

    private static List<string> Path(Dictionary<int, List<(int To, string Device)>> adj, int from, int to)
    {
        var previous = new Dictionary<int, (int Node, string Device)>();
        var queue = new Queue<int>();
        queue.Enqueue(from);
        previous[from] = (-1, "");
        while (queue.Count > 0)
        {
            var n = queue.Dequeue();
            if (n == to) break;
            if (!adj.TryGetValue(n, out var next)) continue;
            foreach (var (m, d) in next)
            {
                if (previous.ContainsKey(m)) continue;
                previous[m] = (n, d);
                queue.Enqueue(m);
            }
        }
        var devices = new List<string>();
        for (var n = to; n != from && previous.ContainsKey(n); n = previous[n].Node) devices.Add(previous[n].Device);
        devices.Reverse();
        return devices;
    }

    private sealed class UnionFind
    {
        private readonly int[] _parent;
        public UnionFind(int n)
        {
            _parent = new int[n];
            for (var i = 0; i < n; i++) _parent[i] = i;
        }
        public int Find(int x)
        {
            while (_parent[x] != x) x = _parent[x] = _parent[_parent[x]];
            return x;
        }
        public void Union(int a, int b) => _parent[Find(a)] = Find(b);
    }
}
