using Hwsim.Circuits.Netlist;
using Hwsim.Circuits.Results;
using Hwsim.Verification;
using Xunit.Abstractions;

namespace Hwsim.TestSupport;

/// <summary>One netlist's results from ngspice and from our engine, analysis by analysis.</summary>
/// <param name="Path">The netlist file both ran.</param>
/// <param name="Ngspice">ngspice's plots, in netlist order when it could put them so.</param>
/// <param name="Ours">Our engine's results, in netlist order.</param>
public sealed record BothEnginesRun(string Path, NgspiceResults Ngspice, IReadOnlyList<AnalysisResult> Ours);

/// <summary>
/// The run-both-and-compare helper of the tests: runs a netlist in ngspice (the reference) and in our engine, and
/// holds each of our analyses against ngspice's plot of it with <see cref="ResultComparer"/>. Use it under
/// <see cref="NgspiceFactAttribute"/> or <see cref="NgspiceTheoryAttribute"/>.
/// </summary>
public static class BothEngines
{
    /// <summary>Runs the netlist file in both engines.</summary>
    public static BothEnginesRun Run(string path)
    {
        var reference = new NgspiceRunner().Run(path);
        var ours = NetlistRun.RunAll(NetlistReader.ReadFile(path));
        return new BothEnginesRun(path, reference, ours);
    }

    /// <summary>Writes netlist text as <paramref name="fileName"/> in a fresh temporary folder and runs it in both engines.</summary>
    public static BothEnginesRun RunText(string netlist, string fileName)
    {
        var dir = Directory.CreateTempSubdirectory("hwsim-both-").FullName;
        var path = System.IO.Path.Combine(dir, fileName);
        File.WriteAllText(path, netlist);
        return Run(path);
    }

    /// <summary>
    /// Asserts that the two engines made the same analyses and agree on every one of them: every node voltage and
    /// branch current ngspice wrote, by the plot's analysis and the given tolerances (the comparer's defaults
    /// otherwise: 1e-6 relative + 1 nV / 1 pA on points, 1e-3 of peak-to-peak on waveforms, 1e-6 of the largest
    /// magnitude on AC). Each report goes to <paramref name="output"/> when given.
    /// </summary>
    /// <returns>The report of every analysis, in netlist order.</returns>
    public static IReadOnlyList<ComparisonReport> AssertAgree(
        BothEnginesRun run,
        PointTolerance? points = null,
        WaveformTolerance? waveforms = null,
        AcTolerance? ac = null,
        ITestOutputHelper? output = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        var name = System.IO.Path.GetFileName(run.Path);
        Assert.True(run.Ngspice.InNetlistOrder || run.Ours.Count == 1,
            $"{name}: ngspice's plots could not be put in netlist order ({string.Join(", ", run.Ngspice.Plots.Select(p => p.Name))})");
        Assert.Equal(run.Ngspice.Plots.Count, run.Ours.Count);
        var reports = new List<ComparisonReport>(run.Ours.Count);
        for (var i = 0; i < run.Ours.Count; i++)
        {
            var report = ResultComparer.Compare(run.Ngspice.Plots[i], run.Ours[i], points, waveforms, ac);
            output?.WriteLine($"{name} {run.Ours[i].Title}: {report.Message}");
            Assert.True(report.Passed, $"{name}, analysis {i + 1} ({run.Ours[i].Title}):\n{report.Message}");
            reports.Add(report);
        }

        return reports;
    }

    /// <summary>Runs the netlist file in both engines and asserts they agree (see <see cref="AssertAgree(BothEnginesRun, PointTolerance?, WaveformTolerance?, AcTolerance?, ITestOutputHelper?)"/>).</summary>
    public static IReadOnlyList<ComparisonReport> AssertAgree(
        string path,
        PointTolerance? points = null,
        WaveformTolerance? waveforms = null,
        AcTolerance? ac = null,
        ITestOutputHelper? output = null) =>
        AssertAgree(Run(path), points, waveforms, ac, output);
}
