using Hwsim.Bridge.Reports;
using Hwsim.Circuits.Blocks;

namespace Hwsim.Bridge.Tests;

public class BlockPlotTests
{
    private static BlockSweep Sweep(string block, FidelityLevel level = FidelityLevel.Ideal) => BlockCatalog.Find(block)!.CreateBench(level).Run();

    [Theory]
    [InlineData("relu", "relu.png")]
    [InlineData("multiplier", "multiplier.png")]
    [InlineData("adder", "adder.svg")]
    public void When_SweepPlotted_Expect_AnImageAndNoTemporaryFileLeft(string block, string file)
    {
        var dir = Directory.CreateTempSubdirectory("hwsim-blockplot").FullName;
        var path = Path.Combine(dir, "sub", file);

        BlockPlot.Save(path, Sweep(block));

        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
        var bytes = File.ReadAllBytes(path);
        if (file.EndsWith(".svg")) Assert.Contains("<svg", System.Text.Encoding.UTF8.GetString(bytes));
        else Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes.Take(4).ToArray());
        Assert.True(bytes.Length > 10_000, "a plot with axes, curves and a legend");
    }
}
