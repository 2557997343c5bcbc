using System.Globalization;
using System.Text;
using Hwsim.Bridge.Compiler;
using Hwsim.Circuits;

namespace Hwsim.Bridge.Evaluation;

/// <summary>
/// The whole clocked transient of a device-level network as one netlist that our engine and ngspice both run: the
/// compiled circuit, the two-phase clock (sequence models), the inputs as PWL sources that change once per period,
/// and <c>.tran</c>. With a control output file a <c>.control</c> block runs it and writes the signal
/// nodes at every time point, so that <c>ngspice -b FILE.cir</c> runs the file unchanged.
/// </summary>
public static class ClockedTransient
{
    /// <summary>The supply "kind" of the clock sources and of the input sources in the energy split.</summary>
    public const string ClockKind = "clock";
    public const string InputKind = "input";

    /// <summary>Times and voltages to 12 significant digits: exact enough, and readable.</summary>
    private static string N(double x) => x.ToString("G12", CultureInfo.InvariantCulture);

    public static string Netlist(CompiledNetwork network, IReadOnlyList<double[]> rows, ClockSchedule schedule,
        string? controlOutput = null, IEnumerable<string>? save = null)
    {
        if (!network.IsClocked) throw new ArgumentException($"{network.Name}: a {network.Level} circuit is not a clocked transient");
        if (rows.Count != schedule.Points) throw new ArgumentException($"{rows.Count} input rows for a schedule of {schedule.Points} points");
        var vs = network.Profile.SignalVoltsPerUnit;
        var byName = network.Inputs.ToDictionary(i => i.Source + " ", i => i);
        var sb = new StringBuilder();
        var lines = network.Netlist.TrimEnd().Split('\n');
        var last = lines.Length;
        if (lines[^1].Trim().Equals(".end", StringComparison.OrdinalIgnoreCase)) last--;
        for (var k = 0; k < last; k++)
        {
            var line = lines[k];
            var port = byName.FirstOrDefault(p => line.StartsWith(p.Key, StringComparison.Ordinal)).Value;
            if (port is null)
            {
                sb.Append(line).Append('\n');
                if (k == 0) Header(sb, network, schedule);
                continue;
            }
            sb.Append(port.Source).Append(' ').Append(port.Node).Append(" 0 ").Append(Pwl(rows, port.Index, vs, schedule)).Append('\n');
        }
        if (schedule.Clock is { } clock)
        {
            sb.Append(clock.ToSubcircuit("clk").Lines[0]).Append('\n');
            sb.Append(clock.ToSubcircuit("clk").Lines[1]).Append('\n');
        }
        if (save is not null) sb.Append(".save ").Append(string.Join(' ', save)).Append('\n');
        // Gear, not the trapezoidal default: the closed op-amp loops here (tens of ns) are stiff against steps of a
        // fortieth of a period, and trapezoidal integration leaves them ringing point to point (a relu rectifier's
        // node alternated by +/-4 mV for a whole period after leaving saturation); Gear damps them.
        sb.Append(".options method=gear\n");
        sb.Append(string.Create(CultureInfo.InvariantCulture,
            $".tran {N(schedule.Period / 100)} {N(schedule.Stop)} 0 {N(schedule.MaxStep)}\n"));
        if (controlOutput is not null)
        {
            var signals = network.Signals.Select(s => $"v({s.Node})");
            var supplies = network.Supplies.Select(s => $"i({s.Source})");
            sb.Append(".control\nset noaskquit\nrun\n");
            sb.Append("set wr_singlescale\nset wr_vecnames\n");
            sb.Append("wrdata ").Append(controlOutput).Append(' ').Append(string.Join(' ', signals.Concat(supplies))).Append('\n');
            sb.Append(".endc\n");
        }
        sb.Append(".end\n");
        return sb.ToString();
    }

    private static void Header(StringBuilder sb, CompiledNetwork network, ClockSchedule schedule)
    {
        var T = schedule.Period;
        sb.Append("* ---- clocked transient (hwsim, device level) ----\n");
        sb.Append(string.Create(CultureInfo.InvariantCulture,
            $"* {schedule.Points} {(network.IsSequenceModel ? "time steps of one sequence" : "samples, one per period")}, clock period T = {N(T)} s, .tran to {N(schedule.Stop)} s\n"));
        sb.Append(string.Create(CultureInfo.InvariantCulture,
            $"* inputs vin{{k}} (nodes in{{k}}) are PWL sources that move to the next value at k T over {N(schedule.InputEdge)} s\n"));
        if (schedule.Clock is { } c)
        {
            sb.Append(string.Create(CultureInfo.InvariantCulture,
                $"* clock: vphi1 (node phi1) and vphi2 (node phi2), {N(c.Low)} V = switch open, {N(c.High)} V = closed; gap {N(c.Gap)} s, edges {N(c.Edge)} s\n"));
            sb.Append(string.Create(CultureInfo.InvariantCulture,
                $"* phase 1 (k T + {N(c.Gap)} .. k T + {N(T / 2 - c.Gap)}): the network computes step k from in{{k}} and the held h, c; the master stages sample the new c, h\n"));
            sb.Append("* phase 2 (second half): the slave stages present the sampled c, h on the *_cp*/*_hp* nodes as the next step's previous values\n");
            sb.Append(string.Create(CultureInfo.InvariantCulture,
                $"* outputs are read at the end of phase 1: t = k T + {N(schedule.ComputeWindow)} s\n"));
        }
        else
        {
            sb.Append("* outputs are read at the end of each period, t = (k + 1) T, just before the next input arrives\n");
        }
        sb.Append("* supplies (energy = integral of -v i of each): "
                  + string.Join(", ", network.Supplies.Select(s => $"{s.Source} ({s.Kind})"))).Append('\n');
    }

    /// <summary>The PWL of input <paramref name="index"/>: each row's value (volts) held over its period.</summary>
    private static string Pwl(IReadOnlyList<double[]> rows, int index, double vs, ClockSchedule schedule)
    {
        var sb = new StringBuilder("pwl(0 ");
        sb.Append(N(rows[0][index] * vs));
        for (var p = 1; p < rows.Count; p++)
        {
            var t = schedule.ComputeStart(p);
            sb.Append(' ').Append(N(t)).Append(' ').Append(N(rows[p - 1][index] * vs));
            sb.Append(' ').Append(N(t + schedule.InputEdge)).Append(' ').Append(N(rows[p][index] * vs));
        }
        sb.Append(' ').Append(N(schedule.Stop)).Append(' ').Append(N(rows[^1][index] * vs)).Append(')');
        return sb.ToString();
    }
}
