using Hwsim.Circuits.Solver;

namespace Hwsim.Verification;

/// <summary>
/// The product's benchmark circuit stamped straight into a matrix, without the netlist reader or the engine, so the
/// solver can be tested and timed alone: an N x N resistive crossbar at its operating point. Row i is driven at node r(i,0) by a DC source to ground (one branch unknown);
/// a resistor at each crossing joins r(i,j) and c(i,j); 1-ohm wire segments join r(i,j)-r(i,j+1) and c(i,j)-c(i+1,j);
/// each column ends in 1 kohm to ground at c(N-1,j). Unknowns: N*N row nodes, N*N column nodes, N branch currents.
/// </summary>
public sealed class CrossbarMatrix
{
    public CrossbarMatrix(int n, int seed = 1)
    {
        N = n;
        Size = (2 * n * n) + n;
        Matrix = new SparseMatrix<double>(Size);
        var random = new Random(seed);
        var stamps = new List<(int Handle, double Value)>();

        void Resistor(int a, int b, double g)
        {
            stamps.Add((Matrix.GetElement(a, a), g));
            stamps.Add((Matrix.GetElement(b, b), g));
            stamps.Add((Matrix.GetElement(a, b), -g));
            stamps.Add((Matrix.GetElement(b, a), -g));
        }

        Rhs = new double[Size + 1];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                // Crossing: 1 kohm .. 100 kohm, like a programmed conductance window.
                Resistor(RowNode(i, j), ColumnNode(i, j), 1e-5 + (random.NextDouble() * (1e-3 - 1e-5)));
                if (j + 1 < n)
                {
                    Resistor(RowNode(i, j), RowNode(i, j + 1), 1.0);
                }

                if (i + 1 < n)
                {
                    Resistor(ColumnNode(i, j), ColumnNode(i + 1, j), 1.0);
                }
            }
        }

        for (int j = 0; j < n; j++)
        {
            Resistor(ColumnNode(n - 1, j), 0, 1e-3);
        }

        for (int i = 0; i < n; i++)
        {
            int k = Branch(i);
            stamps.Add((Matrix.GetElement(RowNode(i, 0), k), 1.0));
            stamps.Add((Matrix.GetElement(k, RowNode(i, 0)), 1.0));
            Rhs[k] = random.NextDouble();
        }

        Matrix.FixStructure();
        Stamps = stamps.ToArray();
        Load();
    }

    public int N { get; }

    public int Size { get; }

    public SparseMatrix<double> Matrix { get; }

    /// <summary>Right-hand side, 1-based (index 0 is ground).</summary>
    public double[] Rhs { get; }

    private (int Handle, double Value)[] Stamps { get; }

    public int RowNode(int i, int j) => 1 + (i * N) + j;

    public int ColumnNode(int i, int j) => 1 + (N * N) + (i * N) + j;

    public int Branch(int i) => 1 + (2 * N * N) + i;

    /// <summary>Clears the matrix and stamps every device again (as a Newton iteration would).</summary>
    public void Load()
    {
        Matrix.Clear();
        double[] values = Matrix.Values;
        foreach (var (handle, value) in Stamps)
        {
            values[handle] += value;
        }
    }
}
