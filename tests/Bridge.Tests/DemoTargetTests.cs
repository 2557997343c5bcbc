using Hwsim.Bridge.Comparison;
using Hwsim.Bridge.Demos;
using Hwsim.Circuits.Blocks;
using Xunit.Abstractions;

namespace Hwsim.Bridge.Tests;

/// <summary>The bridge's targets, one test per demo and level (issue 6).</summary>
public class DemoTargetTests
{
    private readonly ITestOutputHelper _output;

    public DemoTargetTests(ITestOutputHelper output) { _output = output; }

    public static TheoryData<string> Demos()
    {
        var data = new TheoryData<string>();
        foreach (var d in BridgeDemos.All) data.Add(d.Name);
        return data;
    }

    private ComparisonResult Run(string demo, FidelityLevel level)
    {
        var c = BridgeDemos.Get(demo).ToCase(RepoFiles.Models);
        var r = Comparer.Run(c, level);
        _output.WriteLine($"{demo} {level}: points {r.Circuit.Points}, output max {r.OutputMaxAbsError:G3} rms {r.OutputRmsError:G3} range {r.OutputRange:G3}, " +
                          $"metric {r.Metric.Name()} sw {r.SoftwareMetric:G4} circuit {r.CircuitMetric:G4} agreement {r.DecisionAgreement:G4}, {r.Elapsed.TotalSeconds:F2} s");
        foreach (var s in r.Signals.OrderByDescending(x => x.MaxAbsError).Take(6))
            _output.WriteLine($"   {s.Signal}: max {s.MaxAbsError:G3} rms {s.RmsError:G3} range {s.Range:G3}");
        return r;
    }

    /// <summary>Ideal level: the compilation is right, so the circuit equals software to 1e-6 of the output range.</summary>
    [Theory]
    [MemberData(nameof(Demos))]
    public void When_IdealLevel_Expect_SoftwareTo1e6OfOutputRange(string demo)
    {
        var r = Run(demo, FidelityLevel.Ideal);
        var range = Math.Max(r.OutputRange, 1e-12);
        Assert.True(r.OutputMaxAbsError <= 1e-6 * range, $"{demo}: max output error {r.OutputMaxAbsError} vs range {range}");
        foreach (var s in r.Signals)
            Assert.True(s.MaxAbsError <= 1e-6 * Math.Max(s.Range, 1), $"{demo}: signal {s.Signal} off by {s.MaxAbsError}");
    }

    /// <summary>
    /// Macro level (8-bit conductances, op-amps of gain 1e5, no variation): classifiers decide as software on at least
    /// 99% of the test set, regressions lose at most 5% RMSE, the other demos stay within 2% of their output range.
    /// </summary>
    [Theory]
    [MemberData(nameof(Demos))]
    public void When_MacroLevel_Expect_TargetsOfTheIssue(string demo)
    {
        var r = Run(demo, FidelityLevel.Macro);
        switch (r.Metric)
        {
            case TaskMetric.Accuracy:
                Assert.True(r.DecisionAgreement >= 0.99, $"{demo}: decisions agree on {r.DecisionAgreement:P2}");
                break;
            case TaskMetric.Rmse:
                Assert.True(r.CircuitMetric <= 1.05 * r.SoftwareMetric, $"{demo}: circuit RMSE {r.CircuitMetric} vs software {r.SoftwareMetric}");
                break;
            default:
                Assert.True(r.OutputMaxAbsError <= 0.02 * r.OutputRange, $"{demo}: max output error {r.OutputMaxAbsError} vs range {r.OutputRange}");
                break;
        }
    }
}
