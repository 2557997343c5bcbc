namespace Hwsim.Bridge.Demos;

/// <summary>The <c>neuron-sigmoid</c> demo on the bridge side: a single neuron has no task metric, only its error against software.</summary>
public static class NeuronSigmoidDemo
{
    public static BridgeDemo Definition { get; } = new("neuron-sigmoid", DemoView.Samples) { MetricOverride = Comparison.TaskMetric.None };
}
