using Hwsim.Verification;

namespace Hwsim.Cli.Tests;

/// <summary>
/// hwsim run with a <c>.control</c> block: <c>quit n</c> is the exit code, an unknown command is one warning, a
/// failing command an error naming its line after which the block goes on; <c>write</c>, <c>plot</c> and
/// <c>gnuplot</c> write files where the block says (never under <c>--sandbox</c>). What the commands print is compared
/// with ngspice in Circuits.Tests' ControlNetlistTests.
/// </summary>
public sealed class ControlBlockRunTests
{
    private static string Netlist(string control) => $"""
        control block
        v1 in 0 dc 1 ac 1
        r1 in out 1k
        c1 out 0 1u
        .control
        {control}
        .endc
        .end
        """;

    [Fact]
    public void When_QuitWithCode_Expect_ThatExitCodeAfterWarningsAndErrors()
    {
        var file = CliRunner.TempFile("quit.cir", Netlist("""
            ac dec 5 10 10k
            frobnicate 3
            frobnicate 4
            let x = nosuch + 1
            if vdb(out)[0] > -1
              echo quitting
              quit 4
            end
            echo not reached
            """));

        var (code, output, err) = CliRunner.Run("run", file);

        Assert.Equal(4, code);
        Assert.Contains("No. of Data Rows : 16\n", output);
        Assert.Contains("quitting\n", output);
        Assert.DoesNotContain("not reached", output);
        Assert.Single(err.Split('\n'), l => l.Contains("frobnicate", StringComparison.Ordinal));
        Assert.Contains($"hwsim: warning: {file}:7:1: frobnicate: no such command in hwsim; ignored", err);
        Assert.Contains($"hwsim: error: {file}:9:1: let: no such vector nosuch", err);
    }

    [Fact]
    public void When_CommandFailsWithoutQuit_Expect_BlockGoesOnAndExit2()
    {
        var file = CliRunner.TempFile("fails.cir", Netlist("op\nprint nosuch\necho after"));

        var (code, output, err) = CliRunner.Run("run", file);

        Assert.Equal(2, code);
        Assert.Contains("after\n", output);
        Assert.Contains($"{file}:7:1", err);
    }

    [Fact]
    public void When_QuitZeroAfterAFailedCommand_Expect_Exit2NotSuccess()
    {
        var file = CliRunner.TempFile("stale.cir", Netlist("op\nlet ok = 1\ndisto dec 10 1k 100k\nif ok\n  echo INFO: success\n  quit 0\nend"));

        var (code, output, err) = CliRunner.Run("run", file);

        Assert.Equal(2, code);
        Assert.Contains("INFO: success", output);
        Assert.Contains($"{file}:8:1: disto: this analysis or command is not available in hwsim", err);
        Assert.Contains("hwsim: error: the control block quit with 0 after 1 command failed (above); exit 2", err);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void When_NetlistHasItsOwnAnalysis_Expect_ItRunsAfterTheBlockOnlyForPrintLines(bool print)
    {
        var file = CliRunner.TempFile("again.cir", $"""
            own analysis
            v1 in 0 dc 1
            r1 in out 1k
            r2 out 0 1k
            .op
            {(print ? ".print dc v(out)\n.dc v1 0 1 0.5" : "")}
            .control
            run
            print v(out)
            .endc
            .end
            """);

        var (code, output, err) = CliRunner.Run("run", file);

        Assert.True(code == 0, err);
        Assert.Contains("v(out) = 5.000000e-01\n", output);
        if (print)
        {
            Assert.Contains("Index   v-sweep         v(out)", output); // the .dc ran again after the block, with its table
            Assert.DoesNotContain("not run after its control block", err);
        }
        else
        {
            Assert.Single(output.Split('\n'), l => l.StartsWith("No. of Data Rows", StringComparison.Ordinal));
            Assert.Contains("hwsim: note: the netlist's own analyses were not run after its control block", err);
        }
    }

    [Fact]
    public void When_WriteAndPlot_Expect_RawfileAndPngsWhereTheBlockSays()
    {
        var dir = Directory.CreateTempSubdirectory("hwsim-control").FullName;
        var raw = Path.Combine(dir, "out.raw");
        var png = Path.Combine(dir, "gain.png");
        var file = CliRunner.TempFile("files.cir", Netlist($"""
            ac dec 5 10 10k
            write {raw} v(out) vdb(out)
            gnuplot {Path.Combine(dir, "gain")} vdb(out) xlog
            """));

        var (code, output, err) = CliRunner.Run("run", file);

        Assert.True(code == 0, err);
        var plot = Assert.Single(RawFileReader.Read(raw));
        Assert.Equal("AC Analysis", plot.Name);
        // as ngspice writes them: vdb(out) keeps its name and is typed decibel
        Assert.Equal(["frequency", "v(out)", "vdb(out)"], plot.Vectors.Select(v => v.RawName));
        Assert.Equal(["frequency", "voltage", "decibel"], plot.Vectors.Select(v => v.RawType));
        Assert.Equal(16, plot.PointCount);
        Assert.Contains($"hwsim: gnuplot: wrote {png}\n", output);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(png).Take(4));
    }

    [Fact]
    public void When_Sandboxed_Expect_NoFileWrittenAndAnError()
    {
        var dir = Directory.CreateTempSubdirectory("hwsim-control").FullName;
        var raw = Path.Combine(dir, "out.raw");
        var file = CliRunner.TempFile("sandbox.cir", Netlist($"op\nwrite {raw}\nwrdata {Path.Combine(dir, "d.txt")} v(out)\necho done"));

        var (code, output, err) = CliRunner.Run("run", file, "--sandbox");

        Assert.Equal(2, code);
        Assert.Contains("done\n", output);
        Assert.Contains("a netlist run with --sandbox may not write files", err);
        Assert.Empty(Directory.GetFiles(dir));
    }
}
