using System.Text;
using Hwsim.Circuits.Devices;
using Hwsim.Circuits.Results;
using static Hwsim.Circuits.Blocks.BlockBench;

namespace Hwsim.Circuits.Blocks;

/// <summary>The bench shapes of <see cref="BlockCatalog"/>: DC sweeps of one or two inputs, the crossbar, the clocked sample-and-hold.</summary>
internal static class BlockBenches
{
    /// <summary>The sweep start, stop and step of one input (values).</summary>
    internal readonly record struct Range(double Start, double Stop, double Step)
    {
        public override string ToString() => $"{N(Start)} .. {N(Stop)} step {N(Step)}";
    }

    private static string Title(BlockDefinition def, FidelityLevel level, string what) => $"{def.Name} block, {level.Name()} level: {what}";

    private static IEnumerable<string> Comments(BlockDefinition def, FidelityLevel level, SignalScale scale, IEnumerable<string>? more)
    {
        yield return $"ideal: {def.IdealLabel}; input {def.InputLabel}{(def.Input2Label is { } i2 ? $", {i2}" : "")}; output {def.OutputLabel}";
        yield return $"values are volts / Vs, Vs = {N(scale.VoltsPerUnit)} V; stated range {def.InputRange}; stated error {N(def.ErrorBound(level))} (output units)";
        foreach (var m in more ?? []) yield return m;
    }

    /// <summary>
    /// DC benches tighten Newton's tolerances: SPICE stops when two iterates agree within reltol (default 1e-3), which in
    /// a sweep step can leave a B source one linearisation away from its value (ngspice does the same). The reported
    /// error is then the block's, not the solver's.
    /// </summary>
    private const string DcOptions = ".options reltol=1e-9 vntol=1e-12\n";

    private static double[] Values(AnalysisResult r, string vector, double perUnit) => r[vector].Real.Select(v => v / perUnit).ToArray();

    /// <summary>A block with ports <c>in out</c> driven by a swept voltage source: input v(x), output v(y).</summary>
    public static BlockBench OneInput(BlockDefinition def, FidelityLevel level, SignalScale scale, SubcircuitText block, Range range,
        Func<double, double> ideal, string what, IEnumerable<string>? comments = null)
    {
        var vs = scale.VoltsPerUnit;
        var sb = Begin(Title(def, level, what), Comments(def, level, scale, comments), block);
        sb.Append("vx x 0 dc 0\n");
        sb.Append($"x1 x y {block.Name}\n");
        sb.Append(DcOptions);
        sb.Append($".dc vx {N(range.Start * vs)} {N(range.Stop * vs)} {N(range.Step * vs)}\n.print dc v(y)\n.end\n");
        return new BlockBench(def, level, block, sb.ToString(), $"input {range}",
            r => (Values(r[0], "v(x)", vs), null, Values(r[0], "v(y)", vs)), (x, _) => ideal(x));
    }

    /// <summary>A block with ports <c>(in1|a) (in2|b) out</c>: nested sweeps, the first input innermost.</summary>
    public static BlockBench TwoInputs(BlockDefinition def, FidelityLevel level, SignalScale scale, SubcircuitText block, Range first, Range second,
        Func<double, double, double> ideal, string what, IEnumerable<string>? comments = null)
    {
        var vs = scale.VoltsPerUnit;
        var sb = Begin(Title(def, level, what), Comments(def, level, scale, comments), block);
        sb.Append("va a 0 dc 0\nvb b 0 dc 0\n");
        sb.Append($"x1 a b y {block.Name}\n");
        sb.Append(DcOptions);
        sb.Append($".dc va {N(first.Start * vs)} {N(first.Stop * vs)} {N(first.Step * vs)} vb {N(second.Start * vs)} {N(second.Stop * vs)} {N(second.Step * vs)}\n.print dc v(a) v(b) v(y)\n.end\n");
        return new BlockBench(def, level, block, sb.ToString(), $"input 1 {first}, input 2 {second}",
            r => (Values(r[0], "v(a)", vs), Values(r[0], "v(b)", vs), Values(r[0], "v(y)", vs)), ideal);
    }

    /// <summary>The TIA: a swept current into <c>in</c>; the input value is the current in units of Vs / Rf.</summary>
    public static BlockBench Transimpedance(BlockDefinition def, FidelityLevel level, SignalScale scale, SubcircuitText block, double rf, Range range)
    {
        var vs = scale.VoltsPerUnit;
        var unit = vs / rf;
        var sb = Begin(Title(def, level, "a swept current into in, against out = -Rf i"),
            Comments(def, level, scale, [$"the input value is the current in units of Vs / Rf = {N(unit)} A (current source ix pushes it into node x)"]), block);
        sb.Append("ix 0 x dc 0\n");
        sb.Append($"x1 x y {block.Name}\n");
        sb.Append(DcOptions);
        sb.Append($".dc ix {N(range.Start * unit)} {N(range.Stop * unit)} {N(range.Step * unit)}\n.print dc v(y)\n.end\n");
        return new BlockBench(def, level, block, sb.ToString(), $"input current {range} x {N(unit)} A",
            r => (Values(r[0], "i-sweep", unit), null, Values(r[0], "v(y)", vs)), (x, _) => -x);
    }

    /// <summary>
    /// A crossbar column read by a TIA: the rows are driven at +/- u_i t Vread (t swept), the bias rows at +/- Vread;
    /// the output is the TIA's, in values: z = t (w . u) + b.
    /// </summary>
    public static BlockBench Crossbar(BlockDefinition def, FidelityLevel level, SignalScale scale, Crossbar xb, double[] direction,
        double readVoltage, SubcircuitText tia, Range range, Func<double, double> ideal, IEnumerable<string> comments)
    {
        var vs = scale.VoltsPerUnit;
        var memristors = xb.Memristor is not null;
        var more = comments.ToList();
        if (memristors)
        {
            more.Add("ngspice (and our engine) set 'time' to the swept value in a .dc sweep: sweeping vsweep over values <= 0");
            more.Add("keeps the memristors' drift (gated by time > 0) off; t = v(s) + Vs through voff");
        }
        var sb = Begin(Title(def, level, $"a {xb.Outputs}x{xb.Inputs} crossbar column and its TIA against z = t (w . u) + b"),
            Comments(def, level, scale, more), xb.ToSubcircuit(), tia);
        if (memristors) sb.Append("vsweep s 0 dc 0\n").Append($"voff t s dc {N(vs)}\n");
        else sb.Append("vt t 0 dc 0\n");
        for (var i = 0; i < xb.Inputs; i++)
        {
            var g = direction[i] * readVoltage / vs;
            sb.Append($"ep{i} p{i} 0 t 0 {N(g)}\n").Append($"en{i} n{i} 0 t 0 {N(-g)}\n");
        }
        if (xb.HasBias) sb.Append($"vpb pb 0 dc {N(readVoltage)}\nvnb nb 0 dc {N(-readVoltage)}\n");
        sb.Append("x1 ").Append(string.Join(' ', xb.Ports)).Append(' ').Append(xb.Name).Append('\n');
        sb.Append($"x2 c0 y {tia.Name}\n");
        sb.Append(DcOptions);
        sb.Append(memristors
            ? $".dc vsweep {N((range.Start - 1) * vs)} {N((range.Stop - 1) * vs)} {N(range.Step * vs)}\n"
            : $".dc vt {N(range.Start * vs)} {N(range.Stop * vs)} {N(range.Step * vs)}\n");
        sb.Append(".print dc v(t) v(y)\n.end\n");
        return new BlockBench(def, level, xb.ToSubcircuit(), sb.ToString(), $"input scale t {range} along u = ({string.Join(", ", direction.Select(N))})",
            r => (Values(r[0], "v(t)", vs), null, Values(r[0], "v(y)", vs)), (t, _) => ideal(t));
    }

    /// <summary>
    /// The sample-and-hold in a clocked transient: a staircase input, one step per clock period (changing in the middle
    /// of phi2, so it is flat while phi1 samples); input k is read at the end of phi1 of period k and the output at the
    /// end of its hold, just before phi2 of period k + 1 rises.
    /// </summary>
    public static BlockBench SampleHold(BlockDefinition def, FidelityLevel level, SignalScale scale, SubcircuitText block, TwoPhaseClock clock,
        double[] steps)
    {
        var vs = scale.VoltsPerUnit;
        var t = clock.Period;
        var clk = clock.ToSubcircuit("clock");
        var sb = Begin(Title(def, level, $"a staircase input sampled by a two-phase clock (T = {N(t)} s)"),
            Comments(def, level, scale, [
                "input k is flat from (k - 1/4) T to (k + 3/4) T; phi1 of period k samples it, phi2 passes it to the output,",
                "which holds it until phi2 of period k + 1: compare out just before that with input k",
            ]), block, clk);
        var pwl = new StringBuilder($"vx x 0 dc {N(steps[0] * vs)} pwl(0 {N(steps[0] * vs)}");
        var rise = t / 100;
        for (var k = 1; k < steps.Length; k++)
            pwl.Append($"\n+ {N(k * t - t / 4)} {N(steps[k - 1] * vs)} {N(k * t - t / 4 + rise)} {N(steps[k] * vs)}");
        sb.Append(pwl).Append(")\n");
        sb.Append($"xclk phi1 phi2 {clk.Name}\n");
        sb.Append($"x1 x y phi1 phi2 {block.Name}\n");
        var stop = (steps.Length + 1) * t;
        sb.Append($".tran {N(t / 200)} {N(stop)} 0 {N(t / 50)}\n.print tran v(x) v(y)\n.end\n");
        return new BlockBench(def, level, block, sb.ToString(), $"{steps.Length} input steps {N(steps[0])} .. {N(steps[^1])}, one per clock period {N(t)} s",
            r =>
            {
                var time = r[0]["time"].Real;
                var x = r[0]["v(x)"].Real;
                var y = r[0]["v(y)"].Real;
                var input = steps.Select((_, k) => Interpolate(time, x, clock.Phase1End(k) - clock.Edge) / vs).ToArray();
                var held = steps.Select((_, k) => Interpolate(time, y, clock.Phase2Start(k + 1)) / vs).ToArray();
                return (input, null, held);
            }, (v, _) => v);
    }

    /// <summary>Linear interpolation of a waveform at time <paramref name="at"/>.</summary>
    internal static double Interpolate(double[] time, double[] values, double at)
    {
        var i = Array.BinarySearch(time, at);
        if (i >= 0) return values[i];
        i = ~i;
        if (i == 0) return values[0];
        if (i >= time.Length) return values[^1];
        var f = (at - time[i - 1]) / (time[i] - time[i - 1]);
        return values[i - 1] + f * (values[i] - values[i - 1]);
    }
}
