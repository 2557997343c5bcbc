using Hwsim.Bridge.Mapping;
using Hwsim.Circuits.Blocks;
using Hwsim.Nn.Layers;
using Hwsim.Nn.Models;

namespace Hwsim.Bridge.Compiler;

/// <summary>
/// Compiles a network (Linear, ReLU, Sigmoid, Tanh, Conv2d, Flatten, LSTM layers in order) into a circuit at a
/// fidelity level. A level is only a choice of blocks: every layer asks the block library for its crossbar, amplifiers,
/// activations and arithmetic at that level, and the wiring is the same at every level.
/// <list type="bullet">
/// <item>Every signal is a node voltage, value * Vs. Network inputs are the sources <c>vin{k}</c> at nodes <c>in{k}</c>.</item>
/// <item>Linear: a row driver per input (bipolar rows at +/-Vread per unit), a crossbar with a bias row pair, an
/// inverting TIA per output of gain Vs / (scale * Vread), giving the pre-activation at node <c>{layer}_o{j}</c>.</item>
/// <item>Activations: one block per unit. Conv2d: one crossbar per output position (the same kernel), dot products over
/// the image patches; padding reads 0 V. LSTM: one crossbar of [W_ih | W_hh] with bias b_ih + b_hh per layer, gate
/// activations, multipliers and an adder for c' = f*c + i*g, h' = o*tanh(c'); the previous h and c are sources that
/// the evaluator sets from the last step (an ideal sample-and-hold).</item>
/// </list>
/// </summary>
public static partial class NetworkCompiler
{
    public static CompiledNetwork Compile(NetworkModel model, FidelityLevel level, MappingProfile? profile = null, int? inputFeatures = null)
    {
        profile ??= MappingProfile.For(level);
        try
        {
            profile.Validate();
        }
        catch (ArgumentException e)
        {
            throw new CompileException(e.Message, e);
        }
        if (Unsupported(level, profile) is { } unsupported) throw new CompileException(unsupported);
        var c = new Context(model, level, profile);
        var features = inputFeatures ?? model.InputFeatures
            ?? throw new CompileException($"{model.Name}: the number of input features is unknown (give it, or start the network with a Linear, LSTM or Conv2d)");
        var current = new List<string>();
        for (var k = 0; k < features; k++)
        {
            var node = $"in{k}";
            c.Builder.Source($"vin{k}", node, 0);
            c.Inputs.Add(new InputPort(k, $"vin{k}", node));
            current.Add(node);
        }
        var layerSignals = new List<Signal>();
        foreach (var layer in model.Network.Layers)
        {
            c.Builder.Layer = layer.Name;
            try
            {
                layerSignals = layer switch
                {
                    Linear linear => CompileLinear(c, linear, current),
                    ReLU or Sigmoid or Tanh => CompileActivation(c, layer, current),
                    Flatten => layerSignals,
                    Conv2d conv => CompileConv(c, conv, current),
                    Lstm lstm => CompileLstm(c, lstm, current),
                    _ => throw new CompileException($"layer {layer.Name}: type {layer.TypeName} cannot be compiled to a circuit"),
                };
            }
            catch (MappingException e)
            {
                throw new CompileException($"layer {layer.Name}: {e.Message}", e);
            }
            catch (BlockLevelException e)
            {
                throw new CompileException($"layer {layer.Name}: {e.Message}", e);
            }
            if (layer is not Flatten) current = layerSignals.Select(s => s.Node).ToList();
        }
        var device = level == FidelityLevel.Device;
        var comments = new[]
        {
            $"network {model.Name} compiled by hwsim at the {level.Name()} level",
            device
                ? "device level: transistor-level blocks, powered from one named supply per block kind; LSTM states held by clocked sample-and-holds; run as a clocked transient"
                : c.States.Count > 0
                    ? "this file is ONE time step's operating point (.op): the LSTM states h and c of the previous step are the DC sources vhp_*/vcp_* (0 here: the first step), set between steps by the evaluator as an ideal sample-and-hold"
                    : "this file is one sample's operating point (.op); the inputs vin{k} hold that sample",
            "every signal node holds value * Vs volts; inputs are vin{k}; the signal map at the end of these comments says which node holds which signal",
        }.Concat(profile.Describe().TrimEnd().Split('\n'))
         .Append("signal map (signal = node): " + string.Join(", ", c.Inputs.Select(i => $"input[{i.Index}] = {i.Node}")))
         .Concat(c.Signals.Chunk(6).Select(chunk => string.Join(", ", chunk.Select(sig => $"{sig.Name} = {sig.Node}"))));
        return new CompiledNetwork
        {
            Name = model.Name,
            Level = level,
            Profile = profile,
            Netlist = device
                ? ProcessCorners.WithTransistorsAt(c.Builder.Build($"{model.Name}: {level.Name()} circuit", comments, TemperatureCard(profile)), profile.Corner)
                : c.Builder.Build($"{model.Name}: {level.Name()} circuit", comments, ".op"),
            Inputs = c.Inputs,
            States = c.States,
            Signals = c.Signals,
            Outputs = layerSignals,
            Crossbars = c.Crossbars,
            InstanceCount = c.Builder.InstanceCount,
            Supplies = c.Supplies,
            NeedsClock = device && c.States.Count > 0,
            Parts = c.Builder.Parts,
            Notes = c.Notes,
        };
    }

    /// <summary>Compilation state shared by the layer compilers.</summary>
    private sealed class Context
    {
        public Context(NetworkModel model, FidelityLevel level, MappingProfile profile)
        {
            Model = model;
            Level = level;
            Profile = profile;
            _sampler = new ConductanceSampler(profile);
        }

        public NetworkModel Model { get; }
        public FidelityLevel Level { get; }
        public MappingProfile Profile { get; }
        public CircuitBuilder Builder { get; } = new();
        public List<InputPort> Inputs { get; } = new();
        public List<StatePort> States { get; } = new();
        public List<Signal> Signals { get; } = new();
        public List<CrossbarInfo> Crossbars { get; } = new();
        public List<SupplySource> Supplies { get; } = new();
        /// <summary>What the user should know about the mapping (weights that lose precision).</summary>
        public List<string> Notes { get; } = new();
        private bool _biasDefined;
        private readonly HashSet<string> _suppliesDefined = new();

        private bool Device => Level == FidelityLevel.Device;

        /// <summary>
        /// Device level: the supply of a block kind, its sources added once; null at the other levels (blocks bring
        /// their own supplies or none).
        /// </summary>
        public SupplyRails? Supply(Func<DeviceSupplies, SupplyRails> kind)
        {
            if (!Device) return null;
            var rails = kind(Profile.Supplies);
            if (_suppliesDefined.Add(rails.Kind))
            {
                foreach (var (name, node, volts) in rails.Sources())
                {
                    Builder.Source(name, node, volts);
                    Supplies.Add(new SupplySource(name, rails.Kind, volts));
                }
            }
            return rails;
        }

        /// <summary>The instance nodes of a block: its signal nodes, then the rails of its supply (device level).</summary>
        public IEnumerable<string> Nodes(IEnumerable<string> signals, SupplyRails? supply) => supply is null ? signals : signals.Concat(supply.Nodes);

        /// <summary>
        /// The constant bias rows at +/-Vread, shared by all crossbars: DC sources, or at the device level a row
        /// driver whose input is the crossbar supply itself (gain Vread / Vdd), so the bias rows' current is supply current.
        /// </summary>
        public (string P, string N) BiasRows()
        {
            if (!_biasDefined)
            {
                var layer = Builder.Layer;
                Builder.Layer = "bias";
                if (Supply(s => s.Crossbar) is { } xbar)
                {
                    var def = Builder.Define(ArithmeticBlocks.RowDriver("biasdrv", new SignalScale(xbar.Positive), Profile.ReadVoltage, null, 1, xbar));
                    Builder.Instance("xd_bias", Nodes(new[] { xbar.PositiveNode, "bias_p", "bias_n" }, xbar), def);
                }
                else
                {
                    Builder.Source("vbiasp", "bias_p", Profile.ReadVoltage);
                    Builder.Source("vbiasn", "bias_n", -Profile.ReadVoltage);
                }
                Builder.Layer = layer;
                _biasDefined = true;
            }
            return ("bias_p", "bias_n");
        }

        /// <summary>The y-range factor of the device level's f*c multiplier: c linear within +/-6 units.</summary>
        public const double CellStateRange = 3;

        /// <summary>The row driver definition (one for the whole network).</summary>
        public string RowDriver() => Builder.Define(ArithmeticBlocks.RowDriver("rowdrv", Profile.Scale, Profile.ReadVoltage, Profile.InputBits,
            Profile.InputFullScale, Supply(s => s.Crossbar)));

        public string ActivationDefinition(ActivationKind kind) =>
            Builder.Define(Activation.Create($"act_{kind.ToString().ToLowerInvariant()}", kind, Level, Profile.Scale,
                Profile.Amplifier.NegativeRail, Profile.Amplifier.PositiveRail, Profile.Amplifier, Supply(s => s.Activation)));

        public string Multiplier() => Builder.Define(ArithmeticBlocks.Multiplier("mul", Level, Profile.Scale,
            Profile.Amplifier.NegativeRail, Profile.Amplifier.PositiveRail, Profile.Amplifier, Supply(s => s.Multiplier)));

        /// <summary>
        /// The multiplier of f*c: at the device level a Gilbert cell whose c input is linear over +/-2
        /// <see cref="CellStateRange"/> units (an LSTM's c grows beyond the +/-2 of the plain cell); the plain one elsewhere.
        /// </summary>
        public string CellMultiplier() => Device
            ? Builder.Define(ArithmeticBlocks.Multiplier("mul_c", Level, Profile.Scale, Profile.Amplifier.NegativeRail, Profile.Amplifier.PositiveRail,
                Profile.Amplifier, Supply(s => s.Multiplier), CellStateRange))
            : Multiplier();

        /// <summary>
        /// The memristor sub-circuit at the crossings (its window is the profile's), or null for a resistor at each
        /// crossing. Only the device level writes memristors: in the operating points of the ideal and macro levels a
        /// memristor's state holds, so it is exactly the linear conductance of its programmed state, and a resistor of
        /// that conductance gives the same solution without a Newton iteration over every crossing (a memristor
        /// sub-circuit adds three unknowns and a non-linear source per crossing; with wire resistance, mlp-shapes took
        /// about 2 s per sample that way). <see cref="ConductanceSampler"/> clamps memristor conductances to the window.
        /// </summary>
        public Hwsim.Circuits.Devices.MemristorModel? Memristor() => Profile.Device == CrossbarDeviceKind.Memristor && Device
            ? new Hwsim.Circuits.Devices.MemristorModel { Ron = 1 / Profile.Gmax, Roff = 1 / Profile.Gmin, Dynamics = Profile.MemristorDynamics }
            : null;

        private readonly ConductanceSampler _sampler;
        private int _crossbars;

        /// <summary>
        /// The crossbar as programmed: its targets (quantised) through the profile's non-idealities, drawn for the
        /// crossbar's place in compilation order (<see cref="ConductanceSampler"/>); the targets themselves when there are none.
        /// </summary>
        public Crossbar Program(Crossbar targets)
        {
            var index = _crossbars++;
            if (_sampler.ProgramsAsTargets) return targets;
            var (plus, minus) = _sampler.Program(targets, index);
            return targets.WithConductances(plus, minus);
        }

        public string Adder2() => Builder.Define(ArithmeticBlocks.Adder("add2", Level, 2, Profile.Amplifier, supply: Supply(s => s.Amplifier)));

        public string Tia(string layer, double transresistance) =>
            Builder.Define(TransimpedanceAmplifier.Create($"tia_{layer}", Level, transresistance, Profile.Amplifier, Supply(s => s.Amplifier)));

        /// <summary>The sample-and-hold of the device level's LSTM states (clock nodes phi1, phi2).</summary>
        public string SampleHold() => Builder.Define(Hwsim.Circuits.Blocks.SampleHold.Create("sh", FidelityLevel.Device,
            new SampleHoldOptions { HoldCapacitance = Profile.HoldCapacitance, OpAmp = Profile.Amplifier, Supply = Supply(s => s.Hold) }));
    }

    /// <summary>A setting of the profile that the level cannot model (one line naming the option), or null.</summary>
    public static string? Unsupported(FidelityLevel level, MappingProfile profile) => level == FidelityLevel.Device && profile.ReadNoiseSigma > 0
        ? "--read-noise: the device level has no per-read draw (its memristors are read continuously in one clocked transient); study read noise at the macro level"
        : null;

    /// <summary>
    /// The device level's temperature: the engine's device temperature (<c>.temp</c>, the transistors' and junctions'
    /// temperature), none at the nominal 27 C. The crossings follow the profile's coefficient of conductance at every
    /// level (<see cref="ConductanceSampler"/>), since the memristor model has no temperature of its own.
    /// </summary>
    private static string? TemperatureCard(MappingProfile profile) => profile.Temperature == MappingProfile.NominalTemperature
        ? null
        : $".temp {profile.Temperature.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>A node-safe version of a layer name (letters, digits, underscore).</summary>
    private static string Safe(string name)
    {
        var chars = name.ToLowerInvariant().Select(ch => char.IsAsciiLetterOrDigit(ch) ? ch : '_').ToArray();
        var s = new string(chars);
        return s.Length == 0 || !char.IsAsciiLetter(s[0]) ? "l" + s : s;
    }

    /// <summary>
    /// A crossbar layer: row drivers for <paramref name="inputs"/>, the crossbar for (W, b), one TIA per output.
    /// Returns the output nodes (pre-activations in signal volts).
    /// </summary>
    private static List<string> Dense(Context c, string layer, double[,] w, double[] bias, IReadOnlyList<string> inputs, string outputPrefix)
    {
        var rows = w.GetLength(1);
        var outs = w.GetLength(0);
        if (inputs.Count != rows) throw new CompileException($"layer {layer}: {rows} weight columns but {inputs.Count} inputs");
        var mapping = c.Profile.MappingFor(w.Cast<double>().Concat(bias));
        if (mapping.PrecisionNote(w.Cast<double>().Concat(bias), layer) is { } note) c.Notes.Add(note);
        var xb = c.Program(new Crossbar($"xb_{layer}", w, bias, mapping, c.Profile.WireResistance, memristor: c.Memristor()));
        var xbName = c.Builder.Define(WithDevice(c, xb));
        var driver = c.RowDriver();
        var p = new List<string>();
        var n = new List<string>();
        for (var k = 0; k < rows; k++)
        {
            var rp = $"{layer}_rp{k}";
            var rn = $"{layer}_rn{k}";
            c.Builder.Instance($"xd_{layer}_{k}", c.Nodes(new[] { inputs[k], rp, rn }, c.Supply(x => x.Crossbar)), driver);
            p.Add(rp);
            n.Add(rn);
        }
        var (bp, bn) = c.BiasRows();
        var columns = Enumerable.Range(0, outs).Select(j => $"{layer}_col{j}").ToList();
        c.Builder.Instance($"xx_{layer}", p.Append(bp).Concat(n).Append(bn).Concat(columns), xbName);
        c.Crossbars.Add(new CrossbarInfo(layer, $"xx_{layer}", xb));
        var tia = c.Tia(layer, c.Profile.Transresistance(mapping));
        var outputs = new List<string>();
        for (var j = 0; j < outs; j++)
        {
            var o = $"{outputPrefix}{j}";
            c.Builder.Instance($"xt_{layer}_{j}", c.Nodes(new[] { columns[j], o }, c.Supply(x => x.Amplifier)), tia);
            outputs.Add(o);
        }
        return outputs;
    }

    /// <summary>The crossbar's sub-circuit (its crossing devices were chosen when it was built).</summary>
    private static SubcircuitText WithDevice(Context c, Crossbar xb) => xb.ToSubcircuit();
}
