using System.Globalization;
using System.Numerics;
using Hwsim.Circuits.Netlist;
using Hwsim.TestSupport;
using Hwsim.Verification;

namespace Hwsim.Circuits.Tests.Analyses;

/// <summary>
/// <c>.pz</c>: poles and zeros against closed forms (RC, series RLC) and against ngspice 39 on netlists/pz/rlc.cir
/// (the same vectors, values to 1e-6 relative: ngspice's Muller iteration stops there).
/// </summary>
public sealed class PoleZeroTests
{
    private static string Rlc => Path.Combine(RepoPaths.Root, "netlists", "pz", "rlc.cir");

    /// <summary>ngspice's pz/ac-resistance: R1 (ac=4k) into C || 4k: one pole at -1/(2k * 1n), no finite zero.</summary>
    [Fact]
    public void When_RcWithAcResistance_Expect_OnePoleAtMinusOneOverTau()
    {
        var result = NetlistRun.RunAll(NetlistReader.Parse("rc\nvin 1 0 dc 5 ac 3\nr1 1 2 1k ac=4k\nc2 2 0 1n\nr2 2 0 4k\n.pz 1 0 2 0 vol pz\n.end\n", "rc.cir")).Single();

        var pole = Assert.Single(result.Vectors);
        Assert.Equal("pole(1)", pole.Name);
        Assert.Equal(-1 / (2e3 * 1e-9), pole.Complex![0].Real, 1e-12 * 5e5);
        Assert.Equal(0.0, pole.Complex[0].Imaginary);
    }

    /// <summary>A series RLC driven by a voltage (shorted for the poles): the roots of s^2 LC + s RC + 1 = 0.</summary>
    [Fact]
    public void When_SeriesRlc_Expect_RootsOfItsCharacteristicPolynomial()
    {
        const double R = 50, L = 1e-3, C = 1e-7;
        var result = NetlistRun.RunAll(NetlistReader.Parse($"rlc\nv1 1 0 dc 0 ac 1\nr1 1 2 {R}\nl1 2 3 {L}\nc1 3 0 {C}\n.pz 1 0 3 0 vol pol\n.end\n", "rlc.cir")).Single();

        var alpha = R / (2 * L);
        var omega = Math.Sqrt(1 / (L * C) - alpha * alpha);
        var poles = result.Vectors.Select(v => v.Complex![0]).ToList();
        Assert.Equal(2, poles.Count);
        Assert.Contains(poles, p => Complex.Abs(p - new Complex(-alpha, omega)) < 1e-6 * omega);
        Assert.Contains(poles, p => Complex.Abs(p - new Complex(-alpha, -omega)) < 1e-6 * omega);
    }

    [Theory]
    [InlineData(".pz 1 0 2 0 volt pz", "expected vol or cur, got 'volt'")]
    [InlineData(".pz 1 0 2 0 vol poles", "expected pol, zer or pz, got 'poles'")]
    [InlineData(".pz 1 0 2", "the output node -")]
    public void When_PzCardMalformed_Expect_FileLineColumn(string card, string message)
    {
        var e = Assert.Throws<NetlistException>(() => NetlistReader.Parse($"bad\nv1 1 0 1\nr1 1 2 1k\nc1 2 0 1n\n{card}\n.end\n", "bad.cir"));

        Assert.Contains("bad.cir:5:", e.Message, StringComparison.Ordinal);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    /// <summary>Each .pz card of the RLC ladder alone in ngspice (12 digits) against ours, vector by vector.</summary>
    [NgspiceFact]
    public void When_RlcRunInBothEngines_Expect_NgspicesPolesAndZeros()
    {
        var lines = File.ReadAllLines(Rlc);
        var cards = lines.Where(l => l.StartsWith(".pz", StringComparison.Ordinal)).ToList();
        var elements = lines.Where(l => !l.StartsWith(".pz", StringComparison.Ordinal) && l != ".end").ToList();
        var dir = Directory.CreateTempSubdirectory("hwsim-pz-").FullName;
        var ours = NetlistRun.RunAll(NetlistReader.ReadFile(Rlc));

        for (var k = 0; k < cards.Count; k++)
        {
            var path = Path.Combine(dir, $"rlc{k}.cir");
            File.WriteAllLines(path, elements.Concat([".control", "set numdgt=12", cards[k][1..], "print all", ".endc", ".end"]));
            var expected = Values(new NgspiceRunner().RunBatch(path).Output);
            var actual = ours[k].Vectors.ToDictionary(v => v.Name, v => v.Complex![0]);
            Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
            foreach (var (name, value) in expected)
                Assert.True(Complex.Abs(actual[name] - value) <= 1e-6 * Complex.Abs(value), $"{cards[k]}: {name} is {actual[name]}, ngspice {value}");
        }
    }

    private static Dictionary<string, Complex> Values(string text)
    {
        var values = new Dictionary<string, Complex>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (!(line.StartsWith("pole(", StringComparison.Ordinal) || line.StartsWith("zero(", StringComparison.Ordinal))) continue;
            var eq = line.IndexOf(" = ", StringComparison.Ordinal);
            var parts = line[(eq + 3)..].Split(',');
            values[line[..eq]] = new Complex(double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture));
        }
        return values;
    }
}
