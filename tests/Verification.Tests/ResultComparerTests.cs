using System.Numerics;

namespace Hwsim.Verification.Tests;

/// <summary>The comparison utilities on synthetic data (no ngspice needed).</summary>
public sealed class ResultComparerTests
{
    [Fact]
    public void When_OperatingPointsAgreeWithinDefaults_Expect_Passed()
    {
        var reference = new VectorSet().Add("v(out)", [2.5]).Add("i(v1)", [-1e-3]);
        var engine = new VectorSet().Add("V(OUT)", [2.5 * (1 + 5e-7)]).Add("v1#branch", [-1e-3 - 5e-13]);

        var report = ResultComparer.ComparePoints(reference, engine);

        Assert.True(report.Passed, report.Message);
        Assert.StartsWith("PASSED operating point", report.Message);
    }

    [Fact]
    public void When_OneValueOff_Expect_WorstVectorPointAndBothValuesInMessage()
    {
        var reference = new VectorSet("v-sweep", [0.0, 0.5, 1.0]).Add("v(out)", [0.0, 0.25, 0.5]).Add("v(in)", [0.0, 0.5, 1.0]);
        var engine = new VectorSet("v(v-sweep)", [0.0, 0.5, 1.0]).Add("v(out)", [0.0, 0.2501, 0.5]).Add("v(in)", [0.0, 0.5, 1.0]);

        var report = ResultComparer.ComparePoints(reference, engine);

        Assert.False(report.Passed);
        Assert.Equal("v(out)", report.Worst!.Name);
        Assert.Equal(1, report.Worst.Index);
        Assert.Equal(0.25, report.Worst.Expected.Real);
        Assert.Equal(0.2501, report.Worst.Actual.Real);
        Assert.Single(report.Failures);
        Assert.Contains("v(out) at v(v-sweep) = 0.5 (point 1): expected 0.25, actual 0.2501", report.Message);
        Assert.StartsWith("FAILED sweep comparison", report.Message);
    }

    [Fact]
    public void When_CurrentsTiny_Expect_CurrentAbsoluteToleranceNotVoltageOne()
    {
        // 1e-10 apart: within 1 nV for a voltage, but 100 times the 1 pA allowed for a current.
        var reference = new VectorSet().Add("v(a)", [0.0]).Add("i(v1)", [0.0]);
        var engine = new VectorSet().Add("v(a)", [1e-10]).Add("i(v1)", [1e-10]);

        var report = ResultComparer.ComparePoints(reference, engine);

        Assert.False(report.Passed);
        Assert.Equal(["i(v1)"], report.Failures.Select(f => f.Name));
        Assert.InRange(report.Worst!.Ratio, 99.9, 100.0); // 1e-10 / (1e-12 + 1e-6 * 1e-10)
    }

    [Fact]
    public void When_VectorMissing_Expect_FailureNamingIt()
    {
        var reference = new VectorSet().Add("v(a)", [1.0]).Add("v(x1.n1)", [2.0]);
        var engine = new VectorSet().Add("v(a)", [1.0]);

        var report = ResultComparer.ComparePoints(reference, engine);

        Assert.False(report.Passed);
        Assert.Equal(["v(x1.n1)"], report.Missing);
        Assert.Contains("missing from the compared set: v(x1.n1)", report.Message);
    }

    [Fact]
    public void When_SweepLengthsDiffer_Expect_Problem()
    {
        var reference = new VectorSet("v-sweep", [0.0, 1.0]).Add("v(a)", [0.0, 1.0]);
        var engine = new VectorSet("v-sweep", [0.0, 1.0, 2.0]).Add("v(a)", [0.0, 1.0, 2.0]);

        var report = ResultComparer.ComparePoints(reference, engine);

        Assert.False(report.Passed);
        Assert.Contains("point counts differ: reference 2, compared set 3", report.Message);
    }

    [Fact]
    public void When_SweepValuesDiffer_Expect_Problem()
    {
        var reference = new VectorSet("v-sweep", [0.0, 1.0]).Add("v(a)", [0.0, 1.0]);
        var engine = new VectorSet("v-sweep", [0.0, 1.1]).Add("v(a)", [0.0, 1.0]);

        Assert.Contains("scales differ at point 1", ResultComparer.ComparePoints(reference, engine).Message);
    }

    [Fact]
    public void When_NaNInCandidate_Expect_Failure()
    {
        var report = ResultComparer.ComparePoints(new VectorSet().Add("v(a)", [1.0]), new VectorSet().Add("v(a)", [double.NaN]));

        Assert.False(report.Passed);
        Assert.Equal(double.PositiveInfinity, report.Worst!.Ratio);
    }

    [Fact]
    public void When_NothingToCompare_Expect_NotPassed() =>
        Assert.False(ResultComparer.ComparePoints(new VectorSet(), new VectorSet()).Passed);

    [Fact]
    public void When_FailedReportThrown_Expect_ExceptionCarriesReport()
    {
        var report = ResultComparer.ComparePoints(new VectorSet().Add("v(a)", [1.0]), new VectorSet().Add("v(a)", [2.0]));

        var ex = Assert.Throws<VectorMismatchException>(report.ThrowIfFailed);
        Assert.Same(report, ex.Report);
        Assert.Equal(report.Message, ex.Message);
    }

    [Fact]
    public void When_WaveformsSampledDifferently_Expect_InterpolationMakesThemAgree()
    {
        // The same exponential on two different grids: linear interpolation error stays far below 1e-3 of the swing.
        var t1 = Grid(0, 5e-6, 2001);
        var t2 = Grid(0, 5e-6, 1501);
        var reference = new VectorSet("time", t1).Add("v(out)", t1.Select(Rc).ToArray());
        var engine = new VectorSet("time", t2).Add("v(out)", t2.Select(Rc).ToArray());

        foreach (var grid in new[] { WaveformGrid.Reference, WaveformGrid.Union })
        {
            var report = ResultComparer.CompareWaveforms(reference, engine, WaveformTolerance.Default with { Grid = grid });
            Assert.True(report.Passed, report.Message);
        }
    }

    [Fact]
    public void When_WaveformShifted_Expect_WorstNearTheSteepestPart()
    {
        var t = Grid(0, 5e-6, 501);
        var reference = new VectorSet("time", t).Add("v(out)", t.Select(Rc).ToArray());
        var engine = new VectorSet("time", t).Add("v(out)", t.Select(x => Rc(x - 1e-8)).ToArray());

        var report = ResultComparer.CompareWaveforms(reference, engine);

        Assert.False(report.Passed);
        Assert.Equal("time", report.Worst!.ScaleName);
        Assert.InRange(report.Worst.ScaleValue, 0, 2e-8); // the steepest part of 1 - exp(-t/tau) is at t = 0
        Assert.Contains("v(out) at time = ", report.Message);
    }

    [Fact]
    public void When_WaveformToleranceIsPeakToPeakRelative_Expect_OffsetOfFractionPasses()
    {
        var t = Grid(0, 1, 11);
        var reference = new VectorSet("time", t).Add("v(a)", t.Select(x => 10 + (2 * x)).ToArray()); // p-p 2 V
        var engine = new VectorSet("time", t).Add("v(a)", t.Select(x => 10 + (2 * x) + 1.9e-3).ToArray());
        var worse = new VectorSet("time", t).Add("v(a)", t.Select(x => 10 + (2 * x) + 2.1e-3).ToArray());

        Assert.True(ResultComparer.CompareWaveforms(reference, engine).Passed);
        Assert.False(ResultComparer.CompareWaveforms(reference, worse).Passed);
    }

    [Fact]
    public void When_FlatWaveform_Expect_AbsoluteFloorApplies()
    {
        var t = Grid(0, 1, 5);
        var reference = new VectorSet("time", t).Add("v(a)", [1.0, 1, 1, 1, 1]);

        Assert.True(ResultComparer.CompareWaveforms(reference, new VectorSet("time", t).Add("v(a)", [1.0, 1, 1 + 5e-10, 1, 1])).Passed);
        Assert.False(ResultComparer.CompareWaveforms(reference, new VectorSet("time", t).Add("v(a)", [1.0, 1, 1 + 5e-9, 1, 1])).Passed);
    }

    [Fact]
    public void When_CandidateStopsEarly_Expect_TimeRangeProblem()
    {
        var reference = new VectorSet("time", Grid(0, 1, 11)).Add("v(a)", new double[11]);
        var engine = new VectorSet("time", Grid(0, 0.5, 6)).Add("v(a)", new double[6]);

        var report = ResultComparer.CompareWaveforms(reference, engine);

        Assert.False(report.Passed);
        Assert.Contains("does not cover", report.Message);
    }

    [Fact]
    public void When_AcAgreesToRoundOff_Expect_PassedInBothModes()
    {
        var f = new[] { 10.0, 100.0, 1000.0 };
        var h = f.Select(LowPass).ToArray();
        var reference = new VectorSet("frequency", f).Add("v(out)", h);
        var engine = new VectorSet("frequency", f).Add("v(out)", h.Select(z => z * (1 + 1e-9)).ToArray());

        Assert.True(ResultComparer.CompareAc(reference, engine).Passed);
        Assert.True(ResultComparer.CompareAc(reference, engine, new AcTolerance(Mode: AcComparisonMode.MagnitudePhase)).Passed);
    }

    [Fact]
    public void When_AcPhaseOff_Expect_MagnitudePhaseModeReportsPhase()
    {
        var f = new[] { 10.0, 100.0, 1000.0 };
        var h = f.Select(LowPass).ToArray();
        var rotated = h.Select((z, i) => i == 2 ? z * Complex.FromPolarCoordinates(1, 0.01 * Math.PI / 180) : z).ToArray();
        var reference = new VectorSet("frequency", f).Add("v(out)", h);
        var engine = new VectorSet("frequency", f).Add("v(out)", rotated);

        var report = ResultComparer.CompareAc(reference, engine, new AcTolerance(Mode: AcComparisonMode.MagnitudePhase));

        Assert.False(report.Passed);
        Assert.Equal("phase (deg)", report.Worst!.Quantity);
        Assert.Equal(2, report.Worst.Index);
        Assert.Equal(0.01, report.Worst.Error, 9);
        Assert.Contains("v(out) at frequency = 1000 (point 2)", report.Message);
    }

    [Fact]
    public void When_AcPhaseWrapsAround_Expect_NoFalseAlarm()
    {
        var f = new[] { 1.0 };
        var reference = new VectorSet("frequency", f).Add("v(a)", [Complex.FromPolarCoordinates(1, Math.PI - 1e-9)]);
        var engine = new VectorSet("frequency", f).Add("v(a)", [Complex.FromPolarCoordinates(1, -Math.PI + 1e-9)]);

        Assert.True(ResultComparer.CompareAc(reference, engine, new AcTolerance(Mode: AcComparisonMode.MagnitudePhase)).Passed);
    }

    [Fact]
    public void When_AcNearZero_Expect_RealImagModeJudgesAgainstLargestMagnitude()
    {
        // A notch: at the zero the relative error is huge, but against the vector's peak it is negligible.
        var f = new[] { 1.0, 2.0, 3.0 };
        var reference = new VectorSet("frequency", f).Add("v(a)", [new Complex(1, 0), new Complex(1e-12, 0), new Complex(1, 0)]);
        var engine = new VectorSet("frequency", f).Add("v(a)", [new Complex(1, 0), new Complex(-1e-12, 1e-12), new Complex(1, 0)]);

        Assert.True(ResultComparer.CompareAc(reference, engine).Passed);
    }

    [Fact]
    public void When_AcFrequenciesDiffer_Expect_Problem()
    {
        var reference = new VectorSet("frequency", [1.0, 10.0]).Add("v(a)", [Complex.One, Complex.One]);
        var engine = new VectorSet("frequency", [1.0, 11.0]).Add("v(a)", [Complex.One, Complex.One]);

        Assert.Contains("scales differ", ResultComparer.CompareAc(reference, engine).Message);
    }

    [Fact]
    public void When_VectorSetGetsWrongLength_Expect_ArgumentException()
    {
        var set = new VectorSet("time", [0.0, 1.0]);
        Assert.Throws<ArgumentException>(() => set.Add("v(a)", [1.0, 2.0, 3.0]));
        set.Add("v(a)", [1.0, 2.0]);
        Assert.Throws<ArgumentException>(() => set.Add("A", [1.0, 2.0])); // same vector as v(a)
    }

    [Fact]
    public void When_OnlySomeVectorsWanted_Expect_SubsetCompared()
    {
        var reference = new VectorSet().Add("v(a)", [1.0]).Add("v(b)", [2.0]);
        var engine = new VectorSet().Add("v(a)", [1.0]);

        Assert.True(ResultComparer.ComparePoints(reference.Only("a"), engine).Passed);
    }

    private static double Rc(double t) => t <= 0 ? 0 : 1 - Math.Exp(-t / 1e-6);

    private static Complex LowPass(double f) => 1 / new Complex(1, f / 100);

    private static double[] Grid(double start, double stop, int count) =>
        Enumerable.Range(0, count).Select(i => start + ((stop - start) * i / (count - 1))).ToArray();
}
