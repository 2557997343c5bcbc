using Hwsim.Verification;
using Hwsim.Circuits.Solver;

namespace Hwsim.Circuits.Tests.Solver;

public sealed class CrossbarTests
{
    [Theory]
    [InlineData(4)]
    [InlineData(16)]
    [InlineData(32)]
    public void When_CrossbarSolved_Expect_SmallResidual(int n)
    {
        var crossbar = new CrossbarMatrix(n);
        var lu = new SparseLU<double>(crossbar.Matrix);
        lu.Factorize();
        var x = (double[])crossbar.Rhs.Clone();
        lu.Solve(x);

        Assert.True(DenseReference.RelativeResidual(crossbar.Matrix, x, crossbar.Rhs) < 1e-12);
    }

    [Fact]
    public void When_Crossbar64Factored_Expect_FillWithinOneAndAHalfOfKlu()
    {
        // KLU (AMD order) reaches about 0.28 M non-zeros in L + U for N = 64; we allow 1.5 times that.
        var crossbar = new CrossbarMatrix(64);
        var lu = new SparseLU<double>(crossbar.Matrix);
        lu.Factorize();
        var x = (double[])crossbar.Rhs.Clone();
        lu.Solve(x);

        Assert.Equal(2 * 64 * 64 + 64, crossbar.Size);
        Assert.True(lu.LuNonZeros <= 1.5 * 280_000, $"nnz(L+U) = {lu.LuNonZeros}");
        Assert.True(DenseReference.RelativeResidual(crossbar.Matrix, x, crossbar.Rhs) < 1e-9);
    }
}
