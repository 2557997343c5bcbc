using BenchmarkDotNet.Attributes;
using Hwsim.Bridge.Comparison;
using Hwsim.Bridge.Demos;
using Hwsim.Circuits.Blocks;

namespace Hwsim.Bench;

/// <summary>
/// The time of one <c>hwsim compare</c> comparison per demo and level (compile, parse and set up the circuit, solve an
/// operating point per sample or step, trace the software, measure). Run:
/// <c>dotnet run -c Release --project bench -- --filter '*CompareBenchmarks*' --inProcess</c> from the repository root
/// (the demo models are read from <c>./models</c>).
/// </summary>
public class CompareBenchmarks
{
    private ComparisonCase _case = null!;

    [ParamsSource(nameof(DemoNames))]
    public string Demo { get; set; } = "";

    [Params(FidelityLevel.Ideal, FidelityLevel.Macro)]
    public FidelityLevel Level { get; set; }

    public static IEnumerable<string> DemoNames() => BridgeDemos.All.Select(d => d.Name);

    [GlobalSetup]
    public void Setup() => _case = BridgeDemos.Get(Demo).ToCase(Path.GetFullPath("models"));

    [Benchmark]
    public double Compare() => Comparer.Run(_case, Level).OutputMaxAbsError;
}
