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
    IReadOnlyList<string>? Notes = null);

/// <summary>Compiles a model at a level, runs circuit and software on the same inputs, and measures the differences.</summary>
public static class Comparer
{
    public static ComparisonResult Run(ComparisonCase c, FidelityLevel level, MappingProfile? profile = null, Action<int, int>? progress = null)
    {
        var start = Stopwatch.GetTimestamp();
        var network = NetworkCompiler.Compile(c.Model, level, profile);
        var evaluator = new CircuitEvaluator(network);
        var circuit = evaluator.Run(c.Inputs, progress);
        var software = SoftwareTracer.Trace(c.Model, network, c.Inputs);
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

        return new ComparisonResult
        {
            Demo = c.Name,
            Level = level,
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
            NewtonIterations = evaluator.Statistics.NewtonIterations,
            Notes = c.Notes ?? Array.Empty<string>(),
        };
    }
}
