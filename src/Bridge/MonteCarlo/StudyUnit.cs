using Hwsim.Bridge.Comparison;
using Hwsim.Bridge.Compiler;
using Hwsim.Bridge.Evaluation;
using Hwsim.Bridge.Mapping;
using Hwsim.Circuits.Blocks;
using Hwsim.Circuits.Solver;

namespace Hwsim.Bridge.MonteCarlo;

/// <summary>
/// One case at one sweep value, prepared once for all its samples: the nominal circuit (compiled from the profile
/// without its random non-idealities, its crossings at their programmed targets), the software trace, and the
/// nominal circuit's solution at every point, from which each sample's Newton iterations start, and the symbolic
/// analysis of its LU, which every sample's engine shares.
/// </summary>
internal sealed class StudyUnit
{
    private StudyUnit(ComparisonCase c, FidelityLevel level, MappingProfile profile, string? sweepValue, CompiledNetwork network,
        SignalTrace software, IReadOnlyList<double[]> nominalSolutions, SymbolicAnalysis symbolic)
    {
        Symbolic = symbolic;
        Case = c;
        Level = level;
        Profile = profile;
        SweepValue = sweepValue;
        Network = network;
        Software = software;
        NominalSolutions = nominalSolutions;
    }

    public ComparisonCase Case { get; }
    public FidelityLevel Level { get; }
    /// <summary>The profile of the samples (with its non-idealities; each sample sets its own seed).</summary>
    public MappingProfile Profile { get; }
    public string? SweepValue { get; }
    public CompiledNetwork Network { get; }
    public SignalTrace Software { get; }
    public IReadOnlyList<double[]> NominalSolutions { get; }
    /// <summary>The LU's symbolic analysis of the circuit (order and structure), made once and shared by every sample's engine.</summary>
    public SymbolicAnalysis Symbolic { get; }

    /// <summary>Compiles the nominal circuit, runs it once (keeping its solutions) and traces the software.</summary>
    public static StudyUnit Prepare(ComparisonCase c, FidelityLevel level, MappingProfile profile, string? sweepValue)
    {
        var network = NetworkCompiler.Compile(c.Model, level, profile.Nominal());
        var nominal = new CircuitEvaluator(network);
        nominal.Run(c.Inputs, keepSolutions: true);
        var software = SoftwareTracer.Trace(c.Model, network, c.Inputs);
        return new StudyUnit(c, level, profile, sweepValue, network, software, nominal.Solutions!, nominal.Engine.Symbolic);
    }
}
