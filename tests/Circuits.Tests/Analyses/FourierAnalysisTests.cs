using Hwsim.Circuits.Netlist;
using Hwsim.Circuits.Results;
using Hwsim.TestSupport;
using Hwsim.Verification;

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

    /// <summary>
    /// A netlist's <c>.four</c> tables as <c>hwsim run</c> prints them, the same text as <c>ngspice -b</c> prints (a
    /// piecewise-linear source, exact at any time points, so both programs sample the same wave).
    /// </summary>
    [NgspiceFact]
    public void When_FourCardRunInBothEngines_Expect_NgspicesTables()
    {
        const string netlist = """
            fourier of a piecewise-linear wave through a divider
            v1 1 0 pwl(0 0 0.1m 1 0.5m 1 0.6m -0.5 1m 0 1.1m 1 1.5m 1 1.6m -0.5 2m 0)
            r1 1 2 1k
            r2 2 0 3k
            .tran 10u 2m
            .four 1k v(2) v(1,2) i(v1)
            .end
            """;
        var path = Path.Combine(Directory.CreateTempSubdirectory("hwsim-four-").FullName, "four.cir");
        File.WriteAllText(path, netlist + "\n");
        var parsed = NetlistReader.ReadFile(path);
        var ours = new StringWriter { NewLine = "\n" };
        foreach (var result in NetlistRun.RunAll(parsed)) FourierAnalysis.WriteRequested(result, parsed.Outputs.Fouriers, ours);

        var expected = Tables(new NgspiceRunner().RunBatch(path).Output);

        Assert.Equal(3 * 15, expected.Count); // three tables: title, summary, blank, header, rule, ten harmonics
        Assert.Equal(expected, Tables(ours.ToString()));
    }

    /// <summary>The lines from each "Fourier analysis for" through its table, trailing blanks trimmed.</summary>
    private static List<string> Tables(string text)
    {
        var lines = new List<string>();
        var left = 0;
        foreach (var raw in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.StartsWith("Fourier analysis for", StringComparison.Ordinal)) left = 15;
            if (left-- > 0) lines.Add(line);
        }
        return lines;
    }

    [Fact]
    public void When_WaveformShorterThanAPeriod_Expect_Refused()
    {
        var e = Assert.Throws<ArgumentException>(() => FourierAnalysis.Of([0, 1e-4], [0, 1], 1e3));

        Assert.Contains("wavelength longer than time span", e.Message, StringComparison.Ordinal);
    }
}
