using Hwsim.Bridge.Comparison;
using Hwsim.Bridge.Demos;
using Hwsim.Bridge.Mapping;
using Hwsim.Circuits.Analyses;
using Hwsim.Circuits.Blocks;
using Hwsim.Circuits.Devices;
using Hwsim.Circuits.Netlist;

namespace Hwsim.Bridge.Tests;

/// <summary>
/// Crossbars with memristors at their programmed states compute what resistor crossbars compute: in an operating
/// point the state holds, so the ideal and macro levels write each memristor as the resistor of its read conductance.
/// </summary>
public class MemristorCrossingTests
{
    [Theory]
    [InlineData("mlp-xor")]
    [InlineData("lstm-cell")]
    public void When_CrossingsAreMemristors_Expect_SameResultsAsResistors(string demo)
    {
        var c = BridgeDemos.Get(demo).ToCase(RepoFiles.Models);
        foreach (var level in new[] { FidelityLevel.Ideal, FidelityLevel.Macro })
        {
            var resistors = Comparer.Run(c, level, MappingProfile.For(level));
            var memristors = Comparer.Run(c, level, MappingProfile.For(level) with { Device = CrossbarDeviceKind.Memristor });
            Assert.Contains("crossing device: memristor", memristors.Network.Netlist);
            for (var p = 0; p < resistors.Circuit.Points; p++)
                for (var k = 0; k < resistors.Circuit.Outputs[p].Length; k++)
                    Assert.Equal(resistors.Circuit.Outputs[p][k], memristors.Circuit.Outputs[p][k], 8);
        }
    }

    [Fact]
    public void When_MemristorSubcircuitsSolved_Expect_TheColumnCurrentsOfTheirReadConductances()
    {
        // The substitution itself: the same programmed crossbar as memristor sub-circuits and as resistors, rows driven,
        // columns held at 0 V by sources; the column currents agree to solver precision.
        var w = new double[,] { { 0.5, -1.2, 0.3 }, { -0.7, 0.9, 1.4 } };
        var mapping = ConductanceMapping.FitTo(w.Cast<double>(), levels: 256);
        var memristor = new MemristorModel { Ron = 1 / mapping.Gmax, Roff = 1 / mapping.Gmin };
        var withMemristors = new Crossbar("xb", w, new[] { 0.1, -0.2 }, mapping, 0.5, memristor: memristor);
        var asResistors = new Crossbar("xb", w, new[] { 0.1, -0.2 }, mapping, 0.5);
        double[] Currents(Crossbar xb)
        {
            var lines = new List<string> { "crossbar" };
            lines.AddRange(xb.ToSubcircuit().WithDependencies().Select(d => d.ToString()));
            var nodes = xb.Ports.Select(p => p.StartsWith('c') ? "k" + p : "r" + p).ToList();
            lines.Add("xx " + string.Join(' ', nodes) + " xb");
            var drive = new[] { 0.2, -0.1, 0.15, 0.2 };
            for (var i = 0; i < xb.Rows; i++)
            {
                lines.Add($"vp{i} rp{(i < xb.Inputs ? i.ToString() : "b")} 0 dc {drive[i]}");
                lines.Add($"vn{i} rn{(i < xb.Inputs ? i.ToString() : "b")} 0 dc {-drive[i]}");
            }
            for (var j = 0; j < xb.Outputs; j++) lines.Add($"vc{j} kc{j} 0 dc 0");
            lines.Add(".op");
            lines.Add(".end");
            var parsed = NetlistReader.Parse(string.Join('\n', lines), "xb.cir");
            var engine = parsed.CreateEngine();
            var solution = OperatingPointAnalysis.Resolve(engine);
            return Enumerable.Range(0, xb.Outputs).Select(j => engine.State.Unknowns.TryGetIndex($"vc{j}#branch", out var i) ? solution[i] : double.NaN).ToArray();
        }
        var a = Currents(withMemristors);
        var b = Currents(asResistors);
        Assert.DoesNotContain(a, double.IsNaN);
        for (var j = 0; j < a.Length; j++) Assert.Equal(b[j], a[j], Math.Abs(b[j]) * 1e-9 + 1e-15);
    }
}
