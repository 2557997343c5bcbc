using Hwsim.Bridge.Reports;

namespace Hwsim.Bridge.Tests;

public class VoltsTests
{
    [Theory]
    [InlineData(0.0139, 0.1, "1.39 mV")]
    [InlineData(4.441e-16, 0.1, "44.4 aV")]
    [InlineData(0.7336, 0.1, "73.4 mV")]
    [InlineData(12.5, 1, "12.5 V")]
    [InlineData(-3.2e-7, 1, "-320 nV")]
    [InlineData(0.0, 0.1, "0 V")]
    [InlineData(1e-22, 1, "1e-22 V")]
    [InlineData(double.NaN, 0.1, "NaN")]
    public void When_ValueFormattedInVolts_Expect_ThreeDigitsAndAnSiPrefix(double value, double voltsPerUnit, string expected) =>
        Assert.Equal(expected, Volts.Of(value, voltsPerUnit));
}
