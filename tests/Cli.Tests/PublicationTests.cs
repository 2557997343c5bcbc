using System.Diagnostics;
using Hwsim.Circuits;

namespace Hwsim.Cli.Tests;

/// <summary>
/// Issue 9 items 2 and 6: the files of one command appear together or not at all, special files are written into and
/// never replaced, and nothing is left behind by a failure, a rejected command or a signal.
/// </summary>
public sealed class PublicationTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("hwsim-publish").FullName;

    public void Dispose() => Directory.Delete(_root, true);

    private string Netlist(string name, string text)
    {
        var file = Path.Combine(_root, name);
        File.WriteAllText(file, text);
        return file;
    }

    private IEnumerable<string> Leftovers() =>
        Directory.EnumerateFileSystemEntries(_root, ".hwsim-incomplete-*", SearchOption.AllDirectories);

    private static string Fifo(string path)
    {
        using var mk = Process.Start("mkfifo", path);
        mk.WaitForExit();
        Assert.Equal(FileKind.Special, FileKinds.Of(path));
        return path;
    }

    [Fact]
    public async Task Item2_When_OutIsAFifo_Expect_WrittenIntoAndStillAFifo()
    {
        var fifo = Fifo(Path.Combine(_root, "pipe.csv"));
        var reader = Task.Run(() => File.ReadAllText(fifo));
        var (code, _, err) = CliRunner.Run("run", CliRunner.Repo("netlists", "engine", "diode_iv.cir"), "--out", fifo);
        Assert.True(code == 0, err);
        Assert.StartsWith("v-sweep,", await reader.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(FileKind.Special, FileKinds.Of(fifo));
        Assert.Empty(Leftovers());
    }

    [Fact]
    public void Item2_When_OutIsDevNull_Expect_DevNullStaysADevice()
    {
        var (code, _, err) = CliRunner.Run("run", CliRunner.Repo("netlists", "engine", "diode_iv.cir"), "--out", "/dev/null");
        Assert.True(code == 0, err);
        Assert.Equal(FileKind.Special, FileKinds.Of("/dev/null"));
        Assert.Empty(Directory.EnumerateFileSystemEntries("/dev", ".hwsim-incomplete-*"));
    }

    [Fact]
    public void Item6_When_ALaterAnalysisFails_Expect_NoResultOfAnEarlierOne()
    {
        // The .op runs and succeeds; the .dc then fails (it sweeps a source that does not exist).
        var file = Netlist("two.cir", "two analyses\nV1 in 0 1\nR1 in 0 1k\n.op\n.dc VX 0 1 0.5\n.end\n");
        var outDir = Path.Combine(_root, "out");
        var (code, output, err) = CliRunner.Run("run", file, "--out", Path.Combine(outDir, "r.csv"));
        Assert.NotEqual(0, code);
        Assert.DoesNotContain("wrote", output);
        Assert.False(Directory.Exists(outDir), string.Join(", ", Directory.Exists(outDir) ? Directory.GetFileSystemEntries(outDir) : []) + err);
        Assert.Empty(Leftovers());
    }

    [Fact]
    public void Item6_When_CompareIsRejectedAfterItsChecks_Expect_NoEmptyOutFolder()
    {
        var broken = Netlist("broken.json", "{\"format\": \"hwsim-model/1\", \"name\": \"x\", \"layers\": [{\"name\": \"fc\", \"type\": \"Linear\", \"in_features\": 2, \"out_features\": 1}], \"state_dict\": {}}");
        var outDir = Path.Combine(_root, "new", "compare");
        var (code, _, err) = CliRunner.Run("compare", "--model", broken, "--out", outDir);
        Assert.True(code == 2, err);
        Assert.False(Directory.Exists(Path.Combine(_root, "new")));
    }

    [Fact]
    public void Item6_When_CompareSucceeds_Expect_EveryFileAndNoStaging()
    {
        var outDir = Path.Combine(_root, "cmp");
        var (code, _, err) = CliRunner.Run("compare", "neuron-tanh", "--level", "ideal", "--out", outDir);
        Assert.True(code == 0, err);
        foreach (var f in new[] { "summary.csv", "report.html", "neuron-tanh.ideal.csv", "netlists/neuron-tanh.ideal.cir" })
            Assert.True(File.Exists(Path.Combine(outDir, f)), f);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(outDir, "plots"), "*.png"));
        Assert.Empty(Leftovers());
        Assert.DoesNotContain(".hwsim-incomplete", File.ReadAllText(Path.Combine(outDir, "report.html")));
    }

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public void Item6_When_StoppedBySignal_Expect_NoTemporaryAndNoResult(string signal)
    {
        // About 9e6 time points: many seconds of work, stopped as soon as the output is staged.
        var file = Netlist("slow.cir", "slow\nV1 in 0 sin(0 1 1k)\nR1 in a 1k\nC1 a 0 1u\nR2 a b 1k\nC2 b 0 1u\n.tran 1n 9m\n.end\n");
        var outDir = Path.Combine(_root, "sig");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "hwsim.dll"), "run", file, "--out", Path.Combine(outDir, "r.csv") })
            info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        while (!(Directory.Exists(outDir) && Directory.EnumerateDirectories(outDir, ".hwsim-incomplete-*").Any()) && clock.Elapsed < TimeSpan.FromSeconds(60))
            Thread.Sleep(20);
        Assert.False(process.HasExited, "the run ended before it could be stopped");
        using (var kill = Process.Start("kill", $"-{signal} {process.Id}")) kill.WaitForExit();
        Assert.True(process.WaitForExit(60_000));
        Assert.NotEqual(0, process.ExitCode);
        Assert.Empty(Leftovers());
        Assert.False(File.Exists(Path.Combine(outDir, "r.csv")));
    }
}
