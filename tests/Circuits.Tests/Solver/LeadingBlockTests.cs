using CsCheck;
using Hwsim.Circuits.Solver;

namespace Hwsim.Circuits.Tests.Solver;

/// <summary>
/// The constrained order (constant unknowns first) and the reuse of its leading block: solutions equal a plain
/// factorisation's, the leading block is computed once while its values hold, and a leading column with no acceptable
/// pivot on a constant row falls back to the plain pivot rule.
/// </summary>
public sealed class LeadingBlockTests
{
    [Fact]
    public void When_OnlyTrailingValuesChange_Expect_LeadingBlockReusedAndSolutionsOfAPlainFactorisation()
    {
        Gen.Select(Gen.Int[4, 60], Gen.Int[0, int.MaxValue])
            .Sample(
                (n, seed) =>
                {
                    var matrix = RandomSystems.PermutedDominant<double>(n, seed, 0.15, permute: false);
                    var random = new Random(seed);
                    var varying = Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.2).ToArray();
                    varying[random.Next(n)] = true;
                    var symbolic = SymbolicAnalysis.Analyze(matrix, varying, varying, BlockPolicy.Always);
                    var lu = new SparseLU<double>(matrix, symbolic);
                    lu.Factor();
                    if (symbolic.LeadingSize == 0)
                    {
                        return; // every unknown tied to a varying one
                    }

                    Assert.True(lu.KeepsLeadingBlock);
                    for (int round = 0; round < 3; round++)
                    {
                        // Values change only among varying unknowns, as a device's stamps do among its terminals.
                        for (int col = 0; col < n; col++)
                        {
                            for (int p = matrix.ColumnPointers[col]; p < matrix.ColumnPointers[col + 1]; p++)
                            {
                                int row = matrix.RowIndices[p];
                                if (varying[row] && varying[col] && random.NextDouble() < 0.5)
                                {
                                    matrix.Values[matrix.PositionHandles[p]] *= 1 + (0.2 * (random.NextDouble() - 0.5));
                                }
                            }
                        }

                        Assert.True(lu.Refactor());
                        AssertSolvesLikePlain(matrix, lu, seed + round);
                    }

                    Assert.Equal(1, lu.LeadingBlockFactorizations);
                    Assert.Equal(3, lu.LeadingBlockReuses);

                    // A constant value changes (a new Monte Carlo sample): the leading block is computed again.
                    int leadingColumn = symbolic.ColumnAtStep(0) - 1;
                    matrix.Values[matrix.PositionHandles[matrix.ColumnPointers[leadingColumn]]] *= 1.1;
                    Assert.True(lu.Refactor());
                    Assert.Equal(2, lu.LeadingBlockFactorizations);
                    AssertSolvesLikePlain(matrix, lu, seed);
                });
    }

    [Fact]
    public void When_PivotSearchAtUnchangedLeadingValues_Expect_ResumedSearchEqualsFullSearch()
    {
        Gen.Select(Gen.Int[4, 60], Gen.Int[0, int.MaxValue])
            .Sample(
                (n, seed) =>
                {
                    var matrix = RandomSystems.PermutedDominant<double>(n, seed, 0.15, permute: false);
                    var random = new Random(seed);
                    var varying = Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.3).ToArray();
                    varying[random.Next(n)] = true;
                    var symbolic = SymbolicAnalysis.Analyze(matrix, varying, varying, BlockPolicy.Always);
                    var lu = new SparseLU<double>(matrix, symbolic);
                    lu.Factor();
                    for (int round = 0; round < 3; round++)
                    {
                        // Large changes among the varying unknowns, so that the search may pivot elsewhere.
                        for (int col = 0; col < n; col++)
                        {
                            for (int p = matrix.ColumnPointers[col]; p < matrix.ColumnPointers[col + 1]; p++)
                            {
                                if (varying[matrix.RowIndices[p]] && varying[col] && random.NextDouble() < 0.5)
                                {
                                    matrix.Values[matrix.PositionHandles[p]] *= 1e-4 + (3 * random.NextDouble());
                                }
                            }
                        }

                        lu.Factor();
                        var fresh = new SparseLU<double>(matrix, symbolic);
                        fresh.Factor();
                        Assert.Equal(fresh.LuNonZeros, lu.LuNonZeros);
                        Assert.Equal(fresh.OffDiagonalPivots, lu.OffDiagonalPivots);
                        for (int k = 0; k < n; k++)
                        {
                            Assert.Equal(fresh.RowAtStep(k), lu.RowAtStep(k));
                        }

                        double[] b = RandomSystems.Rhs<double>(n, seed + round);
                        double[] x = (double[])b.Clone();
                        double[] y = (double[])b.Clone();
                        lu.Solve(x);
                        fresh.Solve(y);
                        Assert.Equal(y, x); // the same operations in the same order
                    }

                    if (symbolic.LeadingSize > 0 && lu.KeepsLeadingBlock)
                    {
                        Assert.Equal(1, lu.LeadingBlockFactorizations);
                        Assert.Equal(3, lu.LeadingBlockReuses);
                    }
                });
    }

    [Fact]
    public void When_ConstantColumnReachesVaryingRow_Expect_ItTrailsAndNoFallback()
    {
        // Unknown 0's row and column are constant, but its column reaches row 2, which varies, with an entry far larger
        // than its diagonal (as an op-amp input's transconductance dwarfs a crossbar node's conductances). Leading, it
        // would fail the pivot test at every search; it trails instead, and the block keeps only unknown 1.
        var matrix = new SparseMatrix<double>(3);
        int[,] h = new int[3, 3];
        foreach (var (r, c) in new[] { (1, 1), (3, 1), (1, 2), (2, 2), (2, 3), (3, 3), (1, 3) })
        {
            h[r - 1, c - 1] = matrix.GetElement(r, c);
        }

        matrix.FixStructure();
        matrix.Values[h[0, 0]] = 1e-9;
        matrix.Values[h[2, 0]] = 1;
        matrix.Values[h[0, 1]] = 1;
        matrix.Values[h[1, 1]] = 2;
        matrix.Values[h[1, 2]] = 0.5;
        matrix.Values[h[2, 2]] = 3;
        matrix.Values[h[0, 2]] = 1;
        var varyingRows = new[] { false, false, true };
        var varyingColumns = new[] { false, false, true };
        var symbolic = SymbolicAnalysis.Analyze(matrix, varyingRows, varyingColumns, BlockPolicy.Always);
        Assert.Equal(1, symbolic.LeadingSize);
        Assert.Equal(2, symbolic.ColumnAtStep(0));
        var lu = new SparseLU<double>(matrix, symbolic);
        lu.Factor();

        Assert.Equal(0, lu.LeadingPivotFallbacks);
        Assert.True(lu.KeepsLeadingBlock);
        AssertSolvesLikePlain(matrix, lu, 1);
        matrix.Values[h[2, 2]] = 4;
        Assert.True(lu.Refactor());
        Assert.Equal(1, lu.LeadingBlockReuses);
        AssertSolvesLikePlain(matrix, lu, 2);
    }

    [Fact]
    public void When_ConstrainedOrder_Expect_LeadingUnknownsFirst()
    {
        var matrix = RandomSystems.PermutedDominant<double>(40, 3, 0.1, permute: false);
        var varying = Enumerable.Range(0, 40).Select(i => i % 7 == 0).ToArray();
        var symbolic = SymbolicAnalysis.Analyze(matrix, varying, varying, BlockPolicy.Always);

        // Trailing: the varying unknowns and those whose column reaches a varying row.
        var pointers = matrix.ColumnPointers;
        var rows = matrix.RowIndices;
        var trails = (bool[])varying.Clone();
        for (int j = 0; j < 40; j++)
        {
            for (int p = pointers[j]; p < pointers[j + 1]; p++)
            {
                trails[j] |= varying[rows[p]];
            }
        }

        Assert.InRange(trails.Count(t => t), varying.Count(v => v) + 1, 39);
        Assert.Equal(40 - trails.Count(t => t), symbolic.LeadingSize);
        for (int k = 0; k < 40; k++)
        {
            Assert.Equal(k >= symbolic.LeadingSize, trails[symbolic.ColumnAtStep(k) - 1]);
        }
    }

    private static void AssertSolvesLikePlain(SparseMatrix<double> matrix, SparseLU<double> lu, int seed)
    {
        double[] b = RandomSystems.Rhs<double>(matrix.Size, seed);
        double[] x = (double[])b.Clone();
        lu.Solve(x);
        var plain = new SparseLU<double>(matrix);
        plain.Factorize();
        double[] y = (double[])b.Clone();
        plain.Solve(y);
        double scale = y.Max(Math.Abs);
        for (int i = 1; i <= matrix.Size; i++)
        {
            Assert.True(Math.Abs(x[i] - y[i]) <= 1e-12 * scale, $"x[{i}] = {x[i]}, plain {y[i]}");
        }
    }
}
