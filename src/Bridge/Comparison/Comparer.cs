using System.Diagnostics;
using Hwsim.Bridge.Compiler;
using Hwsim.Bridge.Evaluation;
using Hwsim.Bridge.Mapping;
using Hwsim.Circuits.Blocks;
using Hwsim.Nn.Models;

namespace Hwsim.Bridge.Comparison;

/// <summary>What to compare: a model, its inputs, and (optionally) its targets and task metric.</summary>
public sealed record ComparisonCase(
    string Name,
    NetworkModel Model,
    IReadOnlyList<double[]> Inputs,
    IReadOnlyList<double[]>? Targets,
    TaskMetric Metric,
    int FromPoint = 0,
    IReadOnlyList<string>? Notes = null)
{
    /// <summary>The demo's device-level profile (its signal scale and read voltage); null takes the level's defaults.</summary>
    public MappingProfile? DeviceProfile { get; init; }
    /// <summary>Whether the main job (a compare without a level) runs this case at the device level.</summary>
    public bool DeviceInMainJob { get; init; }
    /// <summary>At the device level, the first this many samples of a feed-forward case run; null runs all.</summary>
    public int? DevicePoints { get; init; }

    /// <summary>The case as the device level runs it: a feed-forward case cut to <see cref="DevicePoints"/> samples, with a note saying so.</summary>
    public ComparisonCase ForDevice()
    {
        if (DevicePoints is not { } n || Model.IsSequenceModel || Inputs.Count <= n) return this;
        return this with
        {
            Inputs = Inputs.Take(n).ToList(),
            Targets = Targets?.Take(n).ToList(),
            Notes = (Notes ?? Array.Empty<string>()).Append($"device level: the first {n} of the {Inputs.Count} test samples, one per clock period").ToList(),
        };
    }
}

/// <summary>Compiles a model at a level, runs circuit and software on the same inputs, and measures the differences.</summary>
public static class Comparer
{
    public static ComparisonResult Run(ComparisonCase c, FidelityLevel level, MappingProfile? profile = null, Action<int, int>? progress = null,
        DeviceOptions? device = null)
    {
        var start = Stopwatch.GetTimestamp();
        var network = NetworkCompiler.Compile(c.Model, level, profile);
        var software = SoftwareTracer.Trace(c.Model, network, c.Inputs);
        SignalTrace circuit;
        DeviceTiming? timing = null;
        string? simulated = null;
        var newton = 0;
        if (network.IsClocked)
        {
            (circuit, timing, simulated) = RunClocked(c, network, software, device ?? DeviceOptions.Default);
        }
        else
        {
            var evaluator = new CircuitEvaluator(network);
            circuit = evaluator.Run(c.Inputs, progress);
            newton = evaluator.Statistics.NewtonIterations;
        }
        var from = Math.Clamp(c.FromPoint, 0, Math.Max(0, c.Inputs.Count - 1));

        var signals = new List<SignalError>();
        for (var s = 0; s < network.Signals.Count; s++)
        {
            double max = 0, sum = 0, lo = double.PositiveInfinity, hi = double.NegativeInfinity;
            for (var p = 0; p < circuit.Points; p++)
            {
                var sw = software.Values[p][s];
                var d = Math.Abs(circuit.Values[p][s] - sw);
                max = Math.Max(max, d);
                sum += d * d;
                lo = Math.Min(lo, sw);
                hi = Math.Max(hi, sw);
            }
            signals.Add(new SignalError(network.Signals[s].Name, network.Signals[s].Layer, max, Math.Sqrt(sum / circuit.Points), lo, hi));
        }

        var swOut = software.Outputs.Skip(from).ToList();
        var ckOut = circuit.Outputs.Skip(from).ToList();
        double outMax = 0, outSum = 0, outLo = double.PositiveInfinity, outHi = double.NegativeInfinity;
        long count = 0;
        for (var p = 0; p < swOut.Count; p++)
            for (var k = 0; k < swOut[p].Length; k++)
            {
                var d = Math.Abs(ckOut[p][k] - swOut[p][k]);
                outMax = Math.Max(outMax, d);
                outSum += d * d;
                count++;
                outLo = Math.Min(outLo, swOut[p][k]);
                outHi = Math.Max(outHi, swOut[p][k]);
            }

        var (swMetric, ckMetric, agreement) = Metrics(c, software, circuit, from);

        return new ComparisonResult
        {
            Demo = c.Name,
            Level = level,
            Engine = network.IsClocked && (device ?? DeviceOptions.Default).Engine == ClockedEngine.Ngspice ? "ngspice" : "hwsim",
            OutputMaxAbsError = outMax,
            OutputRmsError = count == 0 ? 0 : Math.Sqrt(outSum / count),
            OutputRange = count == 0 ? 0 : outHi - outLo,
            Metric = c.Metric,
            SoftwareMetric = swMetric,
            CircuitMetric = ckMetric,
            DecisionAgreement = agreement,
            Signals = signals,
            Software = software,
            Circuit = circuit,
            Network = network,
            FromPoint = from,
            Inputs = c.Inputs,
            Targets = c.Targets,
            Elapsed = Stopwatch.GetElapsedTime(start),
            NewtonIterations = newton,
            Timing = timing,
            SimulatedNetlist = simulated,
            Notes = (c.Notes ?? Array.Empty<string>()).Concat(network.Notes).ToList(),
        };
    }

    /// <summary>The software and circuit task metrics and the decision agreement over the points from <paramref name="from"/> on.</summary>
    private static (double? Software, double? Circuit, double? Agreement) Metrics(ComparisonCase c, SignalTrace software, SignalTrace circuit, int from)
    {
        var swOut = software.Outputs.Skip(from).ToList();
        var ckOut = circuit.Outputs.Skip(from).ToList();
        double? swMetric = null, ckMetric = null, agreement = null;
        var targets = c.Targets?.Skip(from).ToList();
        if (targets is not null && c.Metric != TaskMetric.None)
        {
            (swMetric, ckMetric) = c.Metric == TaskMetric.Accuracy
                ? (TaskMetrics.Accuracy(swOut, targets), TaskMetrics.Accuracy(ckOut, targets))
                : (TaskMetrics.Rmse(swOut, targets), TaskMetrics.Rmse(ckOut, targets));
        }
        if (c.Metric == TaskMetric.Accuracy)
            agreement = swOut.Count == 0 ? null : (double)swOut.Zip(ckOut).Count(x => TaskMetrics.Decision(x.First) == TaskMetrics.Decision(x.Second)) / swOut.Count;
        return (swMetric, ckMetric, agreement);
    }

    /// <summary>Points of the period sweep: the first ones of the inputs (a sequence's first steps).</summary>
    public const int SweepPoints = 16;

    /// <summary>
    /// What the period sweep watches over the first <paramref name="points"/> points: the demo's task metric against
    /// its targets (accuracy, or RMSE), or without one the output RMS error against software.
    /// </summary>
    private static (double Value, string Name) SweepMetric(ComparisonCase c, SignalTrace software, SignalTrace circuit, int points)
    {
        if (c.Targets is { } targets && c.Metric != TaskMetric.None)
        {
            var outputs = circuit.Outputs.Take(points).ToList();
            var wanted = targets.Take(points).ToList();
            return c.Metric == TaskMetric.Accuracy
                ? (TaskMetrics.Accuracy(outputs, wanted), "accuracy")
                : (TaskMetrics.Rmse(outputs, wanted), "RMSE against the targets");
        }
        return (OutputRmsError(software, circuit, points), "output RMS error against software");
    }

    private static double OutputRmsError(SignalTrace software, SignalTrace circuit, int points)
    {
        double sum = 0;
        long n = 0;
        for (var p = 0; p < points; p++)
            for (var k = 0; k < circuit.Outputs[p].Length; k++)
            {
                var d = circuit.Outputs[p][k] - software.Outputs[p][k];
                sum += d * d;
                n++;
            }
        return n == 0 ? 0 : Math.Sqrt(sum / n);
    }

    /// <summary>Periods the sweep tries, as fractions of the default period, until the metric no longer holds (a robust metric such as accuracy can hold far below the settling time).</summary>
    private static readonly double[] SweepFractions = { 0.7, 0.5, 0.35, 0.25, 0.18, 0.12, 0.08, 0.05, 0.035, 0.025, 0.018, 0.012 };

    /// <summary>
    /// The device level: the period (given, and checked against the settling measured at a long period; or chosen from
    /// it), ONE clocked transient over all the inputs, and optionally the sweep of shorter periods.
    /// </summary>
    private static (SignalTrace, DeviceTiming, string) RunClocked(ComparisonCase c, CompiledNetwork network, SignalTrace software, DeviceOptions options)
    {
        var ranges = Enumerable.Range(0, network.Signals.Count).Select(s =>
        {
            var series = software.Series(s);
            return series.Max() - series.Min();
        }).ToList();
        double period;
        if (options.ClockPeriod is { } given)
        {
            var settling = ClockCalibration.MeasureSettling(network, c.Inputs, ranges, options.Engine);
            ClockCalibration.Check(network, given, settling);
            period = given;
        }
        else
        {
            period = ClockCalibration.PeriodFor(network, ClockCalibration.MeasureSettling(network, c.Inputs, ranges, options.Engine));
        }
        if (!options.SweepPeriod)
        {
            var only = ClockedEvaluator.Run(network, c.Inputs, period, ranges, options.Engine);
            return (only.Trace, only.Timing, only.Netlist);
        }

        // The sweep runs the first points only (a sequence's first steps are the same in the whole run) and watches
        // the task metric over them (the output RMS error against software for demos without one). Its trials need
        // only the period, not the main run, so they run on a second thread while the main run goes on, and on two
        // once it is done; their order and the rule for stopping are those of running them one after the other, so
        // the figures do not change.
        var points = Math.Min(SweepPoints, c.Inputs.Count);
        var prefix = c.Inputs.Take(points).ToList();
        using var trials = new SweepTrials<ClockedRun>(period, SweepFractions, (t, stop) => ClockedEvaluator.Run(network, prefix, t, ranges, options.Engine, waveforms: false, cancel: stop));
        var run = ClockedEvaluator.Run(network, c.Inputs, period, ranges, options.Engine);
        trials.AddWorker();
        var (reference, metricName) = SweepMetric(c, software, run.Trace, points);
        var sweep = new List<(double, double)> { (period, reference) };
        var shortest = period;
        foreach (var (t, trial) in trials.InOrder())
        {
            var (metric, _) = SweepMetric(c, software, trial.Trace, points);
            sweep.Add((t, metric));
            if (!(Math.Abs(metric - reference) <= 0.01 * Math.Abs(reference) + 1e-12)) break;
            shortest = t;
        }
        var timing = run.Timing with { MinClockPeriod = shortest, PeriodSweep = sweep, PeriodSweepMetric = metricName };
        return (run.Trace, timing, run.Netlist);
    }
}
