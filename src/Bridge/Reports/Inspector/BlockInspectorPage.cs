using System.Net;
using System.Text;
using System.Text.Json;
using Hwsim.Circuits.Blocks;
using Hwsim.Circuits.Netlist;
using Hwsim.Circuits.Results;

namespace Hwsim.Bridge.Reports.Inspector;

/// <summary>
/// The inspector page of one building block (<c>hwsim block NAME --inspect FILE.html</c>): its schematic (SVG laid out
/// from its sub-circuit), its bench netlist, its operating point at any point of the characterisation sweep (every
/// node's voltage written on the schematic and in a table), and its transfer curve against the ideal function with
/// the error. One offline file, uPlot embedded with its licence.
/// </summary>
public static class BlockInspectorPage
{
    /// <summary>Runs the bench (once for the node voltages, once for the sweep) and returns the page.</summary>
    public static string Page(BlockBench bench, BlockSweep sweep)
    {
        var results = NetlistRun.RunAll(NetlistReader.Parse(bench.Netlist, $"{bench.Block.Name}.cir"));
        var json = Json(bench, sweep, results[0]);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
            .Append("<title>").Append(E(bench.Block.Name)).Append(" block (").Append(bench.Level.Name()).Append("): inspector (hwsim)</title><style>")
            .Append(InspectorPage.Asset("uPlot.min.css")).Append("</style><style>").Append(InspectorPage.Asset("inspector.css")).Append("</style></head><body>");
        sb.Append("<header><h1>").Append(E(bench.Block.Name)).Append(" <span>block at the ").Append(bench.Level.Name()).Append(" level</span></h1><p>")
            .Append(E(bench.Block.Description)).Append("</p><div class=\"controls\"><label><span id=\"point-kind\">point</span> <input type=\"range\" id=\"point\" min=\"0\" value=\"0\"> ")
            .Append("<input type=\"number\" id=\"point-n\" min=\"0\" value=\"0\"></label><span id=\"point-info\"></span></div></header><main>");
        sb.Append("<div class=\"cols\"><section><h2>Schematic: .subckt ").Append(E(bench.Subcircuit.Name)).Append(' ').Append(E(string.Join(' ', bench.Subcircuit.Ports)))
            .Append("</h2><p class=\"hint\">Laid out from the sub-circuit's cards: nodes (blue: ports) in columns by their distance from the input, each element between the nodes it joins. ")
            .Append("The voltages are the operating point at the chosen point of the sweep.</p><div class=\"diagram-wrap\">").Append(BlockSchematic.Svg(bench.Subcircuit)).Append("</div>")
            .Append("<h3>Operating point</h3><div class=\"probe-wrap\"><table id=\"op\"></table></div></section>");
        sb.Append("<section><h2>Transfer curve against ").Append(E(bench.Block.IdealLabel)).Append("</h2><div id=\"curve\"></div><div id=\"error\"></div>")
            .Append("<pre>").Append(E(string.Join('\n', bench.Summary()))).Append("</pre></section></div>");
        sb.Append("<section><details><summary>Bench netlist (runs unchanged in ngspice)</summary><pre>").Append(E(bench.Netlist)).Append("</pre></details></section></main>");
        sb.Append("<footer>Written by hwsim block. Plots drawn with uPlot 1.6.32 (embedded in this page): <details><summary>its licence</summary><pre>")
            .Append(E(InspectorPage.Asset("uPlot.LICENSE.txt"))).Append("</pre></details></footer>");
        sb.Append("<script>").Append(InspectorPage.Asset("uPlot.iife.min.js")).Append("</script>")
            .Append("<script type=\"application/json\" id=\"block-data\">").Append(json).Append("</script>")
            .Append("<script>").Append(InspectorPage.Asset("block-inspector.js")).Append("</script></body></html>");
        return sb.ToString();
    }

    /// <summary>
    /// The bench's sweep and the voltage of every node of the block at every point of its analysis: ports as the bench
    /// nodes they are wired to (<c>x1</c>'s line), internal nodes as <c>v(x1.NODE)</c>.
    /// </summary>
    private static string Json(BlockBench bench, BlockSweep sweep, AnalysisResult run)
    {
        var x1 = bench.Netlist.Split('\n').FirstOrDefault(l => l.StartsWith("x1 ", StringComparison.OrdinalIgnoreCase))?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("format", "hwsim-block-inspector/1");
            w.WriteString("block", bench.Block.Name);
            w.WriteString("level", bench.Level.Name());
            w.WriteString("scaleName", run.Scale?.Name ?? "point");
            Series(w, "scale", run.Scale?.Real ?? Enumerable.Range(0, run.Points).Select(i => (double)i).ToArray());
            w.WriteStartObject("nodes");
            var nodes = BlockSchematic.Elements(bench.Subcircuit).SelectMany(e => e.Nodes).Concat(bench.Subcircuit.Ports)
                .Where(n => n is not ("0" or "gnd")).Distinct();
            foreach (var node in nodes)
            {
                var port = bench.Subcircuit.Ports.ToList().IndexOf(node);
                var name = port >= 0 && x1 is not null && port + 1 < x1.Length ? $"v({x1[port + 1].ToLowerInvariant()})" : $"v(x1.{node})";
                if (run.TryGet(name, out var v) && v is not null) Series(w, node, v.Real);
            }
            w.WriteEndObject();
            w.WriteStartObject("sweep");
            w.WriteString("xLabel", bench.Block.InputLabel);
            if (bench.Block.Input2Label is { } x2) w.WriteString("x2Label", x2);
            w.WriteString("yLabel", bench.Block.OutputLabel);
            w.WriteString("ideal", bench.Block.IdealLabel);
            w.WriteNumber("maxError", sweep.MaxError);
            w.WriteNumber("bound", sweep.ErrorBound);
            w.WriteBoolean("samePoints", sweep.Points == run.Points);
            Series(w, "x", sweep.Input);
            if (sweep.Input2 is not null) Series(w, "x2", sweep.Input2);
            Series(w, "idealY", sweep.Ideal);
            Series(w, "circuitY", sweep.Circuit);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Series(Utf8JsonWriter w, string name, IEnumerable<double> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            if (double.IsFinite(v)) w.WriteNumberValue(v);
            else w.WriteNullValue();
        }
        w.WriteEndArray();
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
