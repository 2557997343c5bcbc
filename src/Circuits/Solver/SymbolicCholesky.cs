using System.Runtime.CompilerServices;

namespace Hwsim.Circuits.Solver;

/// <summary>
/// Exact column counts of the Cholesky factor L of a symmetric pattern under a given elimination order, from the
/// elimination tree and row subtrees (Liu): each row k of L is the union of the tree paths from the entries of row k
/// of the permuted lower triangle up to k. Time is proportional to nnz(L); used to size the LU and to judge orders.
/// </summary>
internal static class SymbolicCholesky
{
    /// <summary>
    /// Counts the strictly-lower non-zeros of L for the pattern permuted so that vertex <c>order[k]</c> comes k-th.
    /// When <paramref name="columnCounts"/> is not empty it receives the strictly-lower count of each column of L
    /// (indexed by position k).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long CountLower(SymmetricPattern pattern, ReadOnlySpan<int> order, Span<int> columnCounts = default) =>
        CountLower(pattern, order, columnCounts, default);

    /// <summary>
    /// Like the other overload; when <paramref name="rowWork"/> is not empty (it needs <paramref name="columnCounts"/>)
    /// it receives, per position k, the sum of the column counts of the columns s >= <paramref name="firstApplied"/> in
    /// row k of L: the multiply-adds a left-looking factorisation spends on column k applying those columns (each earlier
    /// column s with L(k, s) non-zero is applied to it).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long CountLower(
        SymmetricPattern pattern, ReadOnlySpan<int> order, Span<int> columnCounts, Span<long> rowWork, int firstApplied = 0)
    {
        int n = pattern.Size;
        var position = new int[n];
        for (int k = 0; k < n; k++)
        {
            position[order[k]] = k;
        }

        int[] parent = EliminationTree(pattern, order);
        var mark = new int[n];
        int[] pointers = pattern.Pointers;
        int[] indices = pattern.Indices;

        // Row subtrees: walk up from each lower entry of row k until a vertex already marked for row k.
        bool wantCounts = !columnCounts.IsEmpty;
        if (wantCounts)
        {
            columnCounts[..n].Clear();
        }

        Array.Fill(mark, -1);
        long total = 0;
        for (int k = 0; k < n; k++)
        {
            mark[k] = k;
            int v = order[k];
            for (int p = pointers[v]; p < pointers[v + 1]; p++)
            {
                int i = position[indices[p]];
                if (i > k)
                {
                    continue;
                }

                while (mark[i] != k)
                {
                    mark[i] = k;
                    total++;
                    if (wantCounts)
                    {
                        columnCounts[i]++;
                    }

                    i = parent[i];
                }
            }
        }

        if (!rowWork.IsEmpty)
        {
            // Row k of L is its row subtree: walk it again, now that every column count is known.
            Array.Fill(mark, -1);
            for (int k = 0; k < n; k++)
            {
                mark[k] = k;
                long work = 0;
                int v = order[k];
                for (int p = pointers[v]; p < pointers[v + 1]; p++)
                {
                    int i = position[indices[p]];
                    if (i > k)
                    {
                        continue;
                    }

                    while (mark[i] != k)
                    {
                        mark[i] = k;
                        if (i >= firstApplied)
                        {
                            work += columnCounts[i];
                        }

                        i = parent[i];
                    }
                }

                rowWork[k] = work;
            }
        }

        return total;
    }

    /// <summary>The elimination tree of the pattern permuted by <paramref name="order"/>: the parent of each position (-1: a root).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int[] EliminationTree(SymmetricPattern pattern, ReadOnlySpan<int> order)
    {
        int n = pattern.Size;
        var position = new int[n];
        for (int k = 0; k < n; k++)
        {
            position[order[k]] = k;
        }

        var parent = new int[n];
        var ancestor = new int[n];
        int[] pointers = pattern.Pointers;
        int[] indices = pattern.Indices;

        // Elimination tree with path compression.
        for (int k = 0; k < n; k++)
        {
            parent[k] = -1;
            ancestor[k] = -1;
            int v = order[k];
            for (int p = pointers[v]; p < pointers[v + 1]; p++)
            {
                int i = position[indices[p]];
                while (i != -1 && i < k)
                {
                    int up = ancestor[i];
                    ancestor[i] = k;
                    if (up == -1)
                    {
                        parent[i] = k;
                    }

                    i = up;
                }
            }
        }

        return parent;
    }
}
