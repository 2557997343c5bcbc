using Hwsim.Circuits.Results;
using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Analyses;

/// <summary>
/// An analysis you configure, run on a circuit, and read vectors from (SpiceSharp's shape):
/// <code>
/// var result = new OperatingPointAnalysis().Run(circuit);
/// double vout = result.Value("v(out)");
/// </code>
/// </summary>
public abstract class Analysis
{
    public abstract AnalysisKind Kind { get; }

    /// <summary>The analysis as its netlist card (<c>.op</c>, <c>.dc v1 0 5 0.1</c>, ...).</summary>
    public abstract string ToNetlist();

    /// <summary>Binds the circuit and runs the analysis.</summary>
    public AnalysisResult Run(Circuit circuit, SimulationOptions? options = null) => Run(new CircuitEngine(circuit, options));

    /// <summary>Runs on an engine that is already bound (its set-up and matrix ordering are reused).</summary>
    public abstract AnalysisResult Run(CircuitEngine engine);

    /// <summary>
    /// Every result of the analysis, as ngspice writes its plots: one, except for <c>.noise</c> (the spectral
    /// densities, then the integrated noise).
    /// </summary>
    public virtual IReadOnlyList<AnalysisResult> RunPlots(CircuitEngine engine) => [Run(engine)];

    /// <summary>
    /// <see cref="RunPlots(CircuitEngine)"/>, keeping of the unknowns' vectors only those named in
    /// <paramref name="keptVectors"/> (all when it is null; the scale is always kept) where the analysis can leave the
    /// others out as it runs (a transient); others keep every vector.
    /// </summary>
    public virtual IReadOnlyList<AnalysisResult> RunPlots(CircuitEngine engine, IReadOnlySet<string>? keptVectors) => RunPlots(engine);

    /// <summary>How many results <see cref="RunPlots(CircuitEngine)"/> gives.</summary>
    public virtual int PlotCount => 1;

    /// <summary>The result vectors of all unknowns, in unknown order, from per-point solution rows.</summary>
    protected static List<ResultVector> UnknownVectors(CircuitEngine engine, IReadOnlyList<double[]> rows)
    {
        var unknowns = engine.State.Unknowns;
        var columns = new double[unknowns.Count + 1][];
        for (var i = 1; i <= unknowns.Count; i++)
            if (!unknowns.IsInternal(i)) columns[i] = new double[rows.Count];
        // Transposed in blocks of points so that both the rows read and the columns written stay in cache.
        const int Block = 64;
        for (var first = 0; first < rows.Count; first += Block)
        {
            var last = Math.Min(first + Block, rows.Count);
            for (var i = 1; i <= unknowns.Count; i++)
            {
                var values = columns[i];
                if (values is null) continue;
                for (var p = first; p < last; p++) values[p] = rows[p][i];
            }
        }
        var list = new List<ResultVector>(unknowns.Count);
        for (var i = 1; i <= unknowns.Count; i++)
            if (columns[i] is { } values) list.Add(new ResultVector(unknowns.VectorNameOf(i), values));
        // a device's own state holds its initial value in every DC solution (as the equivalent sub-circuit's state node)
        foreach (var d in engine.DeviceStates)
            for (var k = 0; k < d.VectorNames.Count; k++)
                list.Add(new ResultVector(d.VectorNames[k], Enumerable.Repeat(d.VectorValue(k), rows.Count).ToArray()));
        return list;
    }

    /// <summary>Prepares for a DC solution: topology checked, temperatures applied.</summary>
    protected static void PrepareDc(CircuitEngine engine)
    {
        engine.ValidateTopology();
        engine.UpdateTemperature();
    }
}
