using System.Numerics;
using Hwsim.Circuits.Solver;

namespace Hwsim.Circuits.Tests.Solver;

/// <summary>
/// A tiny MNA stamper for tests: nodes 1..Nodes (0 is ground), then one branch unknown per voltage source. Devices
/// are recorded first, then <see cref="Build"/> fixes the structure and writes the values, as the engine would.
/// </summary>
internal sealed class Mna<T>
    where T : struct, INumberBase<T>
{
    private readonly List<(int Row, int Col, T Value)> _stamps = new();
    private readonly List<(int Row, T Value)> _sources = new();
    private int _branches;

    public Mna(int nodes)
    {
        Nodes = nodes;
    }

    public int Nodes { get; }

    public int Size => Nodes + _branches;

    public SparseMatrix<T> Matrix { get; private set; } = null!;

    public T[] Rhs { get; private set; } = Array.Empty<T>();

    /// <summary>An admittance y between a and b (a resistor 1/R, a capacitor jwC).</summary>
    public Mna<T> Admittance(int a, int b, T y)
    {
        _stamps.Add((a, a, y));
        _stamps.Add((b, b, y));
        _stamps.Add((a, b, -y));
        _stamps.Add((b, a, -y));
        return this;
    }

    public Mna<T> Resistor(int a, int b, double ohms) => Admittance(a, b, T.CreateTruncating(1.0 / ohms));

    /// <summary>A voltage source v from p (+) to m (-); returns its branch unknown.</summary>
    public int VoltageSource(int p, int m, T v)
    {
        _branches++;
        int k = -_branches; // resolved in Build, after the node count is final
        _stamps.Add((p, k, T.One));
        _stamps.Add((m, k, -T.One));
        _stamps.Add((k, p, T.One));
        _stamps.Add((k, m, -T.One));
        _sources.Add((k, v));
        return Nodes + _branches;
    }

    /// <summary>A current source pushing i into node p out of node m (right-hand side only).</summary>
    public Mna<T> CurrentSource(int p, int m, T i)
    {
        _sources.Add((p, i));
        _sources.Add((m, -i));
        return this;
    }

    /// <summary>A voltage-controlled current source: i = g (v(cp) - v(cm)) from op to om.</summary>
    public Mna<T> Transconductance(int op, int om, int cp, int cm, T g)
    {
        _stamps.Add((op, cp, g));
        _stamps.Add((op, cm, -g));
        _stamps.Add((om, cp, -g));
        _stamps.Add((om, cm, g));
        return this;
    }

    public Mna<T> Build()
    {
        Matrix = new SparseMatrix<T>(Size);
        var handles = new List<(int Handle, T Value)>();
        foreach (var (row, col, value) in _stamps)
        {
            handles.Add((Matrix.GetElement(Resolve(row), Resolve(col)), value));
        }

        Matrix.FixStructure();
        foreach (var (h, v) in handles)
        {
            Matrix.Values[h] += v;
        }

        Rhs = new T[Size + 1];
        foreach (var (row, value) in _sources)
        {
            Rhs[Resolve(row)] += value;
        }

        Rhs[0] = T.Zero;
        return this;
    }

    private int Resolve(int index) => index < 0 ? Nodes - index : index;
}
