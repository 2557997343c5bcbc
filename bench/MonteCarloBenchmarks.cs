using BenchmarkDotNet.Attributes;
using Hwsim.Bridge.Comparison;
using Hwsim.Bridge.Demos;
using Hwsim.Bridge.Mapping;
using Hwsim.Bridge.MonteCarlo;
using Hwsim.Circuits.Blocks;

namespace Hwsim.Bench;

/// <summary>
/// The speed targets of issue 11, in one run so that their ratios hold on a noisy machine:
/// <list type="bullet">
/// <item>the non-ideal mlp-shapes comparison (<c>--device memristor --wire-resistance 1 --variation 0.1 --weight-bits 4</c>)
/// against the plain macro one;</item>
/// <item>a further Monte Carlo sample of lstm-airline at the macro level against a plain macro comparison of it
/// (the study of 11 samples minus the study of 1, over 10);</item>
/// <item>a study's throughput with 2 jobs against 1 (16 samples of lstm-airline).</item>
/// </list>
/// Run: <c>dotnet run -c Release --project bench -- --filter '*MonteCarloBenchmarks*' --inProcess --job short</c>
/// from the repository root (the demo models are read from <c>./models</c>).
/// </summary>
public class MonteCarloBenchmarks
{
    private ComparisonCase _shapes = null!;
    private ComparisonCase _airline = null!;
    private static readonly MappingProfile Macro = MappingProfile.For(FidelityLevel.Macro);

    [GlobalSetup]
    public void Setup()
    {
        _shapes = BridgeDemos.Get("mlp-shapes").ToCase(Path.GetFullPath("models"));
        _airline = BridgeDemos.Get("lstm-airline").ToCase(Path.GetFullPath("models"));
    }

    [Benchmark(Description = "mlp-shapes compare, plain macro")]
    public double ShapesPlain() => Comparer.Run(_shapes, FidelityLevel.Macro, Macro).OutputRmsError;

    [Benchmark(Description = "mlp-shapes compare, memristor + 1 ohm wires + variation 0.1 + 4 bits")]
    public double ShapesNonIdeal() => Comparer.Run(_shapes, FidelityLevel.Macro, Macro with
    {
        Device = CrossbarDeviceKind.Memristor, WireResistance = 1, VariationSigma = 0.1, WeightBits = 4,
    }).OutputRmsError;

    [Benchmark(Description = "lstm-airline compare, plain macro")]
    public double AirlinePlain() => Comparer.Run(_airline, FidelityLevel.Macro, Macro).OutputRmsError;

    [Benchmark(Description = "lstm-airline montecarlo, 1 sample, 1 job")]
    public int AirlineStudy1() => Study(1, 1);

    [Benchmark(Description = "lstm-airline montecarlo, 11 samples, 1 job")]
    public int AirlineStudy11() => Study(11, 1);

    [Benchmark(Description = "lstm-airline montecarlo, 16 samples, 1 job")]
    public int AirlineStudy16Jobs1() => Study(16, 1);

    [Benchmark(Description = "lstm-airline montecarlo, 16 samples, 2 jobs")]
    public int AirlineStudy16Jobs2() => Study(16, 2);

    private int Study(int samples, int jobs) => MonteCarloStudy.Run(new MonteCarloRequest
    {
        Cases = new[] { _airline }, Level = FidelityLevel.Macro, Samples = samples, Jobs = jobs,
        Profile = Macro with { VariationSigma = 0.1 }, Settings = Array.Empty<KeyValuePair<string, string>>(),
    }).Count;
}
