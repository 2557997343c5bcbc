using System.Diagnostics;
using Hwsim.Circuits.Solver;
using Xunit.Abstractions;

namespace Hwsim.Circuits.Tests.Solver;

[Trait("Category", "Benchmark")]
public sealed class SolverBenchmarkTests(ITestOutputHelper output)
{
    [BenchmarkFact]
    public void Crossbar_Timings()
    {
        // Warm the JIT on a small case first.
        Run(8, print: false);
        output.WriteLine($"{"N",5} {"unknowns",9} {"nnz(A)",9} {"nnz(L+U)",10} {"chol(L)",9} {"offdiag",7} {"analyze",9} {"(amd)",9} {"factor",9} {"refactor",9} {"solve",9} {"resid",9}");
        foreach (int n in new[] { 32, 64, 128, 256 })
        {
            Run(n, print: true);
        }
    }

    private void Run(int n, bool print)
    {
        var crossbar = new Crossbar(n);
        var lu = new SparseLU<double>(crossbar.Matrix);
        long t0 = Stopwatch.GetTimestamp();
        lu.Analyze();
        long t1 = Stopwatch.GetTimestamp();
        lu.Factor();
        long t2 = Stopwatch.GetTimestamp();
        var x = (double[])crossbar.Rhs.Clone();
        lu.Solve(x);
        long t3 = Stopwatch.GetTimestamp();
        crossbar.Load();
        long t4 = Stopwatch.GetTimestamp();
        bool ok = lu.Refactor();
        long t5 = Stopwatch.GetTimestamp();
        Assert.True(ok);
        double residual = DenseReference.RelativeResidual(crossbar.Matrix, x, crossbar.Rhs);
        if (print)
        {
            SolverStatistics s = lu.Statistics;
            output.WriteLine(
                $"{n,5} {crossbar.Size,9} {crossbar.Matrix.NonZeros,9} {lu.LuNonZeros,10} {s.SymbolicLowerNonZeros,9} {s.OffDiagonalPivots,7} " +
                $"{Ms(t0, t1),9:F1} {s.OrderingTime.TotalMilliseconds,9:F1} {Ms(t1, t2),9:F1} {Ms(t4, t5),9:F1} {Ms(t2, t3),9:F2} {residual,9:E1}");
        }
    }

    private static double Ms(long a, long b) => (b - a) * 1000.0 / Stopwatch.Frequency;
}
