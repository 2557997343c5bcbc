namespace Hwsim.Nn.Demos;

/// <summary>Every demo network, by name.</summary>
public static class DemoCatalog
{
    /// <summary>All demos, in the order of the design.</summary>
    public static IReadOnlyList<DemoDefinition> All { get; } =
    [
        NeuronReluDemo.Definition,
        NeuronSigmoidDemo.Definition,
        NeuronTanhDemo.Definition,
        MlpXorDemo.Definition,
        MlpShapesDemo.Definition,
        ConvSobelDemo.Definition,
        LstmCellDemo.Definition,
        LstmSineDemo.Definition,
        LstmAirlineDemo.Definition,
    ];

    /// <summary>The names of all demos.</summary>
    public static IReadOnlyList<string> Names => All.Select(d => d.Name).ToArray();

    /// <summary>The demo called <paramref name="name"/> (case-insensitive), or null.</summary>
    public static DemoDefinition? Find(string name) =>
        All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The demo called <paramref name="name"/>; throws <see cref="KeyNotFoundException"/> listing the names.</summary>
    public static DemoDefinition Get(string name) =>
        Find(name) ?? throw new KeyNotFoundException($"unknown demo '{name}' (known: {string.Join(", ", Names)})");
}
