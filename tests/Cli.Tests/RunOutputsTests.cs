using System.Globalization;
using Hwsim.Verification;

namespace Hwsim.Cli.Tests;

/// <summary>hwsim run with .print, .meas and .save lines, and its rawfile output (--out NAME.raw, --ascii).</summary>
public sealed class RunOutputsTests
{
    private const string Rc = """
        rc step
        v1 in 0 dc 0 pulse(0 1 1u 1n 1n 5u 10u)
        r1 in out 1k
        c1 out 0 1n
        .tran 0.1u 5u
        .print tran v(out) v(in)
        .save v(out)
        .meas tran tdelay trig v(in) val=0.5 rise=1 targ v(out) val=0.5 rise=1
        .meas tran never when v(out)=3
        .end
        """;

    [Fact]
    public void When_NetlistPrintsAndMeasures_Expect_NgspiceTableMeasurementsAndMeasCsv()
    {
        var file = CliRunner.TempFile("rc.cir", Rc);
        var csv = Path.Combine(Path.GetDirectoryName(file)!, "r.csv");

        var (code, output, err) = CliRunner.Run("run", file, "--out", csv);

        Assert.True(code == 0, err);
        Assert.Contains("Index   time            v(out)          v(in)           \n", output);
        Assert.Contains("  Measurements for Transient Analysis\n\ntdelay              =  6.93", output);
        Assert.Contains("Error: measure  never  when(WHEN) : out of interval\n .meas tran never when v(out)=3 failed!", err);
        Assert.Equal("time,v(out),v(in)", File.ReadLines(csv).First());
        var meas = File.ReadAllLines(Path.Combine(Path.GetDirectoryName(file)!, "r.meas.csv"));
        Assert.Equal("name,value", meas[0]);
        Assert.StartsWith("tdelay,6.93", meas[1], StringComparison.Ordinal);
        Assert.Equal(0.693e-6, double.Parse(meas[1].Split(',')[1], CultureInfo.InvariantCulture), 0.001e-6); // RC ln 2
        Assert.Equal("never,", meas[2]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void When_OutIsARawfile_Expect_OnePlotPerAnalysisReadableAsNgspices(bool ascii)
    {
        var file = CliRunner.TempFile("rc.cir", Rc.Replace(".tran 0.1u 5u", ".op\n.ac dec 2 1k 1meg\n.tran 0.1u 5u", StringComparison.Ordinal));
        var raw = Path.Combine(Path.GetDirectoryName(file)!, "results.raw");

        var (code, output, err) = ascii ? CliRunner.Run("run", file, "--out", raw, "--ascii") : CliRunner.Run("run", file, "--out", raw);

        Assert.True(code == 0, err);
        Assert.Contains($"wrote {raw}", output);
        var plots = RawFileReader.Read(raw);
        Assert.Equal(["Operating Point", "AC Analysis", "Transient Analysis"], plots.Select(p => p.Name));
        Assert.Equal(["time", "v(out)", "v(in)"], plots[2].VectorNames);
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(file)!, "results.meas.csv")));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(file)!, "*.tmp"));
        Assert.Equal(ascii, File.ReadAllText(raw).Contains("Values:\n", StringComparison.Ordinal));
    }

    [Fact]
    public void When_NoiseRun_Expect_SpectrumAndTotalsInCsvFilesAndRawfilePlots()
    {
        var file = CliRunner.TempFile("noise.cir", "noise\nv1 in 0 dc 0 ac 1\nr1 in out 1k\nc1 out 0 1n\n.noise v(out) v1 dec 5 1k 1meg\n.end\n");
        var dir = Path.GetDirectoryName(file)!;

        var (code, _, err) = CliRunner.Run("run", file, "--out", Path.Combine(dir, "n.csv"));
        var (rawCode, _, rawErr) = CliRunner.Run("run", file, "--out", Path.Combine(dir, "n.raw"));

        Assert.True(code == 0, err);
        Assert.True(rawCode == 0, rawErr);
        Assert.Equal("frequency,onoise_spectrum,inoise_spectrum", File.ReadLines(Path.Combine(dir, "n.noise.csv")).First());
        Assert.Equal("onoise_total,inoise_total", File.ReadLines(Path.Combine(dir, "n.noisetotal.csv")).First());
        var plots = RawFileReader.Read(Path.Combine(dir, "n.raw"));
        Assert.Equal(["Noise Spectral Density Curves", "Integrated Noise"], plots.Select(p => p.Name));
        Assert.Equal(["frequency", "onoise_spectrum", "inoise_spectrum"], plots[0].VectorNames);
        Assert.Equal(["onoise_total", "inoise_total"], plots[1].VectorNames);
    }

    [Fact]
    public void When_AsciiWithoutRawfile_Expect_ExitTwoNamingTheOption()
    {
        var file = CliRunner.TempFile("rc.cir", Rc);

        var (code, _, err) = CliRunner.Run("run", file, "--ascii");

        Assert.Equal(2, code);
        Assert.Contains("--ascii", err);
    }

    [Fact]
    public void When_MeasNamesMissingVector_Expect_FileLineColumnExitTwoAndNoFiles()
    {
        var file = CliRunner.TempFile("rc.cir", Rc.Replace("targ v(out)", "targ v(nope)", StringComparison.Ordinal));
        var raw = Path.Combine(Path.GetDirectoryName(file)!, "results.raw");

        var (code, _, err) = CliRunner.Run("run", file, "--out", raw);

        Assert.Equal(2, code);
        Assert.Contains("rc.cir:8:", err);
        Assert.Contains("no vector v(nope)", err);
        Assert.Single(err.Trim().Split('\n'));
        Assert.Equal([file], Directory.GetFiles(Path.GetDirectoryName(file)!));
    }
}
