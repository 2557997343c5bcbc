using System.Net;
using System.Text;
using Hwsim.Bridge.Comparison;
using Hwsim.Bridge.Demos;
using Hwsim.Circuits.Blocks;
using Hwsim.Circuits.Results;

namespace Hwsim.Bridge.Reports.Inspector;

/// <summary>
/// The circuit inspector of <c>hwsim compare</c>: one page per demo, <c>DIR/DEMO.inspector.html</c>, beside report.html.
/// It holds the block diagram of each level (SVG drawn from the compiled network), the data as JSON
/// (<see cref="InspectorData"/>), and its script with the uPlot library embedded with its licence: one file that works
/// offline. Click a block for its signals, transfer curve, conductances and netlist; click a signal for its waveform.
/// </summary>
public static class InspectorPage
{
    /// <summary>The file name of a demo's page.</summary>
    public static string FileName(string demo) => $"{SafeFileName.Of(demo)}.inspector.html";

    /// <summary>Writes one page per demo of <paramref name="results"/>; returns the paths written.</summary>
    public static IReadOnlyList<string> Write(IReadOnlyList<ComparisonResult> results, string directory)
    {
        var written = new List<string>();
        foreach (var demo in results.GroupBy(r => r.Demo))
        {
            var path = Path.Combine(directory, FileName(demo.Key));
            AtomicFile.WriteAllText(path, Page(demo.ToList()));
            written.Add(path);
        }
        return written;
    }

    /// <summary>The page of one demo: its results, one per level (the first is shown first).</summary>
    public static string Page(IReadOnlyList<ComparisonResult> levels)
    {
        var demo = levels[0].Demo;
        var known = BridgeDemos.Find(demo);
        var description = known?.Description ?? "a model file given with --model";
        (int, int)? image = known is { Settings.Image: { Height: > 0, Width: > 0 } im } ? im : null;
        var json = InspectorData.Json(demo, description, levels, image);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
            .Append("<title>").Append(E(demo)).Append(": circuit inspector (hwsim)</title><style>").Append(Asset("uPlot.min.css")).Append("</style><style>")
            .Append(Asset("inspector.css")).Append("</style></head><body>");
        sb.Append("<header><h1>").Append(E(demo)).Append(" <span>circuit inspector</span></h1><p>").Append(E(description)).Append("</p>")
            .Append("<div class=\"controls\"><label>level <select id=\"level\"></select></label>")
            .Append("<label><span id=\"point-kind\">point</span> <input type=\"range\" id=\"point\" min=\"0\" max=\"0\" value=\"0\"> ")
            .Append("<input type=\"number\" id=\"point-n\" min=\"0\" value=\"0\"></label><span id=\"point-info\"></span>")
            .Append("<a href=\"report.html\">report.html</a></div><p id=\"level-facts\"></p></header><main>")
            .Append("<section id=\"timing-section\" hidden><h2>Timing and energy</h2><div id=\"timing\"></div></section>");
        sb.Append("<section><h2>Block diagram</h2><p class=\"hint\">Drawn from the compiled netlist: signal flow left to right, each box a kind of block of one ")
            .Append("layer (\u00d7N: N instances), the netlist names it drives; dashed orange: states carried back to their holds; green bars: rails. ")
            .Append("Click a block. Keys \u2190 \u2192 step through the points.</p>");
        foreach (var r in levels)
        {
            sb.Append("<div class=\"diagram-wrap\" data-level=\"").Append(r.Level.Name()).Append("\">")
                .Append(BlockDiagram.Svg(HardwareGraph.Build(r.Network), "d-" + r.Level.Name())).Append("</div>");
        }
        sb.Append("</section><div class=\"cols\"><section><h2 id=\"block-title\">Block</h2><div id=\"block-body\"></div></section>")
            .Append("<section><h2 id=\"signal-title\">Signal</h2><div class=\"plotbar\"><button id=\"reset-zoom\" type=\"button\">reset zoom</button>")
            .Append("<span id=\"wave-range\"></span></div><div id=\"wave\"></div>")
            .Append("<div id=\"transient-section\" hidden><h2>Clocked transient</h2><div id=\"transient\"></div></div></section></div>");
        if (image is not null)
            sb.Append("<section id=\"images\"><h2>The deep representation</h2><div id=\"images-body\"></div></section>");
        sb.Append("<section><details><summary>Mapping profile of this level</summary><pre id=\"profile\"></pre></details></section></main>");
        sb.Append("<footer>Written by hwsim compare. Plots drawn with uPlot 1.6.32 (embedded in this page): <details><summary>its licence</summary><pre>")
            .Append(E(Asset("uPlot.LICENSE.txt"))).Append("</pre></details></footer>");
        sb.Append("<script>").Append(Asset("uPlot.iife.min.js")).Append("</script>")
            .Append("<script type=\"application/json\" id=\"inspector-data\">").Append(json).Append("</script>")
            .Append("<script>").Append(Asset("inspector.js")).Append("</script></body></html>");
        return sb.ToString();
    }

    /// <summary>An embedded asset of <c>Reports/Assets</c> as text.</summary>
    internal static string Asset(string name)
    {
        using var stream = typeof(InspectorPage).Assembly.GetManifestResourceStream("Hwsim.Bridge.Reports.Assets." + name)
            ?? throw new InvalidOperationException($"asset {name} is not embedded in {typeof(InspectorPage).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        // a script must not close its own tag early
        return reader.ReadToEnd().Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
