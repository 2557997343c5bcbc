using Hwsim.Circuits.Analyses;
using Hwsim.Circuits.Devices;

namespace Hwsim.Circuits.Tests.Devices;

public sealed class MemristorTests
{
    private static readonly MemristorModel Model = DeviceIncludes.Memristor;

    /// <summary>One memristor driven by a 1 V sine of frequency <paramref name="f"/> for two periods: v(a) and the device current.</summary>
    private static (double[] Time, double[] V, double[] I, double[] X) Drive(double f, MemristorModel model, double amplitude = 1)
    {
        var circuit = new Circuit(new VoltageSource("v1", "a", "0", new SineWaveform(0, amplitude, f)));
        foreach (var e in model.Instance("x1", "a", "0", initialState: 0.3)) circuit.Add(e);
        var period = 1 / f;
        var result = new TransientAnalysis(period / 2000, 2 * period).Run(circuit);
        var current = result["i(v1)"].Real.Select(i => -i).ToArray(); // i(v1) flows into the source's + node
        return (result.Scale!.Real, result["v(a)"].Real, current, result["v(x1.x)"].Real);
    }

    /// <summary>The loop area, the integral of i dv over the second period (A V).</summary>
    private static double LoopArea(double f, MemristorModel model)
    {
        var (t, v, i, _) = Drive(f, model);
        var start = Array.FindIndex(t, x => x >= 1 / f);
        var area = 0.0;
        for (var k = start + 1; k < t.Length; k++) area += 0.5 * (i[k] + i[k - 1]) * (v[k] - v[k - 1]);
        return Math.Abs(area);
    }

    [Fact]
    public void When_DefaultModel_Expect_CrossbarConductanceWindow()
    {
        Assert.Equal(1e-6, Model.MinimumConductance, 12);
        Assert.Equal(100e-6, Model.MaximumConductance, 12);
        Assert.InRange(Model.MaximumConductance / Model.MinimumConductance, 10, 100 + 1e-9);
        foreach (var g in new[] { 1e-6, 5e-6, 20e-6, 100e-6 })
            Assert.Equal(g, Model.ConductanceAt(Model.StateForConductance(g)), 1e-15);
    }

    [Fact]
    public void When_SineDriven_Expect_LoopPinchedAtOrigin()
    {
        var (t, v, i, x) = Drive(10, Model);

        // The current is v * G(x) with G in [Gmin, Gmax]: it vanishes exactly where the voltage does.
        for (var k = 0; k < t.Length; k++)
        {
            Assert.InRange(Math.Abs(i[k]), Model.MinimumConductance * Math.Abs(v[k]) - 1e-12, Model.MaximumConductance * Math.Abs(v[k]) + 1e-12);
            if (Math.Abs(v[k]) < 1e-3) Assert.True(Math.Abs(i[k]) < 1e-7, $"t = {t[k]}: i = {i[k]} at v = {v[k]}");
        }
        // ... and it is a loop, not a curve: the state moved, so the conductance differs at equal voltages.
        Assert.True(x.Max() - x.Min() > 0.1, $"the state moved only {x.Max() - x.Min()}");
        var rising = Array.FindIndex(t, s => s >= 0.025 / 2);   // v = sin(pi/4) rising
        var falling = Array.FindIndex(t, s => s >= 0.075 / 2);  // v = sin(3 pi/4) falling
        Assert.Equal(v[rising], v[falling], 2);
        Assert.True(Math.Abs(i[rising] - i[falling]) > 0.05 * Math.Abs(i[rising]), $"{i[rising]} vs {i[falling]}");
    }

    [Fact]
    public void When_FrequencyRises_Expect_LoopAreaShrinks()
    {
        var areas = new[] { 10.0, 20, 40, 80, 160 }.Select(f => LoopArea(f, Model)).ToArray();

        for (var k = 1; k < areas.Length; k++)
            Assert.True(areas[k] < areas[k - 1], $"loop areas {string.Join(", ", areas.Select(a => a.ToString("G3")))} do not shrink with frequency");
        Assert.True(areas[^1] < 0.3 * areas[0]);
    }

    [Fact]
    public void When_ThresholdDeviceReadBelowThreshold_Expect_StateUnchanged()
    {
        var model = DeviceIncludes.ThresholdMemristor;
        var (_, _, _, read) = Drive(10, model, amplitude: 0.5);
        var (_, _, _, written) = Drive(10, model, amplitude: 1.2);

        Assert.True(read.Max() - read.Min() < 1e-6, "a read below the thresholds moved the state");
        Assert.True(written.Max() - written.Min() > 0.05, "a write above the thresholds did not move the state");
    }

    [Fact]
    public void When_InstanceEntitiesAdded_Expect_SameResultAsTheSubcircuitText()
    {
        // the sub-circuit as written (hwsim would otherwise run the native memristor, NativeMemristorTests)
        var netlist = $"memristor\n{Model.ToSubcircuit()}v1 a 0 dc 0 sin(0 1 10)\nx1 a 0 memristor x0=0.3\n.options hwsim_native_memristor=0\n.tran 50u 0.2\n.end\n";
        var fromText = Hwsim.Circuits.Netlist.NetlistRun.RunAll(Hwsim.Circuits.Netlist.NetlistReader.Parse(netlist))[0];
        var (_, _, i, x) = Drive(10, Model);

        Assert.Equal(fromText["v(x1.x)"].Real.Length, x.Length);
        Assert.Equal(fromText["v(x1.x)"].Real, x);
        Assert.Equal(fromText["i(v1)"].Real.Select(c => -c), i);
    }
}
