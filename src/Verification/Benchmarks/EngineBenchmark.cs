using System.Diagnostics;
using Hwsim.Circuits.Netlist;
using Hwsim.Circuits.Results;
using Hwsim.Circuits.Simulation;

namespace Hwsim.Verification;

/// <summary>What one benchmark case measured.</summary>
public sealed record BenchmarkMeasurement(
    string Case, int Unknowns, int MatrixNonZeros, int LuNonZeros, int NewtonIterations, int TimePoints,
    TimeSpan FirstRun, TimeSpan BestRun, TimeSpan? Ngspice, string NgspiceSource, string NetlistPath,
    ComparisonReport? Agreement)
{
    /// <summary>ngspice time over our best time: how many times faster we are (null when ngspice was not timed).</summary>
    public double? Speedup => Ngspice is { } n ? n.TotalSeconds / BestRun.TotalSeconds : null;
}

/// <summary>
/// Times a case in our engine (the whole of what <c>hwsim run</c> does after start-up: read, set up, order, solve)
/// and in ngspice on the same netlist file, in the same run, so that the ratio is fair on a noisy machine.
/// </summary>
public static class EngineBenchmark
{
    public static BenchmarkMeasurement Measure(BenchmarkCase c, int repeats, bool timeNgspice, TimeSpan? recordedNgspice, string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, c.Name + ".cir");
        File.WriteAllText(path, c.Netlist());

        EngineStatistics? stats = null;
        IReadOnlyList<AnalysisResult>? ours = null;
        TimeSpan Once()
        {
            var start = Stopwatch.GetTimestamp();
            var parsed = NetlistReader.ReadFile(path);
            var results = NetlistRun.RunAll(parsed);
            var elapsed = Stopwatch.GetElapsedTime(start);
            stats = results[^1].Statistics;
            ours = results;
            return elapsed;
        }

        var first = Once();
        var best = first;
        for (var i = 1; i < Math.Max(1, repeats); i++)
        {
            var t = Once();
            if (t < best) best = t;
        }

        TimeSpan? ngspice = recordedNgspice;
        var source = recordedNgspice is null ? "not timed" : "recorded";
        ComparisonReport? agreement = null;
        if (timeNgspice)
        {
            var runner = new NgspiceRunner { Timeout = TimeSpan.FromHours(1) };
            var reference = runner.Run(path);
            ngspice = reference.Elapsed;
            source = "timed now";
            // The last analysis of each is compared (a case has one): every vector ngspice wrote, engine tolerances.
            agreement = ResultComparer.Compare(reference.Plots[^1], ours![^1]);
        }
        var st = stats!;
        return new BenchmarkMeasurement(c.Name, st.Unknowns, st.MatrixNonZeros, st.LuNonZeros, st.NewtonIterations,
            st.AcceptedTimePoints, first, best, ngspice, source, path, agreement);
    }
}
