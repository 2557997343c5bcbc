using CsCheck;
using Hwsim.Circuits.Solver;

namespace Hwsim.Circuits.Tests.Solver;

public sealed class MaximumTransversalTests
{
    [Fact]
    public void When_RandomPattern_Expect_MaximumValidMatching()
    {
        Gen.Select(Gen.Int[0, 40], Gen.Int[0, int.MaxValue], Gen.Double[0.0, 0.2])
            .Sample(
                (n, seed, density) =>
                {
                    var random = new Random(seed);
                    var columns = new List<int>[n];
                    for (int j = 0; j < n; j++)
                    {
                        columns[j] = Enumerable.Range(0, n).Where(_ => random.NextDouble() < density).ToList();
                    }

                    var pointers = new int[n + 1];
                    for (int j = 0; j < n; j++)
                    {
                        pointers[j + 1] = pointers[j] + columns[j].Count;
                    }

                    int[] rows = columns.SelectMany(c => c).ToArray();
                    var rowOfColumn = new int[n];
                    int rank = MaximumTransversal.Match(n, pointers, rows, rowOfColumn);

                    Assert.Equal(ReferenceRank(columns, n), rank);
                    var used = new HashSet<int>();
                    for (int j = 0; j < n; j++)
                    {
                        if (rowOfColumn[j] >= 0)
                        {
                            Assert.Contains(rowOfColumn[j], columns[j]);
                            Assert.True(used.Add(rowOfColumn[j]));
                        }
                    }

                    Assert.Equal(rank, used.Count);
                },
                iter: 300,
                threads: 1);
    }

    [Fact]
    public void When_DiagonalZeroFree_Expect_Identity()
    {
        // Full 5 x 5 pattern: any perfect matching would do, the diagonal must be kept.
        int n = 5;
        int[] pointers = Enumerable.Range(0, n + 1).Select(j => j * n).ToArray();
        int[] rows = Enumerable.Range(0, n * n).Select(p => p % n).ToArray();
        var rowOfColumn = new int[n];

        Assert.Equal(n, MaximumTransversal.Match(n, pointers, rows, rowOfColumn));
        Assert.Equal(Enumerable.Range(0, n), rowOfColumn);
    }

    // Kuhn's augmenting-path matching, recursive and simple.
    private static int ReferenceRank(List<int>[] columns, int n)
    {
        var columnOfRow = Enumerable.Repeat(-1, n).ToArray();
        int rank = 0;
        for (int j = 0; j < n; j++)
        {
            if (TryColumn(j, new bool[n]))
            {
                rank++;
            }
        }

        return rank;

        bool TryColumn(int j, bool[] seen)
        {
            foreach (int i in columns[j])
            {
                if (seen[i])
                {
                    continue;
                }

                seen[i] = true;
                if (columnOfRow[i] < 0 || TryColumn(columnOfRow[i], seen))
                {
                    columnOfRow[i] = j;
                    return true;
                }
            }

            return false;
        }
    }
}
