using Hwsim.Circuits.Solver;

namespace Hwsim.Circuits.Tests.Solver;

/// <summary>Symmetric test patterns and independent orderings to judge AMD against.</summary>
internal static class Patterns
{
    /// <summary>The k x k five-point grid Laplacian, numbered row by row.</summary>
    public static SymmetricPattern Grid(int k)
    {
        int n = k * k;
        var pointers = new List<int> { 0 };
        var rows = new List<int>();
        for (int j = 0; j < n; j++)
        {
            int x = j % k;
            int y = j / k;
            rows.Add(j);
            if (x > 0)
            {
                rows.Add(j - 1);
            }

            if (x < k - 1)
            {
                rows.Add(j + 1);
            }

            if (y > 0)
            {
                rows.Add(j - k);
            }

            if (y < k - 1)
            {
                rows.Add(j + k);
            }

            pointers.Add(rows.Count);
        }

        return SymmetricPattern.FromColumns(n, pointers.ToArray(), rows.ToArray());
    }

    /// <summary>A pattern from an explicit list of columns (row indices per column, 0-based).</summary>
    public static SymmetricPattern FromColumns(int[][] columns)
    {
        var pointers = new int[columns.Length + 1];
        var rows = new List<int>();
        for (int j = 0; j < columns.Length; j++)
        {
            rows.AddRange(columns[j]);
            pointers[j + 1] = rows.Count;
        }

        return SymmetricPattern.FromColumns(columns.Length, pointers, rows.ToArray());
    }

    /// <summary>A random symmetric pattern: each pair is an edge with the given probability.</summary>
    public static SymmetricPattern Random(int n, int seed, double density)
    {
        var random = new Random(seed);
        var columns = new List<int>[n];
        for (int j = 0; j < n; j++)
        {
            columns[j] = new List<int>();
        }

        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < j; i++)
            {
                if (random.NextDouble() < density)
                {
                    columns[j].Add(i);
                }
            }
        }

        return FromColumns(columns.Select(c => c.ToArray()).ToArray());
    }

    /// <summary>
    /// Geometric nested dissection of the k x k grid: split the longer side by a grid line, order both halves
    /// recursively, the separator last.
    /// </summary>
    public static int[] NestedDissection(int k)
    {
        var order = new List<int>(k * k);
        Dissect(0, k, 0, k, k, order);
        return order.ToArray();
    }

    /// <summary>
    /// Exact minimum degree by explicit elimination graphs (slow; small patterns only), ties to the lowest index.
    /// </summary>
    public static int[] ExactMinimumDegree(SymmetricPattern pattern)
    {
        int n = pattern.Size;
        var adjacency = new HashSet<int>[n];
        for (int v = 0; v < n; v++)
        {
            adjacency[v] = new HashSet<int>(pattern.Neighbours(v).ToArray());
        }

        var eliminated = new bool[n];
        var order = new int[n];
        for (int k = 0; k < n; k++)
        {
            int best = -1;
            for (int v = 0; v < n; v++)
            {
                if (!eliminated[v] && (best < 0 || adjacency[v].Count < adjacency[best].Count))
                {
                    best = v;
                }
            }

            order[k] = best;
            eliminated[best] = true;
            int[] neighbours = adjacency[best].ToArray();
            foreach (int a in neighbours)
            {
                adjacency[a].Remove(best);
                foreach (int b in neighbours)
                {
                    if (a != b)
                    {
                        adjacency[a].Add(b);
                    }
                }
            }
        }

        return order;
    }

    /// <summary>nnz strictly below the diagonal of L by dense symbolic elimination (independent of the etree code).</summary>
    public static long DenseSymbolicFill(SymmetricPattern pattern, int[] order)
    {
        int n = pattern.Size;
        var position = new int[n];
        for (int k = 0; k < n; k++)
        {
            position[order[k]] = k;
        }

        var full = new bool[n, n];
        for (int v = 0; v < n; v++)
        {
            foreach (int u in pattern.Neighbours(v))
            {
                full[position[v], position[u]] = true;
            }
        }

        long count = 0;
        for (int k = 0; k < n; k++)
        {
            var below = new List<int>();
            for (int i = k + 1; i < n; i++)
            {
                if (full[i, k])
                {
                    below.Add(i);
                }
            }

            count += below.Count;
            foreach (int a in below)
            {
                foreach (int b in below)
                {
                    full[a, b] = true;
                }
            }
        }

        return count;
    }

    private static void Dissect(int x0, int x1, int y0, int y1, int k, List<int> order)
    {
        int w = x1 - x0;
        int h = y1 - y0;
        if (w <= 0 || h <= 0)
        {
            return;
        }

        if (w * h <= 4)
        {
            for (int y = y0; y < y1; y++)
            {
                for (int x = x0; x < x1; x++)
                {
                    order.Add((y * k) + x);
                }
            }

            return;
        }

        if (w >= h)
        {
            int m = x0 + (w / 2);
            Dissect(x0, m, y0, y1, k, order);
            Dissect(m + 1, x1, y0, y1, k, order);
            for (int y = y0; y < y1; y++)
            {
                order.Add((y * k) + m);
            }
        }
        else
        {
            int m = y0 + (h / 2);
            Dissect(x0, x1, y0, m, k, order);
            Dissect(x0, x1, m + 1, y1, k, order);
            for (int x = x0; x < x1; x++)
            {
                order.Add((m * k) + x);
            }
        }
    }
}
