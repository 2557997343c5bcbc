using Hwsim.Circuits.Devices;
using Hwsim.Circuits.Netlist;
using Hwsim.Circuits.Results;
using Hwsim.TestSupport;
using Hwsim.Verification;
using Xunit.Abstractions;

namespace Hwsim.Circuits.Tests.Devices;

/// <summary>
/// The native memristor (<see cref="Memristor"/>) against the sub-circuit it stands for: the same netlist read with
/// and without <c>.options hwsim_native_memristor=0</c>, and ngspice running the sub-circuit.
/// </summary>
public sealed class NativeMemristorTests(ITestOutputHelper output)
{
    private static readonly MemristorModel Drift = new();
    private static readonly MemristorModel Threshold = new() { Name = "mth", Dynamics = MemristorDynamics.Threshold };
    private static readonly MemristorModel ThresholdJoglekar = new()
    {
        Name = "mthj", Dynamics = MemristorDynamics.Threshold, Window = MemristorWindow.Joglekar, SetRate = 2e4, ResetRate = 2e4,
    };

    private const string SubcircuitOption = ".options hwsim_native_memristor=0\n";

    /// <summary>
    /// A 3 x 2 crossbar of memristors (distinct states) read through 1 k wire resistors into two loads with
    /// capacitors, the rows driven by <paramref name="sources"/>.
    /// </summary>
    private static string Crossbar(MemristorModel model, string sources, string analysis, bool native)
    {
        var s = new System.Text.StringBuilder("memristor crossbar\n");
        s.Append(model.ToSubcircuit());
        s.Append(sources);
        var states = new[] { 0.05, 0.3, 0.5, 0.71, 0.9, 1.0 };
        for (var r = 0; r < 3; r++)
        {
            s.Append($"rw{r} in{r} row{r} 1k\n");
            for (var c = 0; c < 2; c++) s.Append($"xm{r}{c} row{r} col{c} {model.Name} x0={states[2 * r + c]}\n");
        }
        for (var c = 0; c < 2; c++) s.Append($"rl{c} col{c} 0 2k\ncl{c} col{c} 0 1n\n");
        if (!native) s.Append(SubcircuitOption);
        s.Append(analysis).Append(".end\n");
        return s.ToString();
    }

    private static AnalysisResult Run(string netlist) => NetlistRun.RunAll(NetlistReader.Parse(netlist))[0];

    private const string ReadPulses =
        "vin0 in0 0 pulse(0 0.5 1u 0.1u 0.1u 2u 5u)\nvin1 in1 0 pulse(0 -0.4 2u 0.1u 0.1u 1u 4u)\nvin2 in2 0 dc 0.3\n";

    [Fact]
    public void When_GeneratedSubcircuitRead_Expect_NativeDevices_AndSubcircuitWhenSwitchedOff()
    {
        var native = NetlistReader.Parse(Crossbar(Threshold, ReadPulses, ".op\n", native: true));
        var subcircuit = NetlistReader.Parse(Crossbar(Threshold, ReadPulses, ".op\n", native: false));

        Assert.Equal(6, native.Circuit.OfType<Memristor>().Count());
        Assert.Equal(0.71, native.Circuit.OfType<Memristor>().Single(m => m.Name == "xm11").InitialState);
        Assert.Empty(subcircuit.Circuit.OfType<Memristor>());
        Assert.Equal(12, subcircuit.Circuit.OfType<BehavioralSource>().Count());
    }

    [Fact]
    public void When_SubcircuitTextEdited_Expect_SubcircuitAndANote()
    {
        var text = Crossbar(Threshold, ReadPulses, ".op\n", native: true).Replace("rleak x xinit 1e9", "rleak x xinit 2e9");

        var netlist = NetlistReader.Parse(text);

        Assert.Empty(netlist.Circuit.OfType<Memristor>());
        Assert.Contains(netlist.Notes, n => n.Contains("runs as the sub-circuit") || n.Contains("run as the sub-circuit"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void When_OperatingPoint_Expect_SameAsSubcircuit(bool drift)
    {
        var model = drift ? Drift : Threshold;
        var native = Run(Crossbar(model, ReadPulses, ".op\n", native: true));
        var subcircuit = Run(Crossbar(model, ReadPulses, ".op\n", native: false));

        // the same vectors (the state, initial-state node and source current of each memristor included)
        Assert.Equal(subcircuit.Vectors.Select(v => v.Name).Order(), native.Vectors.Select(v => v.Name).Order());
        foreach (var v in native.Vectors)
            Assert.Equal(subcircuit[v.Name].Real[0], v.Real[0], 1e-12);
    }

    [Fact]
    public void When_ReadBelowThreshold_Expect_SameTransientAsSubcircuit()
    {
        var native = Run(Crossbar(Threshold, ReadPulses, ".tran 20n 12u\n", native: true));
        var subcircuit = Run(Crossbar(Threshold, ReadPulses, ".tran 20n 12u\n", native: false));

        Assert.Equal(subcircuit.Scale!.Real, native.Scale!.Real);
        Assert.Equal(subcircuit.Vectors.Select(v => v.Name).Order(), native.Vectors.Select(v => v.Name).Order());
        foreach (var n in native.Vectors)
        {
            var v = subcircuit[n.Name];
            var scale = v.Real.Max(Math.Abs) + 1e-12;
            for (var k = 0; k < v.Length; k++)
                Assert.True(Math.Abs(v.Real[k] - n.Real[k]) <= 1e-9 * scale, $"{v.Name} at t = {subcircuit.Scale.Real[k]}: {n.Real[k]} vs {v.Real[k]}");
        }
        Assert.All(native["v(xm11.x)"].Real, x => Assert.Equal(0.71, x));
    }

    /// <summary>
    /// Programming: two memristors (one in series with 1 k) under set pulses of 1.6 V and reset pulses of -1.5 V, read
    /// at 0.3 V between them (threshold model, fast rates); or the linear ion drift under a 1 V, 10 Hz sine.
    /// </summary>
    private static string Programming(bool drift, bool native)
    {
        var model = drift ? Drift : ThresholdJoglekar;
        var s = new System.Text.StringBuilder("memristor programming\n");
        s.Append(model.ToSubcircuit());
        s.Append(drift
            ? "v1 a 0 dc 0 sin(0 1 10)\n"
            : "v1 a 0 pwl(0 0 1u 0.3 10u 0.3 11u 1.6 21u 1.6 22u 0.3 30u 0.3 31u -1.5 36u -1.5 37u 0.3 45u 0.3 46u 1.6 61u 1.6 62u 0.3 70u 0.3)\n");
        s.Append($"x1 a 0 {model.Name} x0=0.3\n");
        s.Append($"x2 a b {model.Name} x0=0.6\nr2 b 0 1k\n");
        if (!native) s.Append(SubcircuitOption);
        s.Append(drift ? ".tran 50u 0.2\n" : ".tran 0.1u 70u\n").Append(".end\n");
        return s.ToString();
    }

    /// <summary>The value of (t, y) at <paramref name="time"/>, linearly interpolated.</summary>
    private static double At(IReadOnlyList<double> t, IReadOnlyList<double> y, double time)
    {
        var k = 1;
        while (k < t.Count - 1 && t[k] < time) k++;
        var f = (time - t[k - 1]) / (t[k] - t[k - 1]);
        return y[k - 1] + Math.Clamp(f, 0, 1) * (y[k] - y[k - 1]);
    }

    /// <summary>The largest difference between two waveforms, the second interpolated at the first's points.</summary>
    private static double LargestDifference(IReadOnlyList<double> t1, IReadOnlyList<double> y1, IReadOnlyList<double> t2, IReadOnlyList<double> y2) =>
        Enumerable.Range(0, t1.Count).Max(k => Math.Abs(y1[k] - At(t2, y2, t1[k])));

    /// <summary>The state tolerance of a programming transient: the native device's splitting of state and circuit, and
    /// its state-change limit per step, against the sub-circuit solved with the circuit.</summary>
    private const double StateTolerance = 1e-3;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void When_Programmed_Expect_StateWithinToleranceOfSubcircuit(bool drift)
    {
        var native = Run(Programming(drift, native: true));
        var subcircuit = Run(Programming(drift, native: false));

        foreach (var x in new[] { "v(x1.x)", "v(x2.x)" })
        {
            var moved = subcircuit[x].Real.Max() - subcircuit[x].Real.Min();
            Assert.True(moved > 0.1, $"{x} moved only {moved}: not a programming test");
            var error = LargestDifference(subcircuit.Scale!.Real, subcircuit[x].Real, native.Scale!.Real, native[x].Real);
            output.WriteLine($"{x}: moved {moved:G3}, native - sub-circuit up to {error:G3}");
            Assert.True(error <= StateTolerance, $"{x}: the native state differs from the sub-circuit's by up to {error:G3}");
        }
        // the source current at the sub-circuit's points where the drive is flat (edges interpolate poorly)
        var t = subcircuit.Scale!.Real;
        var flat = Enumerable.Range(1, t.Length - 2).Where(k => subcircuit["v(a)"].Real[k - 1] == subcircuit["v(a)"].Real[k + 1] || drift).ToArray();
        var current = flat.Max(k => Math.Abs(subcircuit["i(v1)"].Real[k] - At(native.Scale!.Real, native["i(v1)"].Real, t[k])));
        var peak = subcircuit["i(v1)"].Real.Max(Math.Abs);
        output.WriteLine($"i(v1): peak {peak:G3} A, native - sub-circuit up to {current:G3} A");
        Assert.True(current <= 2e-3 * peak, $"i(v1) differs by up to {current:G3} A of {peak:G3} A");
    }

    [NgspiceTheory]
    [InlineData(false)]
    [InlineData(true)]
    public void When_Programmed_Expect_StateWithinToleranceOfNgspiceRunningTheSubcircuit(bool drift)
    {
        var dir = Directory.CreateTempSubdirectory("hwsim-memristor-").FullName;
        var path = Path.Combine(dir, "programming.cir");
        File.WriteAllText(path, Programming(drift, native: true));
        var ngspice = new NgspiceRunner().Run(path).Plots.Single();
        var ours = NetlistRun.RunAll(NetlistReader.ReadFile(path))[0];

        Assert.NotEmpty(NetlistReader.ReadFile(path).Circuit.OfType<Memristor>());
        foreach (var x in new[] { "v(x1.x)", "v(x2.x)" })
        {
            var reference = ngspice[x];
            var error = LargestDifference(ngspice.Scale!.Real, reference.Real, ours.Scale!.Real, ours[x].Real);
            output.WriteLine($"{x}: native - ngspice's sub-circuit up to {error:G3}");
            Assert.True(error <= StateTolerance, $"{x}: ours (native) differs from ngspice's sub-circuit by up to {error:G3}");
        }
    }

    [Fact]
    public void When_StateOutOfRange_Expect_ErrorAtTheValue()
    {
        var text = $"bad state\n{Threshold.ToSubcircuit()}v1 a 0 dc 1\nx1 a 0 mth x0=1.5\n.op\n.end\n";
        var line = text.Split('\n').ToList().FindIndex(l => l.StartsWith("x1 ", StringComparison.Ordinal)) + 1;

        var e = Assert.Throws<NetlistException>(() => NetlistReader.Parse(text, "bad.cir"));

        Assert.Equal($"bad.cir:{line}:15: x1: the memristor state x0 must be in [0, 1], got 1.5", e.Message);
    }

    [Theory]
    [InlineData("ron=10000", "ron=abc", "ron: 'abc' is not a number")]
    [InlineData("dynamics=threshold", "dynamics=fast", "dynamics: 'fast' is not drift or threshold")]
    [InlineData("roff=1000000", "roff=1000", "need 0 < Ron < Roff")]
    public void When_ParameterCommentBad_Expect_ErrorAtTheParameter(string good, string bad, string reason)
    {
        var text = $"bad parameter\n{Threshold.ToSubcircuit().Replace(good, bad)}v1 a 0 dc 1\nx1 a 0 mth x0=0.5\n.op\n.end\n";
        var lines = text.Split('\n');
        var line = Array.FindIndex(lines, l => l.StartsWith(".subckt", StringComparison.Ordinal));
        var column = reason.StartsWith("need", StringComparison.Ordinal)
            ? lines[line].IndexOf(MemristorModel.ParameterMarker, StringComparison.Ordinal) + 1
            : lines[line].IndexOf(bad, StringComparison.Ordinal) + 1;

        var e = Assert.Throws<NetlistException>(() => NetlistReader.Parse(text, "bad.cir"));

        Assert.StartsWith($"bad.cir:{line + 1}:{column}: ", e.Message);
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public void When_SwitchNotZeroOrOne_Expect_ErrorAtTheValue()
    {
        var text = $"bad option\n{Threshold.ToSubcircuit()}v1 a 0 dc 1\nx1 a 0 mth\n.options hwsim_native_memristor=2\n.op\n.end\n";

        var e = Assert.Throws<NetlistException>(() => NetlistReader.Parse(text, "bad.cir"));

        Assert.Contains(":33: .options: hwsim_native_memristor must be 0", e.Message);
    }

    [Fact]
    public void When_Written_Expect_InstanceAndSubcircuitThatReadBackNative()
    {
        var netlist = NetlistReader.Parse(Crossbar(Threshold, ReadPulses, ".op\n", native: true));

        var again = NetlistReader.Parse(NetlistWriter.Write(netlist));

        Assert.Equal(6, again.Circuit.OfType<Memristor>().Count());
        Assert.Equal(Run(NetlistWriter.Write(netlist))["v(col0)"].Real[0], Run(Crossbar(Threshold, ReadPulses, ".op\n", native: true))["v(col0)"].Real[0]);
    }

    [Fact]
    public void When_StateAskedInControlBlock_Expect_StateWhereTheTransientEnded()
    {
        var text = Programming(drift: false, native: true).Replace(".end\n", ".control\nprint @x1[x]\ntran 0.1u 70u\nprint @x1[x]\n.endc\n.end\n");
        var dir = Directory.CreateTempSubdirectory("hwsim-memristor-").FullName;
        var path = Path.Combine(dir, "state.cir");
        File.WriteAllText(path, text);
        var ended = Run(Programming(drift: false, native: true))["v(x1.x)"].Real[^1];

        var (printed, err, _) = Control.ControlNetlistTests.RunHwsim(path);

        Assert.True(err.Length == 0, err);
        var values = printed.Split('\n').Where(l => l.StartsWith("@x1[x] = ", StringComparison.Ordinal))
            .Select(l => double.Parse(l["@x1[x] = ".Length..], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(2, values.Length);
        Assert.Equal(0.3, values[0]);
        Assert.Equal(ended, values[1], 5e-6);
        Assert.True(Math.Abs(ended - 0.3) > 0.1);
    }
}
