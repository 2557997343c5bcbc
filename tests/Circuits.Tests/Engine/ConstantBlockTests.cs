using System.Globalization;
using System.Text;
using Hwsim.Circuits.Analyses;
using Hwsim.Circuits.Netlist;
using Hwsim.Circuits.Results;
using Hwsim.Circuits.Simulation;
using Hwsim.Circuits.Solver;

namespace Hwsim.Circuits.Tests.Engine;

/// <summary>
/// The constant leading block in whole circuits: a crossbar with wire resistance read by op-amp macro-models (a tanh
/// output stage) and diode activations. The linear mesh leads, its factors are computed once per set of values, and every
/// result equals the plain order's to 1e-12 relative (operating point and a nonlinear transient).
/// </summary>
public sealed class ConstantBlockTests
{
    /// <summary>Rows x columns crossbar, 1 ohm wire segments, TIAs with a tanh stage, diode-resistor activations.</summary>
    private static string Crossbar(int rows, int columns, bool transient)
    {
        var c = CultureInfo.InvariantCulture;
        var random = new Random(rows * 31 + columns);
        var text = new StringBuilder("crossbar with wires and nonlinear read-out\n.model dm D(is=1e-14 n=1.5)\n");
        for (int r = 0; r < rows; r++)
        {
            double v = 0.1 + (0.05 * r);
            text.Append(transient
                ? string.Create(c, $"v{r} in{r} 0 pwl(0 0 1u {v} 2u {-v} 3u {v / 2})\n")
                : string.Create(c, $"v{r} in{r} 0 dc {v}\n"));
            for (int k = 0; k < columns; k++)
            {
                string left = k == 0 ? $"in{r}" : $"p{r}_{k - 1}";
                string above = r == 0 ? $"c{k}_top" : $"k{r - 1}_{k}";
                text.Append(string.Create(c, $"rwr{r}_{k} {left} p{r}_{k} 1\n"));
                text.Append(string.Create(c, $"rwc{r}_{k} {above} k{r}_{k} 1\n"));
                text.Append(string.Create(c, $"rx{r}_{k} p{r}_{k} k{r}_{k} {1e4 + (9e4 * random.NextDouble())}\n"));
            }
        }

        for (int k = 0; k < columns; k++)
        {
            text.Append(string.Create(c, $"rtop{k} c{k}_top 0 1e6\n"));
            text.Append(string.Create(c, $"rend{k} k{rows - 1}_{k} x{k} 1\n"));
            text.Append(string.Create(c, $"""
                rin{k} x{k} 0 1e12
                g{k} 0 gain{k} 0 x{k} 100
                rg{k} gain{k} 0 1000
                cg{k} gain{k} 0 1.6u
                b{k} drive{k} 0 v = 10 * tanh(v(gain{k}) / 10)
                rout{k} drive{k} out{k} 10
                rf{k} x{k} out{k} 20k
                d{k} out{k} act{k} dm
                ra{k} act{k} 0 10k

                """));
        }

        text.Append(transient ? ".tran 20n 3u\n" : ".op\n");
        return text.Append(".end\n").ToString();
    }

    private static (AnalysisResult Result, EngineStatistics Statistics) Run(string netlist, BlockPolicy policy)
    {
        var parsed = NetlistReader.Parse(netlist, "crossbar.cir");
        parsed.Options.ConstantBlock = policy;
        var engine = parsed.CreateEngine();
        var analysis = parsed.Analyses.Single();
        var result = analysis.Run(engine);
        return (result, engine.Statistics.Snapshot());
    }

    [Theory]
    [InlineData(6, 4)]
    [InlineData(12, 8)]
    public void When_CrossbarOperatingPoint_Expect_PlainResultsAndLeadingBlockReused(int rows, int columns)
    {
        string netlist = Crossbar(rows, columns, transient: false);
        var (plain, plainStats) = Run(netlist, BlockPolicy.Never);
        var (blocked, stats) = Run(netlist, BlockPolicy.Always);

        AssertEqual(plain, blocked);
        Assert.Equal(0, plainStats.LeadingBlockSize);
        // The mesh leads: only the op-amp stages and the activations trail.
        Assert.True(stats.LeadingBlockSize >= 2 * rows * columns, $"leading block {stats.LeadingBlockSize}");
        Assert.Equal(0, stats.LeadingPivotFallbacks);
        Assert.True(stats.Refactorizations >= 2);
        // Computed once; every later refactorisation and pivot search reuses it.
        Assert.Equal(1, stats.LeadingBlockFactorizations);
        Assert.Equal(stats.Factorizations + stats.Refactorizations - 1, stats.LeadingBlockReuses);
    }

    [Fact]
    public void When_CrossbarNonlinearTransient_Expect_PlainResults()
    {
        string netlist = Crossbar(6, 4, transient: true);
        var (plain, plainStats) = Run(netlist, BlockPolicy.Never);
        var (blocked, stats) = Run(netlist, BlockPolicy.Always);

        Assert.Equal(plainStats.TimePoints, stats.TimePoints);
        Assert.Equal(plainStats.NewtonIterations, stats.NewtonIterations);
        AssertEqual(plain, blocked);
        // The step changes the capacitor's companion conductance (a leading entry) now and then; between such changes
        // the leading block is reused.
        Assert.True(stats.LeadingBlockReuses > stats.LeadingBlockFactorizations,
            $"reused {stats.LeadingBlockReuses}, factored {stats.LeadingBlockFactorizations}");
    }

    /// <summary>
    /// Every node voltage within 1e-12 of the largest; every branch current within 1e-12 of the largest voltage times
    /// the largest conductance (the 1 S wire): a source's current flows through a wire segment, so rounding in the
    /// voltages, of any elimination order, reaches it multiplied by 1 S (about 1e-16 A against currents of 1e-4 A).
    /// </summary>
    private static void AssertEqual(AnalysisResult expected, AnalysisResult actual)
    {
        double Scale(bool currents) => expected.Vectors
            .Where(v => v.Name.StartsWith("i(", StringComparison.Ordinal) == currents)
            .Select(v => v.Real.Max(Math.Abs)).DefaultIfEmpty(1).Max();
        double voltageScale = Scale(false);
        double currentScale = Math.Max(Scale(true), voltageScale * 1.0);
        foreach (var v in expected.Vectors)
        {
            double[] e = v.Real;
            double[] a = actual[v.Name].Real;
            Assert.Equal(e.Length, a.Length);
            double scale = v.Name.StartsWith("i(", StringComparison.Ordinal) ? currentScale : voltageScale;
            for (int i = 0; i < e.Length; i++)
            {
                Assert.True(Math.Abs(e[i] - a[i]) <= 1e-12 * scale, $"{v.Name}[{i}]: {a[i]} against {e[i]} (scale {scale})");
            }
        }
    }
}
