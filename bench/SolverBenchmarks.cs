using Hwsim.Verification;
using BenchmarkDotNet.Attributes;
using Hwsim.Circuits.Solver;

namespace Hwsim.Bench;

/// <summary>
/// The sparse LU on the product's benchmark circuit, the operating point of an N x N resistive crossbar (see
/// <see cref="CrossbarMatrix"/>): each phase apart, so that the once-per-circuit cost (analyze, factor) and the
/// per-Newton-iteration cost (refactor, solve) can be read separately. Run with
/// <c>dotnet run -c Release --project bench -- --filter *Solver* --inProcess</c>.
/// </summary>
[MemoryDiagnoser]
public class SolverBenchmarks
{
    private CrossbarMatrix _crossbar = null!;
    private SparseLU<double> _lu = null!;
    private double[] _x = Array.Empty<double>();

    [Params(64, 128, 256)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _crossbar = new CrossbarMatrix(N);
        _lu = new SparseLU<double>(_crossbar.Matrix);
        _lu.Analyze();
        _lu.Factor();
        _x = new double[_crossbar.Matrix.Size + 1];
    }

    /// <summary>What a first operating point costs: analyze, factor and one solve on a fresh solver.</summary>
    [Benchmark]
    public int AnalyzeFactorSolve()
    {
        var lu = new SparseLU<double>(_crossbar.Matrix);
        lu.Analyze();
        lu.Factor();
        _crossbar.Rhs.CopyTo(_x, 0);
        lu.Solve(_x);
        return lu.LuNonZeros;
    }

    [Benchmark]
    public void Analyze() => new SparseLU<double>(_crossbar.Matrix).Analyze();

    [Benchmark]
    public void Factor() => _lu.Factor();

    [Benchmark]
    public bool Refactor() => _lu.Refactor();

    [Benchmark]
    public void Solve()
    {
        _crossbar.Rhs.CopyTo(_x, 0);
        _lu.Solve(_x);
    }
}
