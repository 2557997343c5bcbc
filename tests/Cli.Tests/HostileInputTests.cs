using System.Text.Json.Nodes;

namespace Hwsim.Cli.Tests;

/// <summary>
/// The probes of issue 9 (hostile and broken input), one test per defect: nothing is written outside the named
/// output, special files are never replaced, work and memory are bounded, and every failure is exit 1 or 2 with one
/// short line (3 only for a bug).
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("hwsim-hostile").FullName;

    public void Dispose() => Directory.Delete(_root, true);

    private string Model(string name, string path = "model.json")
    {
        var json = JsonNode.Parse(File.ReadAllText(CliRunner.Repo("models", "mlp-xor.json")))!;
        json["name"] = name;
        var file = Path.Combine(_root, "in", path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, json.ToJsonString());
        return file;
    }

    /// <summary>Every file under the temporary root that is not under <paramref name="allowed"/> nor an input.</summary>
    private IEnumerable<string> WrittenOutside(string allowed) =>
        Directory.EnumerateFileSystemEntries(_root, "*", SearchOption.AllDirectories)
            .Where(p => !p.StartsWith(allowed + Path.DirectorySeparatorChar, StringComparison.Ordinal) && p != allowed
                        && !p.StartsWith(Path.Combine(_root, "in"), StringComparison.Ordinal)
                        && !allowed.StartsWith(p + Path.DirectorySeparatorChar, StringComparison.Ordinal));

    [Theory]
    [InlineData("../../../../evil")]
    [InlineData("{root}/absolute/x")]
    [InlineData("a/../../b\\c:d*?\"<>|")]
    [InlineData("..")]
    [InlineData("")]
    public void Item1_When_ModelNameIsAPath_Expect_EveryFileInsideOut(string name)
    {
        // Deep enough that, were the name obeyed, even "../../../../" stays inside the temporary root.
        var outDir = Path.Combine(_root, "out", "a", "b", "c", "d", "e");
        var (code, _, err) = CliRunner.Run("compare", "--model", Model(name.Replace("{root}", _root)), "--level", "ideal", "--out", outDir);
        Assert.True(code == 0, err);
        Assert.Empty(WrittenOutside(outDir));
        var csvs = Directory.GetFiles(outDir, "*.ideal.csv");
        var csv = Assert.Single(csvs);
        Assert.Matches("^[A-Za-z0-9_-]+\\.ideal\\.csv$", Path.GetFileName(csv));
        Assert.Single(Directory.GetFiles(Path.Combine(outDir, "netlists")));
        Assert.All(Directory.GetFiles(Path.Combine(outDir, "plots")), p => Assert.StartsWith(Path.GetFileName(csv)[..^4], Path.GetFileName(p)));
    }

    [Fact]
    public void Item1_When_NamesHoldLineBreaks_Expect_NoCardInjectedIntoTheNetlist()
    {
        var model = Model("x\n.include /etc/passwd\r.tran 1 1");
        var json = JsonNode.Parse(File.ReadAllText(model))!;
        json["layers"]![0]!["name"] = "fc1\nRX in0 0 1";
        var sd = json["state_dict"]!.AsObject();
        foreach (var key in sd.Select(p => p.Key).Where(k => k.StartsWith("fc1.", StringComparison.Ordinal)).ToList())
        {
            var value = sd[key]!.DeepClone();
            sd.Remove(key);
            sd["fc1\nRX in0 0 1" + key[3..]] = value;
        }
        File.WriteAllText(model, json.ToJsonString());
        var outDir = Path.Combine(_root, "out");
        var (code, _, err) = CliRunner.Run("compare", "--model", model, "--level", "ideal", "--out", outDir);
        Assert.True(code == 0, err);
        var netlist = File.ReadAllText(Assert.Single(Directory.GetFiles(Path.Combine(outDir, "netlists"))));
        Assert.DoesNotContain(netlist.Split('\n', '\r'), line => line.StartsWith(".include", StringComparison.Ordinal) || line.StartsWith(".tran", StringComparison.Ordinal) || line.StartsWith("RX", StringComparison.Ordinal));
        Assert.DoesNotContain(File.ReadAllLines(Path.Combine(outDir, "summary.csv"))[1..], line => !line.Contains(",ideal,hwsim,"));
    }
}
