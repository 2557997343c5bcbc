using Hwsim.Bridge.Comparison;
using Hwsim.Bridge.MonteCarlo;
using Hwsim.Circuits.Blocks;

namespace Hwsim.Bridge.Tests;

/// <summary>The pieces of a Monte Carlo study that must never drift: sample seeds, statistics, the CSV round trip.</summary>
public class MonteCarloTableTests
{
    [Fact]
    public void When_SampleSeedDerived_Expect_TheStableHashOfSeedAndIndex()
    {
        // golden values computed independently in Python from the SplitMix64 finaliser
        Assert.Equal(6915206964022700985L, SampleSeeds.Of(1, 0));
        Assert.Equal(442959779040642183L, SampleSeeds.Of(42, 3));
    }

    [Fact]
    public void When_Summarised_Expect_NumpyPercentilesAndSampleDeviation()
    {
        double[] x = { 10, 2, 4, 1, 3 };
        // numpy.percentile(x, [5, 50, 95]) = [1.2, 3, 8.8]; numpy.std(x, ddof=1) = sqrt(12.5)
        Assert.Equal(1.2, MonteCarloSummary.Percentile(x, 0.05)!.Value, 1e-15);
        Assert.Equal(3, MonteCarloSummary.Percentile(x, 0.50)!.Value);
        Assert.Equal(8.8, MonteCarloSummary.Percentile(x, 0.95)!.Value, 1e-14);
        Assert.Equal(Math.Sqrt(12.5), MonteCarloSummary.Std(x)!.Value, 1e-15);
        Assert.Equal(0, MonteCarloSummary.Std(new[] { 5.0 }));
        Assert.Null(MonteCarloSummary.Mean(Array.Empty<double>()));
    }

    [Fact]
    public void When_RowsWrittenAndRead_Expect_TheSameRowsAndBytes()
    {
        var rows = new[]
        {
            new MonteCarloRow("b", FidelityLevel.Macro, 1, 7, 0.1 / 3, 1e-17, TaskMetric.Accuracy, 0.97, 0.935, 0.965, "0.1"),
            new MonteCarloRow("a,\"x\"", FidelityLevel.Macro, 0, long.MaxValue, Math.PI, 2, TaskMetric.None, null, null, null, "0"),
            new MonteCarloRow("b", FidelityLevel.Macro, 0, 5, 1, 2, TaskMetric.Rmse, 0.5, 0.6, null, "0"),
        };
        var values = new string?[] { "0", "0.1" };
        var sorted = MonteCarloTable.Sorted(rows, values);
        Assert.Equal(new[] { "a,\"x\"", "b", "b" }, sorted.Select(r => r.Demo));
        Assert.Equal(new[] { "0", "0", "0.1" }, sorted.Select(r => r.SweepValue));
        var text = MonteCarloTable.Write(sorted, "variation");
        var back = MonteCarloTable.Read(text, "variation", "montecarlo.csv");
        Assert.Equal(sorted, back);
        Assert.Equal(text, MonteCarloTable.Write(back, "variation"));
        Assert.Throws<MonteCarloException>(() => MonteCarloTable.Read(text, null, "montecarlo.csv"));
    }

    [Fact]
    public void When_ShardsSplitAStudy_Expect_EverySampleInExactlyOne()
    {
        var shards = Enumerable.Range(0, 4).Select(i => new Shard(i, 4)).ToList();
        var all = shards.SelectMany(s => s.Samples(10)).OrderBy(k => k).ToList();
        Assert.Equal(Enumerable.Range(0, 10), all);
        Assert.Equal(new[] { 1, 5, 9 }, shards[1].Samples(10));
        Assert.Null(Shard.TryParse("4/4", out var problem));
        Assert.Contains("0 .. N-1", problem);
        Assert.Null(Shard.TryParse("-1/4", out _));
        Assert.Null(Shard.TryParse("1/0", out _));
        Assert.Equal(new Shard(2, 5), Shard.TryParse("2/5", out _));
    }
}
