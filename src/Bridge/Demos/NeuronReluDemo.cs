namespace Hwsim.Bridge.Demos;

/// <summary>The <c>neuron-relu</c> demo on the bridge side: a single neuron has no task metric, only its error against software.</summary>
public static class NeuronReluDemo
{
    public static BridgeDemo Definition { get; } = new("neuron-relu", DemoView.Samples) { MetricOverride = Comparison.TaskMetric.None };
}
