using Hwsim.Bridge.Compiler;
using Hwsim.Bridge.Evaluation;
using Hwsim.Circuits.Blocks;

namespace Hwsim.Bridge.Comparison;

/// <summary>
/// One demo (or user model) at one fidelity level: the circuit's answer beside the software's, number by number.
/// Its first fields are the row of summary.csv.
/// </summary>
public sealed class ComparisonResult
{
    public required string Demo { get; init; }
    public required FidelityLevel Level { get; init; }
    /// <summary>The engine that simulated the circuit (our own: <c>hwsim</c>).</summary>
    public string Engine { get; init; } = "hwsim";
    public required double OutputMaxAbsError { get; init; }
    public required double OutputRmsError { get; init; }
    /// <summary>Range (max - min) of the software outputs over the compared points.</summary>
    public required double OutputRange { get; init; }
    public required TaskMetric Metric { get; init; }
    public double? SoftwareMetric { get; init; }
    public double? CircuitMetric { get; init; }
    /// <summary>Share of rows where the circuit decides the same class as the software (classifiers only).</summary>
    public double? DecisionAgreement { get; init; }

    public required IReadOnlyList<SignalError> Signals { get; init; }
    public required SignalTrace Software { get; init; }
    public required SignalTrace Circuit { get; init; }
    public required CompiledNetwork Network { get; init; }
    /// <summary>The first point counted in the metrics (sequence models warm up their state before it).</summary>
    public int FromPoint { get; init; }
    /// <summary>The input rows compared (one per sample, or per time step of one sequence).</summary>
    public IReadOnlyList<double[]> Inputs { get; init; } = Array.Empty<double[]>();
    public IReadOnlyList<double[]>? Targets { get; init; }
    public TimeSpan Elapsed { get; init; }
    public int NewtonIterations { get; init; }
    /// <summary>Device level: clock period, settling, energy (null at the levels without time).</summary>
    public DeviceTiming? Timing { get; init; }
    /// <summary>The netlist that was simulated when it is not <see cref="CompiledNetwork.Netlist"/> (the device level's clocked transient).</summary>
    public string? SimulatedNetlist { get; init; }
    /// <summary>Extra notes for the report (e.g. "inputs generated: the model file has none").</summary>
    public IReadOnlyList<string> Notes { get; init; } = Array.Empty<string>();
}
