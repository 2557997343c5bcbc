namespace Hwsim.Nn.Demos;

/// <summary><c>neuron-tanh</c>: one tanh neuron, 3 inputs.</summary>
public static class NeuronTanhDemo
{
    /// <summary>The definition.</summary>
    public static DemoDefinition Definition { get; } =
        SingleNeuron.Create("neuron-tanh", "tanh", Math.Tanh, [1.2, 0.8, -1.0], 0.1, 13);
}
