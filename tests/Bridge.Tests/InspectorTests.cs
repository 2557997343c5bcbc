using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hwsim.Bridge.Comparison;
using Hwsim.Bridge.Compiler;
using Hwsim.Bridge.Reports;
using Hwsim.Bridge.Reports.Inspector;
using Hwsim.Circuits.Blocks;

namespace Hwsim.Bridge.Tests;

/// <summary>The circuit inspector pages that the report writes beside report.html, read without a browser.</summary>
[Collection("report")]
public class InspectorTests
{
    private readonly ReportFixture _report;

    public InspectorTests(ReportFixture report) { _report = report; }

    private ComparisonResult Result(string demo, FidelityLevel level) => _report.Results.Single(r => r.Demo == demo && r.Level == level);

    private string PagePath(string demo) => Path.Combine(_report.Directory, InspectorPage.FileName(demo));

    private static JsonElement Data(string page)
    {
        var json = Regex.Match(page, "<script type=\"application/json\" id=\"inspector-data\">(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        return JsonDocument.Parse(json).RootElement;
    }

    [Fact]
    public void When_ReportWritten_Expect_AnOfflineInspectorPagePerDemoUnderTwoMegabytes()
    {
        foreach (var demo in _report.Results.Select(r => r.Demo).Distinct())
        {
            var page = File.ReadAllText(PagePath(demo));
            Assert.True(page.Length < 2_000_000, $"{demo}: {page.Length} bytes");
            Assert.Contains("Permission is hereby granted", page); // uPlot's licence travels with it
            Assert.Contains("var uPlot=", page);
            Assert.DoesNotContain("<link", page);
            Assert.DoesNotContain("<img", page);
            Assert.DoesNotContain("data:image", page);
            Assert.DoesNotMatch("<script[^>]* src=", page);
            Assert.DoesNotContain("fetch(", page);
            Assert.Contains($"href=\"{InspectorPage.FileName(demo)}\"", _report.Html);
        }
    }

    /// <summary>The page holds every signal at full precision: exactly the numbers of the per-demo CSV, both ways.</summary>
    [Fact]
    public void When_InspectorDataRead_Expect_ExactlyTheCsvNumbers()
    {
        var data = Data(File.ReadAllText(PagePath("lstm-cell")));
        Assert.Equal("hwsim-inspector/1", data.GetProperty("format").GetString());
        Assert.Equal("step", data.GetProperty("pointKind").GetString());
        foreach (var level in data.GetProperty("levels").EnumerateArray())
        {
            Assert.True(FidelityLevels.TryParse(level.GetProperty("level").GetString()!, out var lv));
            var r = Result("lstm-cell", lv);
            var csv = File.ReadAllLines(Path.Combine(_report.Directory, CompareOutputs.Stem(r) + ".csv"));
            var header = csv[0].Split(',');
            var signals = level.GetProperty("signals");
            for (var s = 0; s < r.Network.Signals.Count; s++)
            {
                var sig = signals[s];
                Assert.Equal(r.Network.Signals[s].Name, sig.GetProperty("name").GetString());
                var sw = Array.IndexOf(header, r.Network.Signals[s].Name + ":software");
                for (var p = 0; p < r.Software.Points; p++)
                {
                    var row = csv[p + 1].Split(',');
                    var swValues = sig.TryGetProperty("swLevel", out var from)
                        ? data.GetProperty("levels")[from.GetInt32()].GetProperty("signals")[s].GetProperty("sw")
                        : sig.GetProperty("sw");
                    Assert.Equal(double.Parse(row[sw], CultureInfo.InvariantCulture), swValues[p].GetDouble());
                    Assert.Equal(double.Parse(row[sw + 1], CultureInfo.InvariantCulture), sig.GetProperty("ck")[p].GetDouble());
                }
            }
            // then the inputs, then the holds: the previous step's h and c
            var holds = signals.EnumerateArray().Where(x => x.GetProperty("kind").GetString() == "Hold").ToList();
            Assert.Equal(r.Network.States.Count, holds.Count);
            Assert.All(holds, h => Assert.Equal(SignalKindOf(r, h.GetProperty("of").GetInt32()), h.GetProperty("name").GetString()!.Contains(".c_prev[") ? SignalKind.CellState : SignalKind.HiddenState));
            Assert.Equal(r.Network.Inputs.Count, signals.EnumerateArray().Count(x => x.GetProperty("kind").GetString() == "Input"));
        }
    }

    private static SignalKind SignalKindOf(ComparisonResult r, int index) => r.Network.Signals[index].Kind;

    [Fact]
    public void When_LstmGraphBuilt_Expect_TheCellsBlocksInSignalOrderWithFeedbackToTheHolds()
    {
        var graph = HardwareGraph.Build(Result("lstm-cell", FidelityLevel.Macro).Network);
        HardwareBlock Kind(string kind, string? contains = null) => graph.Blocks.Single(b => b.Kind == kind && (contains is null || b.Subtitle.Contains(contains, StringComparison.Ordinal)));
        Assert.Equal(0, Kind("input").Column);
        Assert.Equal(2, graph.Blocks.Count(b => b.Kind == "hold" && b.Column == 0));
        Assert.Equal(1, Kind("row-driver").Column);
        Assert.Equal(2, Kind("crossbar").Column);
        Assert.Equal(3, Kind("tia").Column);
        Assert.Equal(4, Kind("activation", "lstm.l0.i[0]").Column);
        Assert.Equal(6, Kind("adder").Column);
        var h = graph.Blocks.Single(b => b.Kind == "multiplier" && b.Subtitle.StartsWith("lstm.l0.h[0]", StringComparison.Ordinal));
        Assert.Equal(8, h.Column);
        Assert.Equal(9, graph.Columns);
        Assert.Equal(2, graph.Edges.Count(e => e.Feedback));
        Assert.Contains(graph.Edges, e => e.Feedback && e.From == h.Id && graph.Blocks.Single(b => b.Id == e.To).Title.StartsWith("h hold", StringComparison.Ordinal));
        Assert.All(graph.Blocks.Where(b => b.Kind == "bias"), b => Assert.True(b.IsRail));
        // every part of the netlist is in exactly one block
        Assert.Equal(Result("lstm-cell", FidelityLevel.Macro).Network.Parts.Count, graph.Blocks.Sum(b => b.Members.Count));
    }

    [Fact]
    public void When_MlpGraphBuilt_Expect_LayersLeftToRight()
    {
        var graph = HardwareGraph.Build(Result("mlp-shapes", FidelityLevel.Macro).Network);
        var kinds = graph.Blocks.Where(b => !b.IsRail).OrderBy(b => b.Column).Select(b => b.Kind);
        Assert.Equal(new[] { "input", "row-driver", "crossbar", "tia", "activation", "row-driver", "crossbar", "tia" }, kinds);
        Assert.Equal("inputs \u00d764", graph.Blocks[0].Title);
    }

    /// <summary>A crossbar shows what its rows read and what its TIAs give; a gate's activation its pre-activation and the gate.</summary>
    [Fact]
    public void When_BlocksProbed_Expect_CrossbarAndGateSignals()
    {
        var data = Data(File.ReadAllText(PagePath("lstm-cell")));
        var level = data.GetProperty("levels").EnumerateArray().First(l => l.GetProperty("level").GetString() == "macro");
        var names = level.GetProperty("signals").EnumerateArray().Select(s => s.GetProperty("name").GetString()!).ToList();
        List<string> Names(JsonElement block, string which) => block.GetProperty(which).EnumerateArray().Select(i => names[i.GetInt32()]).ToList();
        var blocks = level.GetProperty("blocks").EnumerateArray().ToList();
        var crossbar = blocks.Single(b => b.GetProperty("kind").GetString() == "crossbar");
        Assert.Equal(new[] { "input[0]", "input[1]", "lstm.l0.h_prev[0]", "lstm.l0.h_prev[1]" }, Names(crossbar, "in").OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal(8, Names(crossbar, "out").Count);
        Assert.All(Names(crossbar, "out"), n => Assert.Matches(@"^lstm\.l0\.z[ifgo]\[\d\]$", n));
        Assert.True(crossbar.GetProperty("crossbar").GetProperty("gplus").GetArrayLength() == 8);
        var gate = blocks.Single(b => Names(b, "out").Contains("lstm.l0.i[0]"));
        Assert.Equal(new[] { "lstm.l0.zi[0]", "lstm.l0.zi[1]" }, Names(gate, "in"));
        Assert.Equal("sigmoid", gate.GetProperty("curve").GetString());
        Assert.True(level.GetProperty("curves").GetProperty("sigmoid").GetProperty("x").GetArrayLength() > 10);
        Assert.Contains(".subckt act_sigmoid", gate.GetProperty("definition").GetProperty("text").GetString());
        Assert.Contains("xa_lstm_l0_i0 lstm_l0_z0 lstm_l0_i0 act_sigmoid", gate.GetProperty("instances").GetProperty("text").GetString());
    }

    [Fact]
    public void When_DiagramDrawn_Expect_EveryBlockClickableWithTheNetlistNames()
    {
        var page = File.ReadAllText(PagePath("lstm-cell"));
        foreach (var level in new[] { "ideal", "macro" })
            Assert.Contains($"<div class=\"diagram-wrap\" data-level=\"{level}\"><svg", page);
        var graph = HardwareGraph.Build(Result("lstm-cell", FidelityLevel.Macro).Network);
        var svg = BlockDiagram.Svg(graph);
        foreach (var b in graph.Blocks) Assert.Contains($"data-block=\"{b.Id}\"", svg);
        Assert.Contains("lstm_l0_fc0", svg);
        Assert.Contains("lstm.l0.h[0]", svg);
        Assert.Equal(2, Regex.Matches(svg, "class=\"wire feedback\"").Count);
        // well-formed XML
        System.Xml.Linq.XDocument.Parse(svg);
    }
}
