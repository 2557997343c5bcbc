namespace Hwsim.Nn.Layers;

/// <summary>
/// One layer's forward pass: its input and output. For a Linear layer the output is the pre-activation, for an
/// activation layer the output is the activation. Layers that need more (LSTM) derive from this.
/// </summary>
public class LayerPass
{
    /// <summary>Records a pass of <paramref name="layer"/>.</summary>
    public LayerPass(ILayer layer, Batch input, Batch output)
    {
        Layer = layer;
        Input = input;
        Output = output;
    }

    /// <summary>The layer that ran.</summary>
    public ILayer Layer { get; }

    /// <summary>What went in.</summary>
    public Batch Input { get; }

    /// <summary>What came out.</summary>
    public Batch Output { get; }
}
