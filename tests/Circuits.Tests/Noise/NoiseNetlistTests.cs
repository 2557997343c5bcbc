using Hwsim.TestSupport;

namespace Hwsim.Circuits.Tests.Noise;

/// <summary>
/// Every netlist in netlists/noise runs its .noise analysis in ngspice 39 and in our engine, and both plots agree:
/// the spectral densities (and, with pts_per_summary, every generator and device total at the summary points) and
/// the integrated noise, to 1e-6 relative (PointTolerance.Noise).
/// </summary>
public sealed class NoiseNetlistTests(Xunit.Abstractions.ITestOutputHelper output)
{
    public static string Folder => Path.Combine(RepoPaths.Root, "netlists", "noise");

    public static TheoryData<string> Files => new(Directory.GetFiles(Folder, "*.cir").Select(Path.GetFileName).Order()!);

    [NgspiceTheory]
    [MemberData(nameof(Files))]
    public void When_NoiseNetlistRunInBothEngines_Expect_SpectraAndTotalsToAgree(string file)
    {
        var run = BothEngines.Run(Path.Combine(Folder, file));

        Assert.Equal([Results.AnalysisKind.Noise, Results.AnalysisKind.NoiseIntegrated], run.Ours.Select(r => r.Kind));
        BothEngines.AssertAgree(run, output: output);
    }
}
