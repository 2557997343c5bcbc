using Hwsim.Circuits.Results;

namespace Hwsim.Circuits.Tests.Analyses;

/// <summary>
/// ngspice's Fourier sum against closed forms (ngspice itself is held line by line in netlists/control/fourier.cir):
/// sine and cosine phases, DC, a square wave's odd harmonics 4/(pi n), THD, and the last period only.
/// </summary>
public sealed class FourierAnalysisTests
{
    private static (double[] T, double[] V) Sampled(Func<double, double> f, double stop, int points)
    {
        var t = Enumerable.Range(0, points + 1).Select(i => stop * i / points).ToArray();
        return (t, t.Select(f).ToArray());
    }

    [Fact]
    public void When_SineWithOffsetAndCosineHarmonic_Expect_ThemBack()
    {
        // samples on the grid itself: linear interpolation is exact there
        var (t, v) = Sampled(x => 0.3 + 2 * Math.Sin(2 * Math.PI * 1e3 * x) + 0.5 * Math.Cos(2 * Math.PI * 3e3 * x), 2e-3, 400);

        var r = FourierAnalysis.Of(t, v, 1e3);

        Assert.Equal(0.3, r.Magnitude[0], 1e-12);
        Assert.Equal(2, r.Magnitude[1], 1e-12);
        Assert.Equal(0, r.Phase[1], 1e-9);
        Assert.Equal(0.5, r.Magnitude[3], 1e-12);
        Assert.Equal(90, r.Phase[3], 1e-9);
        Assert.Equal(0, r.Magnitude[2], 1e-12);
        Assert.Equal(100 * 0.25, r.ThdPercent, 1e-9);
        Assert.Equal([0, 1e3, 2e3, 3e3, 4e3, 5e3, 6e3, 7e3, 8e3, 9e3], r.Frequency);
    }

    [Fact]
    public void When_SquareWaveAfterAStartTransient_Expect_OddHarmonicsOfTheLastPeriod()
    {
        // a first period of something else: only the last period counts
        var (t, v) = Sampled(x => x < 1e-3 ? 7.0 : Math.Sin(2 * Math.PI * 1e3 * x) >= 0 ? 1.0 : -1.0, 2e-3, 4000);

        var r = FourierAnalysis.Of(t, v, 1e3, harmonics: 6, gridSize: 2000);

        Assert.Equal(0, r.Magnitude[0], 1e-3);
        Assert.Equal(4 / Math.PI, r.Magnitude[1], 2e-3);
        Assert.Equal(4 / (3 * Math.PI), r.Magnitude[3], 2e-3);
        Assert.Equal(4 / (5 * Math.PI), r.Magnitude[5], 2e-3);
        Assert.Equal(0, r.Magnitude[2], 2e-3);
    }

    [Fact]
    public void When_WaveformShorterThanAPeriod_Expect_Refused()
    {
        var e = Assert.Throws<ArgumentException>(() => FourierAnalysis.Of([0, 1e-4], [0, 1], 1e3));

        Assert.Contains("wavelength longer than time span", e.Message, StringComparison.Ordinal);
    }
}
