using Hwsim.Circuits.Netlist;
using Hwsim.Circuits.Results;

namespace Hwsim.Circuits.Tests.Noise;

/// <summary>.noise against closed forms (no ngspice): the thermal noise of an RC divider, and the located errors of bad .noise lines.</summary>
public sealed class NoiseClosedFormTests
{
    private const double K = 1.38064852e-23; // ngspice's CONSTboltz
    private const double T = 300.15;         // 27 C

    private const string Divider = """
        rc divider
        v1 in 0 dc 0 ac 1
        r1 in out 1k
        r2 out 0 2k
        c1 out 0 1n
        vq q 0 dc 1
        rq q 0 1k
        """;

    [Fact]
    public void When_RcDividerNoise_Expect_ThermalNoiseOfParallelResistanceAndItsIntegral()
    {
        var results = NetlistRun.RunAll(NetlistReader.Parse(Divider + "\n.noise v(out) v1 dec 20 10 1g\n.end\n"));
        var spectrum = results[0];
        var total = results[1];
        const double r = 1e3 * 2e3 / 3e3;
        var fc = 1 / (2 * Math.PI * r * 1e-9);

        // At 10 Hz the capacitor is open to 1e-9: the output noise is that of r1 || r2, the input-referred noise
        // that over the divider's gain 2/3.
        Assert.Equal(Math.Sqrt(4 * K * T * r), spectrum["onoise_spectrum"].Real[0], 1e-9 * Math.Sqrt(4 * K * T * r));
        Assert.Equal(1.5 * spectrum["onoise_spectrum"].Real[0], spectrum["inoise_spectrum"].Real[0], 1e-8 * spectrum["inoise_spectrum"].Real[0]);
        // Above the corner a single pole: 4kTR / (1 + (f/fc)^2).
        var f = spectrum.Scale!.Real[100];
        Assert.Equal(Math.Sqrt(4 * K * T * r / (1 + (f / fc * (f / fc)))), spectrum["onoise_spectrum"].Real[100], 1e-9 * 1e-9);
        // Integrated from 10 Hz to 1 GHz: 4kTR fc (atan(f2/fc) - atan(f1/fc)), close to kT/C; ngspice's power-law
        // rule over 20 points a decade integrates the Lorentzian to 1e-3.
        var exact = Math.Sqrt(4 * K * T * r * fc * (Math.Atan(1e9 / fc) - Math.Atan(10 / fc)));
        Assert.Equal(exact, total.Value("onoise_total"), 1e-3 * exact);
        Assert.Equal(AnalysisKind.NoiseIntegrated, total.Kind);
    }

    [Theory]
    [InlineData(".noise i(r1) v1 dec 10 1 1k", "t.cir:8:8: .noise: the output must be a voltage")]
    [InlineData(".noise v(out) vq dec 10 1 1k", "t.cir:8:15: .noise: the input source vq has no AC value")]
    [InlineData(".noise v(out) r1 dec 10 1 1k", "t.cir:8:15: .noise: the input r1 is not an independent voltage or current source")]
    [InlineData(".noise v(out) vx dec 10 1 1k", "t.cir:8:15: .noise: no source named vx")]
    [InlineData(".noise v(out) v1 log 10 1 1k", "t.cir:8:18: .noise: expected dec, oct or lin")]
    public void When_NoiseLineBad_Expect_OneLocatedError(string line, string message)
    {
        var e = Assert.Throws<NetlistException>(() => NetlistReader.Parse(Divider + "\n" + line + "\n.end\n", "t.cir"));

        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }
}
