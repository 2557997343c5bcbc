using System.Globalization;
using System.Text;
using Hwsim.Circuits.Blocks;
using Hwsim.Circuits.Devices;
using Hwsim.Circuits.Netlist;

namespace Hwsim.Circuits.Tests.Blocks;

public class CrossbarTests
{
    private const double Vread = 0.2;

    [Fact]
    public void When_WeightsMappedWithoutQuantisation_Expect_ExactRoundTrip()
    {
        var m = new ConductanceMapping(1e-6, 100e-6, 20e-6);
        foreach (var w in new[] { -4.95, -1.0, -0.3, 0.0, 0.25, 1.7, 4.95 })
        {
            var (gp, gm) = m.ToConductances(w);
            Assert.InRange(gp, m.Gmin, m.Gmax);
            Assert.InRange(gm, m.Gmin, m.Gmax);
            Assert.Equal(w, m.ToWeight(gp, gm), 12);
        }
    }

    [Fact]
    public void When_Quantised_Expect_LevelsAndErrorWithinHalfAStep()
    {
        var m = new ConductanceMapping(1e-6, 100e-6, 20e-6, levels: 256);
        var step = (m.Gmax - m.Gmin) / 255;
        var rnd = new Random(3);
        for (var k = 0; k < 1000; k++)
        {
            var w = (rnd.NextDouble() * 2 - 1) * m.MaxWeight;
            var (gp, gm) = m.ToConductances(w);
            foreach (var g in new[] { gp, gm })
            {
                var level = (g - m.Gmin) / step;
                Assert.Equal(Math.Round(level), level, 6);
            }
            Assert.True(Math.Abs(m.ToWeight(gp, gm) - w) <= step / m.WeightScale / 2 * (1 + 1e-9));
        }
    }

    [Fact]
    public void When_WeightBeyondWindow_Expect_MappingErrorNamingIt()
    {
        var m = new ConductanceMapping(1e-6, 100e-6, 20e-6);
        var e = Assert.Throws<MappingException>(() => m.ToConductances(5.5, "fc weight [2,3]"));
        Assert.Contains("fc weight [2,3]", e.Message);
        Assert.Contains("Gmax", e.Message);
    }

    /// <summary>A test bench around a crossbar: sources drive the bipolar rows, 0 V sources hold the columns.</summary>
    internal static string Bench(Crossbar xb, double[] x)
    {
        var sb = new StringBuilder("crossbar bench\n");
        sb.Append(xb.ToSubcircuit().ToDefinitions());
        for (var i = 0; i < xb.Inputs; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"vp{i} p{i} 0 {x[i] * Vread:R}\n");
            sb.Append(CultureInfo.InvariantCulture, $"vn{i} n{i} 0 {-x[i] * Vread:R}\n");
        }
        if (xb.HasBias) sb.Append(CultureInfo.InvariantCulture, $"vpb pb 0 {Vread:R}\nvnb nb 0 {-Vread:R}\n");
        for (var j = 0; j < xb.Outputs; j++) sb.Append(CultureInfo.InvariantCulture, $"vc{j} c{j} 0 0\n");
        sb.Append("x1 ").Append(string.Join(' ', xb.Ports)).Append(' ').Append(xb.Name).Append('\n');
        sb.Append(".op\n.end\n");
        return sb.ToString();
    }

    internal static double[] Outputs(Crossbar xb, double[] x)
    {
        var result = NetlistRun.RunAll(NetlistReader.Parse(Bench(xb, x), "bench.cir"))[0];
        return Enumerable.Range(0, xb.Outputs)
            .Select(j => -result.Value($"i(vc{j})") / (xb.Mapping.WeightScale * Vread)).ToArray();
    }

    private static (double[,] W, double[] B, double[] X) Random16(int n, int seed)
    {
        var rnd = new Random(seed);
        var w = new double[n, n];
        for (var j = 0; j < n; j++)
            for (var i = 0; i < n; i++)
                w[j, i] = rnd.NextDouble() * 2 - 1;
        var b = Enumerable.Range(0, n).Select(_ => rnd.NextDouble() - 0.5).ToArray();
        var x = Enumerable.Range(0, n).Select(_ => rnd.NextDouble() * 2 - 1).ToArray();
        return (w, b, x);
    }

    [Fact]
    public void When_16x16CrossbarWithIdealDevices_Expect_WxPlusBTo1e6()
    {
        var (w, b, x) = Random16(16, 7);
        var xb = new Crossbar("xb", w, b, ConductanceMapping.FitTo(w.Cast<double>().Concat(b)));
        var z = Outputs(xb, x);
        for (var j = 0; j < 16; j++)
        {
            var expected = b[j] + Enumerable.Range(0, 16).Sum(i => w[j, i] * x[i]);
            Assert.True(Math.Abs(z[j] - expected) <= 1e-6 * Math.Max(1, Math.Abs(expected)), $"z[{j}] = {z[j]}, expected {expected}");
        }
    }

    [Fact]
    public void When_WireResistanceOrSizeGrows_Expect_ErrorNeverShrinks()
    {
        double Error(int n, double wire)
        {
            var (w, b, x) = Random16(n, 11);
            for (var i = 0; i < n; i++) x[i] = 1;   // fixed, all-positive input: IR drops accumulate
            var xb = new Crossbar("xb", w, b, ConductanceMapping.FitTo(w.Cast<double>().Concat(b)), wire);
            var z = Outputs(xb, x);
            return Enumerable.Range(0, n).Max(j => Math.Abs(z[j] - (b[j] + Enumerable.Range(0, n).Sum(i => w[j, i] * x[i]))));
        }
        var byWire = new[] { 0.0, 1, 10, 100 }.Select(r => Error(8, r)).ToArray();
        for (var k = 1; k < byWire.Length; k++) Assert.True(byWire[k] >= byWire[k - 1], $"wire error fell: {string.Join(", ", byWire)}");
        Assert.True(byWire[0] < 1e-9);
        Assert.True(byWire[^1] > 1e-4);
        var bySize = new[] { 4, 8, 16 }.Select(n => Error(n, 10)).ToArray();
        for (var k = 1; k < bySize.Length; k++) Assert.True(bySize[k] >= bySize[k - 1], $"size error fell: {string.Join(", ", bySize)}");
    }

    [Fact]
    public void When_16x16CrossbarOfMemristorsAtProgrammedStates_Expect_WxPlusBTo1e6AndStatesHeld()
    {
        var (w, b, x) = Random16(16, 7);
        var memristor = new MemristorModel();
        var xb = new Crossbar("xb", w, b, ConductanceMapping.FitTo(w.Cast<double>().Concat(b)), memristor: memristor);
        var result = NetlistRun.RunAll(NetlistReader.Parse(Bench(xb, x), "bench.cir"))[0];
        for (var j = 0; j < 16; j++)
        {
            var z = -result.Value($"i(vc{j})") / (xb.Mapping.WeightScale * Vread);
            var expected = b[j] + Enumerable.Range(0, 16).Sum(i => w[j, i] * x[i]);
            Assert.True(Math.Abs(z - expected) <= 1e-6 * Math.Max(1, Math.Abs(expected)), $"z[{j}] = {z}, expected {expected}");
        }
        // Row k = 0 is p0 (it carries G-), k = 1 is n0 (G+): the state read back is the programmed one.
        Assert.Equal(xb.StateOf(xb.Minus[3, 0]), result.Value("v(x1.xm0_3.x)"), 12);
        Assert.Equal(xb.StateOf(xb.Plus[5, 0]), result.Value("v(x1.xm1_5.x)"), 12);
        Assert.Equal(memristor.ConductanceAt(xb.StateOf(xb.Plus[5, 0])), xb.Plus[5, 0], 15);
    }

    [Fact]
    public void When_MemristorCrossbarWithWiresAndQuantisation_Expect_SameCurrentsAsResistorCrossbar()
    {
        var (w, b, x) = Random16(6, 5);
        var mapping = ConductanceMapping.FitTo(w.Cast<double>().Concat(b), levels: 32);
        var resistors = Outputs(new Crossbar("xb", w, b, mapping, wireResistance: 5), x);
        var memristors = Outputs(new Crossbar("xb", w, b, mapping, wireResistance: 5, memristor: new MemristorModel()), x);
        // the memristor crossbar is solved by Newton (its port current is a B source): equal to its convergence tolerance
        for (var j = 0; j < 6; j++) Assert.True(Math.Abs(resistors[j] - memristors[j]) <= 1e-6 * Math.Max(1, Math.Abs(resistors[j])), $"z[{j}]: {resistors[j]} vs {memristors[j]}");
    }

    [Fact]
    public void When_VariationPushesBeyondTheMemristorWindow_Expect_StatesClampedToItsBounds()
    {
        var w = new double[,] { { 1, -1, 0.5 }, { -0.2, 0.9, -1 } };
        var memristor = new MemristorModel();
        var xb = new Crossbar("xb", w, null, new ConductanceMapping(1e-6, 100e-6, 99e-6), variation: new DeviceVariation(Sigma: 1, Seed: 4), memristor: memristor);
        foreach (var g in xb.Plus.Cast<double>().Concat(xb.Minus.Cast<double>()))
        {
            Assert.InRange(g, memristor.MinimumConductance * (1 - 1e-12), memristor.MaximumConductance * (1 + 1e-12));
            Assert.InRange(xb.StateOf(g), 0, 1);
        }
        Assert.Contains(xb.Plus.Cast<double>().Concat(xb.Minus.Cast<double>()), g => Math.Abs(g - memristor.MaximumConductance) < 1e-15);
    }

    [Fact]
    public void When_WindowWiderThanTheMemristor_Expect_ArgumentErrorNamingTheCrossbar()
    {
        var e = Assert.Throws<ArgumentException>(() => new Crossbar("fc1", new double[,] { { 1 } }, null, new ConductanceMapping(0.5e-6, 100e-6, 99e-6), memristor: new MemristorModel()));
        Assert.Contains("fc1", e.Message);
    }
    /// <summary>
    /// One weight of 1e20 beside weights near 3 (issue 9 item 8): the fitted scale puts 3 at 3e-24 S above Gmin = 1e-6 S,
    /// below Gmin's last digit, so the pair represents 0; the note says so. A spread of 1e6 (steps of 1e-10 S) keeps
    /// every digit that matters and gives no note; exact zeros never count.
    /// </summary>
    [Fact]
    public void When_OneWeightDwarfsTheOthers_Expect_APrecisionNoteAndTheLostWeightsReadAsZero()
    {
        double[] weights = [1e20, -3.8, 2.6, 0];
        var mapping = ConductanceMapping.FitTo(weights);
        var (plus, minus) = mapping.ToConductances(-3.8);
        Assert.Equal(0, mapping.ToWeight(plus, minus));
        var note = mapping.PrecisionNote(weights, "fc1");
        Assert.NotNull(note);
        Assert.Contains("layer fc1: 2 weight(s) up to |w| = 3.8 lose precision", note);

        double[] wide = [1e6, -1, 0.5, 0];
        var fine = ConductanceMapping.FitTo(wide);
        Assert.Null(fine.PrecisionNote(wide, "fc1"));
        var (p1, m1) = fine.ToConductances(-1);
        Assert.Equal(-1, fine.ToWeight(p1, m1), 1e-6);
    }
}
