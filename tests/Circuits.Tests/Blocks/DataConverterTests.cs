using System.Globalization;
using Hwsim.Circuits.Blocks;
using Hwsim.Circuits.Netlist;

namespace Hwsim.Circuits.Tests.Blocks;

public sealed class DataConverterTests
{
    [Fact]
    public void When_TwoBitDac_Expect_FourLevelsIncludingBothEnds()
    {
        var dac = new DataConverter(ConverterKind.Dac, 2);

        Assert.Equal(new[] { -1.0, -1.0 / 3, 1.0 / 3, 1.0 }, Enumerable.Range(0, 4).Select(dac.ValueOf).ToArray(), new ToleranceComparer(1e-15));
        Assert.Equal(0, dac.Code(-1));
        Assert.Equal(3, dac.Code(1));
        Assert.Equal(3, dac.Code(7));
        Assert.Equal(1, dac.Code(-0.1));
        Assert.Equal(2.0 / 3, dac.Step, 15);
    }

    [Fact]
    public void When_TwoBitAdc_Expect_FourBinsReadAtTheirCentres()
    {
        var adc = new DataConverter(ConverterKind.Adc, 2);

        Assert.Equal(new[] { -0.75, -0.25, 0.25, 0.75 }, Enumerable.Range(0, 4).Select(adc.ValueOf).ToArray());
        Assert.Equal(0, adc.Code(-1));
        Assert.Equal(1, adc.Code(-0.5));
        Assert.Equal(3, adc.Code(1));
        Assert.Equal(0.25, adc.MaxError, 15);
    }

    [Theory]
    [InlineData(ConverterKind.Dac, 3)]
    [InlineData(ConverterKind.Adc, 3)]
    [InlineData(ConverterKind.Dac, 8)]
    [InlineData(ConverterKind.Adc, 8)]
    public void When_ValuesInRangeQuantised_Expect_ErrorWithinHalfAStepAndCodesInRange(ConverterKind kind, int bits)
    {
        var c = new DataConverter(kind, bits, -2, 3);
        var rnd = new Random(bits);
        for (var k = 0; k < 2000; k++)
        {
            var x = -2 + 5 * rnd.NextDouble();
            Assert.InRange(c.Code(x), 0, c.Levels - 1);
            Assert.True(Math.Abs(c.Quantize(x) - x) <= c.MaxError * (1 + 1e-12));
        }
    }

    [Theory]
    [InlineData(ConverterKind.Dac)]
    [InlineData(ConverterKind.Adc)]
    public void When_SubcircuitSwept_Expect_TheFunctionsValues(ConverterKind kind)
    {
        var c = new DataConverter(kind, 3, -1, 2);
        var scale = new SignalScale(0.5);
        var text = "converter\n" + c.ToSubcircuit("q", FidelityLevel.Macro, scale).ToDefinitions()
            + "vx x 0 dc 0\nx1 x y q\n.dc vx -0.6 1.1 0.0123\n.end\n";
        var r = NetlistRun.RunAll(NetlistReader.Parse(text, "q.cir"))[0];
        var x = r["v(x)"].Real;
        var y = r["v(y)"].Real;
        for (var i = 0; i < x.Length; i++) Assert.Equal(c.Quantize(x[i] / 0.5) * 0.5, y[i], 12);
    }

    [Fact]
    public void When_RowDriverWithBits_Expect_ReadVoltagesOfTheDacLevels()
    {
        var driver = ArithmeticBlocks.RowDriver("drv", new SignalScale(), 0.2, bits: 2);
        var dac = new DataConverter(ConverterKind.Dac, 2);
        foreach (var x in new[] { -1.0, -0.5, 0.1, 0.9, 1.0 })
        {
            var text = "driver\n" + driver.ToDefinitions() + string.Create(CultureInfo.InvariantCulture, $"vx x 0 dc {x}\n") + "x1 x p n drv\n.op\n.end\n";
            var r = NetlistRun.RunAll(NetlistReader.Parse(text, "d.cir"))[0];
            Assert.Equal(0.2 * dac.Quantize(x), r.Value("v(p)"), 12);
            Assert.Equal(-0.2 * dac.Quantize(x), r.Value("v(n)"), 12);
        }
    }

    [Fact]
    public void When_IdealLevel_Expect_AWire()
    {
        var s = new DataConverter(ConverterKind.Adc, 4).ToSubcircuit("q", FidelityLevel.Ideal, new SignalScale());
        Assert.Equal("ebuf out 0 in 0 1", Assert.Single(s.Lines));
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= tolerance;
        public int GetHashCode(double obj) => 0;
    }
}
