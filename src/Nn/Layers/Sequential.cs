using Hwsim.Nn.Hooks;

namespace Hwsim.Nn.Layers;

/// <summary>nn.Sequential: layers run in order. Its state_dict keys are <c>LAYERNAME.key</c>.</summary>
public sealed class Sequential : ILayer
{
    private readonly ILayer[] layers;

    /// <summary>Creates a sequence of layers with unique names.</summary>
    public Sequential(IEnumerable<ILayer> layers, string name = "model")
    {
        this.layers = layers.ToArray();
        Name = name;
        var dup = this.layers.GroupBy(l => l.Name).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new ArgumentException($"layer name '{dup.Key}' is used twice", nameof(layers));
        Parameters = this.layers.SelectMany(l => l.Parameters).ToArray();
        NamedParameters = this.layers.SelectMany(l => l.Parameters.Select(p => new NamedParameter($"{l.Name}.{p.Name}", p))).ToArray();
    }

    /// <summary>Creates a sequence from the given layers.</summary>
    public Sequential(params ILayer[] layers) : this((IEnumerable<ILayer>)layers) { }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public string TypeName => "Sequential";

    /// <summary>The layers in order.</summary>
    public IReadOnlyList<ILayer> Layers => layers;

    /// <inheritdoc />
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>Every parameter with its state_dict key, in state_dict order.</summary>
    public IReadOnlyList<NamedParameter> NamedParameters { get; }

    /// <inheritdoc />
    public bool IsRecurrent => layers.Any(l => l.IsRecurrent);

    /// <summary>The layer called <paramref name="name"/>.</summary>
    public ILayer this[string name] => layers.FirstOrDefault(l => l.Name == name)
        ?? throw new KeyNotFoundException($"no layer named '{name}'");

    /// <inheritdoc />
    public int OutputFeatures(int inputFeatures)
    {
        int f = inputFeatures;
        foreach (var l in layers) f = l.OutputFeatures(f);
        return f;
    }

    /// <inheritdoc />
    public LayerPass Forward(Batch input) => Trace(input);

    /// <inheritdoc />
    public LayerPass Forward(Batch input, ForwardHooks hooks) => Trace(input, hooks);

    /// <summary>Runs every layer, keeping each layer's input, output and (LSTM) gates.</summary>
    public SequentialPass Trace(Batch input) => Trace(input, ForwardHooks.None);

    /// <summary>Runs every layer with the forward-pass changes of <paramref name="hooks"/>, keeping what <see cref="Trace(Batch)"/> keeps.</summary>
    public SequentialPass Trace(Batch input, ForwardHooks hooks)
    {
        var passes = new LayerPass[layers.Length];
        var x = input;
        for (int i = 0; i < layers.Length; i++)
        {
            passes[i] = hooks.IsNone ? layers[i].Forward(x) : layers[i].Forward(x, hooks);
            x = passes[i].Output;
        }
        return new SequentialPass(this, input, x, passes, hooks);
    }

    /// <summary>Runs the network and returns only its output.</summary>
    public Batch Predict(Batch input) => Trace(input).Output;

    /// <inheritdoc />
    public Batch Backward(LayerPass pass, Batch outputGradient)
    {
        var sp = (SequentialPass)pass;
        var g = outputGradient;
        for (int i = layers.Length - 1; i >= 0; i--) g = layers[i].Backward(sp.Layers[i], g);
        return g;
    }

    /// <summary>Sets every gradient to zero.</summary>
    public void ZeroGrad()
    {
        foreach (var p in Parameters) p.ZeroGrad();
    }

    /// <inheritdoc />
    public void ResetParameters(Rng rng)
    {
        foreach (var l in layers) l.ResetParameters(rng);
    }

    /// <summary>A copy of every parameter value, to restore later (e.g. the best epoch).</summary>
    public double[][] SnapshotValues() => Parameters.Select(p => (double[])p.ValueArray.Clone()).ToArray();

    /// <summary>Restores values taken by <see cref="SnapshotValues"/>.</summary>
    public void RestoreValues(double[][] snapshot)
    {
        for (int i = 0; i < Parameters.Count; i++) Array.Copy(snapshot[i], Parameters[i].ValueArray, snapshot[i].Length);
    }
}
