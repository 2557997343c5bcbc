using Hwsim.Bridge.Compiler;
using Hwsim.Circuits.Analyses;
using Hwsim.Circuits.Netlist;
using Hwsim.Verification;

namespace Hwsim.Bridge.Evaluation;

/// <summary>The simulator that runs a clocked transient.</summary>
public enum ClockedEngine
{
    /// <summary>Our own engine.</summary>
    Hwsim,
    /// <summary>ngspice in batch mode, on the same netlist text.</summary>
    Ngspice,
}

/// <summary>The result of one clocked transient: every signal at every read time, and the timing and energy.</summary>
public sealed record ClockedRun(SignalTrace Trace, DeviceTiming Timing, string Netlist);

/// <summary>
/// Runs a device-level network as ONE clocked transient (<see cref="ClockedTransient"/>): a whole sequence, or a batch
/// of samples one per period. Nothing passes through software between steps: the inputs are PWL sources fixed before
/// the run, the LSTM states live on the sample-and-hold capacitors, and the signals are read from the waveforms at the
/// end of each compute phase.
/// </summary>
public static class ClockedEvaluator
{
    /// <summary>How many periods of node waveforms are kept for the waveform figure.</summary>
    public const int WavePeriods = 12;

    /// <param name="network">A device-level network.</param>
    /// <param name="rows">Inputs, one row per period.</param>
    /// <param name="period">The clock period (s).</param>
    /// <param name="ranges">Per signal of the network, its range in network units (for the settling tolerance); null: 1.</param>
    /// <param name="engine">The simulator.</param>
    /// <param name="waveforms">Keep the waveform figure's nodes over the first periods.</param>
    /// <param name="cancel">Stops our engine's transient (with an <see cref="OperationCanceledException"/>) at its next time point.</param>
    public static ClockedRun Run(CompiledNetwork network, IReadOnlyList<double[]> rows, double period, IReadOnlyList<double>? ranges = null,
        ClockedEngine engine = ClockedEngine.Hwsim, bool waveforms = true, CancellationToken cancel = default)
    {
        var schedule = new ClockSchedule(period, rows.Count, network.NeedsClock);
        var vs = network.Profile.SignalVoltsPerUnit;

        // the channels: every signal node, every supply's current and voltage, the clock and the inputs
        var names = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        int Channel(string name)
        {
            if (!index.TryGetValue(name, out var i)) { i = names.Count; names.Add(name); index[name] = i; }
            return i;
        }
        var signals = network.Signals.Select(s => Channel($"v({s.Node})")).ToArray();
        var kinds = new List<string>();
        int Kind(string k)
        {
            var i = kinds.IndexOf(k);
            if (i < 0) { kinds.Add(k); i = kinds.Count - 1; }
            return i;
        }
        var supplyList = network.Supplies.Select(s => (Source: s.Source, Node: s.Source, s.Kind)).ToList();
        if (schedule.Clock is not null)
        {
            supplyList.Add(("vphi1", "phi1", ClockedTransient.ClockKind));
            supplyList.Add(("vphi2", "phi2", ClockedTransient.ClockKind));
        }
        supplyList.AddRange(network.Inputs.Select(i => (i.Source, i.Node, ClockedTransient.InputKind)));
        var supplies = supplyList.Select(s => new ClockedRecorder.SupplyChannel(Channel($"i({s.Source})"), Channel($"v({s.Node})"), Kind(s.Kind))).ToArray();

        // settling is watched on the outputs and, for sequence models, on c and h (they must settle before they are sampled)
        var watched = network.Outputs.Concat(network.States.Select(s => s.Next)).Distinct().ToList();
        var signalIndex = network.Signals.Select((s, i) => (s, i)).ToDictionary(x => x.s.Node, x => x.i);
        var settle = watched.Select(s => Channel($"v({s.Node})")).ToArray();
        var tolerance = watched.Select(s =>
        {
            var range = ranges is not null && signalIndex.TryGetValue(s.Node, out var i) ? ranges[i] : 1;
            return 1e-3 * Math.Max(range, 1e-2) * vs;
        }).ToArray();

        var waveNames = waveforms ? WaveNodes(network) : new List<string>();
        var wave = waveNames.Select(n => Channel($"v({n})")).ToArray();

        var recorder = new ClockedRecorder(schedule, signals, vs, supplies, 0 + kinds.Count, settle, tolerance, wave, WavePeriods);
        var netlist = ClockedTransient.Netlist(network, rows, schedule, save: engine == ClockedEngine.Ngspice ? names : null);
        if (engine == ClockedEngine.Hwsim) RunOurs($"{network.Name}.device.cir", netlist, names, recorder, cancel);
        else RunNgspice(netlist, names, recorder);
        recorder.Finish();

        var energyPerPoint = new double[rows.Count];
        var byKind = new Dictionary<string, double>();
        for (var p = 0; p < rows.Count; p++)
            for (var k = 0; k < kinds.Count; k++)
            {
                energyPerPoint[p] += recorder.Energy[p, k];
                byKind[kinds[k]] = byKind.GetValueOrDefault(kinds[k]) + recorder.Energy[p, k];
            }
        var total = energyPerPoint.Sum();
        var outputIndex = network.Outputs.Select(o => signalIndex[o.Node]).ToArray();
        var trace = new SignalTrace(network.Signals.Select(s => s.Name).ToList(), network.Outputs.Select(s => s.Name).ToList(),
            recorder.Values, recorder.Values.Select(v => outputIndex.Select(i => v[i]).ToArray()).ToArray());
        var timing = new DeviceTiming
        {
            ClockPeriod = period,
            SettlingTime = recorder.Settling.Max(),
            ComputeWindow = schedule.ComputeWindow,
            EnergyPerPoint = energyPerPoint,
            EnergyByKind = byKind,
            EnergyPerInference = network.IsSequenceModel ? total : total / rows.Count,
            SequencePerInference = network.IsSequenceModel,
            TimePoints = recorder.PointsSeen,
            Waveforms = waveforms ? new DeviceWaveforms(waveNames, recorder.WaveTimes.ToArray(), recorder.WaveValues.ToArray(), schedule) : null,
        };
        return new ClockedRun(trace, timing, netlist);
    }

    /// <summary>The nodes of the waveform figure: the clock, one gate, c and its hold, h and its hold (or the first inputs and outputs).</summary>
    private static List<string> WaveNodes(CompiledNetwork network)
    {
        var nodes = new List<string>();
        if (network.NeedsClock) nodes.AddRange(new[] { "phi1", "phi2" });
        nodes.Add(network.Inputs[0].Node);
        var gate = network.Signals.FirstOrDefault(s => s.Kind == SignalKind.Gate && s.Name.Contains(".f[", StringComparison.Ordinal));
        if (gate is not null) nodes.Add(gate.Node);
        foreach (var state in network.States.Where(s => s.Layer == 0 && s.Unit == 0))
        {
            nodes.Add(state.Next.Node);
            nodes.Add(state.IsCell ? state.Next.Node.Replace("_c", "_cp", StringComparison.Ordinal) : state.Next.Node.Replace("_h", "_hp", StringComparison.Ordinal));
        }
        nodes.Add(network.Outputs[0].Node);
        return nodes.Distinct().ToList();
    }

    /// <summary>Runs the netlist's <c>.tran</c> in our engine, feeding the recorder the named vectors (<c>v(node)</c>, <c>i(source)</c>) point by point.</summary>
    internal static void RunOurs(string source, string netlist, IReadOnlyList<string> names, ClockedRecorder recorder, CancellationToken cancel = default)
    {
        var parsed = NetlistReader.Parse(netlist, source);
        var engine = parsed.CreateEngine();
        var unknowns = engine.State.Unknowns;
        var map = names.Select(n =>
        {
            var inner = n[2..^1];
            var ok = n[0] == 'v' ? unknowns.TryGetIndex(inner, out var i) : unknowns.TryGetBranch(inner, out i);
            return ok ? i : throw new InvalidOperationException($"the clocked transient {source} has no {n}");
        }).ToArray();
        var tran = parsed.Analyses.OfType<TransientAnalysis>().Single();
        var x = new double[map.Length];
        var run = new TransientAnalysis(tran.Step, tran.Stop, tran.Start, tran.MaxStep)
        {
            KeepPoints = false,
            Observer = (t, solution) =>
            {
                cancel.ThrowIfCancellationRequested();
                for (var c = 0; c < map.Length; c++) x[c] = solution[map[c]];
                recorder.Add(t, x);
            },
        };
        run.Run(engine);
    }

    internal static void RunNgspice(string netlist, IReadOnlyList<string> names, ClockedRecorder recorder)
    {
        var runner = new NgspiceRunner { Timeout = TimeSpan.FromMinutes(30) };
        var result = runner.RunText(netlist);
        var plot = result.Plots.First(p => p.Analysis == Hwsim.Circuits.Results.AnalysisKind.Transient);
        var time = plot.RealValues("time");
        var columns = names.Select(n => plot.RealValues(n)).ToArray();
        var x = new double[names.Count];
        for (var p = 0; p < time.Count; p++)
        {
            for (var c = 0; c < columns.Length; c++) x[c] = columns[c][p];
            recorder.Add(time[p], x);
        }
    }
}
