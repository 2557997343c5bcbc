using System.Text;
using Hwsim.Circuits.Analyses;

namespace Hwsim.Circuits.Netlist;

/// <summary>
/// Writes a circuit back out as a netlist that ngspice reads unchanged: the title, the models, the flattened devices
/// (sub-circuits already expanded, so names like <c>r.x1.r1</c> and nodes like <c>x1.n1</c> appear as ngspice would
/// name them), the options, initial conditions and node sets, the analyses, and <c>.end</c>.
/// </summary>
public static class NetlistWriter
{
    public static string Write(ParsedNetlist netlist)
    {
        var sb = new StringBuilder();
        sb.Append(string.IsNullOrWhiteSpace(netlist.Title) ? "netlist written by hwsim" : netlist.Title).Append('\n');
        AppendBody(sb, netlist.Circuit);
        if (netlist.GivenOptions.Count > 0)
        {
            sb.Append(".options");
            foreach (var (key, value) in netlist.GivenOptions)
                sb.Append(' ').Append(value.Length == 0 ? key : $"{key}={value}");
            sb.Append('\n');
        }
        AppendNodeValues(sb, ".ic", netlist.InitialConditions);
        AppendNodeValues(sb, ".nodeset", netlist.NodeSets);
        foreach (var a in netlist.Analyses) sb.Append(a.ToNetlist()).Append('\n');
        sb.Append(".end\n");
        return sb.ToString();
    }

    /// <summary>A netlist of a circuit built in code, with the given analyses.</summary>
    public static string Write(string title, Circuit circuit, IEnumerable<Analysis> analyses)
    {
        var sb = new StringBuilder();
        sb.Append(title).Append('\n');
        AppendBody(sb, circuit);
        foreach (var a in analyses) sb.Append(a.ToNetlist()).Append('\n');
        sb.Append(".end\n");
        return sb.ToString();
    }

    private static void AppendBody(StringBuilder sb, Circuit circuit)
    {
        foreach (var e in circuit.Where(e => e is not Component && e.ToNetlist().StartsWith(".model", StringComparison.OrdinalIgnoreCase)))
            sb.Append(e.ToNetlist()).Append('\n');
        // a native memristor is written back as the instance of its sub-circuit, which goes with it
        foreach (var model in circuit.OfType<Devices.Memristor>().Select(m => m.Model).Distinct())
            sb.Append(model.ToSubcircuit());
        foreach (var e in circuit.Where(e => !e.ToNetlist().StartsWith(".model", StringComparison.OrdinalIgnoreCase)))
            sb.Append(e.ToNetlist()).Append('\n');
    }

    private static void AppendNodeValues(StringBuilder sb, string card, Dictionary<string, double> values)
    {
        if (values.Count == 0) return;
        sb.Append(card);
        foreach (var (node, value) in values) sb.Append($" v({node})={NetlistNumber.Format(value)}");
        sb.Append('\n');
    }
}
