using System.Globalization;
using System.Text;

namespace Hwsim.Verification;

/// <summary>The netlists the engine benchmark times, generated so that any size can be made and checked.</summary>
public static class BenchmarkNetlists
{
    /// <summary>
    /// The operating point of an N x N resistive crossbar: a DC source drives each row, a resistor (10-100 kohm,
    /// seeded) sits at each crossing, 1-ohm wire resistors join neighbouring crossings along every row and column,
    /// and each column ends in 1 kohm to ground. 2N^2 + N unknowns. Element names: vr (row sources), rx (crossings),
    /// rw (row wires), rv (column wires), rl (column loads); SPICE reads an element's kind from its first letter.
    /// </summary>
    public static string Crossbar(int n, int seed = 1)
    {
        var rnd = new Random(seed);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"resistive crossbar {n}x{n} with 1 ohm wires\n");
        for (var i = 0; i < n; i++)
            sb.Append(CultureInfo.InvariantCulture, $"vr{i} r{i}_0 0 dc {0.1 + 0.1 * (i % 5):0.###}\n");
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                sb.Append(CultureInfo.InvariantCulture, $"rx{i}_{j} r{i}_{j} c{i}_{j} {10e3 + 90e3 * rnd.NextDouble():0.#}\n");
                if (j + 1 < n) sb.Append(CultureInfo.InvariantCulture, $"rw{i}_{j} r{i}_{j} r{i}_{j + 1} 1\n");
                if (i + 1 < n) sb.Append(CultureInfo.InvariantCulture, $"rv{i}_{j} c{i}_{j} c{i + 1}_{j} 1\n");
            }
        }
        for (var j = 0; j < n; j++) sb.Append(CultureInfo.InvariantCulture, $"rl{j} c{n - 1}_{j} 0 1k\n");
        sb.Append(".op\n.end\n");
        return sb.ToString();
    }

    /// <summary>The transient of an RC ladder: <paramref name="sections"/> x (10 ohm series, 1 pF shunt), PULSE input, 60 us.</summary>
    public static string RcLadder(int sections = 1000) => RcLadder(sections, "50n", saved: false);

    /// <summary>
    /// The RC ladder as a user runs it (issue 13): a 10 ns step, and a <c>.save</c> of the first, middle and last
    /// section's node and the source current, so that both engines keep and write only those.
    /// </summary>
    public static string RcLadderSaved(int sections = 1000) => RcLadder(sections, "10n", saved: true);

    private static string RcLadder(int sections, string step, bool saved)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"rc ladder of {sections} sections, 10 ohm and 1 pF each\n");
        sb.Append("vin n0 0 pulse(0 1 1u 10n 10n 20u 40u)\n");
        for (var k = 1; k <= sections; k++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"r{k} n{k - 1} n{k} 10\n");
            sb.Append(CultureInfo.InvariantCulture, $"c{k} n{k} 0 1p\n");
        }
        if (saved) sb.Append(CultureInfo.InvariantCulture, $".save v(n1) v(n{sections / 2}) v(n{sections}) i(vin)\n");
        sb.Append(CultureInfo.InvariantCulture, $".tran {step} 60u\n.end\n");
        return sb.ToString();
    }

    /// <summary>
    /// A netlist checked in under bench/netlists (the device-level transients that <c>hwsim netlist DEMO --level device</c>
    /// writes), without its <c>.control</c> block, so that both engines run it as a plain <c>.tran</c>.
    /// </summary>
    public static string Checkedin(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "bench", "netlists", file);
            if (!File.Exists(path)) continue;
            var sb = new StringBuilder();
            var control = false;
            foreach (var line in File.ReadLines(path))
            {
                var t = line.Trim().ToLowerInvariant();
                if (t.StartsWith(".control", StringComparison.Ordinal)) control = true;
                if (!control) sb.Append(line).Append('\n');
                if (t.StartsWith(".endc", StringComparison.Ordinal)) control = false;
            }
            return sb.ToString();
        }
        throw new FileNotFoundException($"bench/netlists/{file} not found above {AppContext.BaseDirectory} (run from the repository)");
    }
}
