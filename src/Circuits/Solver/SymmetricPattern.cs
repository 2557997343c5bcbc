using System.Runtime.CompilerServices;

namespace Hwsim.Circuits.Solver;

/// <summary>
/// The pattern of B + B^T without the diagonal, as adjacency lists (sorted, no duplicates), where B is a square
/// compressed-column pattern whose rows may first be renumbered. This is the graph that the fill-reducing order
/// works on.
/// </summary>
internal sealed class SymmetricPattern
{
    private SymmetricPattern(int size, int[] pointers, int[] indices)
    {
        Size = size;
        Pointers = pointers;
        Indices = indices;
    }

    /// <summary>The number of vertices.</summary>
    public int Size { get; }

    /// <summary>Neighbours of vertex v are <c>Indices[Pointers[v] .. Pointers[v + 1] - 1]</c>.</summary>
    public int[] Pointers { get; }

    /// <summary>Concatenated neighbour lists.</summary>
    public int[] Indices { get; }

    /// <summary>The number of off-diagonal entries of B + B^T (twice the number of edges).</summary>
    public int NonZeros => Pointers[Size];

    /// <summary>
    /// Builds the pattern of B + B^T (diagonal dropped) where B(rowMap[i], j) is structurally non-zero for each
    /// entry A(i, j) of the compressed-column pattern; a null <paramref name="rowMap"/> means the identity.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SymmetricPattern FromColumns(int n, ReadOnlySpan<int> columnPointers, ReadOnlySpan<int> rowIndices, ReadOnlySpan<int> rowMap = default)
    {
        bool mapped = !rowMap.IsEmpty;
        var counts = new int[n + 1];
        for (int j = 0; j < n; j++)
        {
            for (int p = columnPointers[j]; p < columnPointers[j + 1]; p++)
            {
                int i = mapped ? rowMap[rowIndices[p]] : rowIndices[p];
                if (i != j)
                {
                    counts[i + 1]++;
                    counts[j + 1]++;
                }
            }
        }

        for (int v = 0; v < n; v++)
        {
            counts[v + 1] += counts[v];
        }

        // Both directions of every off-diagonal entry, duplicates included.
        var raw = new int[counts[n]];
        var fill = new int[n];
        Array.Copy(counts, fill, n);
        for (int j = 0; j < n; j++)
        {
            for (int p = columnPointers[j]; p < columnPointers[j + 1]; p++)
            {
                int i = mapped ? rowMap[rowIndices[p]] : rowIndices[p];
                if (i != j)
                {
                    raw[fill[i]++] = j;
                    raw[fill[j]++] = i;
                }
            }
        }

        // Drop duplicates list by list (a marker per vertex), compacting in place, then sort each list.
        var seen = new int[n];
        Array.Fill(seen, -1);
        var pointers = new int[n + 1];
        int dst = 0;
        for (int v = 0; v < n; v++)
        {
            int start = dst;
            for (int p = counts[v]; p < counts[v + 1]; p++)
            {
                int u = raw[p];
                if (seen[u] != v)
                {
                    seen[u] = v;
                    raw[dst++] = u;
                }
            }

            Array.Sort(raw, start, dst - start);
            pointers[v + 1] = dst;
        }

        return new SymmetricPattern(n, pointers, raw.AsSpan(0, dst).ToArray());
    }

    /// <summary>The neighbours of vertex <paramref name="v"/>.</summary>
    public ReadOnlySpan<int> Neighbours(int v) => Indices.AsSpan(Pointers[v], Pointers[v + 1] - Pointers[v]);
}
