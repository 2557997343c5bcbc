using System.Globalization;

namespace Hwsim.Cli.Tests;

/// <summary>
/// The contract of hwsim montecarlo and hwsim merge: the two CSV layouts, sweeps, shards run as separate processes
/// and merged into the bytes of one unsharded run, the same with 1 and 2 jobs, and one-line errors for bad input.
/// </summary>
public class MonteCarloCommandTests
{
    private static string OutDir() => Directory.CreateTempSubdirectory("hwsim-mc").FullName;

    /// <summary>A small study: two demos, a classifier and a sequence model, with variation and read noise.</summary>
    private static readonly string[] Study =
        { "montecarlo", "mlp-xor", "lstm-cell", "--level", "macro", "--samples", "5", "--seed", "42", "--variation", "0.1", "--read-noise", "0.02", "--quiet" };

    private static readonly string[] Files = { "montecarlo.csv", "montecarlo-summary.csv", "montecarlo-shard.json", "report.html" };

    [Fact]
    public void When_StudyRun_Expect_BothCsvLayoutsSortedByDemoLevelSample()
    {
        var dir = OutDir();
        var (code, output, err) = CliRunner.Run(Study.Concat(new[] { "--out", dir, "--jobs", "2" }).ToArray());
        Assert.True(code == 0, err);
        var rows = File.ReadAllLines(Path.Combine(dir, "montecarlo.csv"));
        Assert.Equal("demo,level,sample,seed,output_max_abs_error,output_rms_error,metric,software_metric,circuit_metric,decision_agreement", rows[0]);
        Assert.Equal(11, rows.Length);
        var fields = rows.Skip(1).Select(r => r.Split(',')).ToList();
        Assert.Equal(new[] { "lstm-cell", "lstm-cell", "lstm-cell", "lstm-cell", "lstm-cell", "mlp-xor", "mlp-xor", "mlp-xor", "mlp-xor", "mlp-xor" }, fields.Select(f => f[0]));
        Assert.Equal(new[] { "0", "1", "2", "3", "4", "0", "1", "2", "3", "4" }, fields.Select(f => f[2]));
        Assert.All(fields, f => Assert.Equal("macro", f[1]));
        // the seed of sample k is a hash of (study seed, k) alone: five seeds, the same for both demos
        Assert.Equal(5, fields.Select(f => f[3]).Distinct().Count());
        Assert.Equal(fields.Take(5).Select(f => f[3]), fields.Skip(5).Select(f => f[3]));
        var xor = fields.Where(f => f[0] == "mlp-xor").ToList();
        Assert.All(xor, f => Assert.Equal("accuracy", f[6]));
        Assert.All(xor, f => Assert.Equal("1", f[7]));
        Assert.All(xor, f => Assert.InRange(double.Parse(f[9], CultureInfo.InvariantCulture), 0, 1));
        Assert.All(fields.Where(f => f[0] == "lstm-cell"), f => Assert.Equal(("none", "", "", ""), (f[6], f[7], f[8], f[9])));

        var summary = File.ReadAllLines(Path.Combine(dir, "montecarlo-summary.csv"));
        Assert.Equal("demo,level,samples,metric,software_metric,circuit_metric_mean,circuit_metric_std,circuit_metric_p05,circuit_metric_p50," +
                     "circuit_metric_p95,decision_agreement_mean,decision_agreement_min,output_rms_error_p50,output_rms_error_p95", summary[0]);
        Assert.Equal(3, summary.Length);
        Assert.StartsWith("lstm-cell,macro,5,none,,,,,,,,,", summary[1]);
        var s = summary[2].Split(',');
        Assert.Equal(new[] { "mlp-xor", "macro", "5", "accuracy", "1" }, s[..5]);
        // the summary is the rows' statistics: mean, minimum and median of the agreement column, median RMS error
        var agreement = xor.Select(f => double.Parse(f[9], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(agreement.Average(), double.Parse(s[10], CultureInfo.InvariantCulture), 1e-15);
        Assert.Equal(agreement.Min(), double.Parse(s[11], CultureInfo.InvariantCulture));
        var rms = xor.Select(f => double.Parse(f[5], CultureInfo.InvariantCulture)).OrderBy(x => x).ToArray();
        Assert.Equal(rms[2], double.Parse(s[12], CultureInfo.InvariantCulture));
        Assert.True(File.Exists(Path.Combine(dir, "plots", "montecarlo.mlp-xor.macro.distribution.png")));
        Assert.Contains("Monte Carlo", File.ReadAllText(Path.Combine(dir, "report.html")));
        Assert.Contains("mlp-xor", output);
    }

    [Fact]
    public void When_ShardsRunAsProcessesAndMerged_Expect_TheBytesOfOneRunWithOneOrTwoJobs()
    {
        var whole1 = OutDir();
        var whole2 = OutDir();
        var merged = OutDir();
        var shards = Enumerable.Range(0, 3).Select(_ => OutDir()).ToArray();
        var processes = new List<System.Diagnostics.Process>
        {
            HwsimProcess.Start(Study.Concat(new[] { "--out", whole1, "--jobs", "1" }).ToArray()),
            HwsimProcess.Start(Study.Concat(new[] { "--out", whole2, "--jobs", "2" }).ToArray()),
        };
        processes.AddRange(shards.Select((d, i) => HwsimProcess.Start(Study.Concat(new[] { "--out", d, "--jobs", "2", "--shard", $"{i}/3" }).ToArray())));
        foreach (var p in processes)
        {
            var (code, err) = HwsimProcess.Wait(p);
            Assert.True(code == 0, err);
        }
        var (mergeCode, _, mergeErr) = CliRunner.Run(new[] { "merge" }.Concat(shards.Reverse()).Concat(new[] { "--out", merged }).ToArray());
        Assert.True(mergeCode == 0, mergeErr);
        foreach (var f in Files.Append("plots/montecarlo.mlp-xor.macro.distribution.png"))
        {
            var expected = File.ReadAllBytes(Path.Combine(whole1, f));
            Assert.True(expected.SequenceEqual(File.ReadAllBytes(Path.Combine(whole2, f))), $"{f}: --jobs 2 differs from --jobs 1");
            Assert.True(expected.SequenceEqual(File.ReadAllBytes(Path.Combine(merged, f))), $"{f}: the merged shards differ from one run");
        }
        // a shard holds its own samples only, and says which shard it is
        var shard1 = File.ReadAllLines(Path.Combine(shards[1], "montecarlo.csv")).Skip(1).Select(l => l.Split(',')[2]).Distinct().ToArray();
        Assert.Equal(new[] { "1", "4" }, shard1);
        Assert.Contains("\"shard\": \"1/3\"", File.ReadAllText(Path.Combine(shards[1], "montecarlo-shard.json")));
    }

    [Fact]
    public void When_OptionListed_Expect_ItsColumnAndOneGroupPerValue()
    {
        var dir = OutDir();
        var (code, _, err) = CliRunner.Run("montecarlo", "mlp-xor", "--level", "macro", "--samples", "3", "--variation", "0.2,0,0.05", "--quiet", "--out", dir);
        Assert.True(code == 0, err);
        var rows = File.ReadAllLines(Path.Combine(dir, "montecarlo.csv"));
        Assert.EndsWith(",decision_agreement,variation", rows[0]);
        Assert.Equal(new[] { "0.2", "0.2", "0.2", "0", "0", "0", "0.05", "0.05", "0.05" }, rows.Skip(1).Select(r => r.Split(',')[10]));
        // every value meets the same devices: the seeds repeat per value
        Assert.Equal(rows[1].Split(',')[3], rows[4].Split(',')[3]);
        var summary = File.ReadAllLines(Path.Combine(dir, "montecarlo-summary.csv"));
        Assert.EndsWith(",output_rms_error_p95,variation", summary[0]);
        Assert.Equal(new[] { "0.2", "0", "0.05" }, summary.Skip(1).Select(r => r.Split(',')[^1]));
        Assert.True(File.Exists(Path.Combine(dir, "plots", "montecarlo.mlp-xor.macro.sweep.png")));
    }

    [Fact]
    public void When_SampleSeedGivenToCompare_Expect_TheSameCircuit()
    {
        // a Monte Carlo row is reproducible from its seed alone: compare with --seed builds the sample's circuit
        var dir = OutDir();
        Assert.Equal(0, CliRunner.Run("montecarlo", "mlp-xor", "--level", "macro", "--samples", "2", "--variation", "0.3", "--quiet", "--out", dir).Code);
        var row = File.ReadAllLines(Path.Combine(dir, "montecarlo.csv"))[2].Split(',');
        var compared = OutDir();
        var (code, _, err) = CliRunner.Run("compare", "mlp-xor", "--level", "macro", "--variation", "0.3", "--seed", row[3], "--out", compared);
        Assert.True(code == 0, err);
        var summary = File.ReadAllLines(Path.Combine(compared, "summary.csv"))[1].Split(',');
        // the same circuit, solved from another starting point: equal to the Newton tolerance
        Assert.Equal(double.Parse(row[4], CultureInfo.InvariantCulture), double.Parse(summary[3], CultureInfo.InvariantCulture), 1e-6);
        Assert.Equal(double.Parse(row[5], CultureInfo.InvariantCulture), double.Parse(summary[4], CultureInfo.InvariantCulture), 1e-6);
    }

    [Fact]
    public void When_DeviceLevelStudied_Expect_EachSampleTheClockedTransientCompareRunsForItsSeed()
    {
        // a device-level sample is compare's device level with the sample's seed, at the study's clock period:
        // the same netlist and the same transient, so the same numbers to the last digit
        var dir = OutDir();
        var (code, _, err) = CliRunner.Run("montecarlo", "mlp-xor", "--level", "device", "--samples", "2", "--jobs", "2", "--variation", "0.1",
            "--temperature", "40", "--clock-period", "2e-5", "--quiet", "--out", dir);
        Assert.True(code == 0, err);
        var rows = File.ReadAllLines(Path.Combine(dir, "montecarlo.csv")).Skip(1).Select(r => r.Split(',')).ToList();
        Assert.Equal(new[] { "0", "1" }, rows.Select(r => r[2]));
        Assert.All(rows, r => Assert.Equal("device", r[1]));
        Assert.NotEqual(rows[0][5], rows[1][5]);
        Assert.Contains("\"--clock-period\": \"2E-05\"", File.ReadAllText(Path.Combine(dir, "montecarlo-shard.json")));
        var compared = OutDir();
        (code, _, err) = CliRunner.Run("compare", "mlp-xor", "--level", "device", "--variation", "0.1", "--temperature", "40", "--seed", rows[1][3],
            "--clock-period", "2e-5", "--no-period-sweep", "--quiet", "--out", compared);
        Assert.True(code == 0, err);
        var summary = File.ReadAllLines(Path.Combine(compared, "summary.csv"))[1].Split(',');
        Assert.Equal((rows[1][4], rows[1][5]), (summary[3], summary[4]));
    }

    [Fact]
    public void When_ModelFileStudied_Expect_ItsRowsAndItsContentInTheSettings()
    {
        // a retrained model on a demo's test data and metric (issue 15's measurement), and a model on its own
        var onDemo = OutDir();
        var alone = OutDir();
        var model = CliRunner.Repo("models", "mlp-xor.json");
        var (code, _, err) = CliRunner.Run("montecarlo", "mlp-xor", "--model", model, "--level", "macro", "--samples", "2", "--variation", "0.1", "--quiet", "--out", onDemo);
        Assert.True(code == 0, err);
        Assert.All(File.ReadAllLines(Path.Combine(onDemo, "montecarlo.csv")).Skip(1), l => Assert.StartsWith("mlp-xor,macro,", l));
        Assert.Contains("\"--model\": \"sha256:", File.ReadAllText(Path.Combine(onDemo, "montecarlo-shard.json")));
        (code, _, err) = CliRunner.Run("montecarlo", "--model", model, "--level", "macro", "--samples", "2", "--quiet", "--out", alone);
        Assert.True(code == 0, err);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(alone, "montecarlo.csv")).Length);
    }

    [Theory]
    [InlineData("--samples 0", "--samples")]
    [InlineData("--samples 2 --shard 3/3", "--shard")]
    [InlineData("--samples 2 --shard 1", "--shard")]
    [InlineData("--samples 2 --jobs 0", "--jobs")]
    [InlineData("--samples 2 --variation 0,,0.1", "--variation")]
    [InlineData("--samples 2 --variation 0,x", "--variation")]
    [InlineData("--samples 2 --variation 0,0.1 --read-noise 0,0.1", "only one option")]
    [InlineData("--samples 2 --stuck-at-gmin 0.7 --stuck-at-gmax 0.7", "stuck")]
    [InlineData("--samples 2 --clock-period 2e-5", "--clock-period")]
    [InlineData("--level device --samples 2 --read-noise 0.1", "--read-noise")]
    [InlineData("--level device --samples 2 --clock-period 1e-9", "--clock-period")]
    public void When_BadInput_Expect_OneLineExit2AndNothingWritten(string options, string named)
    {
        var dir = OutDir();
        var level = options.Contains("--level", StringComparison.Ordinal) ? Array.Empty<string>() : new[] { "--level", "macro" };
        var args = new[] { "montecarlo", "mlp-xor", "--out", dir }.Concat(level).Concat(options.Split(' ')).ToArray();
        var (code, _, err) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Single(err.Trim().Split('\n'));
        Assert.Contains(named, err);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir));
    }

    [Fact]
    public void When_MergingOtherStudiesOrNonShards_Expect_OneLineNamingTheDifference()
    {
        var a = OutDir();
        var b = OutDir();
        var whole = OutDir();
        Assert.Equal(0, CliRunner.Run("montecarlo", "mlp-xor", "--level", "macro", "--samples", "2", "--variation", "0.1", "--shard", "0/2", "--quiet", "--out", a).Code);
        Assert.Equal(0, CliRunner.Run("montecarlo", "mlp-xor", "--level", "macro", "--samples", "2", "--variation", "0.2", "--shard", "1/2", "--quiet", "--out", b).Code);
        var output = OutDir();
        var (code, _, err) = CliRunner.Run("merge", a, b, "--out", output);
        Assert.Equal(2, code);
        Assert.Contains("--variation 0.2", err);
        Assert.Empty(Directory.EnumerateFileSystemEntries(output));

        (code, _, err) = CliRunner.Run("merge", a, "--out", output);
        Assert.Equal(2, code);
        Assert.Contains("missing samples: mlp-xor: 1", err);
        Assert.Contains("--shard 1/2", err);

        (code, _, err) = CliRunner.Run("merge", a, whole, "--out", output);
        Assert.Equal(2, code);
        Assert.Contains("not a Monte Carlo folder", err);
        Assert.Single(err.Trim().Split('\n'));
        Assert.Empty(Directory.EnumerateFileSystemEntries(output));
    }
}
