using System.Globalization;
using System.Net;
using System.Text;
using Hwsim.Circuits.Blocks;

namespace Hwsim.Bridge.Reports.Inspector;

/// <summary>
/// A schematic of one block's sub-circuit as SVG, laid out from its cards: nodes (ports and internal) as labelled
/// dots in columns by their distance from the first port, each element as a symbol box between the nodes it joins
/// (resistor, capacitor, BJT, diode, sources, controlled sources, op-amp instances), a ground mark where it meets
/// node 0. Every node label carries a <c>data-node</c> attribute and an empty <c>tspan class="v"</c> the page fills
/// with the node's voltage at the chosen operating point.
/// </summary>
public static class BlockSchematic
{
    /// <summary>An element card: name, kind letter, the nodes it connects, the rest of the card.</summary>
    public sealed record Element(string Name, char Kind, IReadOnlyList<string> Nodes, string Rest);

    private const double ColumnWidth = 150, RowHeight = 62, Margin = 40;

    /// <summary>The elements of a sub-circuit's cards (continuation lines joined; models and comments skipped).</summary>
    public static IReadOnlyList<Element> Elements(SubcircuitText sub)
    {
        var cards = new List<string>();
        foreach (var line in sub.Lines)
        {
            if (line.StartsWith('+') && cards.Count > 0) cards[^1] += " " + line[1..];
            else if (line.Length > 0 && !line.StartsWith('*') && !line.StartsWith('.')) cards.Add(line);
        }
        var list = new List<Element>();
        foreach (var card in cards)
        {
            var t = card.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var kind = char.ToLowerInvariant(t[0][0]);
            var count = kind switch
            {
                'e' or 'g' or 's' or 'm' => 4,
                'q' => 3,
                'x' => t.Skip(1).TakeWhile(x => !x.Contains('=')).Count() - 1,
                _ => 2,
            };
            count = Math.Clamp(count, 0, t.Length - 1);
            list.Add(new Element(t[0], kind, t.Skip(1).Take(count).Select(n => n.ToLowerInvariant()).ToList(), string.Join(' ', t.Skip(1 + count))));
        }
        return list;
    }

    /// <summary>The schematic of <paramref name="sub"/>; its nodes are the ports and the internal nodes of its cards.</summary>
    public static string Svg(SubcircuitText sub)
    {
        var elements = Elements(sub);
        bool Ground(string n) => n is "0" or "gnd";
        // node ranks: breadth first from the first port through the elements
        var rank = new Dictionary<string, int>();
        var queue = new Queue<string>();
        if (sub.Ports.Count > 0)
        {
            rank[sub.Ports[0]] = 0;
            queue.Enqueue(sub.Ports[0]);
        }
        while (queue.Count > 0)
        {
            var n = queue.Dequeue();
            foreach (var e in elements.Where(e => e.Nodes.Contains(n)))
                foreach (var m in e.Nodes.Where(m => !Ground(m) && !rank.ContainsKey(m)))
                {
                    rank[m] = rank[n] + 1;
                    queue.Enqueue(m);
                }
        }
        var nodes = sub.Ports.Concat(elements.SelectMany(e => e.Nodes)).Where(n => !Ground(n)).Distinct().ToList();
        var maxRank = rank.Values.DefaultIfEmpty(0).Max();
        foreach (var n in nodes.Where(n => !rank.ContainsKey(n))) rank[n] = maxRank + 1; // not reached from the input: supplies, clocks
        // outputs (the other ports) in the last column
        var last = rank.Values.DefaultIfEmpty(0).Max() + 1;
        foreach (var p in sub.Ports.Skip(1)) rank[p] = Math.Max(rank[p], last);

        // node columns 0, 2, 4 ...; element columns between the nodes they join
        var nodePos = new Dictionary<string, (double X, double Y)>();
        var used = new Dictionary<int, int>();
        double Next(int column) { var r = used.GetValueOrDefault(column); used[column] = r + 1; return Margin + 20 + r * RowHeight; }
        foreach (var n in nodes.OrderBy(n => rank[n]))
            nodePos[n] = (Margin + 2 * rank[n] * ColumnWidth / 2, Next(2 * rank[n]));
        var elementPos = new Dictionary<Element, (double X, double Y)>();
        foreach (var e in elements)
        {
            var ranks = e.Nodes.Where(n => !Ground(n) && rank.ContainsKey(n)).Select(n => rank[n]).DefaultIfEmpty(0).ToList();
            var column = ranks.Min() + ranks.Max();
            if (column % 2 == 0) column += 1;
            elementPos[e] = (Margin + column * ColumnWidth / 2, Next(column) + RowHeight / 3);
        }
        var width = Margin * 2 + Math.Max(nodePos.Values.Concat(elementPos.Values).Select(p => p.X).DefaultIfEmpty(0).Max(), 200) + 80;
        var height = Margin * 2 + used.Values.DefaultIfEmpty(1).Max() * RowHeight + 30;

        var sb = new StringBuilder();
        sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"schematic\" viewBox=\"0 0 ").Append(F(width)).Append(' ').Append(F(height))
            .Append("\" width=\"").Append(F(width)).Append("\" height=\"").Append(F(height)).Append("\" role=\"img\" aria-label=\"schematic of ").Append(E(sub.Name)).Append("\">");
        // wires
        foreach (var e in elements)
        {
            var (ex, ey) = elementPos[e];
            foreach (var n in e.Nodes)
            {
                if (Ground(n))
                {
                    sb.Append("<path d=\"M").Append(F(ex)).Append(',').Append(F(ey + 14)).Append(" v12 m-8,0 h16 m-12,4 h8 m-5,4 h2\" stroke=\"#555\" fill=\"none\"/>");
                    continue;
                }
                var (nx, ny) = nodePos[n];
                sb.Append("<line x1=\"").Append(F(ex)).Append("\" y1=\"").Append(F(ey)).Append("\" x2=\"").Append(F(nx)).Append("\" y2=\"").Append(F(ny))
                    .Append("\" stroke=\"#8a9\" stroke-width=\"1.2\"/>");
            }
        }
        // elements
        foreach (var e in elements)
        {
            var (x, y) = elementPos[e];
            sb.Append("<g class=\"el\" data-element=\"").Append(E(e.Name)).Append("\"><title>").Append(E($"{e.Name} {string.Join(' ', e.Nodes)} {e.Rest}")).Append("</title>")
                .Append("<rect x=\"").Append(F(x - 30)).Append("\" y=\"").Append(F(y - 14)).Append("\" width=\"60\" height=\"28\" rx=\"4\" fill=\"").Append(Fill(e.Kind))
                .Append("\" stroke=\"#456\"/>").Append(Symbol(e.Kind, x, y))
                .Append("<text x=\"").Append(F(x)).Append("\" y=\"").Append(F(y + 26)).Append("\" text-anchor=\"middle\" class=\"en\">").Append(E(Clip(e.Name, 14))).Append("</text></g>");
        }
        // nodes
        foreach (var n in nodes)
        {
            var (x, y) = nodePos[n];
            var port = sub.Ports.Contains(n);
            sb.Append("<g class=\"node\" data-node=\"").Append(E(n)).Append("\"><circle cx=\"").Append(F(x)).Append("\" cy=\"").Append(F(y)).Append("\" r=\"").Append(port ? "6" : "4")
                .Append("\" fill=\"").Append(port ? "#1f77b4" : "#333").Append("\"/><text x=\"").Append(F(x + 8)).Append("\" y=\"").Append(F(y - 7)).Append("\" class=\"nn\">")
                .Append(E(n)).Append(port ? " (port)" : "").Append("<tspan class=\"v\" x=\"").Append(F(x + 8)).Append("\" dy=\"24\"></tspan></text></g>");
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    private static string Fill(char kind) => kind switch
    {
        'r' => "#f3efe2", 'c' => "#e2eef3", 'q' or 'm' => "#fde2e2", 'd' => "#f9e7d0", 'x' => "#e9e2f5",
        'e' or 'g' or 'f' or 'h' or 'b' => "#fff3c4", 'v' or 'i' => "#dcefdc", _ => "#f2f2f2",
    };

    /// <summary>A small glyph of the element kind inside its box.</summary>
    private static string Symbol(char kind, double x, double y)
    {
        string P(string d) => $"<path d=\"M{F(x - 22)},{F(y)} {d}\" fill=\"none\" stroke=\"#333\" stroke-width=\"1.3\"/>";
        return kind switch
        {
            'r' => P("h8 l3,-6 l5,12 l5,-12 l5,12 l5,-12 l3,6 h8"),
            'c' => P("h18 m0,-9 v18 m8,-18 v18 m0,-9 h18"),
            'd' => P("h14 l12,-8 v16 l-12,-8 m12,-8 v16 m0,-8 h18"),
            'q' => $"<circle cx=\"{F(x)}\" cy=\"{F(y)}\" r=\"10\" fill=\"none\" stroke=\"#333\"/>" + P("h14 m8,-7 v14 m0,-4 l8,7 m-8,-13 l8,-7"),
            'x' => $"<path d=\"M{F(x - 12)},{F(y - 10)} v20 l22,-10 z\" fill=\"none\" stroke=\"#333\"/>",
            _ => $"<text x=\"{F(x)}\" y=\"{F(y + 4)}\" text-anchor=\"middle\" class=\"k\">{char.ToUpperInvariant(kind)}</text>",
        };
    }

    private static string F(double x) => x.ToString("0.#", CultureInfo.InvariantCulture);
    private static string E(string s) => WebUtility.HtmlEncode(s);
    private static string Clip(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "\u2026";
}
