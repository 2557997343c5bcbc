using Hwsim.Nn.Hooks;

namespace Hwsim.Nn.Layers;

/// <summary>
/// nn.Flatten: samples are already stored flat in PyTorch's (channel, row, column) order, so this is the identity
/// on the data; it marks where a convolutional part ends.
/// </summary>
public sealed class Flatten : ILayer
{
    /// <summary>Creates a Flatten layer.</summary>
    public Flatten(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public string TypeName => "Flatten";

    /// <inheritdoc />
    public IReadOnlyList<Parameter> Parameters => [];

    /// <inheritdoc />
    public bool IsRecurrent => false;

    /// <inheritdoc />
    public int OutputFeatures(int inputFeatures) => inputFeatures;

    /// <inheritdoc />
    public LayerPass Forward(Batch input) => new(this, input, input);

    /// <inheritdoc />
    public LayerPass Forward(Batch input, ForwardHooks hooks) => new(this, input, input, hooks);

    /// <inheritdoc />
    public Batch Backward(LayerPass pass, Batch outputGradient) => outputGradient;

    /// <inheritdoc />
    public void ResetParameters(Rng rng) { }
}
