using System.Numerics;
using Hwsim.Verification;
using Hwsim.Circuits.Results;
using static Hwsim.Circuits.Results.AnalysisKind;
using Hwsim.TestSupport;

namespace Hwsim.Circuits.Tests.Reference;

/// <summary>
/// Every netlist in netlists/engine runs in ngspice 39 as it stands, produces the plots its analysis lines ask for,
/// and means what its comments say: each one's closed-form sanity values hold in ngspice's results.
/// </summary>
public sealed class EngineNetlistsRunInNgspiceTests
{
    /// <summary>Each netlist and the plots it must produce, in netlist order.</summary>
    public static readonly IReadOnlyDictionary<string, AnalysisKind[]> Netlists = new Dictionary<string, AnalysisKind[]>
    {
        ["rc_lowpass.cir"] = [OperatingPoint, Transient],
        ["rlc_series_ac.cir"] = [OperatingPoint, Ac],
        ["diode_rectifier.cir"] = [OperatingPoint, Transient],
        ["diode_iv.cir"] = [DcSweep],
        ["switch_sample_hold.cir"] = [OperatingPoint, Transient],
        ["vcvs_e.cir"] = [OperatingPoint, DcSweep, Ac],
        ["cccs_f.cir"] = [OperatingPoint, DcSweep],
        ["vccs_g.cir"] = [OperatingPoint, Ac],
        ["ccvs_h.cir"] = [OperatingPoint, DcSweep],
        ["subckt_params.cir"] = [OperatingPoint],
        ["transformer.cir"] = [Ac, Transient],
        ["crossbar_4x4.cir"] = [OperatingPoint],
        ["ac_sweeps.cir"] = [OperatingPoint, Ac, Ac, Ac],
        ["tran_gear.cir"] = [Transient],
        ["tran_ic.cir"] = [Transient],
        ["tran_uic.cir"] = [Transient],
        ["source_waveforms.cir"] = [Transient],
        ["dc_sweeps.cir"] = [OperatingPoint, DcSweep, DcSweep, DcSweep],
        ["suffixes_syntax.cir"] = [OperatingPoint],
    };

    /// <summary>ngspice's thermal voltage kT/q at 27 C (its constants: k = 1.38064852e-23, q = 1.6021766208e-19).</summary>
    private const double Vt = 1.38064852e-23 * 300.15 / 1.6021766208e-19;

    private NgspiceRunner? _ngspice;

    // Created on first use: the class also holds tests that run without ngspice.
    private NgspiceRunner Ngspice => _ngspice ??= new NgspiceRunner();

    public static TheoryData<string> NetlistNames => new(Netlists.Keys);

    [Fact]
    public void When_FolderListed_Expect_EveryNetlistRegisteredHere()
    {
        var files = Directory.GetFiles(RepoPaths.EngineNetlists, "*.cir").Select(Path.GetFileName).Order();

        Assert.Equal(Netlists.Keys.Order(), files);
        Assert.True(Netlists.Count >= 16);
    }

    [NgspiceTheory]
    [MemberData(nameof(NetlistNames))]
    public void When_NetlistRunInNgspice_Expect_ItsPlotsWithFiniteSignals(string file)
    {
        var results = Run(file);

        Assert.True(results.InNetlistOrder, "every analysis line sits in the netlist itself");
        Assert.Equal(Netlists[file], results.Plots.Select(p => p.Analysis!.Value));
        foreach (var plot in results.Plots)
        {
            Assert.True(plot.PointCount > 0, $"{plot.Name} has no points");
            Assert.Contains(plot.Signals, v => v.Kind == VectorKind.NodeVoltage);
            Assert.Contains(plot.Signals, v => v.Kind == VectorKind.BranchCurrent);
            Assert.Empty(plot.OtherVectorNames);
            Assert.All(plot.Vectors, v => Assert.True(v.Real.All(double.IsFinite), $"{v.Name} has non-finite values"));
            var scale = plot.Scale?.Name;
            switch (plot.Analysis)
            {
                case OperatingPoint: Assert.Null(scale); break;
                case Transient: Assert.Equal("time", scale); break;
                case Ac: Assert.Equal("frequency", scale); break;
                case DcSweep: Assert.Contains(scale, new[] { "v(v-sweep)", "i(i-sweep)", "res-sweep" }); break;
            }
        }
    }

    [NgspiceFact]
    public void When_RcLowpassStepped_Expect_OneMinusExpOfTau()
    {
        var results = Run("rc_lowpass.cir");
        const double tau = 1e-6, t0 = 10.5e-9; // the middle of the 1 ns edge

        Assert.Equal(0.0, results.Plot(OperatingPoint).Value("v(out)"), 12);
        var tran = results.Plot(Transient);
        Assert.Equal(1 - Math.Exp(-1), At(tran, "v(out)", t0 + tau), 1e-3);
        AssertWaveform(tran, "v(out)", t => t < 10e-9 ? 0 : 1 - Math.Exp(-(t - t0) / tau), 1e-3, t => t <= 10e-9 || t >= 11e-9);
    }

    [NgspiceFact]
    public void When_RlcSwept_Expect_ResonanceAtF0AndTheSeriesFormula()
    {
        var results = Run("rlc_series_ac.cir");
        const double r = 10, l = 1e-3, c = 1e-6;
        var f0 = 1 / (2 * Math.PI * Math.Sqrt(l * c));

        Assert.Equal(0.0, results.Plot(OperatingPoint).Value("v(b)"), 12);
        var ac = results.Plot(Ac);
        Assert.Equal(151, ac.PointCount);
        Complex H(double f) => r / new Complex(r, (2 * Math.PI * f * l) - (1 / (2 * Math.PI * f * c)));
        AssertAc(ac, "v(b)", H);
        AssertAc(ac, "i(v1)", f => -H(f) / r); // the source's current flows out of its + node
        var magnitudes = ac.ComplexValues("v(b)").Select(z => z.Magnitude).ToArray();
        var peak = Array.IndexOf(magnitudes, magnitudes.Max());
        Assert.InRange(ac.Scale!.Real[peak], f0 / 1.05, f0 * 1.05); // within one grid step (50 per decade: 4.7 %)
        Assert.InRange(magnitudes[peak], 0.99, 1.0);
    }

    [NgspiceFact]
    public void When_RectifierRuns_Expect_CrestMinusDiodeDropWithSmallRipple()
    {
        var results = Run("diode_rectifier.cir");

        Assert.Equal(0.0, results.Plot(OperatingPoint).Value("v(out)"), 9);
        var tran = results.Plot(Transient);
        var time = tran.Scale!.Real;
        var vout = tran.RealValues("v(out)");
        var settled = Enumerable.Range(0, time.Count).Where(i => time[i] >= 3e-3).Select(i => vout[i]).ToArray();
        Assert.InRange(settled.Max(), 4.0, 4.5); // 5 V crest less a diode drop of 0.5 .. 1 V at ~20 mA peaks
        Assert.InRange(settled.Max() - settled.Min(), 0.3, 0.5); // ripple ~ Vpeak / (f R C) = 0.43 V
        Assert.True(vout.Zip(tran.RealValues("v(in)")).All(p => p.First <= Math.Max(p.Second, 0) + 4.6), "the output never leads the input by more than the crest");
        Assert.True(vout.Min() >= -1e-3, "the diode blocks: the output never goes negative");
    }

    [NgspiceFact]
    public void When_DiodeSwept_Expect_ShockleyForwardAndBreakdownNearBv()
    {
        var dc = Run("diode_iv.cir").Plot(DcSweep);
        const double isat = 1e-14, n = 1.05;
        var v = dc.Scale!.Real;
        var id = dc.RealValues("i(vd)").Select(i => -i).ToArray(); // the diode's current

        Assert.Equal("v(v-sweep)", dc.Scale.Name);
        Assert.Equal(1081, dc.PointCount);
        // Forward, 0.2 .. 0.5 V: rs drops under 1 uV, so I = is * (exp(V / (n Vt)) - 1) + gmin * V to 1e-4
        // (ngspice puts gmin = 1e-12 S across every junction).
        var forward = Enumerable.Range(0, v.Count).Where(i => v[i] is >= 0.2 and <= 0.5 + 1e-9).ToArray();
        Assert.NotEmpty(forward);
        foreach (var i in forward)
        {
            var expected = (isat * (Math.Exp(v[i] / (n * Vt)) - 1)) + (1e-12 * v[i]);
            Assert.True(Math.Abs(id[i] - expected) <= 1e-4 * expected, $"V = {v[i]}: {id[i]} vs {expected}");
        }

        // Reverse, -9 .. 0 V: only is and gmin (1e-12 S) conduct.
        Assert.All(Enumerable.Range(0, v.Count).Where(i => v[i] is >= -9 and <= 0), i => Assert.InRange(id[i], -1e-10, 1e-12));
        // Breakdown: about ibv = 1 mA at -bv, rising steeply beyond.
        Assert.InRange(-At(dc, "i(vd)", -10), -1.5e-3, -0.5e-3);
        Assert.True(-id[0] > 2e-3, $"at -10.05 V the breakdown current {id[0]} should exceed 2 mA");
        // Monotonic everywhere.
        Assert.True(id.Zip(id.Skip(1)).All(p => p.Second >= p.First));
    }

    [NgspiceFact]
    public void When_SampleAndHoldClocked_Expect_TrackThenHold()
    {
        var results = Run("switch_sample_hold.cir");
        var w = 2 * Math.PI * 1e3;
        var lag = new Complex(1, w * 1e-6); // ron * C = 1 us
        double Vin(double t) => 1 + (0.5 * Math.Sin(w * t));
        double Tracked(double t) => 1 + (0.5 / lag.Magnitude * Math.Sin((w * t) - lag.Phase));

        Assert.Equal(1.0, results.Plot(OperatingPoint).Value("v(hold)"), 9);
        var tran = results.Plot(Transient);
        for (var k = 0; k < 5; k++)
        {
            var track = 150e-6 + (k * 400e-6); // 144 us (144 ron*C) after the closing
            Assert.Equal(Tracked(track), At(tran, "v(hold)", track), 1e-4);

            var open = 206e-6 + (k * 400e-6); // the clock falls through vt - vh = 2 V
            var early = At(tran, "v(hold)", open + 10e-6);
            var late = At(tran, "v(hold)", open + 199e-6);
            Assert.Equal(early, late, 1e-4); // droop through roff is about 0.1 mV
            Assert.Equal(Tracked(open), early, 1e-3); // captured at the opening, give or take one 100 ns step
            Assert.NotEqual(Vin(open + 100e-6), At(tran, "v(hold)", open + 100e-6), 1e-2); // and really held
        }
    }

    [NgspiceFact]
    public void When_VcvsAmplifies_Expect_ClosedLoopGain()
    {
        var results = Run("vcvs_e.cir");
        const double a = 1e5, beta = 0.1;
        const double gain = a / (1 + (a * beta));

        Assert.Equal(0.1 * gain, results.Plot(OperatingPoint).Value("v(out)"), 1e-9); // gain 1e5 in the loop costs digits
        var dc = results.Plot(DcSweep);
        Assert.Equal(21, dc.PointCount);
        AssertPoints(dc, "v(out)", vin => gain * vin);
        AssertPoints(dc, "v(fb)", vin => beta * gain * vin);
        AssertAc(results.Plot(Ac), "v(out)", _ => gain);
    }

    [NgspiceFact]
    public void When_CccsMirrors_Expect_ThreeTimesTheInputCurrent()
    {
        var results = Run("cccs_f.cir");
        var op = results.Plot(OperatingPoint);

        Assert.Equal(3.0, op.Value("v(out)"), 12);
        Assert.Equal(0.1, op.Value("v(b)"), 12);
        Assert.Equal(1e-3, op.Value("i(vsense)"), 15);
        var dc = results.Plot(DcSweep);
        Assert.Equal("i(i-sweep)", dc.Scale!.Name);
        AssertPoints(dc, "v(out)", i => 3 * i * 1e3);
        AssertPoints(dc, "i(vsense)", i => i);
    }

    [NgspiceFact]
    public void When_VccsDrivesRcLoad_Expect_TransconductanceAndPole()
    {
        var results = Run("vccs_g.cir");
        const double gm = 2e-3, rl = 1e3, fc = 1e3;

        Assert.Equal(1.0, results.Plot(OperatingPoint).Value("v(out)"), 9);
        var ac = results.Plot(Ac);
        var source = Complex.FromPolarCoordinates(1, Math.PI / 4);
        AssertAc(ac, "v(out)", f => gm * rl * source / new Complex(1, f / fc));
        Assert.Equal(1e3, ac.Scale!.Real[9], 9);
        var atFc = ac["v(out)"].At(9);
        Assert.Equal(Math.Sqrt(2), atFc.Magnitude, 6);
        Assert.Equal(0.0, atFc.Phase, 6);
    }

    [NgspiceFact]
    public void When_CcvsSensesCurrent_Expect_TransimpedanceTimesCurrent()
    {
        var results = Run("ccvs_h.cir");
        var op = results.Plot(OperatingPoint);

        Assert.Equal(1.0, op.Value("v(out)"), 12);
        Assert.Equal(-1e-3, op.Value("i(h1)"), 15);
        Assert.Equal(2e-3, op.Value("i(vsense)"), 15);
        AssertPoints(results.Plot(DcSweep), "v(out)", i => 500 * i);
    }

    [NgspiceFact]
    public void When_SubcircuitsNested_Expect_DottedNamesAndDividerValues()
    {
        var op = Run("subckt_params.cir").Plot(OperatingPoint);
        var rp = 1 / ((1 / 2.5e3) + (1 / 1e6));
        var vm = 10 * rp / (7.5e3 + rp);

        Assert.Equal(["v(top)", "v(x1.xa.n1)", "v(x1.m)", "v(x1.xb.n1)", "v(out1)", "v(x2.n1)", "v(out2)", "i(vdd)"], op.VectorNames);
        Assert.Equal(8.0, op.Value("v(out2)"), 12);
        Assert.Equal(9.0, op.Value("v(x2.n1)"), 12);
        Assert.Equal(vm, op.Value("v(x1.m)"), 12);
        Assert.Equal(vm / 2, op.Value("v(out1)"), 12);
        Assert.Equal((10 + vm) / 2, op.Value("v(x1.xa.n1)"), 12);
        Assert.Equal(vm * 0.75, op.Value("v(x1.xb.n1)"), 12);
    }

    [NgspiceFact]
    public void When_TransformerDriven_Expect_CoupledInductorRatio()
    {
        var results = Run("transformer.cir");
        const double lp = 1e-3, ls = 4e-3, k = 0.99, rl = 100e3;
        var m = k * Math.Sqrt(lp * ls);
        Complex Ratio(double f)
        {
            var w = 2 * Math.PI * f;
            return 1 / (((lp / m) * new Complex(1, w * ls / rl)) - new Complex(0, w * m / rl));
        }

        var ac = results.Plot(Ac);
        var vp = ac.ComplexValues("v(p)");
        var f = ac.Scale!.Real;
        var expected = new VectorSet("frequency", f).Add("v(s)", f.Select((x, i) => Ratio(x) * vp[i]).ToArray());
        var report = ResultComparer.CompareAc(expected, ac.ToVectorSet().Only("v(s)"));
        Assert.True(report.Passed, report.Message);
        Assert.Equal(1.98, (ac["v(s)"].At(f.Count - 1) / vp[^1]).Magnitude, 3);

        var tran = results.Plot(Transient);
        var last = Enumerable.Range(0, tran.PointCount).Where(i => tran.Scale!.Real[i] >= 200e-6).ToArray();
        var ratio = last.Max(i => tran.Value("v(s)", i)) / last.Max(i => tran.Value("v(p)", i));
        Assert.Equal(Ratio(10e3).Magnitude, ratio, 2);
    }

    [NgspiceFact]
    public void When_CrossbarEvaluated_Expect_DifferentialColumnsNearTheIdealProduct()
    {
        double[][] w =
        [
            [0.5, -0.3, 0.8, 0.0],
            [-0.6, 0.2, 0.1, -0.9],
            [0.4, 0.7, -0.5, 0.3],
            [-0.1, -0.8, 0.6, 1.0],
        ];
        double[] x = [0.3, -0.2, 0.5, 0.1];
        const double gs = 99e-6;
        var op = Run("crossbar_4x4.cir").Plot(OperatingPoint);

        Assert.Equal(4 + 32 + 32 + 8, op.Signals.Count(v => v.Kind == VectorKind.NodeVoltage));
        var ideal = Enumerable.Range(0, 4).Select(j => gs * Enumerable.Range(0, 4).Sum(i => x[i] * w[i][j])).ToArray();
        var scale = ideal.Max(Math.Abs);
        for (var j = 0; j < 4; j++)
        {
            var y = op.Value($"i(vs{j + 1}p)") - op.Value($"i(vs{j + 1}m)");
            Assert.True(Math.Abs(y - ideal[j]) <= 0.01 * scale, $"column {j + 1}: {y} vs ideal {ideal[j]}");
            Assert.NotEqual(ideal[j], y); // the 1 ohm wires do matter, a little
        }
    }

    [NgspiceFact]
    public void When_AcSweptThreeWays_Expect_DecOctLinPlotsInNetlistOrder()
    {
        var results = Run("ac_sweeps.cir");
        var source = Complex.FromPolarCoordinates(2, Math.PI / 6);
        var current = Complex.FromPolarCoordinates(1, -Math.PI / 2);

        Assert.Equal(1.0, results.Plot(OperatingPoint).Value("v(out)"), 12);
        var plots = results.PlotsOf(Ac);
        Assert.Equal([21, 40, 10], plots.Select(p => p.PointCount));
        foreach (var ac in plots)
        {
            AssertAc(ac, "v(out)", f => source / new Complex(1, f / 1e3));
            AssertAc(ac, "v(x)", _ => current);
        }

        Assert.Equal(10.0, plots[1].Scale!.Real[0], 9);
        Assert.Equal(Math.Pow(2, 1.0 / 3), plots[1].Scale!.Real[1] / plots[1].Scale!.Real[0], 9);
        var atFc = plots[2]["v(out)"].At(9);
        Assert.Equal(1e3, plots[2].Scale!.Real[9], 9);
        Assert.Equal(Math.Sqrt(2), atFc.Magnitude, 6);
        Assert.Equal(-15.0, atFc.Phase * 180 / Math.PI, 4);
    }

    [NgspiceFact]
    public void When_GearIntegratesRl_Expect_ClosedFormAndAgreementWithTrapezoidal()
    {
        const double tau = 10e-6;
        var w = 2 * Math.PI * 15.915494309189533e3;
        var gear = Run("tran_gear.cir").Plot(Transient);

        // RL low-pass with sin(w t) from rest at w = 1/tau: v = (sin(w t - 45 deg) + sin(45 deg) exp(-t/tau)) / sqrt(2).
        AssertWaveform(gear, "v(out)", t => (Math.Sin((w * t) - (Math.PI / 4)) + (Math.Sin(Math.PI / 4) * Math.Exp(-t / tau))) / Math.Sqrt(2), 1e-3);

        var text = File.ReadAllText(Path.Combine(RepoPaths.EngineNetlists, "tran_gear.cir"));
        var trapezoidal = Ngspice.RunText(text.Replace(".options method=gear maxord=2", "", StringComparison.Ordinal), RepoPaths.EngineNetlists)
            .Plot(Transient);
        var report = ResultComparer.Compare(gear, trapezoidal);
        Assert.True(report.Passed, report.Message);
    }

    [NgspiceFact]
    public void When_IcGiven_Expect_StartFromIcAndRelaxToDivider()
    {
        var tran = Run("tran_ic.cir").Plot(Transient);

        Assert.Equal(0.2, tran.Value("v(cap)"), 6);
        AssertWaveform(tran, "v(cap)", t => 1 - (0.8 * Math.Exp(-t / 500e-6)), 1e-3);
    }

    [NgspiceFact]
    public void When_UicGiven_Expect_DampedRingingFromTheChargedCapacitor()
    {
        var tran = Run("tran_uic.cir").Plot(Transient);
        const double l = 10e-3, c = 1e-6, r = 10e3;
        var alpha = 1 / (2 * r * c);
        var wd = Math.Sqrt((1 / (l * c)) - (alpha * alpha));

        // With uic ngspice 39 writes no t = 0 point: the first one is its first step (10 ns here).
        Assert.InRange(tran.Scale!.Real[0], 1e-9, 1e-7);
        Assert.Equal(1.0, tran.Value("v(a)"), 5);
        Assert.Equal(0.0, tran.Value("i(l1)"), 5);
        AssertWaveform(tran, "v(a)", t => Math.Exp(-alpha * t) * (Math.Cos(wd * t) - (alpha / wd * Math.Sin(wd * t))), 1e-3);
    }

    [NgspiceFact]
    public void When_SourcesEvaluated_Expect_TheirFormulasAtEveryTimePoint()
    {
        var tran = Run("source_waveforms.cir").Plot(Transient);

        AssertPoints(tran, "v(p)", t => Pulse(t, 0, 2, 10e-6, 5e-6, 5e-6, 20e-6, 60e-6));
        AssertPoints(tran, "v(s)", t => Sine(t, 0.5, 1, 20e3, 10e-6, 5e3, 30));
        AssertPoints(tran, "v(e)", t => Exp(t, 0, 1, 10e-6, 10e-6, 60e-6, 20e-6));
        AssertPoints(tran, "v(w)", t => Pwl(t, (0, 0), (20e-6, 1), (40e-6, 1), (60e-6, -0.5), (100e-6, 0)));
        AssertPoints(tran, "v(q)", t => 1e3 * Pulse(t, 0, 1e-3, 10e-6, 5e-6, 5e-6, 20e-6, 60e-6));
        AssertPoints(tran, "v(r)", t => 1e3 * Sine(t, 0, 1e-3, 10e3, 0, 0, 0));
        AssertPoints(tran, "v(u)", t => 1e3 * Pwl(t, (0, 0), (50e-6, 2e-3), (100e-6, 0)));
        AssertPoints(tran, "v(z)", t => 1e3 * Exp(t, 0, 1e-3, 10e-6, 10e-6, 60e-6, 20e-6));
        foreach (var corner in new[] { 10e-6, 15e-6, 35e-6, 40e-6, 70e-6, 75e-6, 95e-6, 20e-6, 60e-6 })
        {
            Assert.Contains(tran.Scale!.Real, t => Math.Abs(t - corner) < 1e-12); // breakpoints land on the corners
        }
    }

    [NgspiceFact]
    public void When_SweptThreeWays_Expect_SweepNamesAndDividerFormula()
    {
        var results = Run("dc_sweeps.cir");
        static double Out(double v1, double i1, double r2) => ((v1 / 1e3) + i1) / ((1 / 1e3) + (1 / r2));

        Assert.Equal(0.5, results.Plot(OperatingPoint).Value("v(out)"), 12);
        var sweeps = results.PlotsOf(DcSweep);
        Assert.Equal(["v(v-sweep)", "i(i-sweep)", "res-sweep"], sweeps.Select(p => p.Scale!.Name));
        Assert.Equal([6, 9, 4], sweeps.Select(p => p.PointCount));

        AssertPoints(sweeps[0], "v(out)", v1 => Out(v1, 0, 1e3));
        AssertPoints(sweeps[0], "i(v1)", v1 => -(v1 - Out(v1, 0, 1e3)) / 1e3);

        var nested = sweeps[1];
        Assert.Equal([0.0, 0.5e-3, 1e-3, 0.0, 0.5e-3, 1e-3, 0.0, 0.5e-3, 1e-3], nested.Scale!.Real.Select(x => Math.Round(x, 12)));
        Assert.Equal([0.0, 0, 0, 1, 1, 1, 2, 2, 2], nested.RealValues("v(in)"));
        for (var i = 0; i < nested.PointCount; i++)
        {
            Assert.Equal(Out(nested.Value("v(in)", i), nested.Scale.Real[i], 1e3), nested.Value("v(out)", i), 12);
        }

        Assert.Equal([500.0, 1000, 1500, 2000], sweeps[2].Scale!.Real);
        AssertPoints(sweeps[2], "v(out)", r2 => Out(1, 0, r2));
    }

    [NgspiceFact]
    public void When_SuffixesAndContinuationsRead_Expect_TheHandSolvedLadder()
    {
        var op = Run("suffixes_syntax.cir").Plot(OperatingPoint);
        static double Parallel(params double[] r) => 1 / r.Sum(x => 1 / x);
        const double rmil = 1000 * 25.4e-6, rmilli = 2e-3, rx = 3.3e3;
        var rc = rmilli + rx;
        var rb = Parallel(1e9, 1e12, rmil + rc);
        var ra = Parallel(2.2e6, 470 + rb);
        var va = 10 * ra / (1e3 + ra);
        var vb = va * rb / (470 + rb);
        var vc = vb * rc / (rmil + rc);
        var ve = vc * rx / (rmilli + rx);

        var expected = new VectorSet()
            .Add("v(a)", [va]).Add("v(b)", [vb]).Add("v(c)", [vc]).Add("v(d)", [vc]).Add("v(e)", [ve]).Add("v(tap)", [ve / 4])
            .Add("i(v1)", [-(10 - va) / 1e3]);
        var report = ResultComparer.ComparePoints(expected, op.ToVectorSet());
        Assert.True(report.Passed, report.Message);
    }

    private NgspiceResults Run(string file) => Ngspice.Run(Path.Combine(RepoPaths.EngineNetlists, file));

    private static double At(NgspicePlot plot, string vector, double scale) =>
        Interpolation.At(plot.Scale!.Real, plot.RealValues(vector), scale);

    /// <summary>Every point of a real vector against a formula of the scale, by the default point tolerance.</summary>
    private static void AssertPoints(NgspicePlot plot, string vector, Func<double, double> formula)
    {
        var scale = plot.Scale!;
        var expected = new VectorSet(scale.Name, scale.Real).Add(vector, scale.Real.Select(formula).ToArray());
        var report = ResultComparer.ComparePoints(expected, plot.ToVectorSet().Only(vector));
        Assert.True(report.Passed, report.Message);
    }

    /// <summary>A waveform against a formula, on ngspice's own time points, within tol of its peak-to-peak.</summary>
    private static void AssertWaveform(NgspicePlot plot, string vector, Func<double, double> formula, double tol, Func<double, bool>? where = null)
    {
        var time = plot.Scale!.Real;
        var keep = Enumerable.Range(0, time.Count).Where(i => where?.Invoke(time[i]) ?? true).ToArray();
        var t = keep.Select(i => time[i]).ToArray();
        var expected = new VectorSet("time", t).Add(vector, t.Select(formula).ToArray());
        var actual = new VectorSet("time", t).Add(vector, keep.Select(i => plot.RealValues(vector)[i]).ToArray());
        var report = ResultComparer.CompareWaveforms(expected, actual, new WaveformTolerance(tol));
        Assert.True(report.Passed, report.Message);
    }

    /// <summary>Every point of a complex vector against a formula of the frequency, by the default AC tolerance.</summary>
    private static void AssertAc(NgspicePlot plot, string vector, Func<double, Complex> formula)
    {
        var f = plot.Scale!.Real;
        var expected = new VectorSet("frequency", f).Add(vector, f.Select(formula).ToArray());
        var report = ResultComparer.CompareAc(expected, plot.ToVectorSet().Only(vector));
        Assert.True(report.Passed, report.Message);
    }

    private static double Pulse(double t, double v1, double v2, double td, double tr, double tf, double pw, double per)
    {
        if (t < td)
        {
            return v1;
        }

        var u = (t - td) % per;
        return u < tr ? v1 + ((v2 - v1) * u / tr)
            : u <= tr + pw ? v2
            : u < tr + pw + tf ? v2 + ((v1 - v2) * (u - tr - pw) / tf)
            : v1;
    }

    private static double Sine(double t, double vo, double va, double f, double td, double theta, double phaseDeg)
    {
        var phase = phaseDeg * Math.PI / 180;
        return t < td
            ? vo + (va * Math.Sin(phase))
            : vo + (va * Math.Exp(-(t - td) * theta) * Math.Sin((2 * Math.PI * f * (t - td)) + phase));
    }

    private static double Exp(double t, double v1, double v2, double td1, double tau1, double td2, double tau2)
    {
        var v = v1;
        if (t > td1)
        {
            v += (v2 - v1) * (1 - Math.Exp(-(t - td1) / tau1));
        }

        if (t > td2)
        {
            v += (v1 - v2) * (1 - Math.Exp(-(t - td2) / tau2));
        }

        return v;
    }

    private static double Pwl(double t, params (double T, double V)[] corners)
    {
        var ts = corners.Select(c => c.T).ToArray();
        var vs = corners.Select(c => c.V).ToArray();
        return Interpolation.At(ts, vs, t);
    }
}
