using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Hwsim.Verification;

/// <summary>
/// The transients the device level is made of, as benchmark netlists: small and medium nonlinear circuits run for many
/// time points, where the cost of each Newton iteration and time point matters more than the matrix order.
/// </summary>
public static class TransientBenchmarkNetlists
{
    private const string Models = """
        .model nch NMOS(level=1 vto=0.7 kp=110u gamma=0.45 phi=0.7 lambda=0.04 cbd=10f cbs=10f pb=0.8
        + cgso=0.3n cgdo=0.3n cgbo=0.1n tox=9n)
        .model pch PMOS(level=1 vto=-0.8 kp=40u gamma=0.5 phi=0.7 lambda=0.05 cbd=10f cbs=10f pb=0.8
        + cgso=0.3n cgdo=0.3n cgbo=0.1n tox=9n)

        """;

    /// <summary>
    /// A ring of <paramref name="stages"/> CMOS inverters (odd), level-1 MOSFETs with Meyer and junction capacitances and
    /// 5 fF per stage, started from <c>.ic v(o1)=0</c>: about 20 periods in 40 ns.
    /// </summary>
    public static string RingOscillator(int stages = 5)
    {
        if (stages < 3 || stages % 2 == 0) throw new ArgumentException("a ring oscillator needs an odd number of stages, at least 3");
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{stages}-stage CMOS ring oscillator, level-1 MOSFETs with Meyer and junction capacitances\n");
        sb.Append(Models);
        sb.Append("vdd vdd 0 dc 3.3\n");
        for (var k = 1; k <= stages; k++)
        {
            var input = k == 1 ? stages : k - 1;
            sb.Append(CultureInfo.InvariantCulture, $"mn{k} o{k} o{input} 0 0 nch l=0.5u w=2u\n");
            sb.Append(CultureInfo.InvariantCulture, $"mp{k} o{k} o{input} vdd vdd pch l=0.5u w=5u\n");
            sb.Append(CultureInfo.InvariantCulture, $"c{k} o{k} 0 5f\n");
        }
        sb.Append(".ic v(o1)=0\n.tran 0.05n 40n\n.end\n");
        return sb.ToString();
    }

    /// <summary>
    /// A two-phase switched-capacitor integrator: NMOS switches (level 1, with capacitances) move 1 pF of charge per
    /// 1 us clock period into a 4 pF feedback capacitor around a one-pole op-amp (gain 1e4, 10 MHz), for
    /// <paramref name="cycles"/> periods at a 2 ns step.
    /// </summary>
    public static string SwitchedCapacitorIntegrator(int cycles = 40) =>
        string.Create(CultureInfo.InvariantCulture, $"""
        two-phase switched-capacitor integrator, NMOS switches, one-pole op-amp, {cycles} clock cycles
        .model nsw NMOS(level=1 vto=0.7 kp=100u gamma=0.4 phi=0.7 lambda=0.02 tox=20n cgso=0.2n cgdo=0.2n cbd=5f cbs=5f)
        vin in 0 dc 0.1
        vp1 phi1 0 pulse(0 5 0 10n 10n 430n 1u)
        vp2 phi2 0 pulse(0 5 500n 10n 10n 430n 1u)
        ms1 in phi1 a 0 nsw w=4u l=1u
        ms2 a phi2 0 0 nsw w=4u l=1u
        cs a b 1p
        ms3 b phi1 0 0 nsw w=4u l=1u
        ms4 b phi2 x 0 nsw w=4u l=1u
        cf x out 4p
        * op-amp: transconductance into a 10 Mohm, 15.9 pF pole (gain 1e4, 10 MHz), output buffer with 100 ohm
        gin 0 g 0 x 1e-3
        rg g 0 10meg
        cg g 0 15.9p
        eout d 0 g 0 1
        rout d out 100
        .tran 2n {cycles}u
        .end

        """);

    /// <summary>
    /// A compiled network as a streaming transient: the checked-in macro netlist of <c>mlp-shapes</c> (its operating
    /// point replaced by a transient) with each input source turned into a PWL staircase of <paramref name="samples"/>
    /// seeded values in [0, 10 mV] (the range of its inputs), one sample per microsecond with 10 ns edges.
    /// </summary>
    public static string StreamingNetwork(string macroNetlist, int samples = 20, int seed = 1)
    {
        var random = new Random(seed);
        const double period = 1e-6, edge = 10e-9;
        var source = new Regex(@"^(vin\d+) (in\d+) 0 dc \S+$");
        var sb = new StringBuilder();
        var inputs = 0;
        foreach (var line in macroNetlist.Split('\n'))
        {
            var text = line.TrimEnd('\r');
            var m = source.Match(text);
            if (m.Success)
            {
                inputs++;
                var values = Enumerable.Range(0, samples).Select(_ => 0.01 * random.NextDouble()).ToArray();
                sb.Append(CultureInfo.InvariantCulture, $"{m.Groups[1].Value} {m.Groups[2].Value} 0 pwl(0 {values[0]:G6}");
                for (var k = 1; k < samples; k++)
                    sb.Append(CultureInfo.InvariantCulture, $" {k * period:G6} {values[k - 1]:G6} {k * period + edge:G6} {values[k]:G6}");
                sb.Append(")\n");
            }
            else if (text.Trim() == ".op")
            {
                sb.Append(CultureInfo.InvariantCulture, $".tran 10n {samples * period:G6}\n");
            }
            else if (text.Length > 0 || sb.Length > 0)
            {
                sb.Append(text).Append('\n');
            }
        }
        if (inputs == 0) throw new ArgumentException("the netlist has no input sources vinK inK 0 dc X to stream");
        return sb.ToString();
    }

    /// <summary>The text of a checked-in netlist, found under the current directory (the repository root, as for the bench).</summary>
    public static string FromRepository(string relativePath)
    {
        var path = Path.Combine(Directory.GetCurrentDirectory(), relativePath);
        if (!File.Exists(path))
            throw new FileNotFoundException($"{relativePath}: not found under the current directory (run the benchmark from the repository root)", path);
        return File.ReadAllText(path);
    }
}
