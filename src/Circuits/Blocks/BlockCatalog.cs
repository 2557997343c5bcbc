using Hwsim.Circuits.Devices;
using static Hwsim.Circuits.Blocks.BlockBenches;

namespace Hwsim.Circuits.Blocks;

/// <summary>
/// The analog neural building blocks with their characterisation benches: what <c>hwsim block</c> lists, sweeps and
/// plots, and what netlists/blocks holds. Each block states its input range and its error bound per level (max
/// |circuit - ideal| over the range, in output units, values); the tests check every bound.
/// <list type="table">
/// <item><term>crossbar</term><description>ideal 1e-6, macro and device 0.02 (6-bit conductances, 1 ohm wires)</description></item>
/// <item><term>tia</term><description>ideal 1e-9, macro 1e-3</description></item>
/// <item><term>tanh, sigmoid</term><description>ideal and macro 1e-9, device 0.02 (2 % of full scale)</description></item>
/// <item><term>relu</term><description>ideal and macro 1e-9, device 0.03 (1 % of full scale 3)</description></item>
/// <item><term>multiplier</term><description>ideal and macro 1e-9, device 0.03 (3 % of full scale)</description></item>
/// <item><term>adder</term><description>ideal 1e-9, macro 1e-3</description></item>
/// <item><term>sample-hold</term><description>ideal 1e-3, macro 2e-3, device 5e-3</description></item>
/// <item><term>dac, adc</term><description>ideal 1e-9, macro half a step (4 bits over [-1, 1])</description></item>
/// </list>
/// </summary>
public static class BlockCatalog
{
    /// <summary>Read voltage per unit of a crossbar row (V).</summary>
    public const double ReadVoltage = 0.2;
    /// <summary>The TIA bench's transresistance (ohm): a current of Vs / 50 k = 20 uA is one unit.</summary>
    public const double TiaTransresistance = 50e3;
    /// <summary>The crossbar bench's conductance levels (6 bits) at macro and device level.</summary>
    public const int CrossbarLevels = 64;
    /// <summary>The crossbar bench's wire resistance per segment at macro and device level (ohm).</summary>
    public const double CrossbarWireResistance = 1;

    /// <summary>The crossbar bench's weights (one column of eight inputs), its bias and the direction u of its input x = t u.</summary>
    public static readonly double[] CrossbarWeights = [0.8, -0.5, 0.3, -0.9, 0.6, -0.2, 0.7, -0.4];
    public const double CrossbarBias = 0.1;
    public static readonly double[] CrossbarDirection = [1, 0.5, -0.75, -1, 0.25, -0.5, 1, 0.75];

    /// <summary>The sample-and-hold bench's clock: T = 20 us, gap 1 us, edges 0.2 us.</summary>
    public static TwoPhaseClock SampleHoldClock { get; } = new(20e-6);

    /// <summary>The converters of the dac and adc benches: 4 bits over [-1, 1].</summary>
    public static DataConverter Dac { get; } = new(ConverterKind.Dac, 4);
    public static DataConverter Adc { get; } = new(ConverterKind.Adc, 4);

    private static Dictionary<FidelityLevel, double> Bounds(double? ideal = null, double? macro = null, double? device = null)
    {
        var d = new Dictionary<FidelityLevel, double>();
        if (ideal is { } i) d[FidelityLevel.Ideal] = i;
        if (macro is { } m) d[FidelityLevel.Macro] = m;
        if (device is { } v) d[FidelityLevel.Device] = v;
        return d;
    }

    private static string Sub(string block, FidelityLevel level) => $"{block.Replace('-', '_')}_{level.Name()}";

    /// <summary>The blocks, in the order <c>hwsim block</c> lists them.</summary>
    public static IReadOnlyList<BlockDefinition> All { get; } =
    [
        new("crossbar", "weight matrix as differential conductances (bipolar row drive) read by a TIA: z = W x + b",
            Bounds(1e-6, 0.02, 0.02), "input scale t (x = t u)", null, "t in [-1, 1]", "pre-activation z (values)", "t (w . u) + b",
            CrossbarBench),
        new("tia", "transimpedance amplifier: a column current becomes the pre-activation voltage, out = -Rf i",
            Bounds(1e-9, 1e-3), "current (units of Vs/Rf = 20 uA)", null, "[-3, 3]", "out (values)", "-x",
            (def, level, scale) => Transimpedance(def, level, scale,
                TransimpedanceAmplifier.Create(Sub("tia", level), level, TiaTransresistance), TiaTransresistance, new(-3, 3, 0.1))),
        new("tanh", "tanh activation: BJT differential pair (device), B source (ideal, macro)",
            Bounds(1e-9, 1e-9, 0.02), "pre-activation x (values)", null, "[-3, 3]", "tanh(x) (values)", "tanh(x)",
            (def, level, scale) => OneInput(def, level, scale, Activation.Create(Sub("tanh", level), ActivationKind.Tanh, level, scale),
                new(-3, 3, 0.1), Math.Tanh, "activation against tanh(x)", ["at 27 C"])),
        new("sigmoid", "sigmoid activation: BJT differential pair (device), B source (ideal, macro)",
            Bounds(1e-9, 1e-9, 0.02), "pre-activation x (values)", null, "[-6, 6]", "sigmoid(x) (values)", "1/(1+exp(-x))",
            (def, level, scale) => OneInput(def, level, scale, Activation.Create(Sub("sigmoid", level), ActivationKind.Sigmoid, level, scale),
                new(-6, 6, 0.2), x => 1 / (1 + Math.Exp(-x)), "activation against 1/(1+exp(-x))", ["at 27 C"])),
        new("relu", "ReLU activation: precision rectifier, op-amp and diode (device), B source (ideal, macro)",
            Bounds(1e-9, 1e-9, 0.03), "pre-activation x (values)", null, "[-3, 3]", "relu(x) (values)", "max(x, 0)",
            (def, level, scale) => OneInput(def, level, scale, Activation.Create(Sub("relu", level), ActivationKind.Relu, level, scale),
                new(-3, 3, 0.1), x => Math.Max(x, 0), "activation against max(x, 0)")),
        new("multiplier", "four-quadrant multiplier: Gilbert cell (device), B source (ideal, macro): out = a b / Vs",
            Bounds(1e-9, 1e-9, 0.03), "a (values)", "b (values)", "a, b in [-1, 1]", "a b (values)", "a*b",
            (def, level, scale) => TwoInputs(def, level, scale, ArithmeticBlocks.Multiplier(Sub("multiplier", level), level, scale),
                new(-1, 1, 0.1), new(-1, 1, 0.25), (a, b) => a * b, "product against a*b", ["at 27 C"])),
        new("adder", "two-input adder: B source (ideal), op-amp inverting summer and inverter (macro)",
            Bounds(1e-9, 1e-3), "in1 (values)", "in2 (values)", "in1, in2 in [-1.5, 1.5]", "in1 + in2 (values)", "in1+in2",
            (def, level, scale) => TwoInputs(def, level, scale, ArithmeticBlocks.Adder(Sub("adder", level), level, 2),
                new(-1.5, 1.5, 0.15), new(-1.5, 1.5, 0.5), (a, b) => a + b, "sum against in1+in2")),
        new("sample-hold", "master-slave sample-and-hold (switch, hold capacitor, buffer) on a two-phase non-overlapping clock",
            Bounds(1e-3, 2e-3, 5e-3), "input sampled at the end of phi1 (values)", null, "[-2, 2]", "output at the end of the hold (values)", "the sampled input",
            (def, level, scale) => SampleHold(def, level, scale, Blocks.SampleHold.Create(Sub("sample-hold", level), level), SampleHoldClock,
                Enumerable.Range(0, 21).Select(k => -2 + 0.2 * k).ToArray())),
        new("dac", "behavioural DAC: 4 bits over [-1, 1], both ends included (ideal: a wire)",
            Bounds(1e-9, Dac.MaxError + 1e-9), "value (values)", null, "[-1, 1]", "converted value (values)", "x",
            (def, level, scale) => OneInput(def, level, scale, Dac.ToSubcircuit(Sub("dac", level), level, scale),
                new(-1 + 1.0 / 256, 1 - 1.0 / 256, 1.0 / 128), x => x, "quantiser against the identity (the error is the quantisation error)",
                ["the sweep points avoid the rounding ties, where two simulators may round either way"])),
        new("adc", "behavioural ADC: 4 bits over [-1, 1], each bin read as its centre (ideal: a wire)",
            Bounds(1e-9, Adc.MaxError + 1e-9), "value (values)", null, "[-1, 1]", "converted value (values)", "x",
            (def, level, scale) => OneInput(def, level, scale, Adc.ToSubcircuit(Sub("adc", level), level, scale),
                new(-1 + 1.0 / 256, 1 - 1.0 / 256, 1.0 / 128), x => x, "quantiser against the identity (the error is the quantisation error)",
                ["the sweep points avoid the bin edges, where two simulators may round either way"])),
    ];

    /// <summary>The block of that name (case-insensitive), or null.</summary>
    public static BlockDefinition? Find(string name) => All.FirstOrDefault(b => string.Equals(b.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The names, in order.</summary>
    public static IEnumerable<string> Names => All.Select(b => b.Name);

    private static BlockBench CrossbarBench(BlockDefinition def, FidelityLevel level, SignalScale scale)
    {
        var w = new double[1, CrossbarWeights.Length];
        for (var i = 0; i < CrossbarWeights.Length; i++) w[0, i] = CrossbarWeights[i];
        var all = CrossbarWeights.Append(CrossbarBias).ToArray();
        var ideal = level == FidelityLevel.Ideal;
        var mapping = ConductanceMapping.FitTo(all, levels: ideal ? null : CrossbarLevels);
        var xb = new Crossbar(Sub("crossbar", level), w, [CrossbarBias], mapping, ideal ? 0 : CrossbarWireResistance,
            memristor: level == FidelityLevel.Device ? new MemristorModel() : null);
        var rf = scale.VoltsPerUnit / (mapping.WeightScale * ReadVoltage);
        var tia = TransimpedanceAmplifier.Create($"tia_{level.Name()}", level == FidelityLevel.Device ? FidelityLevel.Macro : level, rf);
        var wu = CrossbarWeights.Zip(CrossbarDirection, (a, b) => a * b).Sum();
        return Crossbar(def, level, scale, xb, CrossbarDirection, ReadVoltage, tia, new(-1, 1, 0.05), t => t * wu + CrossbarBias,
        [
            $"w = ({string.Join(", ", CrossbarWeights.Select(N))}), b = {N(CrossbarBias)}, read voltage {N(ReadVoltage)} V per unit, TIA Rf = {N(rf)} ohm",
            ideal ? "exact conductances, no wire resistance, ideal TIA"
                : $"{CrossbarLevels} conductance levels, {N(CrossbarWireResistance)} ohm per wire segment, op-amp TIA" + (level == FidelityLevel.Device ? ", memristors at their programmed states" : ""),
        ]);
    }

    private static string N(double x) => SubcircuitText.Num(x);
}
