using Hwsim.Nn.Demos;

namespace Hwsim.Nn.Data;

/// <summary>
/// The generated data sets as they are stored under data/ (the code is the source of truth; the files are for
/// reading and for other tools). A test checks that the stored files equal these.
/// </summary>
public static class DataFiles
{
    /// <summary>File name to table, for every generated data set.</summary>
    public static IReadOnlyDictionary<string, CsvTable> Generated()
    {
        var sine = LstmSineDemo.Series();
        var mg = SeriesGenerators.MackeyGlass(500);
        var (images, labels) = ShapeImages.Generate(MlpShapesDemo.PerClass, MlpShapesDemo.ImageSeed);
        var pixelHeader = Enumerable.Range(0, 64).Select(i => $"p{i / 8}{i % 8}");
        return new Dictionary<string, CsvTable>
        {
            ["sine.csv"] = new(["t", "x"], sine.Select((v, t) => new[] { t, v }).ToArray()),
            ["mackey-glass.csv"] = new(["t", "x"], mg.Select((v, t) => new[] { t, v }).ToArray()),
            ["xor.csv"] = new(["x1", "x2", "y"], XorData.Inputs.Zip(XorData.Targets, (x, y) => x.Concat(y).ToArray()).ToArray()),
            ["shapes-8x8.csv"] = new(["label", .. pixelHeader], images.Select((img, i) => new[] { (double)labels[i] }.Concat(img).ToArray()).ToArray()),
        };
    }

    /// <summary>Writes every generated data set into <paramref name="directory"/>.</summary>
    public static void WriteAll(string directory)
    {
        foreach (var (name, table) in Generated()) table.Write(Path.Combine(directory, name));
    }
}
