using Hwsim.Circuits.Solver;

namespace Hwsim.Bench;

/// <summary>
/// The N x N resistive crossbar stamped straight into a matrix: row i is driven at r(i,0) by a DC source to ground
/// (one branch unknown), a 1..100 kohm resistor joins r(i,j) and c(i,j) at each crossing, 1-ohm wire segments join
/// r(i,j)-r(i,j+1) and c(i,j)-c(i+1,j), and each column ends in 1 kohm to ground. 2 N^2 + N unknowns.
/// </summary>
public sealed class SolverCrossbar
{
    public SolverCrossbar(int n, int seed = 1)
    {
        int size = (2 * n * n) + n;
        Matrix = new SparseMatrix<double>(size);
        Rhs = new double[size + 1];
        var random = new Random(seed);
        var stamps = new List<(int Handle, double Value)>();
        int Row(int i, int j) => 1 + (i * n) + j;
        int Column(int i, int j) => 1 + (n * n) + (i * n) + j;

        void Resistor(int a, int b, double g)
        {
            stamps.Add((Matrix.GetElement(a, a), g));
            stamps.Add((Matrix.GetElement(b, b), g));
            stamps.Add((Matrix.GetElement(a, b), -g));
            stamps.Add((Matrix.GetElement(b, a), -g));
        }

        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                Resistor(Row(i, j), Column(i, j), 1e-5 + (random.NextDouble() * (1e-3 - 1e-5)));
                if (j + 1 < n)
                {
                    Resistor(Row(i, j), Row(i, j + 1), 1.0);
                }

                if (i + 1 < n)
                {
                    Resistor(Column(i, j), Column(i + 1, j), 1.0);
                }
            }
        }

        for (int j = 0; j < n; j++)
        {
            Resistor(Column(n - 1, j), 0, 1e-3);
        }

        for (int i = 0; i < n; i++)
        {
            int k = 1 + (2 * n * n) + i;
            stamps.Add((Matrix.GetElement(Row(i, 0), k), 1.0));
            stamps.Add((Matrix.GetElement(k, Row(i, 0)), 1.0));
            Rhs[k] = random.NextDouble();
        }

        Matrix.FixStructure();
        foreach (var (handle, value) in stamps)
        {
            Matrix.Values[handle] += value;
        }
    }

    public SparseMatrix<double> Matrix { get; }

    /// <summary>Right-hand side, 1-based (index 0 is ground).</summary>
    public double[] Rhs { get; }
}
