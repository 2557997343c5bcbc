using System.Diagnostics;
using Hwsim.Bridge.Compiler;
using Hwsim.Bridge.Evaluation;
using Hwsim.Circuits;
using Hwsim.Circuits.Blocks;
using Hwsim.Circuits.Netlist;
using Hwsim.Circuits.Solver;

namespace Hwsim.Bridge.MonteCarlo;

/// <summary>How far one case of a running study has come (for progress lines and bars).</summary>
public sealed record MonteCarloProgress(string Demo, int Done, int Total, TimeSpan Elapsed)
{
    /// <summary>The time left at the pace so far, once a sample is done.</summary>
    public TimeSpan? Remaining => Done == 0 ? null : TimeSpan.FromTicks(Elapsed.Ticks / Done * (Total - Done));
}

/// <summary>
/// Runs the samples of a study: each case and sweep value is prepared once (<see cref="StudyUnit"/>), then the
/// samples of this shard are shared out to <see cref="MonteCarloRequest.Jobs"/> workers. A worker reads each unit's
/// netlist once and gives every sample a fresh engine of it (sharing the unit's symbolic analysis), whose crossings it re-programs in place with the draws of
/// the sample's seed (no new netlist), each point's Newton iteration starting from the nominal solution there: a
/// sample is a function of its seed alone, bit for bit, whichever worker, shard or neighbour it has.
/// </summary>
public static class MonteCarloStudy
{
    public static IReadOnlyList<MonteCarloRow> Run(MonteCarloRequest request, Action<MonteCarloProgress>? progress = null)
    {
        if (request.Samples < 1) throw new ArgumentException("a study needs at least one sample");
        if (request.Level == FidelityLevel.Ideal)
            throw new ArgumentException("Monte Carlo at the ideal level is not available (it has no devices to draw)");
        var clock = Stopwatch.StartNew();
        var samples = request.Shard.Samples(request.Samples).ToArray();

        // progress per case: its units times this shard's samples
        var totals = request.Cases.ToDictionary(c => c.Name, c => request.SweepValues.Count * samples.Length);
        var done = request.Cases.ToDictionary(c => c.Name, _ => 0);
        var gate = new object();
        foreach (var c in request.Cases) progress?.Invoke(new MonteCarloProgress(c.Name, 0, totals[c.Name], clock.Elapsed));

        // the units are independent (at the device level each measures its settling in a transient): prepared on the
        // workers too, each into its place, so their order is the request's
        var plan = request.Cases.SelectMany(c => request.SweepValues.Select(value => (Case: c, Value: value))).ToArray();
        var prepared = new StudyUnit[plan.Length];
        OnWorkers(plan.Length, request.Jobs, () => i =>
            prepared[i] = StudyUnit.Prepare(plan[i].Case, request.Level, request.ProfileAt(plan[i].Case, plan[i].Value), plan[i].Value, request.ClockPeriod));
        var units = prepared.ToList();
        clock.Restart();   // the time left is estimated from the samples' pace alone

        var work = units.SelectMany((u, i) => samples.Select(k => (Unit: i, Sample: k))).ToArray();
        var rows = new MonteCarloRow[work.Length];
        OnWorkers(work.Length, request.Jobs, () =>
        {
            var parsed = new Dictionary<int, ParsedNetlist>();   // this worker's own reading of each unit's netlist
            return item =>
            {
                var (u, k) = work[item];
                var unit = units[u];
                try
                {
                    if (unit.Network.IsClocked)
                    {
                        rows[item] = RunClockedSample(unit, request.Seed, k);
                    }
                    else
                    {
                        if (!parsed.TryGetValue(u, out var netlist)) parsed[u] = netlist = ParseForSamples(unit);
                        rows[item] = RunSample(unit, netlist, request.Seed, k);
                    }
                }
                catch (Exception e) when (e is SimulationException or SolverException)
                {
                    throw Explain(e, unit, SampleSeeds.Of(request.Seed, k), k);
                }
                if (progress is null) return;
                lock (gate)
                {
                    var name = unit.Case.Name;
                    done[name]++;
                    progress(new MonteCarloProgress(name, done[name], totals[name], clock.Elapsed));
                }
            };
        });
        return MonteCarloTable.Sorted(rows, request.SweepValues);
    }

    /// <summary>
    /// Runs the items 0 .. count-1 on up to <paramref name="jobs"/> threads, each taking the next item as it is free,
    /// with the body <paramref name="worker"/> makes for it (its own state); the first failure stops the rest and is thrown.
    /// </summary>
    private static void OnWorkers(int count, int jobs, Func<Action<int>> worker)
    {
        var next = -1;
        Exception? failure = null;
        void Worker()
        {
            var body = worker();
            while (Volatile.Read(ref failure) is null)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= count) return;
                try
                {
                    body(i);
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref failure, e, null);
                    return;
                }
            }
        }
        var threads = Enumerable.Range(0, Math.Clamp(jobs, 1, Math.Max(1, count))).Select(j => new Thread(Worker) { Name = $"montecarlo worker {j}", IsBackground = true }).ToList();
        foreach (var t in threads) t.Start();
        foreach (var t in threads) t.Join();
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
    }

    /// <summary>
    /// The relative tolerance of the samples' Newton iterations. A converged SPICE Newton iteration reports the point of
    /// its last load, one step behind the newest iterate, so its error is about the last step: below RELTOL (1e-3)
    /// relative. A fresh operating point takes a few extra iterations (junction start, then a fixed and a floating
    /// pass) that make that step tiny, but a sample that goes on from the nominal solution stops as soon as the step is
    /// below RELTOL: at 1e-3 the outputs differed from the exact solution by up to 6e-4 (mlp-xor, lstm-airline) and
    /// 6e-3 on logits of 75 (mlp-shapes); at 1e-6 by at most 8e-6, for about 5 % more iterations.
    /// </summary>
    public const double SampleRelTol = 1e-6;

    /// <summary>A worker's own reading of a unit's netlist, with the samples' tolerance.</summary>
    private static ParsedNetlist ParseForSamples(StudyUnit unit)
    {
        var parsed = CircuitEvaluator.Parse(unit.Network);
        parsed.Options.RelTol = Math.Min(parsed.Options.RelTol, SampleRelTol);
        return parsed;
    }

    /// <summary>One sample: a fresh engine of the unit's netlist, its crossings drawn from the sample's seed.</summary>
    private static MonteCarloRow RunSample(StudyUnit unit, ParsedNetlist netlist, long studySeed, int sample)
    {
        var seed = SampleSeeds.Of(studySeed, sample);
        var evaluator = new CircuitEvaluator(unit.Network, netlist, unit.Symbolic);
        evaluator.Reprogram(unit.Profile with { Seed = seed });
        var circuit = evaluator.Run(unit.Case.Inputs, startFrom: unit.NominalSolutions);
        return Row(unit, sample, seed, circuit);
    }

    /// <summary>
    /// One device-level sample: the circuit compiled with the sample's draws (its memristors programmed to them), run
    /// as one clocked transient at the unit's clock period, as compare runs the device level.
    /// </summary>
    private static MonteCarloRow RunClockedSample(StudyUnit unit, long studySeed, int sample)
    {
        var seed = SampleSeeds.Of(studySeed, sample);
        var network = NetworkCompiler.Compile(unit.Case.Model, unit.Level, unit.Profile with { Seed = seed });
        var run = ClockedEvaluator.Run(network, unit.Case.Inputs, unit.ClockPeriod, unit.Ranges, ClockedEngine.Hwsim, waveforms: false);
        return Row(unit, sample, seed, run.Trace);
    }

    private static MonteCarloRow Row(StudyUnit unit, int sample, long seed, SignalTrace circuit)
    {
        var (max, rms, software, metric, agreement) = SampleMeasures.Of(unit.Case, unit.Software, circuit);
        return new MonteCarloRow(unit.Case.Name, unit.Level, sample, seed, max, rms, unit.Case.Metric, software, metric, agreement, unit.SweepValue);
    }

    /// <summary>A failed simulation, naming the sample and how to build its circuit again.</summary>
    private static SimulationException Explain(Exception e, StudyUnit unit, long seed, int sample) => new(
        $"{unit.Case.Name} sample {sample} (seed {seed}{(unit.SweepValue is { } v ? $", sweep value {v}" : "")}; hwsim compare with --seed {seed}{(unit.Network.IsClocked ? $" --clock-period {unit.ClockPeriod.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}" : "")} builds its circuit): {e.Message}",
        (e as SimulationException)?.Culprits);
}
