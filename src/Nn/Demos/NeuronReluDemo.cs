namespace Hwsim.Nn.Demos;

/// <summary><c>neuron-relu</c>: one ReLU neuron, 3 inputs.</summary>
public static class NeuronReluDemo
{
    /// <summary>The definition.</summary>
    public static DemoDefinition Definition { get; } =
        SingleNeuron.Create("neuron-relu", "relu", x => Math.Max(0, x), [0.8, -0.6, 0.4], 0.3, 11);
}
