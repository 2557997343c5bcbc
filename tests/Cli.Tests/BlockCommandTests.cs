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

    /// <summary>
    /// The block's inspector page: a schematic with every node of the sub-circuit, and the operating point at every sweep
    /// point, which for the ideal tanh must be out = tanh(in) (Vs = 1 V in the bench), a closed form.
    /// </summary>
    [Fact]
    public void When_BlockInspected_Expect_SchematicAndOperatingPointsThatFollowTheIdealFunction()
    {
        var page = Path.Combine(TempDir(), "tanh.html");
        var (code, output, err) = CliRunner.Run("block", "tanh", "--level", "ideal", "--inspect", page);
        Assert.True(code == 0, err);
        Assert.Contains($"wrote {page}", output);
        var html = File.ReadAllText(page);
        Assert.Contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"schematic\"", html);
        Assert.Contains("data-node=\"in\"", html);
        Assert.Contains("data-node=\"out\"", html);
        Assert.Contains("Permission is hereby granted", html);
        Assert.DoesNotMatch("<script[^>]* src=", html);
        var json = System.Text.RegularExpressions.Regex.Match(html, "<script type=\"application/json\" id=\"block-data\">(.*?)</script>",
            System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        var data = System.Text.Json.JsonDocument.Parse(json).RootElement;
        var input = data.GetProperty("nodes").GetProperty("in").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var outputV = data.GetProperty("nodes").GetProperty("out").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.Equal(61, input.Length);
        for (var k = 0; k < input.Length; k++) Assert.Equal(Math.Tanh(input[k]), outputV[k], 1e-9);
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
