using System.Diagnostics;
using System.Numerics;

namespace Hwsim.Circuits.Solver;

/// <summary>
/// The first phase of a KLU-style factorisation (klu_analyze): everything that depends on the matrix structure
/// alone, computed once per structure and shared by every numeric factorisation of that structure, real or complex,
/// in one engine or many (the AC analysis reuses the DC order; every Monte Carlo sample of one circuit reuses one
/// analysis). It holds:
/// <list type="bullet">
/// <item>a maximum transversal: the structural singularity check, and the preferred pivot row of each column (its
/// diagonal when present, else a matched row such as the node row of an MNA voltage-source branch);</item>
/// <item>the approximate-minimum-degree order of the pattern of A + A^T;</item>
/// <item>the pattern it was made for (to check that a matrix fits) and the fill the order promises (nnz of the
/// Cholesky factor of the ordered symmetric pattern), which sizes the numeric factors.</item>
/// </list>
/// Immutable once made, so one instance may be read by any number of <see cref="SparseLU{T}"/> on any threads.
/// </summary>
public sealed class SymbolicAnalysis
{
    private readonly int[] _columnPointers;
    private readonly int[] _rowIndices;

    private SymbolicAnalysis(
        int size, int[] columnPointers, int[] rowIndices, int[] columnOrder, int[] rowAtPosition, int[] positionOfRow,
        int[] entryPosition, long lowerNonZeros, int denseRows, TimeSpan orderingTime, TimeSpan time)
    {
        Size = size;
        _columnPointers = columnPointers;
        _rowIndices = rowIndices;
        ColumnOrder = columnOrder;
        RowAtPosition = rowAtPosition;
        PositionOfRow = positionOfRow;
        EntryPosition = entryPosition;
        SymbolicLowerNonZeros = lowerNonZeros;
        DenseRows = denseRows;
        OrderingTime = orderingTime;
        Time = time;
    }

    /// <summary>The number of unknowns.</summary>
    public int Size { get; }

    /// <summary>The structural non-zeros of the pattern analysed.</summary>
    public int NonZeros => _columnPointers[Size];

    /// <summary>Strictly-lower non-zeros of the Cholesky factor of the ordered symmetric pattern (the fill the order promises).</summary>
    public long SymbolicLowerNonZeros { get; }

    /// <summary>Rows that the ordering treated as dense and placed last.</summary>
    public int DenseRows { get; }

    /// <summary>Time to make this analysis (transversal, ordering, sizing).</summary>
    public TimeSpan Time { get; }

    /// <summary>Time in the fill-reducing ordering alone (part of <see cref="Time"/>).</summary>
    public TimeSpan OrderingTime { get; }

    /// <summary>Step k eliminates column <c>ColumnOrder[k]</c> (0-based).</summary>
    internal int[] ColumnOrder { get; }

    /// <summary>
    /// The row preferred as pivot at step k (its matched row). A numeric factorisation numbers rows by "position", the
    /// step that prefers them, so that with preferred pivots positions are the final steps.
    /// </summary>
    internal int[] RowAtPosition { get; }

    /// <summary>The inverse of <see cref="RowAtPosition"/>.</summary>
    internal int[] PositionOfRow { get; }

    /// <summary>Per compressed-column entry of A: the position of its row.</summary>
    internal int[] EntryPosition { get; }

    /// <summary>Room for the strictly-triangular part of L or U: the promised fill plus slack for off-diagonal pivots.</summary>
    internal int FactorCapacity => (int)Math.Min(int.MaxValue / 2, SymbolicLowerNonZeros + (SymbolicLowerNonZeros / 4) + Size);

    /// <summary>The column (1-based unknown) eliminated at pivot step <paramref name="step"/> (0-based).</summary>
    public int ColumnAtStep(int step) => ColumnOrder[step] + 1;

    /// <summary>Analyses the fixed structure of <paramref name="matrix"/>.</summary>
    /// <exception cref="InvalidOperationException">The matrix structure is not fixed.</exception>
    /// <exception cref="StructurallySingularException">No row permutation gives a zero-free diagonal.</exception>
    public static SymbolicAnalysis Analyze<T>(SparseMatrix<T> matrix)
        where T : struct, INumberBase<T>
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (!matrix.IsFixed)
        {
            throw new InvalidOperationException("Fix the matrix structure (FixStructure) before analysing it.");
        }

        return Analyze(matrix.Size, matrix.ColumnPointers, matrix.RowIndices);
    }

    /// <summary>
    /// Analyses a compressed-column pattern of <paramref name="n"/> columns (0-based rows, ascending within a column).
    /// </summary>
    /// <exception cref="StructurallySingularException">No row permutation gives a zero-free diagonal.</exception>
    public static SymbolicAnalysis Analyze(int n, ReadOnlySpan<int> columnPointers, ReadOnlySpan<int> rowIndices)
    {
        long start = Stopwatch.GetTimestamp();
        var rowOfColumn = new int[n];
        int rank = MaximumTransversal.Match(n, columnPointers, rowIndices, rowOfColumn);
        if (rank < n)
        {
            throw StructuralSingularity(n, columnPointers, rowIndices, rowOfColumn);
        }

        // The order comes from the pattern of A + A^T itself, not of the row-matched matrix as KLU's BTF would give:
        // an MNA voltage source (node p, branch k) is a leaf k on p there, and pivoting on its matched entries
        // (p,k) and (k,p) creates no fill, whereas the matched pattern ties p and k to all of p's neighbours. On the
        // crossbar benchmark this gives up to 15 % less fill, depending on the numbering of the unknowns.
        var pattern = SymmetricPattern.FromColumns(n, columnPointers, rowIndices);
        long orderStart = Stopwatch.GetTimestamp();
        var amd = ApproximateMinimumDegree.Run(pattern);
        var orderingTime = Stopwatch.GetElapsedTime(orderStart);
        int[] order = amd.Permutation;
        long lowerCount = SymbolicCholesky.CountLower(pattern, order);

        var rowAtPosition = new int[n];
        var positionOfRow = new int[n];
        for (int k = 0; k < n; k++)
        {
            rowAtPosition[k] = rowOfColumn[order[k]];
            positionOfRow[rowOfColumn[order[k]]] = k;
        }

        int nnz = columnPointers[n];
        var entryPosition = new int[nnz];
        for (int p = 0; p < nnz; p++)
        {
            entryPosition[p] = positionOfRow[rowIndices[p]];
        }

        return new SymbolicAnalysis(
            n, columnPointers.ToArray(), rowIndices[..nnz].ToArray(), order, rowAtPosition, positionOfRow, entryPosition,
            lowerCount, amd.DenseCount, orderingTime, Stopwatch.GetElapsedTime(start));
    }

    /// <summary>True when <paramref name="matrix"/> has exactly the fixed structure this analysis was made for.</summary>
    public bool Fits<T>(SparseMatrix<T> matrix)
        where T : struct, INumberBase<T> =>
        matrix.IsFixed && matrix.Size == Size
        && matrix.ColumnPointers.SequenceEqual(_columnPointers)
        && matrix.RowIndices.SequenceEqual(_rowIndices);

    private static StructurallySingularException StructuralSingularity(
        int n, ReadOnlySpan<int> colPtr, ReadOnlySpan<int> rowIdx, int[] rowOfColumn)
    {
        var rowMatched = new bool[n];
        var rowHasEntry = new bool[n];
        var unmatchedColumns = new List<int>();
        int emptyColumn = -1;
        for (int j = 0; j < n; j++)
        {
            if (rowOfColumn[j] >= 0)
            {
                rowMatched[rowOfColumn[j]] = true;
            }
            else
            {
                unmatchedColumns.Add(j + 1);
                if (emptyColumn < 0 && colPtr[j] == colPtr[j + 1])
                {
                    emptyColumn = j + 1;
                }
            }

            for (int p = colPtr[j]; p < colPtr[j + 1]; p++)
            {
                rowHasEntry[rowIdx[p]] = true;
            }
        }

        var unmatchedRows = new List<int>();
        int emptyRow = -1;
        for (int i = 0; i < n; i++)
        {
            if (!rowMatched[i])
            {
                unmatchedRows.Add(i + 1);
                if (emptyRow < 0 && !rowHasEntry[i])
                {
                    emptyRow = i + 1;
                }
            }
        }

        // The clearest culprit first: an empty column, then an empty row, then the first unmatched column.
        if (emptyColumn > 0)
        {
            return new StructurallySingularException(emptyColumn, false, unmatchedRows, unmatchedColumns);
        }

        if (emptyRow > 0)
        {
            return new StructurallySingularException(emptyRow, true, unmatchedRows, unmatchedColumns);
        }

        return new StructurallySingularException(unmatchedColumns[0], false, unmatchedRows, unmatchedColumns);
    }
}
