using Hwsim.Circuits.Analyses;
using Hwsim.Circuits.Measurements;
using Hwsim.Circuits.Results;
using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Netlist;

/// <summary>
/// Runs every analysis of a parsed netlist on one engine (set-up once), in netlist order: each result is measured
/// (<c>.meas</c> of its analysis) and then cut to what the netlist keeps (<c>.save</c>, with what <c>.print</c> and
/// <c>.meas</c> read).
/// </summary>
public static class NetlistRun
{
    /// <summary>
    /// Runs the analyses; a <see cref="CircuitException"/> about a device, model or node comes out located at the
    /// netlist line that defined it; a vector named on an output line that the circuit does not have is a
    /// <see cref="NetlistException"/> at that name, raised before any analysis runs.
    /// </summary>
    public static IReadOnlyList<AnalysisResult> RunAll(ParsedNetlist netlist, Action<AnalysisResult>? onResult = null) =>
        Located(netlist, () =>
        {
            var engine = netlist.CreateEngine();
            CheckOutputs(netlist, engine);
            var measurements = new MeasurementRunner(netlist.Outputs.Measures, netlist.Parameters);
            var results = new List<AnalysisResult>();
            foreach (var analysis in netlist.Analyses)
            {
                foreach (var r in Run(netlist, engine, analysis, measurements))
                {
                    results.Add(r);
                    onResult?.Invoke(r);
                }
            }
            return results;
        });

    /// <summary>
    /// Runs one analysis on an engine of the netlist: its plots (one, or two for noise), each measured (<c>.meas</c>
    /// of its kind) and cut to what the netlist keeps (<c>.save</c>).
    /// </summary>
    public static IReadOnlyList<AnalysisResult> Run(ParsedNetlist netlist, CircuitEngine engine, Analysis analysis, MeasurementRunner measurements)
    {
        ArgumentNullException.ThrowIfNull(netlist);
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(measurements);
        var results = new List<AnalysisResult>();
        // What .save keeps (with what .print and .meas read) is all an analysis needs to record as it runs.
        var kept = netlist.Outputs.Kept(analysis.Kind)?.SelectMany(v => v.Sources).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var plots = analysis is DcSweepAnalysis dc && (IsTemperature(dc.Inner) || IsTemperature(dc.Outer))
            && netlist.ReadAtTemperature is { } readAt
            ? [TemperSweep(dc, readAt)]
            : analysis.RunPlots(engine, kept);
        foreach (var full in plots)
        {
            var measured = measurements.Measures(full.Kind) ? measurements.Measure(full) : [];
            var r = netlist.Outputs.Select(full);
            r.Measurements = measured;
            results.Add(r);
        }
        return results;
    }

    /// <summary>
    /// A <c>.dc temp</c> sweep of a netlist whose values use <c>temper</c>: at each temperature the netlist is read
    /// again with <c>temper</c> at that value (ngspice re-evaluates those values before each point) and solved
    /// there; the points make one DC-sweep plot, named as the sweep of an ordinary netlist.
    /// </summary>
    private static bool IsTemperature(SweepSpec? sweep) => sweep?.Source.Equals("temp", StringComparison.OrdinalIgnoreCase) == true;

    private static AnalysisResult TemperSweep(DcSweepAnalysis dc, Func<double, ParsedNetlist> readAt)
    {
        if (dc.Outer is not null)
            throw new CircuitException($"{dc.ToNetlist()}: a second sweep with a temperature sweep of a netlist that uses temper is not supported by hwsim");
        var spec = dc.Inner;
        AnalysisResult? first = null;
        var columns = new List<List<double>>();
        var scale = new List<double>();
        // the points of dctrcurv.c: start, start + step, ... until past the stop by more than 1000 epsilons
        for (var t = spec.Start; Math.Sign(spec.Step) * (t - spec.Stop) <= 2.220446049250313e-16 * 1e3; t += spec.Step)
        {
            var netlist = readAt(t);
            var engine = netlist.CreateEngine();
            var point = new DcSweepAnalysis(spec with { Start = t, Stop = t }).Run(engine);
            first ??= point;
            scale.Add(t);
            for (var i = 0; i < point.Vectors.Count; i++)
            {
                if (columns.Count <= i) columns.Add([]);
                columns[i].Add(point.Vectors[i].Real[0]);
            }
        }
        if (first is null) throw new CircuitException($"{dc.ToNetlist()}: the sweep has no points");
        var vectors = first.Vectors.Select((v, i) => new ResultVector(v.Name, columns[i].ToArray())).ToList();
        return new AnalysisResult(first.Kind, dc.ToNetlist(), new ResultVector(first.Scale!.Name, scale.ToArray()), vectors);
    }

    /// <summary>Runs <paramref name="work"/>; a <see cref="CircuitException"/> about a device, model or node comes out located at its netlist line.</summary>
    public static T Located<T>(ParsedNetlist netlist, Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(netlist);
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            return work();
        }
        catch (CircuitException e) when (e.Location is null && netlist.LocationOf(e.Subject) is { } location)
        {
            throw e.At(location);
        }
    }

    /// <summary>Every vector named on a <c>.save</c>, <c>.print</c> or <c>.meas</c> line must be a node or a branch current of the circuit.</summary>
    public static void CheckOutputs(ParsedNetlist netlist, CircuitEngine engine)
    {
        if (netlist.Outputs.Named.Count == 0) return;
        var unknowns = engine.State.Unknowns;
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 1; i <= unknowns.Count; i++) names.Add(unknowns.VectorNameOf(i));
        foreach (var d in engine.DeviceStates) names.UnionWith(d.VectorNames);
        foreach (var (vector, location, card) in netlist.Outputs.Named)
        {
            foreach (var source in vector.Sources)
            {
                if (names.Contains(source)) continue;
                var what = source.StartsWith("i(", StringComparison.Ordinal)
                    ? $"{source[2..^1]} is not a voltage source, inductor or E/H/B element with a branch current"
                    : $"the circuit has no node {source[2..^1]}";
                throw new NetlistException(location, $"{card}: no vector {source} ({what})");
            }
        }
    }
}
