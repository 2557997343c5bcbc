using Hwsim.Bridge.Comparison;
using Xunit;

namespace Hwsim.Bridge.Tests;

/// <summary>The period sweep's trials on their own thread: the same order and stopping rule as running them in turn.</summary>
public sealed class SweepTrialsTests
{
    private static readonly double[] Fractions = { 0.5, 0.25, 0.125, 0.0625 };

    [Fact]
    public void When_AllTrialsTaken_Expect_EveryPeriodInOrder()
    {
        using var trials = new SweepTrials<string>(1.0, Fractions, (t, _) => $"run at {t}");
        var got = trials.InOrder().ToList();
        Assert.Equal(new[] { 0.5, 0.25, 0.125, 0.0625 }, got.Select(g => g.Period));
        Assert.Equal("run at 0.25", got[1].Run);
    }

    [Fact]
    public void When_CallerStopsEarly_Expect_LaterTrialsCancelledNotAllRun()
    {
        var started = 0;
        var trials = new SweepTrials<string>(1.0, Fractions, (t, stop) =>
        {
            Interlocked.Increment(ref started);
            // a trial that runs until it is cancelled, except the first
            if (t < 0.5) { stop.WaitHandle.WaitOne(TimeSpan.FromSeconds(30)); stop.ThrowIfCancellationRequested(); }
            return $"run at {t}";
        });
        var first = trials.InOrder().First();
        trials.Dispose();
        Assert.Equal(0.5, first.Period);
        Assert.True(started <= 2, $"{started} trials started; at most the one taken and the one in flight");
    }

    [Fact]
    public void When_ATrialFails_Expect_ItsExceptionWhereItComesInOrder()
    {
        using var trials = new SweepTrials<string>(1.0, Fractions, (t, _) => t == 0.125 ? throw new InvalidOperationException("no convergence") : $"run at {t}");
        var seen = new List<double>();
        var e = Assert.Throws<InvalidOperationException>(() => { foreach (var (t, _) in trials.InOrder()) seen.Add(t); });
        Assert.Equal("no convergence", e.Message);
        Assert.Equal(new[] { 0.5, 0.25 }, seen);
    }

    [Fact]
    public void When_TwoWorkers_Expect_OrderKeptAndNoMoreThanMaxAheadStartedBeyondTheTaken()
    {
        var started = new List<double>();
        using var trials = new SweepTrials<string>(1.0, Fractions, (t, _) =>
        {
            lock (started) started.Add(t);
            Thread.Sleep(20);
            return $"run at {t}";
        });
        trials.AddWorker();
        var taken = 0;
        foreach (var (t, run) in trials.InOrder())
        {
            Assert.Equal($"run at {t}", run);
            taken++; // this one counts as taken once handed over
            lock (started) Assert.True(started.Count <= taken + SweepTrials<string>.MaxAhead, $"{started.Count} started with {taken} taken");
        }
        Assert.Equal(Fractions.Length, taken);
    }
}
