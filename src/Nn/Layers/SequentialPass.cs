using Hwsim.Nn.Hooks;

namespace Hwsim.Nn.Layers;

/// <summary>A forward pass through a <see cref="Sequential"/>: one pass per child layer, in order.</summary>
public sealed class SequentialPass : LayerPass
{
    /// <summary>Records a pass.</summary>
    public SequentialPass(Sequential layer, Batch input, Batch output, IReadOnlyList<LayerPass> layers, ForwardHooks? hooks = null)
        : base(layer, input, output, hooks) => Layers = layers;

    /// <summary>The child passes, in order: each has the layer's input and output (pre-activation or activation).</summary>
    public IReadOnlyList<LayerPass> Layers { get; }

    /// <summary>The pass of the layer called <paramref name="name"/>.</summary>
    public LayerPass this[string name] => Layers.FirstOrDefault(p => p.Layer.Name == name)
        ?? throw new KeyNotFoundException($"no layer named '{name}'");
}
