using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Hwsim.Bridge.Evaluation;

namespace Hwsim.Bridge.Comparison;

/// <summary>
/// The period sweep's trials (one clocked transient per shorter period, longest first), run on a thread of their own
/// while the caller runs the main transient, and handed back in order. The worker keeps at most one finished trial
/// waiting besides the one it is running, so a sweep the caller stops early wastes at most that much; disposing
/// stops the worker, cancelling the transient it is in (our engine; an ngspice run finishes), and waits for it.
/// </summary>
/// <typeparam name="TRun">A trial's result (<see cref="ClockedRun"/>).</typeparam>
internal sealed class SweepTrials<TRun> : IDisposable
    where TRun : class
{
    private readonly BlockingCollection<(double Period, TRun? Run, ExceptionDispatchInfo? Error)> _done = new(boundedCapacity: 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _worker;

    /// <param name="period">The default period.</param>
    /// <param name="fractions">The trial periods as fractions of it, in the order they are tried.</param>
    /// <param name="run">Runs the trial at a period; must stop with an exception once the token is cancelled.</param>
    public SweepTrials(double period, IReadOnlyList<double> fractions, Func<double, CancellationToken, TRun> run)
    {
        var token = _stop.Token;
        _worker = Task.Factory.StartNew(() =>
        {
            try
            {
                foreach (var f in fractions)
                {
                    var t = ClockCalibration.Tidy(period * f);
                    (double, TRun?, ExceptionDispatchInfo?) item;
                    try
                    {
                        item = (t, run(t, token), null);
                    }
                    catch (Exception e) when (!token.IsCancellationRequested)
                    {
                        // handed over in its place: the caller meets it where running the trials in turn would have
                        item = (t, null, ExceptionDispatchInfo.Capture(e));
                    }
                    _done.Add(item, token);
                    if (item.Item3 is not null) return;
                }
            }
            catch (Exception) when (token.IsCancellationRequested)
            {
                // stopped by the caller: the trial in flight and the ones after it are not wanted
            }
            finally
            {
                _done.CompleteAdding();
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>The trials in order, (period, run); rethrows a trial's failure where it comes.</summary>
    public IEnumerable<(double Period, TRun Run)> InOrder()
    {
        foreach (var (t, run, error) in _done.GetConsumingEnumerable())
        {
            error?.Throw();
            yield return (t, run!);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _worker.Wait();
        _done.Dispose();
        _stop.Dispose();
    }
}
