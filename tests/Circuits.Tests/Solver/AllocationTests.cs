using Hwsim.Circuits.Tests.Support;
using Hwsim.Verification;
using System.Numerics;
using Hwsim.Circuits.Solver;

namespace Hwsim.Circuits.Tests.Solver;

/// <summary>Refactor and the solves run inside every Newton iteration: they must not allocate.</summary>
public sealed class AllocationTests
{
    [Fact]
    public void When_RefactorAndSolveRepeated_Expect_NoAllocation()
    {
        var crossbar = new CrossbarMatrix(10);
        var lu = new SparseLU<double>(crossbar.Matrix);
        double[] x = (double[])crossbar.Rhs.Clone();
        lu.Factorize();
        long allocated = SteadyStateAllocation.Bytes(() =>
        {
            for (int i = 0; i < 5; i++)
            {
                Cycle(lu, crossbar, x);
            }
        });

        Assert.Equal(0, allocated);
        Assert.True(lu.IsFactored);
    }

    [Fact]
    public void When_ComplexRefactorAndSolveRepeated_Expect_NoAllocation()
    {
        var matrix = RandomSystems.PermutedDominant<Complex>(40, 5, 0.1, permute: true);
        var lu = new SparseLU<Complex>(matrix);
        Complex[] x = RandomSystems.Rhs<Complex>(40, 6);
        lu.Factorize();
        lu.Factorize();
        lu.Solve(x);
        lu.SolveTransposed(x);

        long allocated = SteadyStateAllocation.Bytes(() =>
        {
            for (int i = 0; i < 20; i++)
            {
                Assert.True(lu.Refactor());
                lu.Solve(x);
                lu.SolveTransposed(x);
            }
        });

        Assert.Equal(0, allocated);
    }

    private static void Cycle(SparseLU<double> lu, CrossbarMatrix crossbar, double[] x)
    {
        crossbar.Load();
        if (!lu.Refactor())
        {
            throw new InvalidOperationException("Unexpected unhealthy pivot.");
        }

        lu.Factorize(); // Refactor path again
        crossbar.Rhs.CopyTo(x, 0);
        lu.Solve(x);
        lu.SolveTransposed(x);
    }
}
