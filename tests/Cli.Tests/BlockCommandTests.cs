using System.Globalization;

namespace Hwsim.Cli.Tests;

/// <summary>The contract of <c>hwsim block</c>: the list, the summary and error report, CSV columns, plots, exit codes.</summary>
public class BlockCommandTests
{
    private static string TempDir() => Directory.CreateTempSubdirectory("hwsim-block").FullName;

    [Fact]
    public void When_NoName_Expect_TheTenBlocksListedByName()
    {
        var (code, output, _) = CliRunner.Run("block");

        Assert.Equal(0, code);
        foreach (var name in new[] { "crossbar", "tia", "tanh", "sigmoid", "relu", "multiplier", "adder", "sample-hold", "dac", "adc" })
            Assert.Contains($"  {name} ", output);
    }

    [Fact]
    public void When_OneInputBlockAtDefaultLevel_Expect_DeviceSummaryErrorsCsvNetlistAndPlot()
    {
        var dir = TempDir();
        var csv = Path.Combine(dir, "tanh.csv");
        var cir = Path.Combine(dir, "tanh.cir");
        var png = Path.Combine(dir, "tanh.png");

        var (code, output, err) = CliRunner.Run("block", "tanh", "--csv", csv, "--netlist", cir, "--plot", png);

        Assert.True(code == 0, err);
        Assert.Contains("block tanh (device)", output);
        Assert.Contains("sub-circuit  tanh_device in out", output);
        Assert.Contains("2 BJTs", output);
        Assert.Contains("max ", output);
        Assert.Contains("rms ", output);
        Assert.Contains("within", output);
        var lines = File.ReadAllLines(csv);
        Assert.Equal("input,ideal,circuit", lines[0]);
        Assert.Equal(62, lines.Length);
        foreach (var line in lines.Skip(1))
        {
            var v = line.Split(',').Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(Math.Tanh(v[0]), v[1], 12); // the ideal column is exactly f(input), in values
            Assert.Equal(v[1], v[2], 0.02);
        }
        Assert.StartsWith("tanh block, device level", File.ReadAllText(cir));
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, File.ReadAllBytes(png).Take(4).ToArray());
    }

    [Fact]
    public void When_TwoInputBlock_Expect_FourCsvColumnsAndAnSvgPlot()
    {
        var dir = TempDir();
        var csv = Path.Combine(dir, "mul.csv");
        var svg = Path.Combine(dir, "mul.svg");

        var (code, _, err) = CliRunner.Run("block", "multiplier", "--level", "ideal", "--csv", csv, "--plot", svg);

        Assert.True(code == 0, err);
        var lines = File.ReadAllLines(csv);
        Assert.Equal("input1,input2,ideal,circuit", lines[0]);
        var v = lines[5].Split(',').Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(v[0] * v[1], v[2], 15);
        Assert.Contains("<svg", File.ReadAllText(svg));
    }

    [Theory]
    [InlineData("tia", "macro")]
    [InlineData("adder", "macro")]
    [InlineData("dac", "macro")]
    [InlineData("crossbar", "device")]
    [InlineData("sample-hold", "device")]
    public void When_NoLevelGiven_Expect_DeviceOrTheHighestLevel(string block, string level)
    {
        var (code, output, err) = CliRunner.Run("block", block);

        Assert.True(code == 0, err);
        Assert.Contains($"block {block} ({level})", output);
    }

    [Fact]
    public void When_UnknownBlock_Expect_ExitTwoNamingTheBlocks()
    {
        var (code, _, err) = CliRunner.Run("block", "flux-capacitor");

        Assert.Equal(2, code);
        Assert.Contains("unknown block 'flux-capacitor'", err);
        Assert.Contains("sample-hold", err);
    }

    [Fact]
    public void When_LevelTheBlockLacks_Expect_ExitTwoNamingItsLevels()
    {
        var (code, _, err) = CliRunner.Run("block", "tia", "--level", "device");

        Assert.Equal(2, code);
        Assert.Contains("no device level", err);
        Assert.Contains("ideal, macro", err);
    }

    [Fact]
    public void When_LevelMisspelt_Expect_ExitTwo()
    {
        var (code, _, _) = CliRunner.Run("block", "tanh", "--level", "transistor");

        Assert.Equal(2, code);
    }
}
