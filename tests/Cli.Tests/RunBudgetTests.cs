namespace Hwsim.Cli.Tests;

/// <summary>
/// The time and memory budget of a run (<c>--max-seconds</c>, <c>--max-memory</c>, tight under <c>--sandbox</c>):
/// a run within every points limit that still takes too long or grows too large ends with exit 2, one line naming
/// the option, and nothing published. Each case runs hwsim as a process of its own (the watchdog ends the process).
/// </summary>
public sealed class RunBudgetTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("hwsim-budget").FullName;

    public void Dispose() => Directory.Delete(_root, true);

    /// <summary>An RC whose transient asks for 1e12 steps of 1 ps: minutes of work and a growing result, unless stopped.</summary>
    private string EndlessTransient()
    {
        var file = Path.Combine(_root, "slow.cir");
        File.WriteAllText(file, "endless transient\nV1 in 0 sin(0 1 1meg)\nR1 in out 1k\nC1 out 0 1n\n.tran 1p 1 0 1p\n.end\n");
        return file;
    }

    [Theory]
    [InlineData("--max-seconds", "2", "the run took longer than 2 s (raise it with --max-seconds)")]
    [InlineData("--max-memory", "300", "the run used more than 300 MB of memory")]
    public void When_RunExceedsItsBudget_Expect_Exit2OneLineAndNothingWritten(string option, string value, string expected)
    {
        var output = Path.Combine(_root, "out", "r.csv");
        var started = System.Diagnostics.Stopwatch.StartNew();
        var (code, err) = HwsimProcess.Wait(HwsimProcess.Start("run", EndlessTransient(), "--out", output, "--max-points", "1000000000000", option, value));
        Assert.True(code == 2, err);
        Assert.Contains(expected, err);
        Assert.Contains($"raise it with {option}", err);
        Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(Directory.Exists(Path.Combine(_root, "out")), "no output folder, no staging folder");
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(120), $"took {started.Elapsed}");
    }

    [Theory]
    [InlineData("--max-seconds", "0")]
    [InlineData("--max-seconds", "nan")]
    [InlineData("--max-memory", "0")]
    public void When_BudgetIsNotPositive_Expect_Exit2NamingTheOption(string option, string value)
    {
        var file = Path.Combine(_root, "ok.cir");
        File.WriteAllText(file, "ok\nV1 in 0 1\nR1 in 0 1k\n.op\n.end\n");
        var (code, _, err) = CliRunner.Run("run", file, option, value);
        Assert.Equal(2, code);
        Assert.Contains(option, err);
    }

    [Fact]
    public void When_RunFitsItsBudget_Expect_Results()
    {
        var file = Path.Combine(_root, "ok.cir");
        File.WriteAllText(file, "ok\nV1 in 0 1\nR1 in 0 1k\n.op\n.end\n");
        var (code, _, err) = CliRunner.Run("run", file, "--max-seconds", "60", "--max-memory", "4096", "--sandbox");
        Assert.True(code == 0, err);
    }
}
