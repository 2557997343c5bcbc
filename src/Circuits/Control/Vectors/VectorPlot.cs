namespace Hwsim.Circuits.Control.Vectors;

/// <summary>
/// A plot: the vectors of one analysis (<c>tran1</c>, <c>ac2</c>, <c>op1</c>) or made by the user (<c>setplot new</c>),
/// with its scale first. Names are case-insensitive; a new vector of a name replaces the old one.
/// </summary>
public sealed class VectorPlot
{
    private readonly List<Vector> _vectors = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.OrdinalIgnoreCase);

    public VectorPlot(string name, string title, string typeName, DateTime date)
    {
        Name = name;
        Title = title;
        TypeName = typeName;
        Date = date;
    }

    /// <summary><c>tran1</c>, <c>op2</c>, <c>unknown1</c>, <c>const</c>.</summary>
    public string Name { get; }

    /// <summary>The circuit's title.</summary>
    public string Title { get; }

    /// <summary><c>Transient Analysis</c>, <c>AC Analysis</c>, <c>Operating Point</c> ...</summary>
    public string TypeName { get; }

    public DateTime Date { get; }

    /// <summary>The default scale (the first vector of an analysis' plot); null for an operating point or a user plot.</summary>
    public Vector? Scale { get; set; }

    /// <summary>The vectors in the order they were added.</summary>
    public IReadOnlyList<Vector> Vectors => _vectors;

    /// <summary>Adds or replaces a vector.</summary>
    public void Set(Vector vector)
    {
        if (_index.TryGetValue(vector.Name, out var i)) _vectors[i] = vector;
        else
        {
            _index[vector.Name] = _vectors.Count;
            _vectors.Add(vector);
        }
    }

    /// <summary>Removes a vector; false when there is none of that name.</summary>
    public bool Remove(string name)
    {
        if (!_index.TryGetValue(name, out var i)) return false;
        _vectors.RemoveAt(i);
        _index.Clear();
        for (var k = 0; k < _vectors.Count; k++) _index[_vectors[k].Name] = k;
        return true;
    }

    /// <summary>The vector of exactly this name (any case), or null.</summary>
    public Vector? Get(string name) => _index.TryGetValue(name, out var i) ? _vectors[i] : null;
}
