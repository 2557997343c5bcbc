namespace Hwsim.Circuits.Solver;

/// <summary>
/// The pattern of the matrix admits no non-zero diagonal under any row permutation (no perfect matching of rows to
/// columns): whatever the values, the matrix is singular. Typical causes in MNA: a node that nothing conducts to
/// (an empty row and column), or two voltage sources in parallel (two branch rows with the same single entry).
/// </summary>
public sealed class StructurallySingularException : SolverException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="index">The 1-based unknown reported first (see <see cref="IsRow"/>).</param>
    /// <param name="isRow">True when <paramref name="index"/> names an unmatched row (equation), false for a column (unknown).</param>
    /// <param name="unmatchedRows">All rows (1-based) left without a pivot by a maximum matching.</param>
    /// <param name="unmatchedColumns">All columns (1-based) left without a pivot by a maximum matching.</param>
    public StructurallySingularException(int index, bool isRow, IReadOnlyList<int> unmatchedRows, IReadOnlyList<int> unmatchedColumns)
        : base(index, $"The matrix is structurally singular: {(isRow ? "row" : "column")} {index} has no possible pivot " +
                      $"(structural rank deficiency {unmatchedColumns.Count}).")
    {
        IsRow = isRow;
        UnmatchedRows = unmatchedRows;
        UnmatchedColumns = unmatchedColumns;
    }

    /// <summary>True when <see cref="SolverException.Index"/> names a row (an equation), false when it names a column.</summary>
    public bool IsRow { get; }

    /// <summary>Every row (1-based) that a maximum matching leaves unmatched.</summary>
    public IReadOnlyList<int> UnmatchedRows { get; }

    /// <summary>Every column (1-based) that a maximum matching leaves unmatched.</summary>
    public IReadOnlyList<int> UnmatchedColumns { get; }
}
