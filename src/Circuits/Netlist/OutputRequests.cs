using Hwsim.Circuits.Measurements;
using Hwsim.Circuits.Results;

namespace Hwsim.Circuits.Netlist;

/// <summary>A <c>.print</c> line: the analysis it prints and its vectors in order.</summary>
public sealed record PrintStatement(AnalysisKind Analysis, IReadOnlyList<OutputVector> Vectors);

/// <summary>A <c>.four</c> line: the fundamental frequency and the vectors whose harmonics a transient prints.</summary>
public sealed record FourierStatement(double Frequency, IReadOnlyList<OutputVector> Vectors);

/// <summary>
/// What a netlist asks to be kept, printed and measured: its <c>.save</c>/<c>.probe</c>, <c>.print</c> and
/// <c>.meas</c>/<c>.measure</c> lines.
/// </summary>
public sealed class OutputRequests
{
    /// <summary>The vectors of <c>.save</c> lines, in order (forms such as <c>vdb(out)</c> included).</summary>
    public List<OutputVector> Saves { get; } = [];

    /// <summary>True when a <c>.save</c> line says <c>all</c>.</summary>
    public bool SaveAll { get; set; }

    /// <summary>True when the netlist has a <c>.save</c> line: then only what it names (and what is printed or measured) is kept.</summary>
    public bool HasSave { get; set; }

    /// <summary>The <c>.print</c> lines, in order.</summary>
    public List<PrintStatement> Prints { get; } = [];

    /// <summary>The <c>.four</c> lines, in order.</summary>
    public List<FourierStatement> Fouriers { get; } = [];

    /// <summary>The <c>.meas</c> lines, in order.</summary>
    public List<MeasureStatement> Measures { get; } = [];

    /// <summary>Every vector named on these lines with where it was named, to check that the circuit has it.</summary>
    public List<(OutputVector Vector, SourceLocation Location, string Card)> Named { get; } = [];

    /// <summary>
    /// The vectors of a result of <paramref name="kind"/> to keep, in order, or null to keep all of them: with
    /// <c>.save</c>, what it names (forms computed and named as written), then what <c>.print</c> and <c>.meas</c> of
    /// that analysis read, as ngspice adds them to its saved vectors.
    /// </summary>
    public IReadOnlyList<OutputVector>? Kept(AnalysisKind kind)
    {
        // ngspice's noise plots are not cut by .save: they hold the noise vectors, not node voltages.
        if (!HasSave || SaveAll || kind is AnalysisKind.Noise or AnalysisKind.NoiseIntegrated) return null;
        var kept = new List<OutputVector>(Saves);
        foreach (var p in Prints.Where(p => p.Analysis == kind))
            kept.AddRange(p.Vectors.SelectMany(v => v.Sources).Select(Plain));
        foreach (var m in Measures.Where(m => m.Analysis == kind))
            kept.AddRange(m.Vectors.SelectMany(v => v.Sources).Select(Plain));
        if (kind == AnalysisKind.Transient)
            foreach (var f in Fouriers)
                kept.AddRange(f.Vectors.SelectMany(v => v.Sources).Select(Plain));
        return kept.DistinctBy(v => v.Name).ToArray();
    }

    /// <summary>Keeps what <see cref="Kept"/> says: the scale, then the kept vectors.</summary>
    public AnalysisResult Select(AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (Kept(result.Kind) is not { } kept) return result;
        var vectors = kept.Select(v => v.Form == OutputForm.Value && v.Reference is null && !v.Negated ? result[v.Vector] : v.Evaluate(result))
            .ToArray();
        return new AnalysisResult(result.Kind, result.Title, result.Scale, vectors) { Statistics = result.Statistics };
    }

    private static OutputVector Plain(string vector) => new(vector, OutputForm.Value, vector);
}
