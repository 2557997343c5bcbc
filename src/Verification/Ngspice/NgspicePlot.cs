using System.Numerics;
using Hwsim.Circuits.Results;

namespace Hwsim.Verification;

/// <summary>One plot of an ngspice rawfile: the result of one analysis.</summary>
public sealed class NgspicePlot
{
    private readonly Dictionary<string, NgspiceVector> _byName;

    /// <summary>Creates a plot; the first vector is the scale unless <paramref name="analysis"/> is an operating point.</summary>
    /// <param name="title">The circuit title (the netlist's first line).</param>
    /// <param name="name">The rawfile's plot name, e.g. <c>Transient Analysis</c>.</param>
    /// <param name="analysis">The analysis kind; null for a plot of an analysis the engine does not have.</param>
    /// <param name="isComplex">True for complex data (AC).</param>
    /// <param name="vectors">The vectors in rawfile order.</param>
    public NgspicePlot(string title, string name, AnalysisKind? analysis, bool isComplex, IReadOnlyList<NgspiceVector> vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        Title = title;
        Name = name;
        Analysis = analysis;
        IsComplex = isComplex;
        Vectors = vectors;
        _byName = new Dictionary<string, NgspiceVector>(StringComparer.Ordinal);
        foreach (var v in vectors)
        {
            _byName.TryAdd(v.Name, v);
        }

        Scale = vectors.FirstOrDefault(v => v.Kind == VectorKind.Scale);
        PointCount = vectors.Count == 0 ? 0 : vectors[0].Length;
    }

    /// <summary>The circuit title.</summary>
    public string Title { get; }

    /// <summary>The plot name as ngspice writes it (<c>Operating Point</c>, <c>DC transfer characteristic</c>, ...).</summary>
    public string Name { get; }

    /// <summary>The analysis that produced the plot; null for a plot of an analysis the engine does not have.</summary>
    public AnalysisKind? Analysis { get; }

    /// <summary>True for complex data (AC).</summary>
    public bool IsComplex { get; }

    /// <summary>All vectors, in rawfile order: the scale first (none for an operating point).</summary>
    public IReadOnlyList<NgspiceVector> Vectors { get; }

    /// <summary>The scale vector (<c>time</c>, <c>frequency</c>, <c>v(v-sweep)</c>, ...), null for an operating point.</summary>
    public NgspiceVector? Scale { get; }

    /// <summary>The number of points (1 for an operating point).</summary>
    public int PointCount { get; }

    /// <summary>The normalised names of all vectors, in rawfile order.</summary>
    public IReadOnlyList<string> VectorNames => Vectors.Select(v => v.Name).ToArray();

    /// <summary>Node voltages and branch currents: what an engine comparison looks at by default.</summary>
    public IEnumerable<NgspiceVector> Signals =>
        Vectors.Where(v => v.Kind is VectorKind.NodeVoltage or VectorKind.BranchCurrent);

    /// <summary>Names of vectors that are neither scale, node voltage nor branch current (device quantities, internal nodes).</summary>
    public IReadOnlyList<string> OtherVectorNames =>
        Vectors.Where(v => v.Kind is VectorKind.DeviceQuantity or VectorKind.Other).Select(v => v.Name).ToArray();

    /// <summary>True when the plot holds the vector (the name is normalised first).</summary>
    public bool Contains(string name) => _byName.ContainsKey(Hwsim.Verification.VectorNames.Normalize(name));

    /// <summary>The named vector (the name is normalised first).</summary>
    /// <exception cref="KeyNotFoundException">No such vector; the message lists the names present.</exception>
    public NgspiceVector this[string name] =>
        TryGetVector(name, out var v)
            ? v
            : throw new KeyNotFoundException(
                $"Plot '{Name}' has no vector '{Hwsim.Verification.VectorNames.Normalize(name)}'; present: {string.Join(", ", VectorNames)}.");

    /// <summary>Looks a vector up by name (normalised first).</summary>
    public bool TryGetVector(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out NgspiceVector? vector) =>
        _byName.TryGetValue(Hwsim.Verification.VectorNames.Normalize(name), out vector);

    /// <summary>The named vector's values (real parts for complex data).</summary>
    public IReadOnlyList<double> RealValues(string name) => this[name].Real;

    /// <summary>The named vector's complex values (zero imaginary parts for real data).</summary>
    public IReadOnlyList<Complex> ComplexValues(string name)
    {
        var v = this[name];
        return v.ComplexValues ?? v.Real.Select(x => new Complex(x, 0)).ToArray();
    }

    /// <summary>One value of the named vector; by default the first, which is the value of an operating point.</summary>
    public double Value(string name, int index = 0) => this[name].Real[index];

    /// <summary>
    /// The plot as a <see cref="VectorSet"/> for comparisons: scale plus node voltages and branch currents; device
    /// quantities (<c>@r1[i]</c>) only when asked for; internal and unknown vectors never.
    /// </summary>
    public VectorSet ToVectorSet(bool includeDeviceQuantities = false)
    {
        var set = Scale is null ? new VectorSet() : new VectorSet(Scale.Name, Scale.Real);
        foreach (var v in Vectors)
        {
            var wanted = v.Kind is VectorKind.NodeVoltage or VectorKind.BranchCurrent
                         || (includeDeviceQuantities && v.Kind == VectorKind.DeviceQuantity);
            if (!wanted || ReferenceEquals(v, Scale))
            {
                continue;
            }

            if (v.ComplexValues is { } c)
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

    /// <summary>
    /// The plot as one of our engine's results (scale and node voltages and branch currents, named as the engine names
    /// them: <c>v-sweep</c> rather than <c>v(v-sweep)</c>), so that what reads engine results (measurements, writers)
    /// can read ngspice's.
    /// </summary>
    /// <exception cref="InvalidOperationException">The plot is of an analysis the engine does not have.</exception>
    public AnalysisResult ToAnalysisResult()
    {
        var kind = Analysis ?? throw new InvalidOperationException($"Plot '{Name}' is not of an analysis the engine has.");
        ResultVector Vector(NgspiceVector v, string name) =>
            v.ComplexValues is { } c ? new ResultVector(name, c.ToArray()) : new ResultVector(name, v.Real.ToArray());
        var scale = Scale is null ? null : Vector(Scale, Scale.Name switch
        {
            "v(v-sweep)" => "v-sweep",
            "i(i-sweep)" => "i-sweep",
            var other => other,
        });
        var vectors = Signals.Where(v => !ReferenceEquals(v, Scale)).Select(v => Vector(v, v.Name)).ToArray();
        return new AnalysisResult(kind, Name, scale, vectors);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({PointCount} points, {Vectors.Count} vectors)";
}
