using System.Text.Json;
using System.Text.RegularExpressions;
using Hwsim.Bridge.Comparison;
using Hwsim.Bridge.Compiler;
using Hwsim.Bridge.Demos;
using Hwsim.Bridge.Evaluation;
using Hwsim.Bridge.Reports.Inspector;
using Hwsim.Circuits.Blocks;

namespace Hwsim.Bridge.Tests;

/// <summary>The inspector at the device level: the clocked circuit's diagram (holds, supplies, clock) and its timing and waveforms.</summary>
public class InspectorDeviceTests
{
    private static ComparisonCase Cell() => BridgeDemos.Get("lstm-cell").ToCase(RepoFiles.Models);

    [Fact]
    public void When_DeviceLstmDrawn_Expect_HoldsFirstFedBackAndSuppliesAndClockAsRails()
    {
        var c = Cell();
        var network = NetworkCompiler.Compile(c.Model, FidelityLevel.Device, c.DeviceProfile);
        var graph = HardwareGraph.Build(network);
        var holds = graph.Blocks.Where(b => b.Kind == "hold").ToList();
        Assert.Equal(new[] { "c hold \u00d72", "h hold \u00d72" }, holds.Select(b => b.Title).Order(StringComparer.Ordinal));
        Assert.All(holds, h => Assert.Equal(0, h.Column));
        Assert.All(holds, h => Assert.Contains(graph.Edges, e => e.Feedback && e.To == h.Id));
        Assert.Contains("lstm_l0_hp0", holds.Single(h => h.Title.StartsWith('h')).Outputs);
        // every supply source and the clock are rails; no block drives phi1 or a supply node but them
        Assert.All(network.Supplies, s => Assert.True(graph.BlockOf(s.Source)!.IsRail, s.Source));
        var clock = graph.Blocks.Single(b => b.Kind == "clock");
        Assert.True(clock.IsRail);
        Assert.Equal(new[] { "phi1", "phi2" }, clock.Outputs);
        Assert.DoesNotContain(graph.Blocks, b => b != clock && b.Outputs.Contains("phi1"));
        Assert.Equal(network.Parts.Count, graph.Blocks.Sum(b => b.Members.Count));
        // the forward flow is acyclic: the multiplier giving h is the last column
        Assert.Equal(graph.Columns - 1, graph.Blocks.Single(b => b.Kind == "multiplier" && b.Subtitle.StartsWith("lstm.l0.h[0]", StringComparison.Ordinal)).Column);
    }

    /// <summary>A short device run: the page's data carries its timing, energy and waveforms (clock phases scaled to 0..1) as measured.</summary>
    [Fact]
    public void When_DeviceLevelInspected_Expect_TimingEnergyAndWaveforms()
    {
        // the clocked run itself (Comparer.Run would first calibrate the period in a second transient)
        var c = Cell();
        var network = NetworkCompiler.Compile(c.Model, FidelityLevel.Device, c.DeviceProfile);
        var rows = c.Inputs.Take(2).ToList();
        var run = ClockedEvaluator.Run(network, rows, 20e-6);
        var r = new ComparisonResult
        {
            Demo = "lstm-cell", Level = FidelityLevel.Device, OutputMaxAbsError = 0, OutputRmsError = 0, OutputRange = 1, Metric = TaskMetric.None,
            Signals = Array.Empty<SignalError>(), Software = SoftwareTracer.Trace(c.Model, network, rows), Circuit = run.Trace, Network = network,
            Inputs = rows, Timing = run.Timing,
        };
        var json = JsonDocument.Parse(InspectorData.Json("lstm-cell", "", new[] { r }, null)).RootElement;
        var level = json.GetProperty("levels")[0];
        Assert.Equal("device", level.GetProperty("level").GetString());
        Assert.Contains("clocked transient", level.GetProperty("evaluation").GetString());
        var timing = level.GetProperty("timing");
        Assert.Equal(20e-6, timing.GetProperty("clockPeriod").GetDouble());
        Assert.Equal(r.Timing!.EnergyPerInference, timing.GetProperty("energyPerInference").GetDouble());
        foreach (var (kind, joules) in r.Timing.EnergyByKind)
            Assert.Equal(joules, timing.GetProperty("energyByKind").GetProperty(kind).GetDouble());
        var wf = level.GetProperty("waveforms");
        var wave = r.Timing.Waveforms!;
        Assert.Equal(wave.Times.Length, wf.GetProperty("time").GetArrayLength());
        Assert.Equal(new[] { "phi1", "phi2" }, wf.GetProperty("clocks").EnumerateArray().Select(x => x.GetProperty("name").GetString()));
        foreach (var clock in wf.GetProperty("clocks").EnumerateArray())
            Assert.All(clock.GetProperty("values").EnumerateArray(), v => Assert.InRange(v.GetDouble(), -0.05, 1.05));
        var c0 = wf.GetProperty("traces").EnumerateArray().Single(t => t.GetProperty("node").GetString() == "lstm_l0_c0").GetProperty("values");
        var column = wave.Names.ToList().IndexOf("lstm_l0_c0");
        for (var k = 0; k < wave.Times.Length; k++) Assert.Equal(wave.Values[k][column], c0[k].GetDouble());
    }
}
