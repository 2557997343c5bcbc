using Hwsim.Nn.Hooks;

namespace Hwsim.Nn.Layers;

/// <summary>
/// A layer: named parameters, a forward pass that is a pure function of input and parameters, and its backward
/// pass right next to it. <see cref="Forward(Batch)"/> returns a <see cref="LayerPass"/> that records what the
/// backward pass needs and what an inspector wants to see (inputs, outputs, and for an LSTM every gate per step).
/// </summary>
public interface ILayer
{
    /// <summary>The layer's name: the prefix of its tensors in the state_dict.</summary>
    string Name { get; }

    /// <summary>The type as written in a model file (<c>Linear</c>, <c>LSTM</c>, ...).</summary>
    string TypeName { get; }

    /// <summary>Trainable parameters, in PyTorch's state_dict order.</summary>
    IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>True when the layer mixes time steps (an LSTM); false when it acts on each step alone.</summary>
    bool IsRecurrent { get; }

    /// <summary>Output features per step for the given input features; throws <see cref="ArgumentException"/> if they do not fit.</summary>
    int OutputFeatures(int inputFeatures);

    /// <summary>Runs the layer, recording what backward and inspection need.</summary>
    LayerPass Forward(Batch input);

    /// <summary>
    /// Runs the layer with the forward-pass changes of <paramref name="hooks"/> (activation overrides, clips; see
    /// <see cref="ForwardHooks"/>); the pass records them, so that <see cref="Backward"/> differentiates what ran.
    /// </summary>
    LayerPass Forward(Batch input, ForwardHooks hooks);

    /// <summary>
    /// Back-propagates <paramref name="outputGradient"/> (dLoss/dOutput) through the pass: adds dLoss/dParameter
    /// to every parameter's <see cref="Parameter.Grad"/> and returns dLoss/dInput.
    /// </summary>
    Batch Backward(LayerPass pass, Batch outputGradient);

    /// <summary>Initialises the parameters as PyTorch does by default, drawing from <paramref name="rng"/>.</summary>
    void ResetParameters(Rng rng);
}
