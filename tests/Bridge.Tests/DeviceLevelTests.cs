using Hwsim.Bridge.Comparison;
using Hwsim.Bridge.Compiler;
using Hwsim.Bridge.Demos;
using Hwsim.Bridge.Evaluation;
using Hwsim.Circuits.Blocks;
using Hwsim.Circuits.Netlist;
using Hwsim.TestSupport;
using Xunit.Abstractions;

namespace Hwsim.Bridge.Tests;

/// <summary>The device level: one clocked transient, the same in ngspice, within its targets on the small demos.</summary>
public class DeviceLevelTests
{
    private readonly ITestOutputHelper _output;

    public DeviceLevelTests(ITestOutputHelper output) { _output = output; }

    private static (ComparisonCase Case, CompiledNetwork Network) Compile(string demo)
    {
        var c = BridgeDemos.Get(demo).ToCase(RepoFiles.Models);
        return (c, NetworkCompiler.Compile(c.Model, FidelityLevel.Device, c.DeviceProfile));
    }

    /// <summary>
    /// The first steps of device-level lstm-cell (one LSTM step per 10 us period, states on the clocked
    /// sample-and-holds) and the first samples of mlp-xor, in our engine and in ngspice on the same netlist: every
    /// signal at every read time within 5e-3 + 1e-3 of its value (both engines run at reltol 1e-3, and the holds
    /// sample at clock edges each engine steps through differently, a difference the recurrence carries), and each block kind's energy within 1 %.
    /// </summary>
    [NgspiceTheory]
    [InlineData("lstm-cell", 4)]
    [InlineData("mlp-xor", 4)]
    public void When_DeviceLevelRunInBothEngines_Expect_SameSignalsAndEnergy(string demo, int points)
    {
        var (c, network) = Compile(demo);
        var rows = c.Inputs.Take(points).ToList();
        var ours = ClockedEvaluator.Run(network, rows, 10e-6);
        var ngspice = ClockedEvaluator.Run(network, rows, 10e-6, engine: ClockedEngine.Ngspice);
        for (var s = 0; s < network.Signals.Count; s++)
            for (var p = 0; p < rows.Count; p++)
            {
                var d = Math.Abs(ours.Trace.Values[p][s] - ngspice.Trace.Values[p][s]);
                Assert.True(d <= 5e-3 + 1e-3 * Math.Abs(ngspice.Trace.Values[p][s]), $"{demo} {network.Signals[s].Name} step {p}: ours {ours.Trace.Values[p][s]} ngspice {ngspice.Trace.Values[p][s]}");
            }
        foreach (var (kind, energy) in ngspice.Timing.EnergyByKind)
        {
            _output.WriteLine($"{kind}: ngspice {energy:G5} J, ours {ours.Timing.EnergyByKind[kind]:G5} J");
            if (kind == ClockedTransient.ClockKind) continue;   // pJ of gate charge, integrated across edges each engine places differently
            Assert.InRange(ours.Timing.EnergyByKind[kind], energy * 0.99 - 1e-15, energy * 1.01 + 1e-15);
        }
    }

    /// <summary>The exported transient names its clock and phases and runs unchanged in our engine (one .tran, the signal nodes present).</summary>
    [Fact]
    public void When_LstmCellExported_Expect_HeaderClockPwlAndOneTransient()
    {
        var (c, network) = Compile("lstm-cell");
        var text = ClockedTransient.Netlist(network, c.Inputs.Take(3).ToList(), new ClockSchedule(10e-6, 3, network.NeedsClock), controlOutput: "lstm-cell.txt");
        Assert.Contains("* clock: vphi1 (node phi1) and vphi2 (node phi2)", text);
        Assert.Contains("* phase 1", text);
        Assert.Contains("vin0 in0 0 pwl(", text);
        Assert.Contains(".control", text);
        Assert.Contains("wrdata lstm-cell.txt", text);
        var parsed = NetlistReader.Parse(text, "lstm-cell.device.cir");
        Assert.Single(parsed.Analyses);
        Assert.Contains(parsed.ControlLines, l => l.Text.StartsWith("wrdata lstm-cell.txt", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The cheap demos at the device level against the targets: single neurons within 2 % of their output
    /// range, mlp-xor deciding as software on every sample; with the timing columns filled.
    /// </summary>
    [Theory]
    [InlineData("neuron-relu")]
    [InlineData("neuron-sigmoid")]
    [InlineData("neuron-tanh")]
    [InlineData("mlp-xor")]
    public void When_SmallDemoAtDeviceLevel_Expect_Targets(string demo)
    {
        var c = BridgeDemos.Get(demo).ToCase(RepoFiles.Models);
        var r = Comparer.Run(c, FidelityLevel.Device, c.DeviceProfile, device: new DeviceOptions { SweepPeriod = false });
        _output.WriteLine($"{demo}: max {r.OutputMaxAbsError:G3} of range {r.OutputRange:G3}, period {r.Timing!.ClockPeriod:G3} s, settling {r.Timing.SettlingTime:G3} s, {r.Timing.EnergyPerInference:G3} J");
        if (r.Metric == TaskMetric.Accuracy) Assert.True(r.DecisionAgreement >= 0.99, $"{demo}: {r.DecisionAgreement}");
        else Assert.True(r.OutputMaxAbsError <= 0.02 * r.OutputRange, $"{demo}: {r.OutputMaxAbsError} vs range {r.OutputRange}");
        Assert.True(r.Timing.ClockPeriod > 0 && r.Timing.SettlingTime <= r.Timing.ComputeWindow);
        Assert.True(r.Timing.EnergyPerInference > 0);
        Assert.Equal(FidelityLevel.Device, r.Level);
    }

    /// <summary>
    /// The period sweep watches the demo's task metric (mlp-xor: accuracy against its targets over the first points),
    /// or without one the output RMS error against software (neuron-tanh); every period kept as "within 1 %" holds it.
    /// </summary>
    [Theory]
    [InlineData("mlp-xor", "accuracy")]
    [InlineData("neuron-tanh", "output RMS error against software")]
    public void When_PeriodSwept_Expect_TheTaskMetricWatchedAndHeldDownToTheShortestPeriod(string demo, string metric)
    {
        var c = BridgeDemos.Get(demo).ToCase(RepoFiles.Models);
        var r = Comparer.Run(c, FidelityLevel.Device, c.DeviceProfile);
        var t = r.Timing!;
        _output.WriteLine($"{demo}: {t.PeriodSweepMetric}: " + string.Join(", ", t.PeriodSweep.Select(p => $"{p.Period:G3} s -> {p.Metric:G4}")));
        Assert.Equal(metric, t.PeriodSweepMetric);
        Assert.NotNull(t.MinClockPeriod);
        var reference = t.PeriodSweep[0].Metric;
        Assert.Equal(t.ClockPeriod, t.PeriodSweep[0].Period);
        foreach (var (period, value) in t.PeriodSweep.Where(p => p.Period >= t.MinClockPeriod))
            Assert.True(Math.Abs(value - reference) <= 0.01 * Math.Abs(reference) + 1e-12, $"{period} s: {value} against {reference}");
        if (metric == "accuracy") Assert.Equal(1.0, reference);
    }

    /// <summary>A clock period shorter than the measured settling is bad input, with the settling time in the message.</summary>
    [Fact]
    public void When_ClockPeriodTooShort_Expect_ClockPeriodExceptionWithSettling()
    {
        var c = BridgeDemos.Get("mlp-xor").ToCase(RepoFiles.Models);
        var e = Assert.Throws<ClockPeriodException>(() =>
            Comparer.Run(c, FidelityLevel.Device, c.DeviceProfile, device: new DeviceOptions { ClockPeriod = 1e-8, SweepPeriod = false }));
        Assert.Contains("--clock-period", e.Message);
        Assert.Contains("settles in", e.Message);
    }
}
