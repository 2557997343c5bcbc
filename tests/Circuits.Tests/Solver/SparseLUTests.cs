using Hwsim.Verification;
using CsCheck;
using Hwsim.Circuits.Solver;

namespace Hwsim.Circuits.Tests.Solver;

public sealed class SparseLUTests
{
    [Fact]
    public void When_RandomPermutedDominantSystems_Expect_DenseLuSolution()
    {
        // Mostly zero diagonals: every pivot has to come from the maximum transversal. With the default threshold
        // (1e-3) the matched pivots may grow the factors a little, so the default run is held to the residual the
        // engine needs, and a run with plain partial pivoting (threshold 1) to the dense LU's accuracy.
        Gen.Select(Gen.Int[1, 60], Gen.Int[0, int.MaxValue], Gen.Double[0.0, 0.25], Gen.Bool)
            .Sample(
                (n, seed, density, permute) =>
                {
                    var matrix = RandomSystems.PermutedDominant<double>(n, seed, density, permute);
                    double[] b = RandomSystems.Rhs<double>(n, seed);
                    double[] expected = DenseReference.Solve(DenseReference.ToDense(matrix), b[1..]);
                    foreach (double threshold in new[] { 1e-3, 1.0 })
                    {
                        double[] x = (double[])b.Clone();
                        var lu = new SparseLU<double>(matrix, threshold);
                        lu.Factorize();
                        lu.Solve(x);

                        double tolerance = threshold < 1 ? 1e-8 : 1e-11;
                        Assert.Equal(0, x[0]);
                        Assert.True(DenseReference.RelativeResidual(matrix, x, b) < (threshold < 1 ? 1e-9 : 1e-14));
                        for (int i = 0; i < n; i++)
                        {
                            Assert.True(Math.Abs(x[i + 1] - expected[i]) <= tolerance * (1 + Math.Abs(expected[i])), $"x[{i + 1}]");
                        }
                    }
                },
                iter: 300,
                threads: 1);
    }

    [Fact]
    public void When_TinyDiagonal_Expect_OffDiagonalPivotsAndDenseSolution()
    {
        // The diagonal is structurally full (so the matching keeps it) but about 1e-8: threshold pivoting must
        // leave it for the dominant entries elsewhere in each column.
        int offDiagonal = 0;
        Gen.Select(Gen.Int[2, 50], Gen.Int[0, int.MaxValue], Gen.Double[0.0, 0.2])
            .Sample(
                (n, seed, density) =>
                {
                    var matrix = RandomSystems.PermutedDominant<double>(n, seed, density, permute: true, tinyDiagonal: true);
                    double[] b = RandomSystems.Rhs<double>(n, seed);
                    double[] x = (double[])b.Clone();
                    var lu = new SparseLU<double>(matrix);
                    lu.Analyze();
                    lu.Factor();
                    lu.Solve(x);
                    offDiagonal += lu.OffDiagonalPivots;

                    double[] expected = DenseReference.Solve(DenseReference.ToDense(matrix), b[1..]);
                    Assert.True(DenseReference.RelativeResidual(matrix, x, b) < 1e-9);
                    for (int i = 0; i < n; i++)
                    {
                        Assert.True(Math.Abs(x[i + 1] - expected[i]) <= 1e-8 * (1 + Math.Abs(expected[i])), $"x[{i + 1}]");
                    }
                },
                iter: 300,
                threads: 1);

        Assert.True(offDiagonal > 300, $"{offDiagonal} off-diagonal pivots");
    }

    [Fact]
    public void When_DiagonalTooSmall_Expect_PartialPivotingChoosesLargest()
    {
        // [[e, 1], [1, e]] with e = 1e-6: each diagonal is below 1e-3 times its column maximum.
        const double e = 1e-6;
        var matrix = new SparseMatrix<double>(2);
        int a11 = matrix.GetElement(1, 1);
        int a12 = matrix.GetElement(1, 2);
        int a21 = matrix.GetElement(2, 1);
        int a22 = matrix.GetElement(2, 2);
        matrix.FixStructure();
        matrix.Values[a11] = e;
        matrix.Values[a12] = 1;
        matrix.Values[a21] = 1;
        matrix.Values[a22] = e;
        var lu = new SparseLU<double>(matrix);
        lu.Factorize();
        double[] x = { 0, 1, 2 };
        lu.Solve(x);

        Assert.Equal(2, lu.OffDiagonalPivots);
        Assert.Equal((e - 2) / ((e * e) - 1), x[1], 14);
        Assert.Equal(((2 * e) - 1) / ((e * e) - 1), x[2], 14);
    }

    [Fact]
    public void When_MnaWithFloatingSourcesAndControlledSources_Expect_DenseSolution()
    {
        // V1 = 5 V from node 1 to ground, a floating V2 = 2 V between nodes 2 and 3, resistors around them and a
        // transconductance from node 4 controlled by node 1: zero diagonals in every branch row.
        var mna = new Mna<double>(4);
        mna.VoltageSource(1, 0, 5);
        mna.VoltageSource(2, 3, 2);
        mna.Resistor(1, 2, 1e3).Resistor(3, 0, 2e3).Resistor(2, 4, 500).Resistor(4, 0, 1e4)
           .Transconductance(4, 0, 1, 0, 1e-4).CurrentSource(0, 3, 1e-3).Build();

        double[] x = (double[])mna.Rhs.Clone();
        var lu = new SparseLU<double>(mna.Matrix);
        lu.Factorize();
        lu.Solve(x);
        double[] expected = DenseReference.Solve(DenseReference.ToDense(mna.Matrix), mna.Rhs[1..]);

        Assert.Equal(5.0, x[1], 12);
        Assert.Equal(2.0, x[2] - x[3], 12);
        for (int i = 0; i < mna.Size; i++)
        {
            Assert.Equal(expected[i], x[i + 1], 12);
        }
    }

    [Fact]
    public void When_VoltageDivider_Expect_AnalyticVoltages()
    {
        var mna = new Mna<double>(2);
        int branch = mna.VoltageSource(1, 0, 10);
        mna.Resistor(1, 2, 3e3).Resistor(2, 0, 1e3).Build();
        double[] x = (double[])mna.Rhs.Clone();
        var lu = new SparseLU<double>(mna.Matrix);
        lu.Factorize();
        lu.Solve(x);

        Assert.Equal(10.0, x[1], 12);
        Assert.Equal(2.5, x[2], 12);
        Assert.Equal(-10.0 / 4e3, x[branch], 15);
    }

    [Fact]
    public void When_ValuesChangeAndRefactor_Expect_SameAnswerAsFreshFactor()
    {
        // Diagonally dominant: the preferred pivots stay healthy under a 30 % change of every value.
        Gen.Select(Gen.Int[1, 50], Gen.Int[0, int.MaxValue], Gen.Double[0.0, 0.25])
            .Sample(
                (n, seed, density) =>
                {
                    var matrix = RandomSystems.PermutedDominant<double>(n, seed, density, permute: false);
                    var lu = new SparseLU<double>(matrix);
                    lu.Factorize();
                    RandomSystems.Perturb(matrix, seed + 1, 0.3);

                    Assert.True(lu.Refactor());
                    AssertSameAsFreshFactor(matrix, lu, RandomSystems.Rhs<double>(n, seed));
                },
                iter: 200,
                threads: 1);
    }

    [Fact]
    public void When_MnaValuesChangeAndRefactor_Expect_SameAnswerAsFreshFactor()
    {
        // Zero-diagonal branch rows: the swapped pivots (node row for the branch column and back) are reused.
        var mna = new Mna<double>(4);
        mna.VoltageSource(1, 0, 5);
        mna.VoltageSource(2, 3, 2);
        mna.Resistor(1, 2, 1e3).Resistor(3, 0, 2e3).Resistor(2, 4, 500).Resistor(4, 0, 1e4).Build();
        var lu = new SparseLU<double>(mna.Matrix);
        lu.Factorize();

        RandomSystems.Perturb(mna.Matrix, 7, 0.5);
        Assert.True(lu.Refactor());
        AssertSameAsFreshFactor(mna.Matrix, lu, mna.Rhs);

        var crossbar = new CrossbarMatrix(12);
        var crossbarLu = new SparseLU<double>(crossbar.Matrix);
        crossbarLu.Factorize();
        RandomSystems.Perturb(crossbar.Matrix, 8, 0.5);
        Assert.True(crossbarLu.Refactor());
        AssertSameAsFreshFactor(crossbar.Matrix, crossbarLu, crossbar.Rhs);
    }

    [Fact]
    public void When_FewValuesChange_Expect_PartialRefactorEqualsFullRefactor()
    {
        // A refactorisation recomputes only the columns whose values changed and those depending on them: its verdict
        // and its factors must be exactly those of a refactorisation of every column with the same pivots.
        Gen.Select(Gen.Int[2, 50], Gen.Int[0, int.MaxValue], Gen.Int[1, 4])
            .Sample(
                (n, seed, changes) =>
                {
                    var matrix = RandomSystems.PermutedDominant<double>(n, seed, 0.1, permute: true);
                    var partial = new SparseLU<double>(matrix);
                    partial.Factorize();
                    double[] factoredAt = (double[])matrix.Values.Clone();
                    var random = new Random(seed);
                    for (int round = 0; round < 4; round++)
                    {
                        for (int c = 0; c < changes; c++)
                        {
                            int h = 1 + random.Next(matrix.NonZeros);
                            matrix.Values[h] *= 1 + (0.4 * (random.NextDouble() - 0.5));
                        }

                        // The same pivots as partial's, then every column refactored.
                        double[] now = (double[])matrix.Values.Clone();
                        var full = new SparseLU<double>(matrix, partial.Symbolic!);
                        factoredAt.CopyTo(matrix.Values, 0);
                        full.Factor();
                        now.CopyTo(matrix.Values, 0);
                        full.ForgetFactoredValues();

                        Assert.False(partial.HasFactoredValues());
                        bool healthy = partial.Refactor();
                        Assert.Equal(full.Refactor(), healthy);
                        if (!healthy)
                        {
                            partial.Factor();
                            factoredAt = (double[])matrix.Values.Clone();
                            continue;
                        }

                        Assert.True(partial.HasFactoredValues());
                        double[] b = RandomSystems.Rhs<double>(n, seed + round);
                        double[] x = (double[])b.Clone();
                        double[] y = (double[])b.Clone();
                        partial.Solve(x);
                        full.Solve(y);
                        Assert.Equal(y, x);
                    }
                },
                iter: 200,
                threads: 1);
    }

    [Fact]
    public void When_PivotCollapses_Expect_RefactorFalseAndFactorizeRecovers()
    {
        var mna = new Mna<double>(3);
        mna.Resistor(1, 2, 1).Resistor(2, 3, 1).Resistor(1, 0, 1).Resistor(3, 0, 1).Build();
        var lu = new SparseLU<double>(mna.Matrix);
        lu.Factorize();
        int diagonal = mna.Matrix.FindElement(lu.ColumnAtStep(0), lu.ColumnAtStep(0));

        // The first pivot's diagonal almost cancels: far below 1e-3 times its column maximum.
        mna.Matrix.Values[diagonal] = 1e-9;
        Assert.False(lu.Refactor());
        Assert.False(lu.IsFactored);
        Assert.Throws<InvalidOperationException>(() => lu.Solve(new double[4]));

        lu.Factorize(); // the refactorisation fails again, and a full factorisation pivots elsewhere
        double[] b = { 0, 1, -2, 3 };
        double[] x = (double[])b.Clone();
        lu.Solve(x);

        Assert.True(lu.IsFactored);
        Assert.NotEqual(lu.ColumnAtStep(0), lu.RowAtStep(0));
        Assert.True(DenseReference.RelativeResidual(mna.Matrix, x, b) < 1e-14);
    }

    [Fact]
    public void When_PivotZeroOrNaN_Expect_RefactorFalse()
    {
        var matrix = new SparseMatrix<double>(1);
        int h = matrix.GetElement(1, 1);
        matrix.FixStructure();
        matrix.Values[h] = 2;
        var lu = new SparseLU<double>(matrix);
        lu.Factorize();

        matrix.Values[h] = 0;
        Assert.False(lu.Refactor());
        matrix.Values[h] = double.NaN;
        Assert.False(lu.Refactor());
        matrix.Values[h] = 4;
        Assert.True(lu.Refactor());
        double[] x = { 0, 8 };
        lu.Solve(x);
        Assert.Equal(2, x[1]);
    }

    [Fact]
    public void When_OnlySmallCandidates_Expect_LargestTakenAsSparseDoes()
    {
        // A node held only by gmin-sized conductances (an open switch at a floating op-amp input): no candidate of its
        // column is above the absolute threshold 1e-13, and Sparse 1.3 (ngspice) still pivots on the largest.
        var matrix = new SparseMatrix<double>(2);
        int a = matrix.GetElement(1, 1);
        int b = matrix.GetElement(2, 2);
        int c = matrix.GetElement(2, 1);
        matrix.FixStructure();
        matrix.Values[a] = 1e-14;
        matrix.Values[b] = 1e-7;
        matrix.Values[c] = 1e-15;
        var lu = new SparseLU<double>(matrix);
        lu.Factorize();
        double[] x = { 0, 2e-14, 1e-9 };
        lu.Solve(x);

        Assert.Equal(2.0, x[1], 12);
        Assert.Equal((1e-9 - 2e-15) / 1e-7, x[2], 15);
        Assert.True(lu.Refactor()); // the small pivot is still its column's largest: healthy
        matrix.Values[a] = 0;
        Assert.Throws<SingularMatrixException>(lu.Factorize);
    }

    [Fact]
    public void When_SolveTransposed_Expect_DenseTransposedSolution()
    {
        Gen.Select(Gen.Int[1, 40], Gen.Int[0, int.MaxValue], Gen.Double[0.0, 0.25])
            .Sample(
                (n, seed, density) =>
                {
                    var matrix = RandomSystems.PermutedDominant<double>(n, seed, density, permute: true);
                    double[,] dense = DenseReference.ToDense(matrix);
                    var transposed = new double[n, n];
                    for (int i = 0; i < n; i++)
                    {
                        for (int j = 0; j < n; j++)
                        {
                            transposed[i, j] = dense[j, i];
                        }
                    }

                    double[] b = RandomSystems.Rhs<double>(n, seed);
                    double[] x = (double[])b.Clone();
                    var lu = new SparseLU<double>(matrix);
                    lu.Factorize();
                    lu.SolveTransposed(x);
                    double[] expected = DenseReference.Solve(transposed, b[1..]);

                    for (int i = 0; i < n; i++)
                    {
                        Assert.True(Math.Abs(x[i + 1] - expected[i]) <= 1e-8 * (1 + Math.Abs(expected[i])), $"x[{i + 1}]");
                    }
                },
                iter: 150,
                threads: 1);
    }

    [Fact]
    public void When_FloatingSubcircuit_Expect_SingularMatrixOnItsNodes()
    {
        // Node 1 is grounded through 1 kohm; nodes 2 and 3 only see each other and an open switch to node 1
        // (structurally present, zero conductance): no DC path to ground.
        var mna = new Mna<double>(3);
        mna.Resistor(1, 0, 1e3).Resistor(2, 3, 1e3).Admittance(1, 2, 0.0).Build();
        var lu = new SparseLU<double>(mna.Matrix);
        lu.Analyze();

        var error = Assert.Throws<SingularMatrixException>(lu.Factor);
        Assert.Contains(error.Index, new[] { 2, 3 });
        Assert.IsAssignableFrom<SolverException>(error);
        Assert.False(lu.IsFactored);
    }

    [Fact]
    public void When_ValuesZero_Expect_SingularMatrixAndFactorizeRaises()
    {
        var matrix = new SparseMatrix<double>(2);
        matrix.GetElement(1, 1);
        matrix.GetElement(2, 2);
        matrix.FixStructure();
        var lu = new SparseLU<double>(matrix);

        var error = Assert.Throws<SingularMatrixException>(lu.Factorize);
        Assert.Contains(error.Index, new[] { 1, 2 });
        Assert.Equal(0, error.LargestCandidate);
    }

    [Fact]
    public void When_NodeWithOnlyCurrentSource_Expect_StructurallySingularNamingIt()
    {
        // Node 2 is touched by a current source only: its row and column are empty.
        var mna = new Mna<double>(3);
        mna.Resistor(1, 0, 1).Resistor(3, 1, 1).CurrentSource(2, 0, 1).Build();
        var lu = new SparseLU<double>(mna.Matrix);

        var error = Assert.Throws<StructurallySingularException>(lu.Analyze);
        Assert.Equal(2, error.Index);
        Assert.False(error.IsRow);
        Assert.Equal(new[] { 2 }, error.UnmatchedRows);
        Assert.Equal(new[] { 2 }, error.UnmatchedColumns);
    }

    [Fact]
    public void When_EmptyRowOnly_Expect_StructurallySingularNamingTheRow()
    {
        // Row 2 is empty while column 2 has entries.
        var matrix = new SparseMatrix<double>(3);
        matrix.GetElement(1, 1);
        matrix.GetElement(1, 2);
        matrix.GetElement(3, 2);
        matrix.GetElement(3, 3);
        matrix.FixStructure();

        var error = Assert.Throws<StructurallySingularException>(new SparseLU<double>(matrix).Analyze);
        Assert.Equal(2, error.Index);
        Assert.True(error.IsRow);
    }

    [Fact]
    public void When_ParallelVoltageSources_Expect_StructurallySingularNamingSecondBranch()
    {
        // Two sources across the same node: their branch rows have the same single entry (column of node 1).
        var mna = new Mna<double>(2);
        mna.VoltageSource(1, 0, 1);
        int second = mna.VoltageSource(1, 0, 2);
        mna.Resistor(1, 2, 1).Resistor(2, 0, 1).Build();

        var error = Assert.Throws<StructurallySingularException>(new SparseLU<double>(mna.Matrix).Analyze);
        Assert.Equal(second, error.Index);
        Assert.Equal(new[] { second }, error.UnmatchedRows);
        Assert.Equal(new[] { second }, error.UnmatchedColumns);
    }

    [Fact]
    public void When_IdenticalPatternRowsOutnumberColumns_Expect_UnmatchedRowReported()
    {
        // Rows 1 and 2 both have the single entry (., 1): one of them cannot be matched.
        var matrix = new SparseMatrix<double>(3);
        matrix.GetElement(1, 1);
        matrix.GetElement(2, 1);
        matrix.GetElement(3, 2);
        matrix.GetElement(3, 3);
        matrix.FixStructure();

        var error = Assert.Throws<StructurallySingularException>(new SparseLU<double>(matrix).Analyze);
        Assert.Equal(new[] { 2 }, error.UnmatchedRows);
        Assert.Single(error.UnmatchedColumns);
        Assert.Contains(error.Index, new[] { 2, 3 });
    }

    [Fact]
    public void When_PhasesCalledOutOfOrder_Expect_InvalidOperation()
    {
        var matrix = new SparseMatrix<double>(1);
        matrix.GetElement(1, 1);
        var lu = new SparseLU<double>(matrix);
        Assert.Throws<InvalidOperationException>(lu.Analyze);

        matrix.FixStructure();
        matrix.Values[1] = 1;
        Assert.Throws<InvalidOperationException>(lu.Factor);
        lu.Analyze();
        Assert.Throws<InvalidOperationException>(() => lu.Refactor());
        Assert.Throws<InvalidOperationException>(() => lu.Solve(new double[2]));
        lu.Factor();
        Assert.Throws<ArgumentException>(() => lu.Solve(new double[1]));
    }

    [Fact]
    public void When_BadThresholds_Expect_ArgumentOutOfRange()
    {
        var matrix = new SparseMatrix<double>(1);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SparseLU<double>(matrix, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SparseLU<double>(matrix, 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SparseLU<double>(matrix, 1e-3, -1));
    }

    [Fact]
    public void When_EmptyMatrix_Expect_TrivialSolve()
    {
        var matrix = new SparseMatrix<double>(0);
        matrix.FixStructure();
        var lu = new SparseLU<double>(matrix);
        lu.Factorize();
        double[] x = { 7 };
        lu.Solve(x);

        Assert.Equal(0, x[0]);
        Assert.Equal(0, lu.LuNonZeros);
    }

    [Fact]
    public void When_FactorizeRepeated_Expect_OneSymbolicAnalysisKept()
    {
        var crossbar = new CrossbarMatrix(6);
        var lu = new SparseLU<double>(crossbar.Matrix);
        lu.Factorize();
        var symbolic = lu.Symbolic;
        lu.Factorize();
        lu.Factorize();

        Assert.NotNull(symbolic);
        Assert.Same(symbolic, lu.Symbolic);
        Assert.Equal(crossbar.Size, symbolic.Size);
        Assert.Equal(crossbar.Matrix.NonZeros, symbolic.NonZeros);
        Assert.True(symbolic.OrderingTime <= symbolic.Time);
        Assert.True(lu.LuNonZeros >= crossbar.Matrix.NonZeros);
    }

    [Fact]
    public void When_Factored_Expect_StepMapsArePermutations()
    {
        var crossbar = new CrossbarMatrix(5);
        var lu = new SparseLU<double>(crossbar.Matrix);
        lu.Factorize();
        int n = crossbar.Size;

        Assert.Equal(Enumerable.Range(1, n), Enumerable.Range(0, n).Select(lu.ColumnAtStep).Order());
        Assert.Equal(Enumerable.Range(1, n), Enumerable.Range(0, n).Select(lu.RowAtStep).Order());
    }

    private static void AssertSameAsFreshFactor(SparseMatrix<double> matrix, SparseLU<double> refactored, double[] b)
    {
        double[] x = (double[])b.Clone();
        refactored.Solve(x);
        var fresh = new SparseLU<double>(matrix);
        fresh.Analyze();
        fresh.Factor();
        double[] expected = (double[])b.Clone();
        fresh.Solve(expected);

        for (int i = 1; i < b.Length; i++)
        {
            Assert.True(Math.Abs(x[i] - expected[i]) <= 1e-12 * (1 + Math.Abs(expected[i])), $"x[{i}]: {x[i]} vs {expected[i]}");
        }
    }
}
