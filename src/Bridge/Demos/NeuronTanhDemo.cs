namespace Hwsim.Bridge.Demos;

/// <summary>The <c>neuron-tanh</c> demo on the bridge side: a single neuron has no task metric, only its error against software.</summary>
public static class NeuronTanhDemo
{
    public static BridgeDemo Definition { get; } = new("neuron-tanh", DemoView.Samples) { MetricOverride = Comparison.TaskMetric.None };
}
