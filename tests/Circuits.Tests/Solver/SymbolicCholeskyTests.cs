using CsCheck;
using Hwsim.Circuits.Solver;

namespace Hwsim.Circuits.Tests.Solver;

public sealed class SymbolicCholeskyTests
{
    [Fact]
    public void When_RandomPatternAndOrder_Expect_DenseSymbolicCount()
    {
        Gen.Select(Gen.Int[1, 50], Gen.Int[0, int.MaxValue], Gen.Double[0.0, 0.3])
            .Sample(
                (n, seed, density) =>
                {
                    var pattern = Patterns.Random(n, seed, density);
                    int[] order = Enumerable.Range(0, n).ToArray();
                    new Random(seed).Shuffle(order);
                    var counts = new int[n];
                    long total = SymbolicCholesky.CountLower(pattern, order, counts);
                    Assert.Equal(Patterns.DenseSymbolicFill(pattern, order), total);
                    Assert.Equal(total, counts.Sum(c => (long)c));
                },
                iter: 200,
                threads: 1);
    }

    [Fact]
    public void When_TridiagonalNaturalOrder_Expect_NoFill()
    {
        var columns = Enumerable.Range(0, 10).Select(j => j + 1 < 10 ? new[] { j + 1 } : Array.Empty<int>()).ToArray();
        var pattern = Patterns.FromColumns(columns);
        Assert.Equal(9, SymbolicCholesky.CountLower(pattern, Enumerable.Range(0, 10).ToArray()));
    }
}
