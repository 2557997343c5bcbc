using System.Globalization;

namespace Hwsim.Cli.Tests;

/// <summary>The contract of <c>hwsim run</c>: output, CSV layout, file naming, exit codes.</summary>
public class RunCommandTests
{
    private const string Divider = """
        divider
        V1 in 0 dc 10 ac 1
        R1 in out 3k
        R2 out 0 7k
        C1 out 0 1n
        .op
        """;

    [Fact]
    public void When_OperatingPointRun_Expect_TableAndExitZero()
    {
        var file = CliRunner.TempFile("div.cir", Divider + "\n.end\n");
        var (code, output, _) = CliRunner.Run("run", file);
        Assert.Equal(0, code);
        Assert.Contains("v(out)", output);
        Assert.Contains("7", output);
    }

    [Fact]
    public void When_NetlistHasAnUnknownOption_Expect_WarningLineAndExitZero()
    {
        var file = CliRunner.TempFile("opt.cir", "opt\n.options lvlcod=2 frob=1\nV1 a 0 1\nR1 a 0 1k\n.op\n.end\n");
        var (code, output, err) = CliRunner.Run("run", file);
        Assert.Equal(0, code);
        Assert.Contains("v(a)", output);
        Assert.Contains($"hwsim: warning: {file}:2:19: .options: option 'frob' is not applied by hwsim", err);
    }

    /// <summary>A circuit of no elements runs as in ngspice (misc/empty-1): each analysis a result of its scale alone.</summary>
    [Fact]
    public void When_CircuitIsEmpty_Expect_EachAnalysisRunsWithItsScaleAlone()
    {
        var file = CliRunner.TempFile("empty.cir", "empty\n.op\n.tran 0.1m 1m\n.end\n");
        var csv = Path.Combine(Path.GetDirectoryName(file)!, "e.csv");
        var (code, output, err) = CliRunner.Run("run", file, "--out", csv);
        Assert.True(code == 0, err);
        Assert.Contains("59 points, time from 0 to 0.001", output, StringComparison.Ordinal); // ngspice 39: 59 rows
        Assert.Equal("time", File.ReadAllLines(Path.ChangeExtension(csv, ".tran.csv"))[0]);
    }

    /// <summary>A .pz result's complex poles are printed with their imaginary parts (a conjugate pair is two lines).</summary>
    [Fact]
    public void When_PoleZeroRun_Expect_ComplexPolesPrinted()
    {
        var file = CliRunner.TempFile("pz.cir", "rlc\nv1 1 0 dc 0 ac 1\nr1 1 2 50\nl1 2 3 1m\nc1 3 0 100n\n.pz 1 0 3 0 vol pol\n.end\n");

        var (code, output, err) = CliRunner.Run("run", file);

        Assert.True(code == 0, err);
        Assert.Contains("pole(1)   -25000 + j96824.58", output, StringComparison.Ordinal); // -R/2L +- j sqrt(1/LC - (R/2L)^2)
        Assert.Contains("pole(2)   -25000 - j96824.58", output, StringComparison.Ordinal);
    }

    [Fact]
    public void When_OneAnalysisWrittenAsCsv_Expect_HeaderOfVectorNamesAndOneRow()
    {
        var file = CliRunner.TempFile("div.cir", Divider + "\n.end\n");
        var csv = Path.Combine(Path.GetDirectoryName(file)!, "r.csv");
        var (code, _, _) = CliRunner.Run("run", file, "--out", csv);
        Assert.Equal(0, code);
        var lines = File.ReadAllLines(csv);
        Assert.Equal("v(in),i(v1),v(out)", lines[0]);
        Assert.Equal(2, lines.Length);
        var values = lines[1].Split(',').Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(7.0, values[2], 12);
    }

    [Fact]
    public void When_SeveralAnalyses_Expect_OneFilePerKindWithScaleFirstAndAcSplitIntoRealAndImaginary()
    {
        var file = CliRunner.TempFile("multi.cir", Divider + """

            .dc v1 0 10 5
            .ac dec 2 1k 10k
            .tran 1u 5u
            .tran 1u 3u
            .end
            """);
        var dir = Path.GetDirectoryName(file)!;
        var (code, _, err) = CliRunner.Run("run", file, "--out", Path.Combine(dir, "results.csv"));
        Assert.True(code == 0, err);
        Assert.Equal("v(in),i(v1),v(out)", File.ReadLines(Path.Combine(dir, "results.op.csv")).First());
        Assert.Equal("v-sweep,v(in),i(v1),v(out)", File.ReadLines(Path.Combine(dir, "results.dc.csv")).First());
        Assert.Equal("frequency,vr(in),vi(in),ir(v1),ii(v1),vr(out),vi(out)", File.ReadLines(Path.Combine(dir, "results.ac.csv")).First());
        Assert.Equal("time,v(in),i(v1),v(out)", File.ReadLines(Path.Combine(dir, "results.tran.csv")).First());
        Assert.True(File.Exists(Path.Combine(dir, "results.tran2.csv")));
        Assert.Equal(4, File.ReadAllLines(Path.Combine(dir, "results.dc.csv")).Length);
        Assert.Empty(Directory.GetFiles(dir, "*.tmp"));
    }

    [Fact]
    public void When_StatsAsked_Expect_MatrixFillIterationsAndPhaseTimes()
    {
        var file = CliRunner.TempFile("div.cir", Divider + "\n.tran 1u 10u\n.end\n");
        var (code, output, _) = CliRunner.Run("run", file, "--stats");
        Assert.Equal(0, code);
        foreach (var label in new[] { "unknowns", "matrix non-zeros", "LU non-zeros", "Newton iterations", "time points", "set-up time", "ordering time", "factoring time", "solving time" })
            Assert.Contains(label, output);
    }

    [Fact]
    public void When_NetlistHasError_Expect_FileLineColumnAndExitTwo()
    {
        var file = CliRunner.TempFile("bad.cir", "bad\nV1 a 0 1\nR1 a 0 xyz\n.op\n.end\n");
        var (code, output, err) = CliRunner.Run("run", file);
        Assert.Equal(2, code);
        Assert.Contains("bad.cir:3:8:", err);
        Assert.DoesNotContain("   at ", err + output);   // no stack trace
    }

    [Fact]
    public void When_FileMissing_Expect_ExitTwo()
    {
        var (code, _, err) = CliRunner.Run("run", "/nonexistent/nothing.cir");
        Assert.Equal(2, code);
        Assert.Contains("no such file", err);
    }

    [Fact]
    public void When_FileIsAFolder_Expect_ExitTwoSayingSo()
    {
        var folder = Directory.CreateTempSubdirectory("hwsim-run").FullName;
        var (code, _, err) = CliRunner.Run("run", folder);
        Assert.Equal(2, code);
        Assert.Contains($"{folder}: is a folder; give a netlist file", err);
    }

    [Fact]
    public void When_CircuitFloats_Expect_NodeNamedAndExitTwo()
    {
        var file = CliRunner.TempFile("float.cir", "f\nV1 a 0 1\nR1 a 0 1k\nC1 a b 1n\nR2 b c 1k\n.op\n.end\n");
        var (code, _, err) = CliRunner.Run("run", file);
        Assert.Equal(2, code);
        Assert.Contains("no DC path to ground", err);
        Assert.Contains("float.cir:4", err);
    }

    [Fact]
    public void When_SimulationDoesNotConverge_Expect_ExitOne()
    {
        var file = CliRunner.TempFile("osc.cir", """
            osc
            .model sm SW(vt=0.5 vh=0 ron=1 roff=1meg)
            V1 vdd 0 1
            R1 vdd out 1k
            S1 out 0 out 0 sm
            .op
            .end
            """);
        var (code, _, err) = CliRunner.Run("run", file);
        Assert.Equal(1, code);
        Assert.Contains("v(out)", err);
    }

    [Fact]
    public void When_UnknownOption_Expect_ExitTwo()
    {
        var (code, _, err) = CliRunner.Run("run", "x.cir", "--bogus");
        Assert.Equal(2, code);
        Assert.Contains("--bogus", err);
    }

    [Fact]
    public void When_MainJobNetlistRun_Expect_Success()
    {
        var (code, output, err) = CliRunner.Run("run", CliRunner.Repo("netlists", "engine", "rc_lowpass.cir"));
        Assert.True(code == 0, err);
        Assert.Contains(".tran", output);
    }
}
