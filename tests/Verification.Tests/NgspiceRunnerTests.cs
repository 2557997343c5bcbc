using Hwsim.Circuits.Results;
using Hwsim.TestSupport;

namespace Hwsim.Verification.Tests;

/// <summary>The harness against the real ngspice 39: plots, vector names, failures, timeouts.</summary>
public sealed class NgspiceRunnerTests
{
    private const string FourAnalyses = """
        four analyses in one deck
        v1 in 0 dc 1 ac 1 pulse(0 1 1u 1u 1u 5u 10u)
        r1 in out 1k
        c1 out 0 1n
        x1 out mid sub
        i1 0 mid 1m
        .subckt sub a b
        r1 a n1 1k
        v1 n1 b 0
        .ends
        .tran 1u 5u
        .op
        .ac dec 2 1k 1meg
        .dc v1 0 1 0.5
        .end
        """;

    private NgspiceRunner? _runner;

    // Created on first use: the class also holds tests that run without ngspice.
    private NgspiceRunner Runner => _runner ??= new NgspiceRunner();

    [NgspiceFact]
    public void When_DeckHasFourAnalyses_Expect_OnePlotEachInNetlistOrder()
    {
        var results = Runner.RunText(FourAnalyses);

        // ngspice 39 writes AC, DC, OP, TRAN whatever the netlist order; the runner restores the netlist's.
        Assert.True(results.InNetlistOrder);
        Assert.Equal(
            [AnalysisKind.Transient, AnalysisKind.OperatingPoint, AnalysisKind.Ac, AnalysisKind.DcSweep],
            results.Plots.Select(p => p.Analysis));
        Assert.Equal("four analyses in one deck", results.Plots[0].Title);
        Assert.True(results.Elapsed > TimeSpan.Zero);
        Assert.Contains("Circuit: four analyses in one deck", results.Log);
    }

    [NgspiceFact]
    public void When_SubcircuitHasSource_Expect_EngineNames()
    {
        var op = Runner.RunText(FourAnalyses).Plot(AnalysisKind.OperatingPoint);

        Assert.Equal(["v(in)", "v(out)", "v(x1.n1)", "v(mid)", "i(v.x1.v1)", "i(v1)"], op.VectorNames);
        Assert.Null(op.Scale);
        // i1 pushes 1 mA into mid; it returns through x1.v1 (0 V), x1.r1 and r1 into v1.
        Assert.Equal(2.0, op.Value("v(out)"), 12);
        Assert.Equal(3.0, op.Value("v(x1.n1)"), 12);
        Assert.Equal(3.0, op.Value("v(mid)"), 12);
        Assert.Equal(-1e-3, op.Value("i(v.x1.v1)"), 15); // flows from - to + inside the source: negative
    }

    [NgspiceFact]
    public void When_ScalesWritten_Expect_NgspiceScaleNames()
    {
        var results = Runner.RunText(FourAnalyses);

        Assert.Equal("frequency", results.Plot(AnalysisKind.Ac).Scale!.Name);
        Assert.Equal("v(v-sweep)", results.Plot(AnalysisKind.DcSweep).Scale!.Name);
        Assert.Equal("time", results.Plot(AnalysisKind.Transient).Scale!.Name);
        Assert.Equal([0.0, 0.5, 1.0], results.Plot(AnalysisKind.DcSweep).Scale!.Real);
        var ac = results.Plot(AnalysisKind.Ac);
        Assert.True(ac["v(out)"].IsComplex);
        Assert.Equal(1e3, ac.Scale!.Real[0], 6);
        Assert.Equal(1e6, ac.Scale.Real[^1], 3);
    }

    [NgspiceFact]
    public void When_AsciiRawfileAsked_Expect_SameValuesAsBinary()
    {
        var binary = Runner.RunText(FourAnalyses);
        var ascii = new NgspiceRunner { RawFormat = RawFileFormat.Ascii }.RunText(FourAnalyses);

        Assert.Equal(binary.Plots.Count, ascii.Plots.Count);
        for (var p = 0; p < binary.Plots.Count; p++)
        {
            var report = ResultComparer.Compare(binary.Plots[p], ascii.Plots[p],
                new PointTolerance(1e-14, 1e-300, 1e-300), new WaveformTolerance(1e-14, 1e-300, 1e-300), new AcTolerance(1e-14, AbsoluteVoltage: 1e-300, AbsoluteCurrent: 1e-300));
            Assert.True(report.Passed, report.Message);
        }
    }

    [NgspiceFact]
    public void When_ResistorSwept_Expect_ResSweepScale()
    {
        var dc = Runner.RunText("""
            resistor sweep
            v1 in 0 1
            r1 in out 1k
            r2 out 0 1k
            .dc r2 1k 3k 1k
            .end
            """).Plot(AnalysisKind.DcSweep);

        Assert.Equal("res-sweep", dc.Scale!.Name);
        Assert.Equal("res-sweep", dc.Scale.RawType);
        Assert.Equal([1e3, 2e3, 3e3], dc.Scale.Real);
        Assert.Equal(2.0 / 3.0, dc.Value("v(out)", 1), 12);
    }

    [NgspiceFact]
    public void When_CurrentSourceSweptInsideAnother_Expect_FlatPointsInnerFastest()
    {
        var dc = Runner.RunText("""
            nested sweep
            v1 in 0 0
            r1 in out 1k
            r2 out 0 1k
            i1 0 c 0
            rc c 0 1k
            .dc i1 0 2m 1m v1 0 1 1
            .end
            """).Plot(AnalysisKind.DcSweep);

        // Only the inner (first) sweep is a vector; the outer one is seen through its effect.
        Assert.Equal("i(i-sweep)", dc.Scale!.Name);
        Assert.Equal([0.0, 1e-3, 2e-3, 0.0, 1e-3, 2e-3], dc.Scale.Real);
        Assert.Equal([0.0, 0.0, 0.0, 1.0, 1.0, 1.0], dc.RealValues("v(in)"));
        Assert.Equal(2.0, dc.Value("v(c)", 5), 12);
    }

    [NgspiceFact]
    public void When_ElementsHaveBranches_Expect_CurrentsNamedByElement()
    {
        var op = Runner.RunText("""
            branches
            v1 in 0 1
            l1 in a 1m
            ra a 0 1k
            e1 e 0 in 0 2
            re e 0 1k
            h1 h 0 v1 100
            rh h 0 1k
            .op
            .end
            """).Plot(AnalysisKind.OperatingPoint);

        Assert.Contains("i(l1)", op.VectorNames);
        Assert.Contains("i(e1)", op.VectorNames);
        Assert.Contains("i(h1)", op.VectorNames);
        Assert.Equal(1e-3, op.Value("i(l1)"), 12);
    }

    [NgspiceFact]
    public void When_SaveCurrentsAsked_Expect_DeviceQuantitiesKeptApart()
    {
        var op = Runner.RunText("""
            savecurrents
            v1 in 0 1
            r1 in 0 1k
            .options savecurrents
            .op
            .end
            """).Plot(AnalysisKind.OperatingPoint);

        Assert.Equal(["@r1[i]"], op.OtherVectorNames);
        Assert.Equal(VectorKind.DeviceQuantity, op["@r1[i]"].Kind);
        Assert.Equal("i(@r1[i])", op["@r1[i]"].RawName);
        Assert.Equal(1e-3, op.Value("@r1[i]"), 12);
        Assert.DoesNotContain("@r1[i]", op.ToVectorSet().Names);
    }

    [NgspiceFact]
    public void When_NetlistRejected_Expect_NgspiceMessagesInException()
    {
        var ex = Assert.Throws<NgspiceException>(() => Runner.RunText("""
            bad parameter
            v1 in 0 1
            r1 in 0 {nosuchparam}
            .op
            .end
            """));

        Assert.Equal(1, ex.ExitCode);
        Assert.Contains("nosuchparam", ex.Message);
        Assert.False(ex.TimedOut);
    }

    [NgspiceFact]
    public void When_MatrixSingular_Expect_NgspiceException()
    {
        var ex = Assert.Throws<NgspiceException>(() => Runner.RunText("""
            two sources in parallel
            v1 in 0 1
            v2 in 0 2
            r1 in 0 1k
            .op
            .end
            """));

        Assert.Contains("singular", ex.Message);
    }

    [NgspiceFact]
    public void When_NoAnalysis_Expect_NgspiceException()
    {
        var ex = Assert.Throws<NgspiceException>(() => Runner.RunText("""
            nothing to do
            v1 in 0 1
            r1 in 0 1k
            .end
            """));

        Assert.Contains("analysis", ex.Message);
    }

    [NgspiceFact]
    public void When_RunOutlivesTimeout_Expect_KilledAndReported()
    {
        var runner = new NgspiceRunner { Timeout = TimeSpan.FromMilliseconds(300) };
        var ex = Assert.Throws<NgspiceException>(() => runner.RunText("""
            a very long transient
            v1 in 0 sin(0 1 1meg)
            r1 in out 1k
            c1 out 0 1n
            .tran 1p 10m 0 1p
            .end
            """));

        Assert.True(ex.TimedOut);
        Assert.Null(ex.ExitCode);
    }

    [NgspiceFact]
    public void When_TextIncludesRelativeFile_Expect_ResolvedAgainstWorkingDirectory()
    {
        var dir = Directory.CreateTempSubdirectory("hwsim-include-test-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "load.inc"), "r2 out 0 3k\n");
            var op = Runner.RunText("""
                include from the working directory
                v1 in 0 4
                r1 in out 1k
                .include load.inc
                .op
                .end
                """, dir.FullName).Plot(AnalysisKind.OperatingPoint);

            Assert.Equal(3.0, op.Value("v(out)"), 12);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [NgspiceFact]
    public void When_SameAnalysisRepeated_Expect_NetlistOrderRestored()
    {
        // ngspice writes repeated analyses of one type in reverse netlist order (here 4, 3, then 2 sweep points).
        var results = Runner.RunText("""
            three sweeps
            v1 in 0 1
            r1 in 0 1k
            .dc v1 0 1 1
            .op
            .dc v1 0 2 1
            .dc v1 0 3 1
            .end
            """);

        Assert.True(results.InNetlistOrder);
        Assert.Equal(
            [AnalysisKind.DcSweep, AnalysisKind.OperatingPoint, AnalysisKind.DcSweep, AnalysisKind.DcSweep],
            results.Plots.Select(p => p.Analysis));
        Assert.Equal([2, 3, 4], results.PlotsOf(AnalysisKind.DcSweep).Select(p => p.PointCount));
    }

    [NgspiceFact]
    public void When_AnalysisHidesInInclude_Expect_RawfileOrderKept()
    {
        var dir = Directory.CreateTempSubdirectory("hwsim-include-test-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "analysis.inc"), ".dc v1 0 1 1\n");
            var results = Runner.RunText("""
                analysis in an include
                v1 in 0 1
                r1 in 0 1k
                .op
                .include analysis.inc
                .end
                """, dir.FullName);

            Assert.False(results.InNetlistOrder);
            Assert.Equal([AnalysisKind.DcSweep, AnalysisKind.OperatingPoint], results.Plots.Select(p => p.Analysis));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [NgspiceFact]
    public void When_AcLinHasTwoPoints_Expect_NgspiceWritesOnlyOne()
    {
        // A quirk of ngspice 39 that engine comparisons must know about: ".ac lin 2 f1 f2" gives one point (f1).
        var ac = Runner.RunText("""
            ac lin with two points
            v1 in 0 ac 1
            r1 in 0 1k
            .ac lin 2 10 20
            .end
            """).Plot(AnalysisKind.Ac);

        Assert.Equal([10.0], ac.Scale!.Real);
    }

    [NgspiceFact]
    public void When_NetlistFileMissing_Expect_FileNotFound() =>
        Assert.Throws<FileNotFoundException>(() => Runner.Run("/nonexistent/missing.cir"));

    [Fact]
    public void When_ExecutableMissing_Expect_InstallHint()
    {
        var ex = Assert.Throws<NgspiceNotFoundException>(() => new NgspiceRunner("/nonexistent/ngspice"));
        Assert.Contains("apt-get install -y ngspice", ex.Message);
        Assert.Equal("ngspice not found: install it with apt-get install -y ngspice", NgspiceNotFoundException.DefaultMessage);
    }
}
