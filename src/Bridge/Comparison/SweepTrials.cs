using System.Runtime.ExceptionServices;
using Hwsim.Bridge.Evaluation;

namespace Hwsim.Bridge.Comparison;

/// <summary>
/// The period sweep's trials (one clocked transient per shorter period, longest first), run on worker threads while
/// the caller goes on (first with the main transient), and handed back in order. A worker starts a trial only while
/// fewer than <see cref="MaxAhead"/> trials are started and not yet taken, so a sweep the caller stops early wastes
/// little; disposing stops the workers, cancelling the transients they are in (our engine; an ngspice run finishes),
/// and waits for them.
/// </summary>
/// <typeparam name="TRun">A trial's result (<see cref="ClockedRun"/>).</typeparam>
internal sealed class SweepTrials<TRun> : IDisposable
    where TRun : class
{
    /// <summary>Trials started beyond the ones the caller has taken.</summary>
    public const int MaxAhead = 2;

    private readonly double[] _periods;
    private readonly Func<double, CancellationToken, TRun> _run;
    private readonly TaskCompletionSource<TRun>[] _slots;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _workers = new();
    private readonly object _gate = new();
    private int _nextToStart;
    private int _taken;

    /// <param name="period">The default period.</param>
    /// <param name="fractions">The trial periods as fractions of it, in the order they are tried.</param>
    /// <param name="run">Runs the trial at a period; should stop with an exception once the token is cancelled.</param>
    public SweepTrials(double period, IReadOnlyList<double> fractions, Func<double, CancellationToken, TRun> run)
    {
        _periods = fractions.Select(f => ClockCalibration.Tidy(period * f)).ToArray();
        _run = run;
        _slots = _periods.Select(_ => new TaskCompletionSource<TRun>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        AddWorker();
    }

    /// <summary>Starts one more worker (e.g. once the caller's own transient is done and its core is free).</summary>
    public void AddWorker()
    {
        lock (_gate)
        {
            if (_stop.IsCancellationRequested) return;
            _workers.Add(Task.Factory.StartNew(Work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default));
        }
    }

    private void Work()
    {
        var token = _stop.Token;
        while (true)
        {
            int i;
            lock (_gate)
            {
                while (!token.IsCancellationRequested && _nextToStart < _periods.Length && _nextToStart >= _taken + MaxAhead)
                    Monitor.Wait(_gate);
                if (token.IsCancellationRequested || _nextToStart >= _periods.Length) return;
                i = _nextToStart++;
            }
            try
            {
                _slots[i].SetResult(_run(_periods[i], token));
            }
            catch (Exception) when (token.IsCancellationRequested)
            {
                // stopped by the caller: this trial is not wanted
                _slots[i].TrySetCanceled();
                return;
            }
            catch (Exception e)
            {
                // handed over in its place: the caller meets it where running the trials in turn would have
                _slots[i].SetException(e);
            }
        }
    }

    /// <summary>The trials in order, (period, run); rethrows a trial's failure where it comes.</summary>
    public IEnumerable<(double Period, TRun Run)> InOrder()
    {
        for (var i = 0; i < _periods.Length; i++)
        {
            var slot = _slots[i].Task;
            try
            {
                slot.Wait();
            }
            catch (AggregateException e) when (e.InnerExceptions.Count == 1)
            {
                ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            }
            lock (_gate)
            {
                _taken = i + 1;
                Monitor.PulseAll(_gate);
            }
            yield return (_periods[i], slot.Result);
        }
    }

    public void Dispose()
    {
        Task[] workers;
        lock (_gate)
        {
            _stop.Cancel();
            Monitor.PulseAll(_gate);
            workers = _workers.ToArray();
        }
        Task.WaitAll(workers);
        _stop.Dispose();
    }
}
