using System.Globalization;
using System.Text.Json.Nodes;
using Hwsim.Nn.Data;
using Hwsim.Nn.Models;

namespace Hwsim.Cli.Tests;

/// <summary><c>hwsim import</c>, <c>hwsim export</c>, ONNX files given to infer and compare, and <c>--columns</c>.</summary>
public sealed class OnnxCommandTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("hwsim-onnx-").FullName;

    public void Dispose() => Directory.Delete(dir, true);

    private static string Fixture(string name) => CliRunner.Repo("tests", "Nn.Tests", "Fixtures", "Onnx", name);

    private string Write(string name, string text)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string Csv(IEnumerable<double[]> rows, string prefix = "x") =>
        string.Join(",", rows.First().Select((_, i) => $"{prefix}{i}")) + "\n" +
        string.Join("\n", rows.Select(r => string.Join(",", r.Select(v => v.ToString("R", CultureInfo.InvariantCulture))))) + "\n";

    [Fact]
    public void When_TorchOnnxImportedAndInferred_Expect_PyTorchOutputsEitherWay()
    {
        var fixture = JsonNode.Parse(File.ReadAllText(Fixture("outputs.json")))!["fixtures"]!["lstm_linear_batch_first"]!;
        var rows = fixture["input"]!.AsArray().Select(r => r!.AsArray().Select(v => (double)v!).ToArray()).ToArray();
        var torch = fixture["output"]!.AsArray().SelectMany(r => r!.AsArray().Select(v => (double)v!)).ToArray();
        var json = Path.Combine(dir, "lstm.json");
        var (code, stdout, stderr) = CliRunner.Run("import", Fixture("lstm_linear_batch_first.onnx"), "-o", json);
        Assert.True(code == 0, stderr);
        Assert.Contains("lstm (LSTM), fc (Linear)", stdout);
        var input = Write("in.csv", Csv(rows));
        foreach (var model in new[] { json, Fixture("lstm_linear_batch_first.onnx") })
        {
            var output = Path.Combine(dir, Path.GetFileName(model) + ".csv");
            (code, _, stderr) = CliRunner.Run("infer", model, input, "--out", output);
            Assert.True(code == 0, stderr);
            var ours = CsvTable.Read(output).Rows.SelectMany(r => r).ToArray();
            Assert.Equal(torch.Length, ours.Length);
            Assert.All(torch.Zip(ours), p => Assert.True(Math.Abs(p.First - p.Second) <= 1e-6, $"{p.First} vs {p.Second}"));
        }
    }

    [Fact]
    public void When_DemoExportedThenImported_Expect_TheSameOutputs()
    {
        var onnx = Path.Combine(dir, "xor.onnx");
        var (code, stdout, stderr) = CliRunner.Run("export", CliRunner.Repo("models", "mlp-xor.json"), "-o", onnx, "--double");
        Assert.True(code == 0, stderr);
        Assert.Contains("float64", stdout);
        var json = Path.Combine(dir, "xor.json");
        (code, _, stderr) = CliRunner.Run("import", onnx, "-o", json);
        Assert.True(code == 0, stderr);
        var original = ModelFile.Load(CliRunner.Repo("models", "mlp-xor.json"));
        var back = ModelFile.Load(json);
        Assert.Equal(original.Network.NamedParameters.SelectMany(p => p.Parameter.ToFlatArray()), back.Network.NamedParameters.SelectMany(p => p.Parameter.ToFlatArray()));
    }

    [Fact]
    public void When_UnsupportedOnnxImported_Expect_OneLineNamingTheNodeAndNoFile()
    {
        var json = Path.Combine(dir, "bad.json");
        var (code, _, stderr) = CliRunner.Run("import", Fixture("unsupported_softmax.onnx"), "-o", json);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains("node '/1/Softmax' (Softmax)", stderr);
        Assert.False(File.Exists(json));
        var truncated = Path.Combine(dir, "cut.onnx");
        File.WriteAllBytes(truncated, File.ReadAllBytes(Fixture("mlp.onnx"))[..300]);
        (code, _, stderr) = CliRunner.Run("infer", truncated, Write("in.csv", "a,b,c\n1,2,3\n"));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith($"hwsim: error: {truncated}: not a readable ONNX file", stderr);
    }

    [Fact]
    public void When_DataFileUsedWithColumns_Expect_OnlyThoseColumnsAsInputs()
    {
        var xor = CliRunner.Repo("data", "xor.csv");
        foreach (var columns in new[] { "x1,x2", "0-1", "x1-x2" })
        {
            var (code, stdout, stderr) = CliRunner.Run("infer", CliRunner.Repo("models", "mlp-xor.json"), xor, "--columns", columns);
            Assert.True(code == 0, stderr);
            var decisions = stdout.TrimEnd('\n').Split('\n')[1..].Select(l => Math.Round(double.Parse(l, CultureInfo.InvariantCulture)));
            Assert.Equal([0.0, 1, 1, 0], decisions);
        }
        var (bad, _, err) = CliRunner.Run("infer", CliRunner.Repo("models", "mlp-xor.json"), xor, "--columns", "x1,z");
        Assert.Equal(ExitCodes.BadInput, bad);
        Assert.Contains($"{xor}:1: --columns 'z': no such column (columns: x1, x2, y)", err);
    }

    [Fact]
    public void When_OnnxModelCompared_Expect_ItsRowInTheSummary()
    {
        var output = Path.Combine(dir, "cmp");
        var inputs = Write("in.csv", "a,b,c,unused\n0.1,0.2,0.3,9\n-0.4,0.5,0.6,9\n");
        var (code, _, stderr) = CliRunner.Run("compare", "--model", Fixture("mlp.onnx"), "--inputs", inputs, "--columns", "a-c", "--level", "ideal", "--out", output);
        Assert.True(code == 0, stderr);
        var row = File.ReadAllLines(Path.Combine(output, "summary.csv"))[1].Split(',');
        Assert.Equal(["mlp", "ideal", "hwsim"], row[..3]);
        Assert.True(double.Parse(row[3], CultureInfo.InvariantCulture) < 1e-9);
    }
}
