using BenchmarkDotNet.Attributes;
using Hwsim.Circuits.Analyses;
using Hwsim.Verification;
using Hwsim.Circuits.Netlist;

namespace Hwsim.Bench;

/// <summary>
/// BenchmarkDotNet timings of the engine cases (our engine only; <c>hwsim bench</c> prints the ratios against
/// ngspice timed in the same run). Run: <c>dotnet run -c Release --project bench -- --filter '*' --inProcess</c>.
/// </summary>
[MemoryDiagnoser]
public class CrossbarBenchmarks
{
    private string _netlist = "";

    [Params(32, 64, 128, 256)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup() => _netlist = BenchmarkNetlists.Crossbar(N);

    [Benchmark(Description = "crossbar operating point (read + set up + order + solve)")]
    public double OperatingPoint()
    {
        var n = NetlistReader.Parse(_netlist, "crossbar.cir");
        return new OperatingPointAnalysis().Run(n.CreateEngine()).Vectors[0].Real[0];
    }
}

/// <summary>The 1000-section RC ladder transient (60 us, PULSE input).</summary>
[MemoryDiagnoser]
public class RcLadderBenchmarks
{
    private readonly string _netlist = BenchmarkNetlists.RcLadder(1000);

    [Benchmark(Description = "1000-section RC ladder transient, 60 us")]
    public int Transient() => NetlistRun.RunAll(NetlistReader.Parse(_netlist, "ladder.cir"))[0].Points;
}
