using System.Collections;

namespace Hwsim.Circuits;

/// <summary>
/// A circuit: a collection of uniquely named entities (devices and models), as in SpiceSharp.
/// <code>
/// var ckt = new Circuit(
///     new VoltageSource("V1", "in", "0", 1.0),
///     new Resistor("R1", "in", "out", 1e3),
///     new Resistor("R2", "out", "0", 1e3));
/// </code>
/// </summary>
public sealed class Circuit : IEnumerable<Entity>
{
    private readonly List<Entity> _entities = new();
    private readonly Dictionary<string, Entity> _byName = new(StringComparer.OrdinalIgnoreCase);

    public Circuit(params Entity[] entities)
    {
        foreach (var e in entities) Add(e);
    }

    public int Count => _entities.Count;

    public Entity this[string name] =>
        _byName.TryGetValue(name, out var e) ? e : throw new KeyNotFoundException($"no entity named {name} in the circuit");

    public void Add(Entity entity)
    {
        if (!_byName.TryAdd(entity.Name, entity))
            throw new CircuitException($"the circuit has two entities named {entity.Name}", entity.Name);
        _entities.Add(entity);
    }

    /// <summary>Reserves room for <paramref name="entities"/> entities (a reader that knows how many lines it has).</summary>
    public void EnsureCapacity(int entities)
    {
        _entities.EnsureCapacity(entities);
        _byName.EnsureCapacity(entities);
    }

    public void Add(params Entity[] entities)
    {
        foreach (var e in entities) Add(e);
    }

    public bool Contains(string name) => _byName.ContainsKey(name);

    public bool TryGet(string name, out Entity? entity) => _byName.TryGetValue(name, out entity);

    public bool Remove(string name)
    {
        if (!_byName.Remove(name, out var e)) return false;
        _entities.Remove(e);
        return true;
    }

    public IEnumerator<Entity> GetEnumerator() => _entities.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
