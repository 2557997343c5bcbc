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
/// Cholesky factor of the ordered symmetric pattern), which sizes the numeric factors;</item>
/// <item>when told which unknowns receive varying stamps (a Newton iteration's device entries), possibly a
/// constrained order with a constant leading block (see <see cref="LeadingSize"/>).</item>
/// </list>
/// Immutable once made, so one instance may be read by any number of <see cref="SparseLU{T}"/> on any threads.
/// </summary>
public sealed class SymbolicAnalysis
{
    private readonly int[] _columnPointers;
    private readonly int[] _rowIndices;

    private SymbolicAnalysis(
        int size, int[] columnPointers, int[] rowIndices, int[] columnOrder, int[] rowAtPosition, int[] positionOfRow,
        int[] entryPosition, long lowerNonZeros, int denseRows, TimeSpan orderingTime, TimeSpan time, BlockChoice block,
        bool[] constantRowAtPosition)
    {
        Block = block;
        ConstantRowAtPosition = constantRowAtPosition;
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

    /// <summary>
    /// The leading block: steps 0 .. LeadingSize - 1 eliminate unknowns whose whole row and column receive only
    /// constant stamps, and their preferred pivot rows are those same unknowns' rows; the rest follow. A factorisation
    /// then computes the leading block of L and U, and its contribution to the trailing columns, once per set of
    /// constant values (<see cref="SparseLU{T}"/>). 0 when the order is not constrained.
    /// </summary>
    public int LeadingSize => Block.LeadingSize;

    /// <summary>What the constrained order was measured against, and whether it was taken.</summary>
    public BlockChoice Block { get; }

    /// <summary>
    /// Per position: true when the row there receives only constant stamps, so a leading column may pivot on it and keep
    /// the leading block's rows constant (all true for the leading positions; empty without a leading block).
    /// </summary>
    internal bool[] ConstantRowAtPosition { get; }

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
        where T : struct, INumberBase<T> =>
        Analyze(matrix, default, default);

    /// <summary>
    /// Analyses the fixed structure of <paramref name="matrix"/>; <paramref name="varyingRows"/> and
    /// <paramref name="varyingColumns"/> (per unknown, 0-based; empty: no knowledge) mark the rows and columns that receive
    /// a stamp that changes between Newton iterations, which lets the analysis choose a constrained order (see
    /// <see cref="LeadingSize"/> and <see cref="BlockChoice"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">The matrix structure is not fixed.</exception>
    /// <exception cref="StructurallySingularException">No row permutation gives a zero-free diagonal.</exception>
    public static SymbolicAnalysis Analyze<T>(
        SparseMatrix<T> matrix, ReadOnlySpan<bool> varyingRows, ReadOnlySpan<bool> varyingColumns, BlockPolicy policy = BlockPolicy.Automatic)
        where T : struct, INumberBase<T>
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (!matrix.IsFixed)
        {
            throw new InvalidOperationException("Fix the matrix structure (FixStructure) before analysing it.");
        }

        return Analyze(matrix.Size, matrix.ColumnPointers, matrix.RowIndices, varyingRows, varyingColumns, policy);
    }

    /// <summary>
    /// Analyses a compressed-column pattern of <paramref name="n"/> columns (0-based rows, ascending within a column);
    /// the varying rows and columns and <paramref name="policy"/> as in the other overload.
    /// </summary>
    /// <exception cref="StructurallySingularException">No row permutation gives a zero-free diagonal.</exception>
    public static SymbolicAnalysis Analyze(
        int n, ReadOnlySpan<int> columnPointers, ReadOnlySpan<int> rowIndices, ReadOnlySpan<bool> varyingRows = default,
        ReadOnlySpan<bool> varyingColumns = default, BlockPolicy policy = BlockPolicy.Automatic)
    {
        if (varyingRows.IsEmpty != varyingColumns.IsEmpty || (!varyingRows.IsEmpty && (varyingRows.Length != n || varyingColumns.Length != n)))
        {
            throw new ArgumentException("Give one flag per unknown for both the varying rows and the varying columns, or neither.");
        }

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
        int[] order = amd.Permutation;
        int denseCount = amd.DenseCount;
        long lowerCount;
        var block = BlockChoice.None;
        bool[]? trailing = varyingRows.IsEmpty || policy == BlockPolicy.Never ? null : TrailingSet(n, columnPointers, rowIndices, varyingRows, varyingColumns, rowOfColumn);
        if (trailing is null)
        {
            lowerCount = SymbolicCholesky.CountLower(pattern, order);
        }
        else
        {
            long plainLower = SymbolicCholesky.CountLower(pattern, order);
            var camd = ApproximateMinimumDegree.Run(pattern, trailing);
            long constrainedLower = SymbolicCholesky.CountLower(pattern, camd.Permutation);
            int leading = trailing.Count(t => !t);
            bool take = policy == BlockPolicy.Always || BlockChoice.Pays(n, leading, plainLower, constrainedLower);
            block = new BlockChoice(take ? leading : 0, leading, plainLower, constrainedLower);
            if (take)
            {
                order = camd.Permutation;
                denseCount = camd.DenseCount;
                lowerCount = constrainedLower;
            }
            else
            {
                lowerCount = plainLower;
            }
        }

        var orderingTime = Stopwatch.GetElapsedTime(orderStart);

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
            lowerCount, denseCount, orderingTime, Stopwatch.GetElapsedTime(start), block,
            block.LeadingSize > 0 ? ConstantRows(varyingRows, rowAtPosition) : Array.Empty<bool>());
    }

    /// <summary>
    /// The unknowns that must follow the leading block (0-based): every varying one, every one whose column reaches a
    /// varying row, and every one tied to those through the matching, so that the leading columns' preferred rows are leading rows. Null when nothing or
    /// everything would lead.
    /// </summary>
    private static bool[]? TrailingSet(int n, ReadOnlySpan<int> columnPointers, ReadOnlySpan<int> rowIndices,
        ReadOnlySpan<bool> varyingRows, ReadOnlySpan<bool> varyingColumns, int[] rowOfColumn)
    {
        var trailing = new bool[n];
        for (int i = 0; i < n; i++)
        {
            trailing[i] = varyingRows[i] || varyingColumns[i];
        }

        // A column with an entry in a varying row trails as well. Such an entry (an op-amp input's transconductance
        // into the amplifier's non-linear stage, 100 S against the 35 uS of a crossbar column node) would fail the
        // leading pivot's threshold test against the column and make the block fall back at every pivot search
        // (lstm-airline at the device level: 202 of 202). Without them no leading column reaches a varying row.
        for (int j = 0; j < n; j++)
        {
            for (int p = columnPointers[j]; p < columnPointers[j + 1] && !trailing[j]; p++)
            {
                if (varyingRows[rowIndices[p]]) trailing[j] = true;
            }
        }

        var columnOfRow = new int[n];
        for (int j = 0; j < n; j++)
        {
            columnOfRow[rowOfColumn[j]] = j;
        }

        // A leading column whose matched row is a trailing unknown's must trail too; that frees its own row, whose
        // matched column must then trail, and so on along the cycle of the matching.
        for (int j = 0; j < n; j++)
        {
            if (!trailing[j] && trailing[rowOfColumn[j]])
            {
                for (int x = j; !trailing[x]; x = columnOfRow[x])
                {
                    trailing[x] = true;
                }
            }
        }

        int count = trailing.Count(t => t);
        return count == 0 || count == n ? null : trailing;
    }

    /// <summary>Per position: whether its row is constant.</summary>
    private static bool[] ConstantRows(ReadOnlySpan<bool> varyingRows, int[] rowAtPosition)
    {
        var constant = new bool[rowAtPosition.Length];
        for (int k = 0; k < constant.Length; k++)
        {
            constant[k] = !varyingRows[rowAtPosition[k]];
        }

        return constant;
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

/// <summary>Whether <see cref="SymbolicAnalysis"/> may order a constant leading block first.</summary>
public enum BlockPolicy
{
    /// <summary>Constrained when <see cref="BlockChoice.Pays"/> says so.</summary>
    Automatic,

    /// <summary>Always constrained when there is a leading block (tests, measurements).</summary>
    Always,

    /// <summary>Never: the plain minimum-degree order.</summary>
    Never,
}

/// <summary>
/// The choice between the plain minimum-degree order and the constrained one (constant unknowns first): the unknowns that
/// could lead, and the fill of each order (strictly-lower non-zeros of the symmetric factor).
/// </summary>
/// <param name="LeadingSize">The leading block taken (0: the plain order was kept).</param>
/// <param name="LeadingCandidates">The unknowns that could lead.</param>
/// <param name="PlainLower">Fill of the plain order.</param>
/// <param name="ConstrainedLower">Fill of the constrained order.</param>
public sealed record BlockChoice(int LeadingSize, int LeadingCandidates, long PlainLower, long ConstrainedLower)
{
    /// <summary>No constrained order was considered (nothing known about varying stamps, or nothing could lead).</summary>
    public static readonly BlockChoice None = new(0, 0, 0, 0);

    /// <summary>
    /// The rule, from measurements (bench/README.md, 2026-12-03): the constrained order pays when at least
    /// <see cref="MinimumCandidates"/> unknowns and at least two fifths of all could lead (lstm-airline's device level:
    /// 4,146 of 8,697, its operating point twice as fast with the block), and its fill is at most twice the plain order's. Then the trailing block is small against the whole, and a Newton iteration's refactorisation costs
    /// a fraction of the plain order's, whose partial refactorisation recomputes every column on a path from a varying
    /// column to the root (most of a crossbar mesh). In a small circuit (the 13 unknowns of the switched-capacitor
    /// integrator, 4 of which could lead) the bookkeeping costs more than it saves.
    /// </summary>
    public static bool Pays(int unknowns, int candidates, long plainLower, long constrainedLower) =>
        candidates >= MinimumCandidates && 5L * candidates >= 2L * unknowns && constrainedLower <= 2 * Math.Max(plainLower, unknowns);

    /// <summary>The fewest unknowns that could lead for the constrained order to be taken.</summary>
    public const int MinimumCandidates = 64;
}
