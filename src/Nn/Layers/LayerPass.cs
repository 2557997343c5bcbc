using Hwsim.Nn.Hooks;

namespace Hwsim.Nn.Layers;

/// <summary>
/// One layer's forward pass: its input and output. For a Linear layer the output is the pre-activation, for an
/// activation layer the output is the activation. Layers that need more (LSTM) derive from this.
/// </summary>
public class LayerPass
{
    /// <summary>Records a pass of <paramref name="layer"/>.</summary>
    public LayerPass(ILayer layer, Batch input, Batch output, ForwardHooks? hooks = null)
    {
        Layer = layer;
        Input = input;
        Output = output;
        Hooks = hooks ?? ForwardHooks.None;
    }

    /// <summary>The layer that ran.</summary>
    public ILayer Layer { get; }

    /// <summary>What went in.</summary>
    public Batch Input { get; }

    /// <summary>What came out.</summary>
    public Batch Output { get; }

    /// <summary>The forward-pass changes the layer ran with (<see cref="ForwardHooks.None"/> for the plain pass).</summary>
    public ForwardHooks Hooks { get; }
}
