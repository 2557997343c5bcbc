using System.Globalization;

namespace Hwsim.Circuits.Blocks;

/// <summary>
/// A crossbar computing z = W x + b for a weight matrix W (N outputs x M inputs), as a sub-circuit of programmed
/// conductances. Signed weights use a bipolar input drive: every input has a row driven at +x*Vread (port
/// <c>p{i}</c>) and a row driven at -x*Vread (port <c>n{i}</c>); weight w_ij puts G- on row p_i and G+ on row n_i of
/// column j (port <c>c{j}</c>), so the current flowing out of a column held at 0 V is -(G+ - G-) x Vread summed over
/// the rows, and an inverting transimpedance amplifier of gain Rf turns it into +Rf * scale * Vread * (W x + b). The
/// bias is one more bipolar row pair (<c>pb</c>, <c>nb</c>) driven at +/-Vread. With wire resistance every segment
/// between neighbouring crossings along a row and along a column is a resistor of that value (rows are fed at
/// column 0, columns leave after the last row).
/// </summary>
public sealed class Crossbar
{
    public Crossbar(string name, double[,] weights, double[]? bias, ConductanceMapping mapping,
        double wireResistance = 0, DeviceVariation? variation = null)
    {
        Name = name;
        Outputs = weights.GetLength(0);
        Inputs = weights.GetLength(1);
        if (Outputs == 0 || Inputs == 0) throw new ArgumentException($"{name}: empty weight matrix");
        if (bias is not null && bias.Length != Outputs) throw new ArgumentException($"{name}: {bias.Length} biases for {Outputs} outputs");
        if (wireResistance < 0) throw new ArgumentException($"{name}: wire resistance must not be negative");
        Mapping = mapping;
        WireResistance = wireResistance;
        HasBias = bias is not null;
        Variation = variation ?? DeviceVariation.None;

        // Programmed conductances: rows 0..M-1 are inputs, row M the bias.
        var rows = Inputs + (HasBias ? 1 : 0);
        Plus = new double[Outputs, rows];
        Minus = new double[Outputs, rows];
        var random = new Random(Variation.Seed);
        for (var j = 0; j < Outputs; j++)
        {
            for (var i = 0; i < rows; i++)
            {
                var w = i < Inputs ? weights[j, i] : bias![j];
                var what = i < Inputs ? $"{name} weight [{j},{i}]" : $"{name} bias [{j}]";
                var (gp, gm) = mapping.ToConductances(w, what);
                if (!Variation.IsNone)
                {
                    gp = Variation.Apply(gp, mapping.Gmin, mapping.Gmax, random);
                    gm = Variation.Apply(gm, mapping.Gmin, mapping.Gmax, random);
                }
                Plus[j, i] = gp;
                Minus[j, i] = gm;
            }
        }
    }

    public string Name { get; }
    public int Outputs { get; }
    public int Inputs { get; }
    public bool HasBias { get; }
    public ConductanceMapping Mapping { get; }
    public double WireResistance { get; }
    public DeviceVariation Variation { get; }

    /// <summary>G+ of output j, row i (the bias is row <see cref="Inputs"/>), after quantisation and variation.</summary>
    public double[,] Plus { get; }
    public double[,] Minus { get; }

    /// <summary>The weights the programmed conductances represent ((G+ - G-)/scale): what the circuit computes without wires.</summary>
    public double EffectiveWeight(int output, int row) => Mapping.ToWeight(Plus[output, row], Minus[output, row]);

    public int Rows => Inputs + (HasBias ? 1 : 0);

    /// <summary>Port names in order: p0..p(M-1), [pb], n0..n(M-1), [nb], c0..c(N-1).</summary>
    public IReadOnlyList<string> Ports
    {
        get
        {
            var ports = new List<string>();
            for (var i = 0; i < Inputs; i++) ports.Add($"p{i}");
            if (HasBias) ports.Add("pb");
            for (var i = 0; i < Inputs; i++) ports.Add($"n{i}");
            if (HasBias) ports.Add("nb");
            for (var j = 0; j < Outputs; j++) ports.Add($"c{j}");
            return ports;
        }
    }

    private string RowPort(int row, bool positive) => row < Inputs ? $"{(positive ? 'p' : 'n')}{row}" : positive ? "pb" : "nb";

    /// <summary>The sub-circuit: one resistor per conductance, plus wire segments when wire resistance is set.</summary>
    public SubcircuitText ToSubcircuit()
    {
        var s = new SubcircuitText(Name, Ports, string.Create(CultureInfo.InvariantCulture,
            $"crossbar {Outputs}x{Inputs}{(HasBias ? " + bias" : "")}: bipolar rows, G in [{Mapping.Gmin:G3}, {Mapping.Gmax:G3}] S, scale {Mapping.WeightScale:G4} S per unit weight{(Mapping.Levels is { } l ? $", {l} levels" : "")}, wire {WireResistance:G3} ohm"));
        var physicalRows = new List<(string Port, int Row, bool Positive)>();
        for (var r = 0; r < Rows; r++)
        {
            physicalRows.Add((RowPort(r, true), r, true));
            physicalRows.Add((RowPort(r, false), r, false));
        }
        var wires = WireResistance > 0;
        for (var k = 0; k < physicalRows.Count; k++)
        {
            var (port, row, positive) = physicalRows[k];
            for (var j = 0; j < Outputs; j++)
            {
                // G- sits on the +x row and G+ on the -x row (see the class comment).
                var g = positive ? Minus[j, row] : Plus[j, row];
                var rowNode = wires ? $"{port}_{j}" : port;
                var colNode = wires ? $"k{k}_{j}" : $"c{j}";
                s.Add($"rx{k}_{j} {rowNode} {colNode} {SubcircuitText.Num(1.0 / g)}");
                if (wires)
                {
                    var prevRow = j == 0 ? port : $"{port}_{j - 1}";
                    s.Add($"rwr{k}_{j} {prevRow} {rowNode} {SubcircuitText.Num(WireResistance)}");
                    var nextCol = k == physicalRows.Count - 1 ? $"c{j}" : $"k{k + 1}_{j}";
                    s.Add($"rwc{k}_{j} {colNode} {nextCol} {SubcircuitText.Num(WireResistance)}");
                }
            }
        }
        return s;
    }
}
