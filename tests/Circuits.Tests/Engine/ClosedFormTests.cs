using Hwsim.Circuits;
using Hwsim.Circuits.Analyses;
using Hwsim.Circuits.Devices;

namespace Hwsim.Circuits.Tests.Engine;

/// <summary>Results against textbook closed forms (independent of any simulator).</summary>
public class ClosedFormTests
{
    [Fact]
    public void When_DividerSolved_Expect_RatioOfResistances()
    {
        var ckt = new Circuit(
            new VoltageSource("V1", "in", "0", 10),
            new Resistor("R1", "in", "out", 3e3),
            new Resistor("R2", "out", "0", 7e3));
        var r = new OperatingPointAnalysis().Run(ckt);
        Assert.Equal(7.0, r.Value("v(out)"), 12);
        Assert.Equal(-1e-3, r.Value("i(v1)"), 15);   // current flows out of the + terminal: negative, as in SPICE
    }

    [Fact]
    public void When_CurrentSourceFeedsResistor_Expect_OhmsLawWithSpiceSign()
    {
        // I1 0 n 1m: current flows from node 0 through the source into n.
        var ckt = new Circuit(new CurrentSource("I1", "0", "n", 1e-3), new Resistor("R1", "n", "0", 2e3));
        Assert.Equal(2.0, new OperatingPointAnalysis().Run(ckt).Value("v(n)"), 12);
    }

    [Fact]
    public void When_RcStepSimulated_Expect_ExponentialChargeWithinTruncationTolerance()
    {
        const double r = 1e3, c = 1e-9, tau = r * c;
        var ckt = new Circuit(
            new VoltageSource("V1", "in", "0", new PulseWaveform(0, 1, 0, 1e-12, 1e-12, 1, 2)),
            new Resistor("R1", "in", "out", r),
            new Capacitor("C1", "out", "0", c));
        var result = new TransientAnalysis(1e-8, 5 * tau).Run(ckt);
        var time = result["time"].Real;
        var v = result["v(out)"].Real;
        var worst = 0.0;
        for (var i = 0; i < time.Length; i++)
            if (time[i] > 1e-10)
                worst = Math.Max(worst, Math.Abs(v[i] - (1 - Math.Exp(-(time[i] - 1e-12) / tau))));
        // trapezoidal with reltol 1e-3 LTE control: a few parts in 1e3 of the 1 V step
        Assert.True(worst < 3e-3, $"worst deviation {worst}");
    }

    [Fact]
    public void When_SeriesRlcSwept_Expect_CurrentPeakAtResonance()
    {
        const double l = 10e-3, c = 100e-9, rr = 10;
        var f0 = 1 / (2 * Math.PI * Math.Sqrt(l * c));
        var ckt = new Circuit(
            new VoltageSource("V1", "in", "0", 0) { AcMagnitude = 1, HasAc = true },
            new Resistor("R1", "in", "a", rr),
            new Inductor("L1", "a", "b", l),
            new Capacitor("C1", "b", "0", c));
        var result = new AcAnalysis(AcSweepType.Linear, 2001, f0 * 0.9, f0 * 1.1).Run(ckt);
        var f = result["frequency"].Real;
        var i = result["i(l1)"].Complex!;
        var peak = Enumerable.Range(0, f.Length).MaxBy(k => i[k].Magnitude);
        Assert.InRange(f[peak], f0 * (1 - 1e-4), f0 * (1 + 1e-4));
        Assert.Equal(1 / rr, i[peak].Magnitude, 4);
    }

    [Fact]
    public void When_TwoSourcesAct_Expect_SuperpositionOfEachAlone()
    {
        Circuit Build(double v1, double i1) => new(
            new VoltageSource("V1", "a", "0", v1),
            new Resistor("R1", "a", "m", 1e3),
            new Resistor("R2", "m", "0", 2.2e3),
            new Resistor("R3", "m", "b", 4.7e3),
            new CurrentSource("I1", "0", "b", i1),
            new Resistor("R4", "b", "0", 3.3e3));
        double Vm(double v1, double i1) => new OperatingPointAnalysis().Run(Build(v1, i1)).Value("v(m)");
        Assert.Equal(Vm(5, 0) + Vm(0, 2e-3), Vm(5, 2e-3), 12);
    }
}
