using Hwsim.Bridge.Comparison;
using Hwsim.Bridge.Mapping;
using Hwsim.Circuits.Blocks;
using Hwsim.Nn.Data;
using Hwsim.Nn.Demos;

namespace Hwsim.Bridge.Demos;

/// <summary>
/// The one table of demos on the bridge side: every demo of <see cref="DemoCatalog"/> (which holds the names, models,
/// data and task metrics, and their order) with the bridge settings keyed to it here.
/// </summary>
public static class BridgeDemos
{
    private static readonly BridgeSettings Samples = new() { View = DemoView.Samples };
    /// <summary>
    /// LSTMs at the device level: 0.5 V per unit keeps their cell states (up to 4.6 in lstm-sine) inside the
    /// sample-and-holds' +/-3.5 V and their gate pre-activations (up to 6) inside every block's range.
    /// </summary>
    private static readonly BridgeSettings Waveforms = new()
    {
        View = DemoView.Waveforms,
        DeviceProfile = MappingProfile.For(FidelityLevel.Device) with { SignalVoltsPerUnit = 0.5 },
    };
    private static readonly BridgeSettings ShapeImages8x8 = new() { View = DemoView.Images, Image = (ShapeImages.Side, ShapeImages.Side) };

    /// <summary>
    /// The shape classifier at the device level: its logits (up to 100) need 0.1 V per unit to stay inside the
    /// amplifiers' +/-10.5 V, and its hidden activations (up to 21) a read voltage of 0.03 V per unit to stay below
    /// the memristors' 0.8 V threshold. Its device-level transient (12,000 unknowns) streams the first 40 test images.
    /// </summary>
    private static readonly BridgeSettings ShapeClassifier = ShapeImages8x8 with
    {
        DeviceProfile = MappingProfile.For(FidelityLevel.Device) with { SignalVoltsPerUnit = 0.1, ReadVoltage = 0.03 },
        DevicePoints = 40,
    };

    /// <summary>A single neuron has no task metric on the bridge, only its error against software.</summary>
    private static readonly BridgeSettings SingleNeuron = new() { View = DemoView.Samples, Metric = TaskMetric.None };

    private static readonly Dictionary<DemoDefinition, BridgeSettings> Settings = new()
    {
        [NeuronReluDemo.Definition] = SingleNeuron,
        [NeuronSigmoidDemo.Definition] = SingleNeuron,
        [NeuronTanhDemo.Definition] = SingleNeuron with { DeviceInMainJob = true },
        [MlpXorDemo.Definition] = Samples with { DeviceInMainJob = true },
        [MlpShapesDemo.Definition] = ShapeClassifier,
        [ConvSobelDemo.Definition] = ShapeImages8x8,
        // lstm-cell is a showcase of the cell, compared signal by signal like the single neurons (no task metric): its
        // software RMSE on the memory task is so small (0.015) that 8-bit quantisation of its large input weights (up
        // to 8) alone moves it by about 12 %, which says more about the task than about the circuit.
        [LstmCellDemo.Definition] = Waveforms with { Metric = TaskMetric.None, DeviceInMainJob = true },
        [LstmSineDemo.Definition] = Waveforms,
        [LstmAirlineDemo.Definition] = Waveforms,
    };

    /// <summary>All demos, in the order of <see cref="DemoCatalog.All"/> (the order <c>hwsim demos</c> lists them).</summary>
    public static IReadOnlyList<BridgeDemo> All { get; } = DemoCatalog.All.Select(d => new BridgeDemo(d,
        Settings.TryGetValue(d, out var s) ? s : throw new InvalidOperationException($"demo {d.Name} has no row in the bridge table"))).ToArray();

    /// <summary>The names of all demos.</summary>
    public static IReadOnlyList<string> Names => DemoCatalog.Names;

    /// <summary>The demo called <paramref name="name"/> (case-insensitive), or null.</summary>
    public static BridgeDemo? Find(string name) => All.FirstOrDefault(d => d.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The demo called <paramref name="name"/>; an <see cref="ArgumentException"/> listing the names when there is none.</summary>
    public static BridgeDemo Get(string name) =>
        Find(name) ?? throw new ArgumentException($"unknown demo '{name}' (known: {string.Join(", ", Names)})");
}
