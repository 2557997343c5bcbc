using System.Numerics;
using Hwsim.Circuits.Results;

namespace Hwsim.Verification;

/// <summary>
/// Named vectors over one common scale: the input of the comparisons in <see cref="ResultComparer"/>. Build it from
/// an ngspice plot with <see cref="NgspicePlot.ToVectorSet"/>, from our engine's results with <see cref="From"/>, or
/// vector by vector with <see cref="Add(string, IReadOnlyList{double})"/>.
/// Names are normalised on entry (<see cref="VectorNames.Normalize"/>), so <c>V(OUT)</c>, <c>out</c> and <c>v(out)</c> are one vector.
/// </summary>
public sealed class VectorSet
{
    private readonly Dictionary<string, IReadOnlyList<double>> _real = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<Complex>> _complex = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    /// <summary>Creates an empty set; give a scale for sweeps, waveforms and AC, none for an operating point.</summary>
    /// <param name="scaleName">The scale's name (<c>time</c>, <c>frequency</c>, <c>v(v-sweep)</c>, ...).</param>
    /// <param name="scale">The scale values, one per point.</param>
    public VectorSet(string? scaleName = null, IReadOnlyList<double>? scale = null)
    {
        if ((scaleName is null) != (scale is null))
        {
            throw new ArgumentException("Give both the scale's name and its values, or neither.", nameof(scale));
        }

        ScaleName = scaleName is null ? null : VectorNames.Normalize(scaleName);
        Scale = scale;
    }

    /// <summary>One of our engine's results as a vector set: its scale and every vector it holds.</summary>
    public static VectorSet From(AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var set = result.Scale is { } scale ? new VectorSet(scale.Name, scale.Real) : new VectorSet();
        foreach (var v in result.Vectors)
        {
            if (v.Complex is { } c)
            {
                set.Add(v.Name, c);
            }
            else
            {
                set.Add(v.Name, v.Real);
            }
        }

        return set;
    }

    /// <summary>The scale's normalised name, or null (operating point).</summary>
    public string? ScaleName { get; }

    /// <summary>The scale values, or null (operating point).</summary>
    public IReadOnlyList<double>? Scale { get; }

    /// <summary>The vector names in the order they were added.</summary>
    public IReadOnlyList<string> Names => _order;

    /// <summary>The number of vectors.</summary>
    public int Count => _order.Count;

    /// <summary>True when at least one vector is complex.</summary>
    public bool HasComplex => _complex.Count > 0;

    /// <summary>Adds a real vector.</summary>
    /// <exception cref="ArgumentException">The name is already present or the length differs from the scale's.</exception>
    public VectorSet Add(string name, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var key = Claim(name, values.Count);
        _real[key] = values;
        return this;
    }

    /// <summary>Adds a complex vector (AC).</summary>
    /// <exception cref="ArgumentException">The name is already present or the length differs from the scale's.</exception>
    public VectorSet Add(string name, IReadOnlyList<Complex> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var key = Claim(name, values.Count);
        _complex[key] = values;
        _real[key] = values.Select(v => v.Real).ToArray();
        return this;
    }

    /// <summary>True when the set holds the (normalised) name.</summary>
    public bool Contains(string name) => _real.ContainsKey(VectorNames.Normalize(name));

    /// <summary>True when the named vector is complex.</summary>
    public bool IsComplex(string name) => _complex.ContainsKey(VectorNames.Normalize(name));

    /// <summary>The named vector's values (real parts for a complex vector).</summary>
    /// <exception cref="KeyNotFoundException">No such vector; the message lists the names present.</exception>
    public IReadOnlyList<double> Real(string name) =>
        _real.TryGetValue(VectorNames.Normalize(name), out var v) ? v : throw Missing(name);

    /// <summary>The named vector as complex values (zero imaginary parts for a real vector).</summary>
    /// <exception cref="KeyNotFoundException">No such vector; the message lists the names present.</exception>
    public IReadOnlyList<Complex> ComplexValues(string name)
    {
        var key = VectorNames.Normalize(name);
        if (_complex.TryGetValue(key, out var c))
        {
            return c;
        }

        return _real.TryGetValue(key, out var r) ? r.Select(x => new Complex(x, 0)).ToArray() : throw Missing(name);
    }

    /// <summary>A new set with the same scale and only the named vectors (in the given order).</summary>
    /// <exception cref="KeyNotFoundException">One of the names is not present.</exception>
    public VectorSet Only(params string[] names)
    {
        var result = new VectorSet(ScaleName, Scale);
        foreach (var name in names)
        {
            var key = VectorNames.Normalize(name);
            if (_complex.TryGetValue(key, out var c))
            {
                result.Add(key, c);
            }
            else
            {
                result.Add(key, Real(key));
            }
        }

        return result;
    }

    private string Claim(string name, int length)
    {
        var key = VectorNames.Normalize(name);
        if (_real.ContainsKey(key))
        {
            throw new ArgumentException($"Vector '{key}' is already in the set.", nameof(name));
        }

        if (Scale is not null && length != Scale.Count)
        {
            throw new ArgumentException(
                $"Vector '{key}' has {length} points but the scale '{ScaleName}' has {Scale.Count}.", nameof(name));
        }

        if (Scale is null && _order.Count > 0 && _real[_order[0]].Count != length)
        {
            throw new ArgumentException(
                $"Vector '{key}' has {length} points but '{_order[0]}' has {_real[_order[0]].Count}.", nameof(name));
        }

        _order.Add(key);
        return key;
    }

    private KeyNotFoundException Missing(string name) =>
        new($"No vector '{VectorNames.Normalize(name)}'; present: {string.Join(", ", _order)}.");
}
