using Hwsim.Bridge.Comparison;
using Hwsim.Bridge.Compiler;
using Hwsim.Bridge.Evaluation;
using Hwsim.Bridge.Mapping;
using Hwsim.Circuits.Blocks;
using Hwsim.Circuits.Solver;

namespace Hwsim.Bridge.MonteCarlo;

/// <summary>
/// One case at one sweep value, prepared once for all its samples. At the macro level: the nominal circuit (compiled
/// from the profile without its random non-idealities, its crossings at their programmed targets), the software
/// trace, the nominal circuit's solution at every point, from which each sample's Newton iterations start, and the
/// symbolic analysis of its LU, which every sample's engine shares. At the device level: the case as the device level
/// runs it (<see cref="ComparisonCase.ForDevice"/>), the software trace and the clock period of every sample, chosen
/// once from the nominal circuit's settling (a chip has one clock, whatever its devices drew).
/// </summary>
internal sealed class StudyUnit
{
    private StudyUnit(ComparisonCase c, FidelityLevel level, MappingProfile profile, string? sweepValue, CompiledNetwork network, SignalTrace software)
    {
        Case = c;
        Level = level;
        Profile = profile;
        SweepValue = sweepValue;
        Network = network;
        Software = software;
    }

    public ComparisonCase Case { get; }
    public FidelityLevel Level { get; }
    /// <summary>The profile of the samples (with its non-idealities; each sample sets its own seed).</summary>
    public MappingProfile Profile { get; }
    public string? SweepValue { get; }
    /// <summary>The nominal circuit.</summary>
    public CompiledNetwork Network { get; }
    public SignalTrace Software { get; }
    /// <summary>Macro level: the nominal circuit's solution at every point.</summary>
    public IReadOnlyList<double[]>? NominalSolutions { get; private init; }
    /// <summary>Macro level: the LU's symbolic analysis of the circuit (order and structure), made once and shared by every sample's engine.</summary>
    public SymbolicAnalysis? Symbolic { get; private init; }
    /// <summary>Device level: the clock period of every sample (s).</summary>
    public double ClockPeriod { get; private init; }
    /// <summary>Device level: each signal's range in software (the settling tolerance of the clocked transient).</summary>
    public IReadOnlyList<double>? Ranges { get; private init; }

    /// <summary>
    /// Compiles the nominal circuit and traces the software; at the macro level runs the nominal circuit once
    /// (keeping its solutions), at the device level measures its settling to choose the clock period unless
    /// <paramref name="clockPeriod"/> is given (then checked against that settling, as compare does).
    /// </summary>
    public static StudyUnit Prepare(ComparisonCase c, FidelityLevel level, MappingProfile profile, string? sweepValue, double? clockPeriod = null)
    {
        if (level == FidelityLevel.Device) c = c.ForDevice();
        var network = NetworkCompiler.Compile(c.Model, level, profile.Nominal());
        var software = SoftwareTracer.Trace(c.Model, network, c.Inputs);
        if (network.IsClocked)
        {
            var ranges = Enumerable.Range(0, network.Signals.Count).Select(s =>
            {
                var series = software.Series(s);
                return series.Max() - series.Min();
            }).ToList();
            var settling = ClockCalibration.MeasureSettling(network, c.Inputs, ranges, ClockedEngine.Hwsim);
            double period;
            if (clockPeriod is { } given)
            {
                ClockCalibration.Check(network, given, settling);
                period = given;
            }
            else
            {
                period = ClockCalibration.PeriodFor(network, settling);
            }
            return new StudyUnit(c, level, profile, sweepValue, network, software) { ClockPeriod = period, Ranges = ranges };
        }
        var nominal = new CircuitEvaluator(network);
        nominal.Run(c.Inputs, keepSolutions: true);
        return new StudyUnit(c, level, profile, sweepValue, network, software)
        {
            NominalSolutions = nominal.Solutions!, Symbolic = nominal.Engine.Symbolic,
        };
    }
}
