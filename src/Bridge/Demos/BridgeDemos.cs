namespace Hwsim.Bridge.Demos;

/// <summary>Every demo of the bridge, in the order <c>hwsim demos</c> lists them.</summary>
public static class BridgeDemos
{
    public static IReadOnlyList<BridgeDemo> All { get; } = new[]
    {
        NeuronReluDemo.Definition, NeuronSigmoidDemo.Definition, NeuronTanhDemo.Definition, MlpXorDemo.Definition,
        MlpShapesDemo.Definition, ConvSobelDemo.Definition, LstmCellDemo.Definition, LstmSineDemo.Definition,
        LstmAirlineDemo.Definition,
    };

    public static BridgeDemo? Find(string name) => All.FirstOrDefault(d => d.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The models folder: ./models, or models/ in a folder above the program (the repository).</summary>
    public static string ModelsDirectory()
    {
        var local = Path.GetFullPath("models");
        if (Directory.Exists(local) && File.Exists(Path.Combine(local, "mlp-xor.json"))) return local;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "models");
            if (File.Exists(Path.Combine(candidate, "mlp-xor.json"))) return candidate;
        }
        throw new DirectoryNotFoundException("no models/ folder with the demo models found (run from the repository, or train them with hwsim train)");
    }
}
