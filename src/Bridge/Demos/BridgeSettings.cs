using Hwsim.Bridge.Comparison;
using Hwsim.Bridge.Mapping;
using Hwsim.Circuits.Blocks;

namespace Hwsim.Bridge.Demos;

/// <summary>
/// What the bridge adds to a demo of <see cref="Nn.Demos.DemoCatalog"/>: how its comparison is scored and shown.
/// The demo's name, model, data and task metric live in its Nn definition, never here.
/// </summary>
public sealed record BridgeSettings
{
    /// <summary>How the results are shown besides the common plots.</summary>
    public DemoView View { get; init; } = DemoView.Samples;

    /// <summary>Height and width of the input images (row by row) when <see cref="View"/> is <see cref="DemoView.Images"/>.</summary>
    public (int Height, int Width) Image { get; init; }

    /// <summary>The task metric of the comparison when it differs from the demo's own; null takes the demo's.</summary>
    public TaskMetric? Metric { get; init; }

    /// <summary>
    /// The demo's profile at the device level: the level's defaults (1 V per unit, 0.2 V read) unless the demo's values
    /// need another signal scale or read voltage to stay inside the supplies and below the memristors' thresholds.
    /// </summary>
    public MappingProfile DeviceProfile { get; init; } = MappingProfile.For(FidelityLevel.Device);

    /// <summary>
    /// At the device level, how many test samples of a feed-forward demo run (the first ones); null runs all. Each sample
    /// is a clock period of a circuit of thousands of unknowns, so the large demos stream a batch.
    /// </summary>
    public int? DevicePoints { get; init; }

    /// <summary>Whether a bare <c>hwsim compare</c> (no <c>--level</c>) runs the demo at the device level too: the quick ones.</summary>
    public bool DeviceInMainJob { get; init; }
}
