using System.Numerics;
using Hwsim.Circuits.Solver;

namespace Hwsim.Circuits.Tests.Solver;

public sealed class SparseMatrixTests
{
    [Fact]
    public void When_SameEntryRequested_Expect_SameHandle()
    {
        var matrix = new SparseMatrix<double>(3);
        int a = matrix.GetElement(1, 2);
        int b = matrix.GetElement(2, 1);

        Assert.Equal(a, matrix.GetElement(1, 2));
        Assert.NotEqual(a, b);
        Assert.True(a > 0 && b > 0);
        Assert.Equal(2, matrix.NonZeros);
    }

    [Fact]
    public void When_GroundTouched_Expect_TrashHandle()
    {
        var matrix = new SparseMatrix<double>(3);

        Assert.Equal(0, matrix.GetElement(0, 2));
        Assert.Equal(0, matrix.GetElement(3, 0));
        Assert.Equal(0, matrix.GetElement(0, 0));
        Assert.Equal(0, matrix.NonZeros);
    }

    [Fact]
    public void When_IndexOutOfRange_Expect_ArgumentOutOfRange()
    {
        var matrix = new SparseMatrix<double>(3);

        Assert.Throws<ArgumentOutOfRangeException>(() => matrix.GetElement(4, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => matrix.GetElement(1, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SparseMatrix<double>(-1));
    }

    [Fact]
    public void When_FixedAndNewEntryRequested_Expect_InvalidOperation()
    {
        var matrix = new SparseMatrix<double>(3);
        int h = matrix.GetElement(2, 2);
        matrix.FixStructure();

        Assert.True(matrix.IsFixed);
        Assert.Equal(h, matrix.GetElement(2, 2));
        Assert.Equal(0, matrix.GetElement(0, 1));
        Assert.Throws<InvalidOperationException>(() => matrix.GetElement(1, 3));
    }

    [Fact]
    public void When_NotFixed_Expect_NoValues()
    {
        var matrix = new SparseMatrix<double>(2);
        Assert.Throws<InvalidOperationException>(() => matrix.Values);
    }

    [Fact]
    public void When_Fixed_Expect_ConsistentCompressedColumns()
    {
        var matrix = new SparseMatrix<double>(4);
        var entries = new[] { (3, 1), (1, 1), (4, 4), (2, 3), (1, 3), (4, 1), (2, 2) };
        var handles = entries.Select(e => matrix.GetElement(e.Item1, e.Item2)).ToArray();
        matrix.FixStructure();

        Assert.Equal(new[] { 0, 3, 4, 6, 7 }, matrix.ColumnPointers.ToArray());
        Assert.Equal(new[] { 0, 2, 3, 1, 0, 1, 3 }, matrix.RowIndices.ToArray());
        for (int i = 0; i < entries.Length; i++)
        {
            int p = matrix.HandlePositions[handles[i]];
            Assert.Equal(handles[i], matrix.PositionHandles[p]);
            Assert.Equal(entries[i].Item1 - 1, matrix.RowIndices[p]);
            Assert.True(p >= matrix.ColumnPointers[entries[i].Item2 - 1] && p < matrix.ColumnPointers[entries[i].Item2]);
            Assert.Equal(entries[i].Item1, matrix.RowOf(handles[i]));
            Assert.Equal(entries[i].Item2, matrix.ColumnOf(handles[i]));
        }
    }

    [Fact]
    public void When_ClearedOrFixedTwice_Expect_SameValuesArrayAllZero()
    {
        var matrix = new SparseMatrix<Complex>(2);
        int h = matrix.GetElement(1, 2);
        matrix.FixStructure();
        Complex[] values = matrix.Values;
        values[h] = new Complex(1, 2);
        values[0] = 5;

        matrix.Clear();
        matrix.FixStructure();

        Assert.Same(values, matrix.Values);
        Assert.All(values, v => Assert.Equal(Complex.Zero, v));
    }

    [Fact]
    public void When_Multiplied_Expect_DenseProduct()
    {
        var matrix = RandomSystems.PermutedDominant<double>(12, 3, 0.3, permute: true);
        double[,] dense = DenseReference.ToDense(matrix);
        double[] x = RandomSystems.Rhs<double>(12, 9);
        var y = new double[13];
        y[0] = 42;

        matrix.Multiply(x, y);

        Assert.Equal(0, y[0]);
        for (int i = 0; i < 12; i++)
        {
            double expected = 0;
            for (int j = 0; j < 12; j++)
            {
                expected += dense[i, j] * x[j + 1];
            }

            Assert.Equal(expected, y[i + 1], 12);
        }
    }
}
