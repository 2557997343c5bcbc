using System.Numerics;
using Hwsim.Circuits.Devices;
using Hwsim.Circuits.Results;
using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Analyses;

/// <summary>What a <c>.pz</c> computes: poles, zeros or both.</summary>
public enum PoleZeroKind
{
    Poles,
    Zeros,
    Both,
}

/// <summary>
/// <c>.pz in+ in- out+ out- vol|cur pol|zer|pz</c>: the poles and zeros of the small-signal transfer function from
/// the input port (a voltage, <c>vol</c>, or a current, <c>cur</c>) to the output voltage, around the operating point,
/// as ngspice's vectors <c>pole(1)</c>, <c>zero(1)</c> ... (complex, one value each). ngspice searches the roots of the
/// determinant with Muller's method; hwsim takes the matrices G and C of the small-signal system Y(s) = G + sC (the
/// AC stamps at omega 0 and 1, AC resistances included) and finds the finite roots of det(G + sC) as eigenvalues:
/// s = -1/lambda for the eigenvalues lambda of (G)^-1 C that are not zero. Poles: the circuit with a voltage input
/// shorted (a current input open, and a voltage source across its port taken out). Zeros: the same system bordered by the input excitation and the output row, whose
/// determinant is the numerator of the transfer function.
/// </summary>
public sealed class PoleZeroAnalysis : Analysis
{
    public PoleZeroAnalysis(string inPositive, string inNegative, string outPositive, string outNegative, bool voltageInput, PoleZeroKind what)
    {
        InPositive = inPositive;
        InNegative = inNegative;
        OutPositive = outPositive;
        OutNegative = outNegative;
        VoltageInput = voltageInput;
        What = what;
    }

    public string InPositive { get; }
    public string InNegative { get; }
    public string OutPositive { get; }
    public string OutNegative { get; }
    public bool VoltageInput { get; }
    public PoleZeroKind What { get; }

    public override AnalysisKind Kind => AnalysisKind.PoleZero;

    public override string ToNetlist() =>
        $".pz {InPositive} {InNegative} {OutPositive} {OutNegative} {(VoltageInput ? "vol" : "cur")} {What switch { PoleZeroKind.Poles => "pol", PoleZeroKind.Zeros => "zer", _ => "pz" }}";

    public override AnalysisResult Run(CircuitEngine engine)
    {
        PrepareDc(engine);
        var state = engine.State;
        OperatingPointSolver.Solve(engine, AnalysisMode.DcOperatingPoint, state.Options.Itl1);
        state.Biasing.Init = InitializationMode.SmallSignal;
        engine.Load();
        engine.PrepareAc();
        state.Biasing.Mode = AnalysisMode.Ac;
        var g = Dense(engine, 0);
        var c = Dense(engine, 1);
        state.Biasing.Mode = AnalysisMode.DcOperatingPoint;
        state.Biasing.Init = InitializationMode.Float;
        var n = g.GetLength(0);
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
                c[i, j] = (c[i, j] - g[i, j]) / Complex.ImaginaryOne;

        var unknowns = state.Unknowns;
        var inPos = Node(unknowns, InPositive);
        var inNeg = Node(unknowns, InNegative);
        var outPos = Node(unknowns, OutPositive);
        var outNeg = Node(unknowns, OutNegative);
        // A voltage input: an existing voltage source across the input port is the input; otherwise a short is added.
        var source = VoltageInput ? InputSource(engine, unknowns, inPos, inNeg) : null;
        // A current input with a voltage source across the port: the source is taken out (opened), as ngspice does.
        if (!VoltageInput && InputSource(engine, unknowns, inPos, inNeg) is { } held)
        {
            (g, c) = (Without(g, held - 1), Without(c, held - 1));
            n--;
            int Shift(int k) => k > held ? k - 1 : k;
            (inPos, inNeg, outPos, outNeg) = (Shift(inPos), Shift(inNeg), Shift(outPos), Shift(outNeg));
        }
        if (VoltageInput && source is null)
        {
            (g, c) = (Border(g, Port(n, inPos, inNeg), Port(n, inPos, inNeg)), Border(c, new Complex[n], new Complex[n]));
            source = n + 1;
            n++;
        }

        var vectors = new List<ResultVector>();
        if (What != PoleZeroKind.Zeros)
            vectors.AddRange(Named("pole", Roots(g, c)));
        if (What != PoleZeroKind.Poles)
        {
            var excitation = new Complex[n];
            if (source is { } row) excitation[row - 1] = 1;
            else
            {
                if (inPos > 0) excitation[inPos - 1] = 1;
                if (inNeg > 0) excitation[inNeg - 1] = -1;
            }
            var output = Port(n, outPos, outNeg);
            vectors.AddRange(Named("zero", Roots(Border(g, excitation, output), Border(c, new Complex[n], new Complex[n]))));
        }
        return new AnalysisResult(Kind, ToNetlist(), null, vectors) { Statistics = engine.Statistics.Snapshot() };
    }

    /// <summary>The finite roots of det(G + sC), sorted as ngspice lists them: real ones, then pairs (positive imaginary first).</summary>
    private static List<Complex> Roots(Complex[,] g, Complex[,] c)
    {
        var n = g.GetLength(0);
        // s = sigma - 1/lambda for the eigenvalues lambda of (G + sigma C)^-1 C; sigma 0 unless G is singular (a root at 0).
        foreach (var sigma in new[] { 0.0, 1.0, -3.7 })
        {
            var m = new Complex[n, n];
            for (var i = 0; i < n; i++)
                for (var j = 0; j < n; j++)
                    m[i, j] = g[i, j] + sigma * c[i, j];
            if (Solve(m, c) is not { } a) continue;
            var lambdas = ComplexEigenvalues.Of(WithoutZeroLines(a));
            var largest = lambdas.Select(Complex.Abs).DefaultIfEmpty().Max();
            var roots = lambdas.Where(l => Complex.Abs(l) > 1e-9 * largest && largest > 0).Select(l => sigma - 1 / l)
                .Select(s => Math.Abs(s.Imaginary) <= 1e-9 * Complex.Abs(s) ? new Complex(s.Real, 0) : s).ToList();
            // a conjugate pair's real parts differ in the last digits: compared in single precision
            return roots.OrderBy(s => s.Imaginary == 0 ? 0 : 1).ThenBy(s => (float)s.Real).ThenByDescending(s => s.Imaginary).ToList();
        }
        throw new SimulationException("pole-zero: the small-signal matrix is singular");
    }

    /// <summary>
    /// The matrix without the rows and columns of unknowns whose row or column is zero (nodes without capacitance): each
    /// takes away one zero eigenvalue (an infinite root), which the QR iteration would find only slowly, many at once.
    /// </summary>
    private static Complex[,] WithoutZeroLines(Complex[,] a)
    {
        var keep = Enumerable.Range(0, a.GetLength(0)).ToList();
        var removed = true;
        while (removed)
        {
            removed = false;
            foreach (var k in keep)
            {
                if (keep.All(j => a[k, j] == Complex.Zero) || keep.All(i => a[i, k] == Complex.Zero))
                {
                    keep.Remove(k);
                    removed = true;
                    break;
                }
            }
        }
        var b = new Complex[keep.Count, keep.Count];
        for (var i = 0; i < keep.Count; i++)
            for (var j = 0; j < keep.Count; j++)
                b[i, j] = a[keep[i], keep[j]];
        return b;
    }

    private static IEnumerable<ResultVector> Named(string prefix, List<Complex> roots) =>
        roots.Select((r, i) => new ResultVector($"{prefix}({i + 1})", [r]));

    /// <summary>M^-1 B by dense LU with partial pivoting; null when M is singular.</summary>
    private static Complex[,]? Solve(Complex[,] m, Complex[,] b)
    {
        var n = m.GetLength(0);
        var x = (Complex[,])b.Clone();
        var scale = 0.0;
        foreach (var v in m) scale = Math.Max(scale, Complex.Abs(v));
        for (var k = 0; k < n; k++)
        {
            var pivot = k;
            for (var i = k + 1; i < n; i++)
                if (Complex.Abs(m[i, k]) > Complex.Abs(m[pivot, k])) pivot = i;
            if (Complex.Abs(m[pivot, k]) <= 1e-13 * scale) return null;
            if (pivot != k)
                for (var j = 0; j < n; j++)
                {
                    (m[k, j], m[pivot, j]) = (m[pivot, j], m[k, j]);
                    (x[k, j], x[pivot, j]) = (x[pivot, j], x[k, j]);
                }
            for (var i = k + 1; i < n; i++)
            {
                var f = m[i, k] / m[k, k];
                if (f == Complex.Zero) continue;
                for (var j = k; j < n; j++) m[i, j] -= f * m[k, j];
                for (var j = 0; j < n; j++) x[i, j] -= f * x[k, j];
            }
        }
        for (var k = n - 1; k >= 0; k--)
            for (var j = 0; j < n; j++)
            {
                var sum = x[k, j];
                for (var i = k + 1; i < n; i++) sum -= m[k, i] * x[i, j];
                x[k, j] = sum / m[k, k];
            }
        return x;
    }

    /// <summary>The complex system's matrix at angular frequency <paramref name="omega"/>, dense, without the ground row and column.</summary>
    private static Complex[,] Dense(CircuitEngine engine, double omega)
    {
        engine.State.Frequency.Omega = omega;
        engine.AssembleAc();
        var matrix = engine.State.Frequency.Matrix;
        var n = engine.State.Unknowns.Count;
        var dense = new Complex[n, n];
        for (var h = 1; h <= matrix.NonZeros; h++)
        {
            var (row, col) = (matrix.RowOf(h), matrix.ColumnOf(h));
            if (row > 0 && col > 0) dense[row - 1, col - 1] += matrix.Values[h];
        }
        return dense;
    }

    /// <summary>The matrix with one more row and column: <paramref name="column"/> on the right, <paramref name="row"/> below, 0 in the corner.</summary>
    private static Complex[,] Border(Complex[,] a, Complex[] column, Complex[] row)
    {
        var n = a.GetLength(0);
        var b = new Complex[n + 1, n + 1];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++) b[i, j] = a[i, j];
            b[i, n] = column[i];
            b[n, i] = row[i];
        }
        return b;
    }

    /// <summary>The matrix without row and column <paramref name="k"/>.</summary>
    private static Complex[,] Without(Complex[,] a, int k)
    {
        var n = a.GetLength(0);
        var b = new Complex[n - 1, n - 1];
        for (var i = 0; i < n - 1; i++)
            for (var j = 0; j < n - 1; j++)
                b[i, j] = a[i < k ? i : i + 1, j < k ? j : j + 1];
        return b;
    }

    /// <summary>The vector picking v(positive) - v(negative) (unknown numbers from 1; 0 is ground).</summary>
    private static Complex[] Port(int n, int positive, int negative)
    {
        var v = new Complex[n];
        if (positive > 0) v[positive - 1] += 1;
        if (negative > 0) v[negative - 1] -= 1;
        return v;
    }

    /// <summary>The branch row of a voltage source across the input port, if there is one.</summary>
    private static int? InputSource(CircuitEngine engine, Unknowns unknowns, int inPos, int inNeg)
    {
        foreach (var entity in engine.Circuit)
        {
            if (entity is not VoltageSource v || !unknowns.TryGetBranch(v.Name.ToLowerInvariant(), out var branch)) continue;
            var (a, b) = (Node(unknowns, v.Nodes[0]), Node(unknowns, v.Nodes[1]));
            if ((a == inPos && b == inNeg) || (a == inNeg && b == inPos)) return branch;
        }
        return null;
    }

    private static int Node(Unknowns unknowns, string node)
    {
        if (Unknowns.IsGround(node)) return 0;
        return unknowns.TryGetIndex(node, out var i) && unknowns.KindOf(i) == UnknownKind.Voltage
            ? i
            : throw new CircuitException($".pz: the circuit has no node {node}", node);
    }
}
