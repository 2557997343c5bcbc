using Hwsim.Bridge.Comparison;
using Hwsim.Bridge.Mapping;
using Hwsim.Circuits.Blocks;
using Hwsim.Nn.Demos;
using Hwsim.Nn.Models;

namespace Hwsim.Bridge.Demos;

/// <summary>
/// A demo network on the bridge side: which stored model and test inputs it uses (from <see cref="DemoCatalog"/>),
/// how many test points the comparison runs, and how its results are shown.
/// </summary>
public sealed record BridgeDemo(string Name, DemoView View, int? MaxPoints = null, int ImageHeight = 0, int ImageWidth = 0)
{
    /// <summary>The task metric of the comparison; null takes the demo's (single neurons and the filter have none).</summary>
    public TaskMetric? MetricOverride { get; init; }

    public string Description => DemoCatalog.Get(Name).Description;

    /// <summary>
    /// The demo's profile at the device level: the level's defaults (1 V per unit, 0.2 V read) unless the demo's values
    /// need another signal scale or read voltage to stay inside the supplies and below the memristors' thresholds.
    /// </summary>
    public MappingProfile DeviceProfile { get; init; } = MappingProfile.For(FidelityLevel.Device);

    /// <summary>The comparison case: the stored model and the demo's test inputs, targets and metric.</summary>
    public ComparisonCase ToCase(string modelsDirectory)
    {
        var path = Path.Combine(modelsDirectory, Name + ".json");
        var model = ModelFile.Load(path);
        var demo = DemoCatalog.Get(Name);
        var data = demo.Data();
        var inputs = data.TestInputRows;
        var targets = data.TestTargetRows;
        if (MaxPoints is { } max && inputs.Length > max && !model.IsSequenceModel)
        {
            inputs = inputs.Take(max).ToArray();
            targets = targets.Take(max).ToArray();
        }
        var metric = MetricOverride ?? demo.Metric switch
        {
            DemoMetricKind.Accuracy => TaskMetric.Accuracy,
            DemoMetricKind.Rmse => TaskMetric.Rmse,
            _ => TaskMetric.None,
        };
        return new ComparisonCase(Name, model, inputs, targets, metric, data.EvaluateFromStep) { DeviceProfile = DeviceProfile };
    }
}
