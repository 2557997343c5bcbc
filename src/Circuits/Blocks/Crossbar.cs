using System.Globalization;
using Hwsim.Circuits.Devices;

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
/// <para>
/// The device at each crossing is an ideal resistor of the programmed conductance (ideal and macro levels) or, with
/// a <see cref="MemristorModel"/> (device level), that memristor at the state whose conductance is the programmed
/// one (<see cref="MemristorModel.StateForConductance"/>), instance <c>xm{k}_{j}</c> with its port <c>p</c> on the
/// row and <c>n</c> on the column. In an operating point a memristor's state holds (its drift is gated off at
/// time = 0), so the memristor crossbar computes the same W x + b as the resistor one. The mapping's window must lie
/// inside the model's [1/Roff, 1/Ron]; programmed conductances that variation pushes beyond it are clamped to it
/// (the state saturates at 0 or 1), and <see cref="Plus"/> / <see cref="Minus"/> hold the clamped values.
/// </para>
/// <para>
/// ngspice quirk worth knowing: in a <c>.dc</c> sweep ngspice (and our engine) set <c>time</c> to the swept value, so
/// a memristor crossbar under a sweep with positive values lets the states drift; sweep values &lt;= 0 (or use
/// <c>.op</c>) keep them programmed.
/// </para>
/// </summary>
public sealed class Crossbar
{
    public Crossbar(string name, double[,] weights, double[]? bias, ConductanceMapping mapping,
        double wireResistance = 0, DeviceVariation? variation = null, MemristorModel? memristor = null)
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
        Memristor = memristor;
        if (memristor is not null
            && (mapping.Gmin < memristor.MinimumConductance * (1 - 1e-9) || mapping.Gmax > memristor.MaximumConductance * (1 + 1e-9)))
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{name}: the conductance window [{mapping.Gmin:G4}, {mapping.Gmax:G4}] S lies outside the memristor's [{memristor.MinimumConductance:G4}, {memristor.MaximumConductance:G4}] S"));

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
                if (memristor is not null)
                {
                    gp = memristor.ConductanceAt(memristor.StateForConductance(gp));
                    gm = memristor.ConductanceAt(memristor.StateForConductance(gm));
                }
                Plus[j, i] = gp;
                Minus[j, i] = gm;
            }
        }
    }

    private Crossbar(Crossbar source, double[,] plus, double[,] minus)
    {
        Name = source.Name;
        Outputs = source.Outputs;
        Inputs = source.Inputs;
        HasBias = source.HasBias;
        Mapping = source.Mapping;
        WireResistance = source.WireResistance;
        Variation = source.Variation;
        Memristor = source.Memristor;
        Plus = plus;
        Minus = minus;
    }

    /// <summary>
    /// The same crossbar with other conductances at its crossings (e.g. drawn by a Monte Carlo sample), in the shape of
    /// <see cref="Plus"/> and <see cref="Minus"/>; memristors hold only their window, so their values are clamped to it.
    /// </summary>
    public Crossbar WithConductances(double[,] plus, double[,] minus)
    {
        if (plus.GetLength(0) != Outputs || plus.GetLength(1) != Rows || minus.GetLength(0) != Outputs || minus.GetLength(1) != Rows)
            throw new ArgumentException($"{Name}: conductances must be {Outputs} x {Rows}");
        var p = new double[Outputs, Rows];
        var m = new double[Outputs, Rows];
        for (var j = 0; j < Outputs; j++)
            for (var i = 0; i < Rows; i++)
            {
                if (!(plus[j, i] > 0) || !(minus[j, i] > 0) || double.IsInfinity(plus[j, i]) || double.IsInfinity(minus[j, i]))
                    throw new ArgumentException($"{Name}: conductance [{j},{i}] must be positive and finite");
                p[j, i] = Memristor is { } mp ? mp.ConductanceAt(mp.StateForConductance(plus[j, i])) : plus[j, i];
                m[j, i] = Memristor is { } mm ? mm.ConductanceAt(mm.StateForConductance(minus[j, i])) : minus[j, i];
            }
        return new Crossbar(this, p, m);
    }

    public string Name { get; }
    public int Outputs { get; }
    public int Inputs { get; }
    public bool HasBias { get; }
    public ConductanceMapping Mapping { get; }
    public double WireResistance { get; }
    public DeviceVariation Variation { get; }
    /// <summary>The memristor at each crossing (device level), or null for ideal resistors.</summary>
    public MemristorModel? Memristor { get; }

    /// <summary>The memristor state of a programmed conductance (device level).</summary>
    public double StateOf(double conductance) =>
        (Memristor ?? throw new InvalidOperationException($"{Name}: a resistor crossbar has no memristor states")).StateForConductance(conductance);

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
            $"crossbar {Outputs}x{Inputs}{(HasBias ? " + bias" : "")}: bipolar rows, G in [{Mapping.Gmin:G3}, {Mapping.Gmax:G3}] S, scale {Mapping.WeightScale:G4} S per unit weight{(Mapping.Levels is { } l ? $", {l} levels" : "")}, wire {WireResistance:G3} ohm, {(Memristor is { } m ? $"memristors ({m.Name}) at the crossings" : "resistors at the crossings")}"));
        if (Memristor is { } model) s.Dependencies.Add(SubcircuitText.Raw(model.Name, model.ToSubcircuit()));
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
                if (Memristor is { } mem)
                    s.Add($"xm{k}_{j} {rowNode} {colNode} {mem.Name} x0={SubcircuitText.Num(mem.StateForConductance(g))}");
                else
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
