using Hwsim.Cli;
using Hwsim.Nn.Models;

namespace Hwsim.Cli.Tests;

/// <summary><c>hwsim infer</c>: one output row per input row; bad model or CSV files give one error line and exit code 2.</summary>
public sealed class InferCommandTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("hwsim-infer-").FullName;

    public void Dispose() => Directory.Delete(dir, true);

    private static string Model(string name) => Path.Combine(TrainCommandTests.RepoRoot, "models", name + ".json");

    private string Write(string name, string text)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = HwsimApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void When_FeedForwardModel_Expect_OneOutputRowPerSample()
    {
        var input = Write("xor.csv", "x1,x2\n0,0\n0,1\n1,0\n1,1\n");
        var (code, stdout, stderr) = Run("infer", Model("mlp-xor"), input);
        Assert.True(code == ExitCodes.Success, stderr);
        var lines = stdout.TrimEnd('\n').Split('\n');
        Assert.Equal("y0", lines[0]);
        Assert.Equal([0, 1, 1, 0], lines[1..].Select(l => Math.Round(double.Parse(l, System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Fact]
    public void When_SequenceModel_Expect_OneOutputRowPerStepToTheOutFile()
    {
        var steps = Enumerable.Range(0, 30).Select(t => new[] { Math.Sin(2 * Math.PI * t / 20) }).ToArray();
        var input = Write("sine.csv", "x\n" + string.Join("\n", steps.Select(s => s[0].ToString("R", System.Globalization.CultureInfo.InvariantCulture))) + "\n");
        var output = Path.Combine(dir, "out.csv");
        var (code, stdout, stderr) = Run("infer", Model("lstm-sine"), input, "--out", output);
        Assert.True(code == ExitCodes.Success, stderr);
        Assert.Equal("", stdout);
        var rows = Hwsim.Nn.Data.CsvTable.Read(output).Rows;
        var expected = ModelFile.Load(Model("lstm-sine")).Infer(steps);
        Assert.Equal(expected.Select(r => r[0]), rows.Select(r => r[0]));
    }

    [Fact]
    public void When_ImageModel_Expect_SeventyTwoSobelOutputs()
    {
        var input = Write("img.csv", string.Join(",", Enumerable.Range(0, 64).Select(i => $"p{i}")) + "\n" + string.Join(",", Enumerable.Range(0, 64).Select(i => i % 8 >= 4 ? "1" : "0")) + "\n");
        var (code, stdout, _) = Run("infer", Model("conv-sobel"), input);
        Assert.Equal(ExitCodes.Success, code);
        var lines = stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(72, lines[0].Split(',').Length);
        Assert.Equal("4", lines[1].Split(',')[2]);
    }

    [Fact]
    public void When_ModelJsonIsBroken_Expect_LineAndColumnAndExitCode2AndNoOutputFile()
    {
        var model = Write("bad.json", "{\n  \"format\": \"hwsim-model/1\",\n  \"layers\": [}\n");
        var input = Write("in.csv", "x\n1\n");
        var output = Path.Combine(dir, "out.csv");
        var (code, _, stderr) = Run("infer", model, input, "--out", output);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith($"hwsim: error: {model}:3:", stderr);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void When_TensorMissing_Expect_ItsNameAndExitCode2()
    {
        var text = File.ReadAllText(Model("neuron-relu"));
        int at = text.IndexOf("\"fc.bias\"", StringComparison.Ordinal);
        var broken = text[..at].TrimEnd().TrimEnd(',') + "\n  }\n}\n";
        var (code, _, stderr) = Run("infer", Write("m.json", broken), Write("in.csv", "a,b,c\n1,2,3\n"));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("missing tensor 'fc.bias'", stderr);
    }

    [Fact]
    public void When_CsvHasABadNumber_Expect_FileLineColumnAndExitCode2()
    {
        var input = Write("in.csv", "a,b,c\n1,2,3\n4,x,6\n");
        var (code, _, stderr) = Run("infer", Model("neuron-relu"), input);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith($"hwsim: error: {input}:3:2:", stderr);
    }

    [Fact]
    public void When_CsvHasTheWrongNumberOfColumns_Expect_ExitCode2()
    {
        var (code, _, stderr) = Run("infer", Model("neuron-relu"), Write("in.csv", "a,b\n1,2\n"));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("takes 3 input feature(s)", stderr);
    }

    [Fact]
    public void When_ModelFileMissing_Expect_ExitCode2()
    {
        var (code, _, stderr) = Run("infer", Path.Combine(dir, "none.json"), Write("in.csv", "a\n1\n"));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("none.json", stderr);
    }
}
