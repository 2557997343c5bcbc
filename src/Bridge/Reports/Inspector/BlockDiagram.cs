using System.Globalization;
using System.Net;
using System.Text;

namespace Hwsim.Bridge.Reports.Inspector;

/// <summary>
/// The block diagram of a <see cref="HardwareGraph"/> as SVG: signal flow left to right, one column per depth,
/// blocks coloured by kind with their title (what and how many) and the netlist names they drive; wires as curves
/// with arrows, feedback (LSTM states back to their holds) dashed over the top, rails (bias rows, supplies, clocks)
/// as bars along the bottom. Every block is a <c>g</c> element with <c>data-block</c> (its id) and
/// <c>data-kind</c>, so the page can make it clickable.
/// </summary>
public static class BlockDiagram
{
    private const double Width = 176, Height = 60, ColumnGap = 58, RowGap = 22, Margin = 34, Top = 44, RailHeight = 30;

    /// <summary>Fill colours by block kind.</summary>
    private static string Fill(string kind) => kind switch
    {
        "input" => "#e8f1fb",
        "hold" => "#fdebd3",
        "row-driver" => "#eef0f2",
        "crossbar" => "#dcefdc",
        "tia" => "#e9e2f5",
        "activation" => "#fde2e2",
        "multiplier" => "#fff3c4",
        "adder" => "#fff3c4",
        _ => "#f2f2f2",
    };

    public static string Svg(HardwareGraph graph, string? id = null)
    {
        var main = graph.Blocks.Where(b => !b.IsRail).ToList();
        var rails = graph.Blocks.Where(b => b.IsRail).ToList();
        var w = Margin * 2 + graph.Columns * (Width + ColumnGap) - ColumnGap;
        var bodyBottom = Top + graph.Rows * (Height + RowGap) - RowGap;
        var h = bodyBottom + Margin + rails.Count * RailHeight + (rails.Count > 0 ? 10 : 0);
        var sb = new StringBuilder();
        sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"diagram\"");
        if (id is not null) sb.Append(" id=\"").Append(E(id)).Append('"');
        sb.Append(" viewBox=\"0 0 ").Append(F(w)).Append(' ').Append(F(h)).Append("\" width=\"").Append(F(w)).Append("\" height=\"").Append(F(h))
            .Append("\" role=\"img\" aria-label=\"block diagram of the compiled circuit\">")
            .Append("<defs><marker id=\"arrow").Append(E(id ?? "")).Append("\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">")
            .Append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555\"/></marker></defs>");
        var arrow = $"url(#arrow{E(id ?? "")})";
        var byId = graph.Blocks.ToDictionary(b => b.Id);

        // wires first, so that blocks are drawn over them
        var feedbackLane = 0;
        foreach (var e in graph.Edges)
        {
            var (from, to) = (byId[e.From], byId[e.To]);
            if (from.IsRail || to.IsRail) continue;
            var (x1, y1) = (X(from) + Width, Y(from) + Height / 2);
            var (x2, y2) = (X(to), Y(to) + Height / 2);
            if (!e.Feedback && x2 > x1)
            {
                var mid = (x1 + x2) / 2;
                sb.Append("<path class=\"wire\" data-from=\"").Append(from.Id).Append("\" data-to=\"").Append(to.Id).Append("\" d=\"M").Append(F(x1)).Append(',').Append(F(y1))
                    .Append(" C").Append(F(mid)).Append(',').Append(F(y1)).Append(' ').Append(F(mid)).Append(',').Append(F(y2)).Append(' ').Append(F(x2 - 2)).Append(',').Append(F(y2))
                    .Append("\" fill=\"none\" stroke=\"#777\" stroke-width=\"1.3\" marker-end=\"").Append(arrow).Append("\"/>");
            }
            else
            {
                // back over the top: up from the source, left along a lane, down beside the target's column, into its left side
                var k = feedbackLane++ % 4;
                var lane = 8 + 8 * k;
                var (sx, sy) = (X(from) + Width / 2 + 10 + 6 * k, Y(from));
                var (gx, tx, ty) = (X(to) - 8 - 6 * k, X(to), Y(to) + Height / 2 + 8 * k - 12);
                sb.Append("<path class=\"wire feedback\" data-from=\"").Append(from.Id).Append("\" data-to=\"").Append(to.Id).Append("\" d=\"M").Append(F(sx)).Append(',').Append(F(sy))
                    .Append(" L").Append(F(sx)).Append(',').Append(F(lane)).Append(" L").Append(F(gx)).Append(',').Append(F(lane)).Append(" L").Append(F(gx)).Append(',').Append(F(ty))
                    .Append(" L").Append(F(tx - 2)).Append(',').Append(F(ty))
                    .Append("\" fill=\"none\" stroke=\"#c06000\" stroke-width=\"1.3\" stroke-dasharray=\"5 3\" marker-end=\"").Append(arrow).Append("\"/>");
            }
        }

        foreach (var b in main)
        {
            var (x, y) = (X(b), Y(b));
            sb.Append("<g class=\"blk\" tabindex=\"0\" data-block=\"").Append(b.Id).Append("\" data-kind=\"").Append(E(b.Kind)).Append("\" data-layer=\"").Append(E(b.Layer)).Append("\">")
                .Append("<title>").Append(E($"{b.Title} ({b.Layer}): {b.Subtitle}; sub-circuit {b.Subcircuit ?? "(sources)"}; click for its netlist, devices and signals")).Append("</title>")
                .Append("<rect x=\"").Append(F(x)).Append("\" y=\"").Append(F(y)).Append("\" width=\"").Append(F(Width)).Append("\" height=\"").Append(F(Height))
                .Append("\" rx=\"6\" fill=\"").Append(Fill(b.Kind)).Append("\" stroke=\"#456\" stroke-width=\"1\"/>");
            if (b.Members.Count > 1)
                sb.Append("<rect x=\"").Append(F(x + 4)).Append("\" y=\"").Append(F(y - 4)).Append("\" width=\"").Append(F(Width)).Append("\" height=\"").Append(F(Height))
                    .Append("\" rx=\"6\" fill=\"none\" stroke=\"#9ab\" stroke-width=\"1\"/>");
            sb.Append("<text x=\"").Append(F(x + Width / 2)).Append("\" y=\"").Append(F(y + 22)).Append("\" text-anchor=\"middle\" class=\"t\">").Append(E(Clip(b.Title, 24))).Append("</text>")
                .Append("<text x=\"").Append(F(x + Width / 2)).Append("\" y=\"").Append(F(y + 40)).Append("\" text-anchor=\"middle\" class=\"s\">").Append(E(Clip(b.Subtitle, 30))).Append("</text>")
                .Append("<text x=\"").Append(F(x + Width / 2)).Append("\" y=\"").Append(F(y + 54)).Append("\" text-anchor=\"middle\" class=\"l\">").Append(E(Clip(b.Layer, 30))).Append("</text>")
                .Append("</g>");
        }

        for (var k = 0; k < rails.Count; k++)
        {
            var r = rails[k];
            var y = bodyBottom + Margin + 10 + k * RailHeight;
            sb.Append("<g class=\"blk rail\" tabindex=\"0\" data-block=\"").Append(r.Id).Append("\" data-kind=\"").Append(E(r.Kind)).Append("\" data-layer=\"").Append(E(r.Layer)).Append("\">")
                .Append("<title>").Append(E($"{r.Title}: {r.Subtitle}")).Append("</title>");
            var readers = graph.Edges.Where(e => e.From == r.Id).Select(e => byId[e.To]).Where(b => !b.IsRail).ToList();
            foreach (var t in readers)
                sb.Append("<line x1=\"").Append(F(X(t) + Width - 14 - 6 * k)).Append("\" y1=\"").Append(F(y)).Append("\" x2=\"").Append(F(X(t) + Width - 14 - 6 * k)).Append("\" y2=\"").Append(F(Y(t) + Height))
                    .Append("\" stroke=\"#7a7\" stroke-width=\"1\" stroke-dasharray=\"2 2\"/>");
            sb.Append("<line x1=\"").Append(F(Margin)).Append("\" y1=\"").Append(F(y)).Append("\" x2=\"").Append(F(w - Margin)).Append("\" y2=\"").Append(F(y))
                .Append("\" stroke=\"#3a3\" stroke-width=\"3\"/>")
                .Append("<text x=\"").Append(F(Margin + 4)).Append("\" y=\"").Append(F(y - 5)).Append("\" class=\"s\">").Append(E($"{r.Title}: {r.Subtitle}")).Append("</text></g>");
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    private static double X(HardwareBlock b) => Margin + b.Column * (Width + ColumnGap);
    private static double Y(HardwareBlock b) => Top + b.Row * (Height + RowGap);
    private static string F(double x) => x.ToString("0.#", CultureInfo.InvariantCulture);
    private static string E(string s) => WebUtility.HtmlEncode(s);
    private static string Clip(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "\u2026";
}
