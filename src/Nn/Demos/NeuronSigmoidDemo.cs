namespace Hwsim.Nn.Demos;

/// <summary><c>neuron-sigmoid</c>: one sigmoid neuron, 3 inputs, learning a logistic function.</summary>
public static class NeuronSigmoidDemo
{
    /// <summary>The definition.</summary>
    public static DemoDefinition Definition { get; } =
        SingleNeuron.Create("neuron-sigmoid", "sigmoid", Layers.Sigmoid.Logistic, [2.0, -1.5, 1.0], -0.5, 12);
}
