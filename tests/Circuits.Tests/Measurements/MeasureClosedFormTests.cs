using Hwsim.Circuits.Measurements;
using Hwsim.Circuits.Netlist;
using Hwsim.Circuits.Results;

namespace Hwsim.Circuits.Tests.Measurements;

/// <summary>
/// Measurements on waveforms whose answers are known in closed form: ramps (crossings, delays, values and
/// integrals exact under linear interpolation and Simpson's rules) and a sampled sine (RMS A/sqrt 2, mean 0,
/// peak-to-peak 2A), without ngspice.
/// </summary>
public sealed class MeasureClosedFormTests
{
    private const double Period = 1e-6;

    /// <summary>Parses the .meas lines over a circuit with nodes a and b, and measures a transient made of the given waveforms.</summary>
    private static IReadOnlyList<MeasureResult> Measure(string lines, double[] time, double[] a, double[] b)
    {
        var netlist = NetlistReader.Parse($"t\nva a 0 1\nvb b 0 1\n.param k=2\n.tran 1n 1u\n{lines}\n.end\n");
        var result = new AnalysisResult(AnalysisKind.Transient, ".tran", new ResultVector("time", time),
            [new ResultVector("v(a)", a), new ResultVector("v(b)", b)]);
        return new MeasurementRunner(netlist.Outputs.Measures, netlist.Parameters).Measure(result);
    }

    private static double[] Grid(int n, double stop) => Enumerable.Range(0, n + 1).Select(i => stop * i / n).ToArray();

    [Fact]
    public void When_RampsMeasured_Expect_ExactCrossingsDelayValuesAndIntegral()
    {
        var t = Grid(100, 1e-6);
        var a = t.Select(x => x * 1e6).ToArray();              // 0 -> 1 V over 1 us
        var b = t.Select(x => (x * 1e6) - 0.25).ToArray();     // the same ramp 250 ns later
        var r = Measure("""
            .meas tran t40 when v(a)=0.4
            .meas tran delay trig v(a) val=0.5 rise=1 targ v(b) val=0.5 rise=1
            .meas tran v33 find v(a) at=0.33u
            .meas tran bwhen find v(b) when v(a)=0.8
            .meas tran area integ v(a)
            .meas tran part integ v(a) from=0.2u to=0.6u
            .meas tran mean avg v(a)
            .meas tran diff find v(a,b) at=0.5u
            .meas tran twice param='k*delay'
            """, t, a, b);
        var v = r.ToDictionary(m => m.Name, m => m.Value!.Value);

        Assert.Equal(0.4e-6, v["t40"], 1e-18);
        Assert.Equal(0.25e-6, v["delay"], 1e-18);
        Assert.Equal(0.33, v["v33"], 1e-12);
        Assert.Equal(0.55, v["bwhen"], 1e-12);
        Assert.Equal(0.5e-6, v["area"], 1e-18);                 // integral of t/1us from 0 to 1 us
        Assert.Equal((0.36 - 0.04) / 2 * 1e-6, v["part"], 1e-18);
        Assert.Equal(0.5, v["mean"], 1e-12);
        Assert.Equal(0.25, v["diff"], 1e-12);
        Assert.Equal(0.5e-6, v["twice"], 1e-18);
    }

    [Fact]
    public void When_SineMeasured_Expect_RmsMeanAndPeakToPeakOfTheSine()
    {
        const double amplitude = 2;
        var t = Grid(400, 2 * Period);                           // two periods, 200 points each, peaks on the grid
        var a = t.Select(x => amplitude * Math.Sin(2 * Math.PI * x / Period)).ToArray();
        var r = Measure("""
            .meas tran rms rms v(a)
            .meas tran mean avg v(a)
            .meas tran pp pp v(a)
            .meas tran top max v(a)
            .meas tran tbottom min_at v(a) from=0 to=1u
            .meas tran rise2 when v(a)=0 rise=2
            .meas tran lastfall when v(a)=1 fall=last
            """, t, a, a);
        var v = r.ToDictionary(m => m.Name, m => m.Value!.Value);

        // ngspice's rules (Simpson's 3/8 on equal steps) integrate sin^2 with h = T/200 to about 2e-7 of the value
        Assert.Equal(amplitude / Math.Sqrt(2), v["rms"], 1e-6);
        Assert.Equal(0, v["mean"], 1e-12);
        Assert.Equal(2 * amplitude, v["pp"], 1e-12);
        Assert.Equal(amplitude, v["top"], 1e-12);
        Assert.Equal(0.75 * Period, v["tbottom"], 1e-18);
        Assert.Equal(Period, v["rise2"], 1e-15);
        // sin = 1/2 on the way down in the second period: 1 + 5/12 periods, linear interpolation between samples
        Assert.Equal(Period * (1 + (5.0 / 12)), v["lastfall"], 2e-10);
    }

    [Fact]
    public void When_EventNeverHappens_Expect_FailureSayingWhyAndOtherResultsKept()
    {
        var t = Grid(10, 1e-6);
        var r = Measure("""
            .meas tran never when v(a)=5
            .meas tran after param='never*2'
            .meas tran fine find v(a) at=0.5u
            """, t, t.Select(x => x * 1e6).ToArray(), t);

        var never = r.Single(m => m.Name == "never");
        Assert.False(never.Succeeded);
        Assert.Equal("\nError: measure  never  when(WHEN) : out of interval\n .meas tran never when v(a)=5 failed!\n", never.Error);
        Assert.Equal("after               =   failed", r.Single(m => m.Name == "after").Line);
        Assert.Equal("fine                =  5.000000e-01", r.Single(m => m.Name == "fine").Line);
    }
}
