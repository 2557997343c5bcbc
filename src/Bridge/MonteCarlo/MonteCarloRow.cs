using Hwsim.Bridge.Comparison;
using Hwsim.Circuits.Blocks;

namespace Hwsim.Bridge.MonteCarlo;

/// <summary>
/// One sample of one case at one level (and sweep value): a row of montecarlo.csv. The error and metric columns mean
/// what they mean in summary.csv, for this sample's circuit.
/// </summary>
public sealed record MonteCarloRow(
    string Demo,
    FidelityLevel Level,
    int Sample,
    long Seed,
    double OutputMaxAbsError,
    double OutputRmsError,
    TaskMetric Metric,
    double? SoftwareMetric,
    double? CircuitMetric,
    double? DecisionAgreement,
    string? SweepValue = null);
