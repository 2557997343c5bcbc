using Hwsim.Nn.Models;
using Hwsim.Nn.Training;

namespace Hwsim.Nn.Demos;

/// <summary>A trained (or fixed) demo model, its training history (null when not trained), data and metrics.</summary>
public sealed record DemoResult(
    DemoDefinition Demo,
    NetworkModel Model,
    DemoData Data,
    TrainingHistory? History,
    IReadOnlyList<MetricValue> Metrics)
{
    /// <summary>The value of the primary metric, or null.</summary>
    public double? PrimaryMetric => Demo.MetricKey is string k ? Metrics.First(m => m.Key == k).Value : null;
}
