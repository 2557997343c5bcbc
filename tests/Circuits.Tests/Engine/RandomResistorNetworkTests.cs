using CsCheck;
using Hwsim.Circuits;
using Hwsim.Circuits.Analyses;
using Hwsim.Circuits.Devices;

namespace Hwsim.Circuits.Tests.Engine;

/// <summary>Property tests on random resistor networks: KCL holds at every node and the result equals a dense solve.</summary>
public class RandomResistorNetworkTests
{
    private sealed record Network(int Nodes, (int A, int B, double R)[] Resistors, (int Node, double V)[] Sources, (int Node, double I)[] Currents);

    private static readonly Gen<Network> Networks =
        from n in Gen.Int[2, 25]
        from extra in Gen.Int[0, 40]
        from seed in Gen.Int
        select Make(n, extra, seed);

    private static Network Make(int n, int extra, int seed)
    {
        var rnd = new Random(seed);
        var resistors = new List<(int, int, double)>();
        // a spanning tree to ground keeps every node on a DC path
        for (var i = 1; i <= n; i++) resistors.Add((i, rnd.Next(0, i), Math.Pow(10, rnd.NextDouble() * 4 + 1)));
        for (var k = 0; k < extra; k++)
        {
            var a = rnd.Next(0, n + 1);
            var b = rnd.Next(0, n + 1);
            if (a != b) resistors.Add((a, b, Math.Pow(10, rnd.NextDouble() * 4 + 1)));
        }
        var sources = new List<(int, double)> { (rnd.Next(1, n + 1), rnd.NextDouble() * 10 - 5) };
        var currents = Enumerable.Range(0, rnd.Next(0, 4)).Select(_ => (rnd.Next(1, n + 1), (rnd.NextDouble() - 0.5) * 1e-3)).ToArray();
        return new Network(n, resistors.ToArray(), sources.ToArray(), currents);
    }

    private static Circuit Build(Network net)
    {
        var ckt = new Circuit();
        for (var k = 0; k < net.Resistors.Length; k++)
        {
            var (a, b, r) = net.Resistors[k];
            ckt.Add(new Resistor($"R{k}", N(a), N(b), r));
        }
        for (var k = 0; k < net.Sources.Length; k++) ckt.Add(new VoltageSource($"V{k}", N(net.Sources[k].Node), "0", net.Sources[k].V));
        for (var k = 0; k < net.Currents.Length; k++) ckt.Add(new CurrentSource($"I{k}", "0", N(net.Currents[k].Node), net.Currents[k].I));
        return ckt;
    }

    private static string N(int i) => i == 0 ? "0" : $"n{i}";

    [Fact]
    public void When_RandomNetworkSolved_Expect_KclAtEveryNode()
    {
        Networks.Sample(net =>
        {
            var r = new OperatingPointAnalysis().Run(Build(net));
            double V(int i) => i == 0 ? 0 : r.Value($"v(n{i})");
            var sum = new double[net.Nodes + 1];
            var scale = new double[net.Nodes + 1];
            foreach (var (a, b, res) in net.Resistors)
            {
                var i = (V(a) - V(b)) / res;
                sum[a] -= i;
                sum[b] += i;
                scale[a] += Math.Abs(i);
                scale[b] += Math.Abs(i);
            }
            foreach (var (node, i) in net.Currents)
            {
                sum[node] += i;
                scale[node] += Math.Abs(i);
            }
            for (var k = 0; k < net.Sources.Length; k++)
            {
                // the source current i(vk) flows from + through the source: it leaves the node into the source
                var node = net.Sources[k].Node;
                var i = r.Value($"i(v{k})");
                sum[node] -= i;
                scale[node] += Math.Abs(i);
            }
            for (var node = 1; node <= net.Nodes; node++)
                Assert.True(Math.Abs(sum[node]) <= 1e-9 * scale[node] + 1e-15, $"KCL at n{node}: residual {sum[node]}");
        }, iter: 200, seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void When_RandomNetworkSolved_Expect_DenseNodalSolution()
    {
        Networks.Sample(net =>
        {
            var r = new OperatingPointAnalysis().Run(Build(net));
            var dense = DenseNodal(net);
            for (var i = 1; i <= net.Nodes; i++)
            {
                var ours = r.Value($"v(n{i})");
                Assert.True(Math.Abs(ours - dense[i]) <= 1e-9 * Math.Max(1, Math.Abs(dense[i])), $"v(n{i}): {ours} vs dense {dense[i]}");
            }
        }, iter: 200, seed: "0N0XIzNsQ0O2");
    }

    /// <summary>Modified nodal analysis written out densely with partial-pivoting Gaussian elimination.</summary>
    private static double[] DenseNodal(Network net)
    {
        var n = net.Nodes + net.Sources.Length;
        var a = new double[n, n];
        var b = new double[n];
        foreach (var (p, q, res) in net.Resistors)
        {
            var g = 1 / res;
            if (p > 0) a[p - 1, p - 1] += g;
            if (q > 0) a[q - 1, q - 1] += g;
            if (p > 0 && q > 0)
            {
                a[p - 1, q - 1] -= g;
                a[q - 1, p - 1] -= g;
            }
        }
        foreach (var (node, i) in net.Currents) b[node - 1] += i;
        for (var k = 0; k < net.Sources.Length; k++)
        {
            var row = net.Nodes + k;
            var node = net.Sources[k].Node - 1;
            a[node, row] += 1;
            a[row, node] += 1;
            b[row] = net.Sources[k].V;
        }
        for (var col = 0; col < n; col++)
        {
            var piv = col;
            for (var i = col + 1; i < n; i++) if (Math.Abs(a[i, col]) > Math.Abs(a[piv, col])) piv = i;
            for (var j = 0; j < n; j++) (a[col, j], a[piv, j]) = (a[piv, j], a[col, j]);
            (b[col], b[piv]) = (b[piv], b[col]);
            for (var i = col + 1; i < n; i++)
            {
                var f = a[i, col] / a[col, col];
                if (f == 0) continue;
                for (var j = col; j < n; j++) a[i, j] -= f * a[col, j];
                b[i] -= f * b[col];
            }
        }
        var x = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var s = b[i];
            for (var j = i + 1; j < n; j++) s -= a[i, j] * x[j];
            x[i] = s / a[i, i];
        }
        var v = new double[net.Nodes + 1];
        for (var i = 1; i <= net.Nodes; i++) v[i] = x[i - 1];
        return v;
    }
}
