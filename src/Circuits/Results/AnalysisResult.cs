namespace Hwsim.Circuits.Results;

/// <summary>
/// The vectors one analysis produced: for sweeps, AC and transients the scale (sweep variable, <c>frequency</c> or
/// <c>time</c>) first, then every node voltage and branch current; for an operating point one value per vector.
/// </summary>
public sealed class AnalysisResult
{
    private readonly Dictionary<string, ResultVector> _byName = new(StringComparer.OrdinalIgnoreCase);

    public AnalysisResult(AnalysisKind kind, string title, ResultVector? scale, IReadOnlyList<ResultVector> vectors)
    {
        Kind = kind;
        Title = title;
        Scale = scale;
        Vectors = vectors;
        if (scale is not null) _byName[scale.Name] = scale;
        foreach (var v in vectors) _byName.TryAdd(v.Name, v);
    }

    public AnalysisKind Kind { get; }

    /// <summary>The analysis card, e.g. <c>.tran 1u 1m</c>.</summary>
    public string Title { get; }

    /// <summary>The sweep variable, <c>frequency</c> or <c>time</c>; null for an operating point.</summary>
    public ResultVector? Scale { get; }

    /// <summary>The result vectors, without the scale.</summary>
    public IReadOnlyList<ResultVector> Vectors { get; }

    /// <summary>The scale (if any) followed by the vectors: the columns of a CSV export.</summary>
    public IEnumerable<ResultVector> AllVectors => Scale is null ? Vectors : Vectors.Prepend(Scale);

    /// <summary>The number of points; a result without a scale (an operating point) has one, vectors or none, as ngspice counts it.</summary>
    public int Points => Scale?.Length ?? (Vectors.Count > 0 ? Vectors[0].Length : 1);

    public ResultVector this[string name] =>
        _byName.TryGetValue(name, out var v) ? v : throw new KeyNotFoundException($"no vector named {name} (have: {string.Join(", ", _byName.Keys.Take(12))}...)");

    public bool TryGet(string name, out ResultVector? vector) => _byName.TryGetValue(name, out vector);

    /// <summary>The value of a vector of an operating point (its only point).</summary>
    public double Value(string name) => this[name].Real[0];

    /// <summary>The netlist's <c>.meas</c> results for this analysis, in line order (empty when it has none).</summary>
    public IReadOnlyList<Measurements.MeasureResult> Measurements { get; internal set; } = [];

    /// <summary>Engine statistics of the run that produced this result (null when not recorded).</summary>
    public Simulation.EngineStatistics? Statistics { get; init; }
}
