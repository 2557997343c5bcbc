using System.Runtime.CompilerServices;

namespace Hwsim.Circuits.Solver;

/// <summary>
/// Maximum bipartite matching of columns to rows on the pattern of a sparse matrix (a maximum transversal, as in
/// Duff's MC21): depth-first augmenting paths with a look-ahead for a free row. Structural diagonal entries are
/// matched first, so a matrix with a zero-free diagonal keeps it, and MNA voltage-source branches (zero diagonal)
/// are matched to their node rows by short augmenting paths.
/// </summary>
internal static class MaximumTransversal
{
    /// <summary>
    /// Matches columns to rows. On return <paramref name="rowOfColumn"/>[j] is the row matched to column j, or -1.
    /// </summary>
    /// <returns>The structural rank (number of matched columns).</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Match(int n, ReadOnlySpan<int> columnPointers, ReadOnlySpan<int> rowIndices, Span<int> rowOfColumn)
    {
        var columnOfRow = new int[n];
        Array.Fill(columnOfRow, -1);
        rowOfColumn[..n].Fill(-1);
        int matched = 0;

        // Pass 1: keep the structural diagonal.
        for (int j = 0; j < n; j++)
        {
            for (int p = columnPointers[j]; p < columnPointers[j + 1]; p++)
            {
                if (rowIndices[p] == j)
                {
                    rowOfColumn[j] = j;
                    columnOfRow[j] = j;
                    matched++;
                    break;
                }
            }
        }

        if (matched == n)
        {
            return n;
        }

        // Pass 2: augmenting paths for the columns still unmatched.
        var lookAhead = new int[n];      // per column: next position to examine for a free row (rows only ever get matched)
        var next = new int[n];           // per stack level: next position to explore in that column
        var viaRow = new int[n];         // per stack level: row through which the path went one level deeper
        var stack = new int[n];          // columns on the current path
        var visited = new int[n];        // per column: the root column of the search that last visited it
        for (int j = 0; j < n; j++)
        {
            lookAhead[j] = columnPointers[j];
            visited[j] = -1;
        }

        for (int root = 0; root < n; root++)
        {
            if (rowOfColumn[root] >= 0)
            {
                continue;
            }

            if (Augment(root, columnPointers, rowIndices, rowOfColumn, columnOfRow, lookAhead, next, viaRow, stack, visited))
            {
                matched++;
            }
        }

        return matched;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Augment(
        int root,
        ReadOnlySpan<int> columnPointers,
        ReadOnlySpan<int> rowIndices,
        Span<int> rowOfColumn,
        int[] columnOfRow,
        int[] lookAhead,
        int[] next,
        int[] viaRow,
        int[] stack,
        int[] visited)
    {
        int head = 0;
        stack[0] = root;
        visited[root] = root;
        next[0] = columnPointers[root];
        while (head >= 0)
        {
            int col = stack[head];

            // Look ahead: a free row in this column ends the path at once.
            int end = columnPointers[col + 1];
            int free = -1;
            int p = lookAhead[col];
            for (; p < end; p++)
            {
                if (columnOfRow[rowIndices[p]] < 0)
                {
                    free = rowIndices[p];
                    p++;
                    break;
                }
            }

            lookAhead[col] = p;
            if (free >= 0)
            {
                // Flip the path: each column on the stack takes the row that led to the next one (the last takes the free row).
                int row = free;
                for (int h = head; h >= 0; h--)
                {
                    int c = stack[h];
                    rowOfColumn[c] = row;
                    columnOfRow[row] = c;
                    row = h > 0 ? viaRow[h - 1] : -1;
                }

                return true;
            }

            // Go deeper through a matched row to its column, if not visited in this search.
            bool descended = false;
            for (int q = next[head]; q < end; q++)
            {
                int row = rowIndices[q];
                int other = columnOfRow[row];
                if (visited[other] != root)
                {
                    visited[other] = root;
                    next[head] = q + 1;
                    viaRow[head] = row;
                    head++;
                    stack[head] = other;
                    next[head] = columnPointers[other];
                    descended = true;
                    break;
                }
            }

            if (!descended)
            {
                head--;
            }
        }

        return false;
    }
}
