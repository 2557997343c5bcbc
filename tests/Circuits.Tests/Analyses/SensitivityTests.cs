using System.Globalization;
using System.Numerics;
using Hwsim.Circuits.Analyses;
using Hwsim.Circuits.Netlist;
using Hwsim.Circuits.Results;
using Hwsim.TestSupport;
using Hwsim.Verification;

namespace Hwsim.Circuits.Tests.Analyses;

/// <summary>
/// <c>.sens</c>: DC and AC sensitivities of a voltage or a current to every parameter of R, C, L, V, I, E, F, G, H,
/// held against closed forms and against ngspice 39 on the same netlist (every vector name ngspice reports, and its
/// value to 1e-6 of its magnitude: both take ngspice's finite step of a millionth of the parameter).
/// </summary>
public sealed class SensitivityTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static string Ladder => Path.Combine(RepoPaths.Root, "netlists", "sens", "ladder.cir");

    /// <summary>v = R i across one resistor fed by a current source: dv/dR = i, dv/di = R, dv/dm_R = -R i / m^2.</summary>
    [Fact]
    public void When_CurrentThroughResistor_Expect_ClosedFormDerivatives()
    {
        var result = Run("divider\ni1 0 1 dc=42m\nr1 1 0 1k m=2\n.sens v(1)\n.end\n").Single();

        Assert.Null(result.Scale);
        // a forward step of a millionth on a conductance m / (R scale): an error of about 1e-6 relative
        Assert.Equal(42e-3 / 2, result.Value("r1"), 2e-6 * 21e-3);
        Assert.Equal(1000.0 / 2, result.Value("i1"), 1e-9 * 500);
        Assert.Equal(-1000 * 42e-3 / 4, result.Value("r1_m"), 2e-6 * 10.5);
        Assert.Equal(1000 * 42e-3 / 2, result.Value("r1_scale"), 2e-6 * 21);
        Assert.Equal(0.0, result.Value("r1_w"));
    }

    /// <summary>An RC low-pass driven by a current: v = i / (1/R + sC), so dv/dC = -s i / (1/R + sC)^2 at each frequency.</summary>
    [Fact]
    public void When_AcSensitivityOfRcNode_Expect_ClosedFormAtEachFrequency()
    {
        var result = Run("rc\ni1 0 1 dc=0 ac=42m\nr1 1 0 1k\nc1 1 0 100p\n.sens v(1) ac dec 2 1e5 1e7\n.end\n").Single();

        Assert.Equal([1e5, 1e5 * Math.Sqrt(10), 1e6, 1e6 * Math.Sqrt(10), 1e7], result.Scale!.Real, (a, b) => Math.Abs(a - b) < 1e-6 * b);
        for (var k = 0; k < result.Points; k++)
        {
            var s = new Complex(0, 2 * Math.PI * result.Scale.Real[k]);
            var y = 1 / 1e3 + s * 100e-12;
            var dc = result["c1"].Complex![k];
            var expected = -42e-3 * s / (y * y);
            Assert.True((dc - expected).Magnitude < 2e-6 * expected.Magnitude, $"f = {result.Scale.Real[k]}: {dc} vs {expected}");
            var dR = result["r1"].Complex![k];
            var expectedR = 42e-3 / (1e6 * y * y);
            Assert.True((dR - expectedR).Magnitude < 2e-6 * expectedR.Magnitude, $"f = {result.Scale.Real[k]}: {dR} vs {expectedR}");
            Assert.Equal(result["r1_ac"].Complex![k], dR); // without ac= the AC resistance is the resistance
        }
    }

    [Fact]
    public void When_SensCardsRead_Expect_TheirOutputsAndSweeps()
    {
        var netlist = NetlistReader.ReadFile(Ladder);
        var cards = netlist.Analyses.Cast<SensitivityAnalysis>().Select(a => a.ToNetlist()).ToList();

        Assert.Equal([".sens v(3)", ".sens i(v1)", ".sens v(3,7) ac lin 1 1000000 1100000", ".sens i(v1) ac lin 1 1000 2000"], cards);
        Assert.Equal([1e3], ((SensitivityAnalysis)netlist.Analyses[3]).Frequencies()); // lin n: n points, (stop-start)/n apart
    }

    [Theory]
    [InlineData(".sens v(3", "')' closing the output")]
    [InlineData(".sens x(3)", "expected the output v(node), v(node,ref) or i(vsource), got 'x'")]
    [InlineData(".sens i(r1)", "i(r1) must name a voltage source")]
    [InlineData(".sens v(3) ac log 1 1 2", "expected dec, oct or lin, got 'log'")]
    [InlineData(".sens v(3) ac dec 0 1 2", "whole number of at least 1")]
    public void When_SensCardMalformed_Expect_FileLineColumn(string card, string message)
    {
        var e = Assert.Throws<NetlistException>(() => NetlistReader.Parse($"bad\nv1 1 0 1\nr1 1 3 1k\nr2 3 0 1k\n{card}\n.end\n", "bad.cir"));

        Assert.Contains("bad.cir:5:", e.Message, StringComparison.Ordinal);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void When_CircuitHasDeviceWithoutSensitivities_Expect_WarningNamingIt()
    {
        var netlist = NetlistReader.Parse("d\nv1 1 0 1\nr1 1 2 1k\nd1 2 0 dm\n.model dm d\n.sens v(2)\n.end\n", "d.cir");

        var warning = Assert.Single(netlist.Warnings);
        Assert.Contains("d.cir:6:1: .sens:", warning, StringComparison.Ordinal);
        Assert.Contains("those of d1 are left out", warning, StringComparison.Ordinal);
        Assert.Contains("r1_m", NetlistRun.RunAll(netlist).Single().Vectors.Select(v => v.Name));
    }

    /// <summary>
    /// The ladder's four .sens cards as control-block <c>sens</c> commands in ngspice (12 digits printed) against ours:
    /// the same vector names, and values within 1e-6 of each vector's magnitude plus 1e-15 (ngspice's tiny residues of
    /// exact zeros). Each card runs alone, at one frequency: ngspice 39 reports zero for a resistor's main parameter at
    /// the later frequencies of a sweep and in a second AC sensitivity of a session, which hwsim does not copy.
    /// </summary>
    [NgspiceFact]
    public void When_LadderRunInBothEngines_Expect_NgspicesVectors()
    {
        var lines = File.ReadAllLines(Ladder);
        var cards = lines.Where(l => l.StartsWith(".sens", StringComparison.Ordinal)).ToList();
        var elements = lines.Where(l => !l.StartsWith(".sens", StringComparison.Ordinal) && l != ".end").ToList();
        var dir = Directory.CreateTempSubdirectory("hwsim-sens-").FullName;
        var ngspice = new List<Dictionary<string, Complex>>();
        foreach (var card in cards)
        {
            // one ngspice run per card: after its first AC sensitivity, ngspice 39 reports zero for resistances
            var path = Path.Combine(dir, $"ladder{ngspice.Count}.cir");
            File.WriteAllLines(path, elements.Concat([".control", "set numdgt=12", card[1..], "print all", ".endc", ".end"]));
            ngspice.AddRange(Blocks(new NgspiceRunner().RunBatch(path).Output));
        }
        var ours = NetlistRun.RunAll(NetlistReader.ReadFile(Ladder));

        Assert.Equal(cards.Count, ngspice.Count);
        for (var k = 0; k < cards.Count; k++)
        {
            var expected = ngspice[k];
            var actual = ours[k].Vectors.ToDictionary(v => v.Name, v => v.Complex is { } z ? z[0] : v.Real[0]);
            Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
            foreach (var (name, value) in expected)
            {
                var error = (actual[name] - value).Magnitude;
                output.WriteLine($"{cards[k]} {name}: ngspice {value}, hwsim {actual[name]}, difference {error:G3}");
                Assert.True(error <= 1e-6 * value.Magnitude + 1e-15, $"{cards[k]}: {name} is {actual[name]}, ngspice {value}");
            }
        }
    }

    private static IReadOnlyList<AnalysisResult> Run(string netlist) => NetlistRun.RunAll(NetlistReader.Parse(netlist, "sens.cir"));

    /// <summary>ngspice's <c>print all</c> lines (<c>name = x</c> or <c>name = re,im</c>), one dictionary per analysis.</summary>
    private static List<Dictionary<string, Complex>> Blocks(string text)
    {
        var blocks = new List<Dictionary<string, Complex>>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("No. of Data Rows", StringComparison.Ordinal))
            {
                blocks.Add([]);
                continue;
            }
            var eq = line.IndexOf(" = ", StringComparison.Ordinal);
            if (eq < 0 || blocks.Count == 0 || line.StartsWith("frequency", StringComparison.Ordinal)) continue;
            var parts = line[(eq + 3)..].Split(',');
            if (!double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var re)) continue; // "TEMP = 27 and ..."
            var im = parts.Length > 1 ? double.Parse(parts[1], CultureInfo.InvariantCulture) : 0;
            blocks[^1][line[..eq]] = new Complex(re, im);
        }
        return blocks;
    }
}
