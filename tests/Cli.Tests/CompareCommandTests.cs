using System.Globalization;

namespace Hwsim.Cli.Tests;

/// <summary>The contract of hwsim demos / compare / netlist: summary.csv layout, output files, exit codes.</summary>
public class CompareCommandTests
{
    private static string OutDir() => Directory.CreateTempSubdirectory("hwsim-compare").FullName;

    [Fact]
    public void When_DemosListed_Expect_OneLinePerDemo()
    {
        var (code, output, _) = CliRunner.Run("demos");
        Assert.Equal(0, code);
        var names = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')[0]).ToArray();
        Assert.Equal(new[] { "neuron-relu", "neuron-sigmoid", "neuron-tanh", "mlp-xor", "mlp-shapes", "conv-sobel", "lstm-cell", "lstm-sine", "lstm-airline" }, names);
    }

    [Fact]
    public void When_DemosCompared_Expect_SummaryCsvContractAndFiles()
    {
        var dir = OutDir();
        var (code, output, err) = CliRunner.Run("compare", "mlp-xor", "neuron-tanh", "--out", dir);
        Assert.True(code == 0, err);
        var lines = File.ReadAllLines(Path.Combine(dir, "summary.csv"));
        Assert.Equal("demo,level,engine,output_max_abs_error,output_rms_error,output_range,metric,software_metric,circuit_metric,decision_agreement", lines[0]);
        Assert.Equal(5, lines.Length);
        var xorIdeal = lines[1].Split(',');
        Assert.Equal(new[] { "mlp-xor", "ideal", "hwsim" }, xorIdeal[..3]);
        Assert.Equal("accuracy", xorIdeal[6]);
        Assert.True(double.Parse(xorIdeal[3], CultureInfo.InvariantCulture) < 1e-9);
        Assert.Equal("1", xorIdeal[9]);
        var tanhMacro = lines[4].Split(',');
        Assert.Equal(new[] { "neuron-tanh", "macro", "hwsim" }, tanhMacro[..3]);
        Assert.Equal("none", tanhMacro[6]);
        Assert.Equal("", tanhMacro[7]);
        Assert.Equal("", tanhMacro[9]);
        foreach (var f in new[] { "mlp-xor.ideal.csv", "mlp-xor.macro.csv", "netlists/mlp-xor.macro.cir", "report.html" })
            Assert.True(File.Exists(Path.Combine(dir, f)), f);
        Assert.StartsWith("point,fc1[0]:software,fc1[0]:circuit", File.ReadLines(Path.Combine(dir, "mlp-xor.ideal.csv")).First());
        Assert.Contains("mlp-xor", output);
    }

    [Fact]
    public void When_SelfContainedAsked_Expect_PlotsEmbeddedElseLinked()
    {
        var linked = OutDir();
        var embedded = OutDir();
        Assert.Equal(0, CliRunner.Run("compare", "mlp-xor", "--level", "ideal", "--out", linked).Code);
        Assert.Equal(0, CliRunner.Run("compare", "mlp-xor", "--level", "ideal", "--self-contained", "--out", embedded).Code);
        var small = File.ReadAllText(Path.Combine(linked, "report.html"));
        var whole = File.ReadAllText(Path.Combine(embedded, "report.html"));
        Assert.DoesNotContain("data:image/png", small);
        Assert.Contains("src=\"plots/mlp-xor.ideal.scatter.png\"", small);
        Assert.Contains("src=\"data:image/png;base64,", whole);
        Assert.True(whole.Length > 2 * small.Length, $"{whole.Length} vs {small.Length}");
    }

    [Fact]
    public void When_UserModelCompared_Expect_ItsNameInTheSummary()
    {
        var dir = OutDir();
        var (code, _, err) = CliRunner.Run("compare", "--model", CliRunner.Repo("models", "neuron-relu.json"), "--level", "ideal", "--out", dir);
        Assert.True(code == 0, err);
        Assert.StartsWith("neuron-relu,ideal,hwsim,", File.ReadAllLines(Path.Combine(dir, "summary.csv"))[1]);
    }

    [Theory]
    [InlineData("compare", "no-such-demo")]
    [InlineData("compare", "--level", "gate")]
    [InlineData("compare", "mlp-xor", "--weight-scale", "1e-4")]
    [InlineData("netlist", "no-such-demo")]
    public void When_InputIsBad_Expect_OneErrorLineAndExitTwo(params string[] args)
    {
        var (code, output, err) = CliRunner.Run(args.Concat(new[] { "--out", OutDir() }).Where((a, i) => args[0] == "compare" || i < args.Length).ToArray());
        Assert.Equal(2, code);
        Assert.Contains("error", err);
        Assert.DoesNotContain("   at ", err + output);
    }

    [Fact]
    public void When_ModelFileIsBroken_Expect_ExitTwo()
    {
        var file = CliRunner.TempFile("broken.json", "{\"format\": \"hwsim-model/1\", \"name\": \"x\", \"layers\": [{\"name\": \"fc\", \"type\": \"Linear\", \"in_features\": 2, \"out_features\": 1}], \"state_dict\": {}}");
        var (code, _, err) = CliRunner.Run("compare", "--model", file, "--out", OutDir());
        Assert.Equal(2, code);
        Assert.Contains("fc", err);
    }

    [Fact]
    public void When_NetlistExported_Expect_FileThatRuns()
    {
        var path = Path.Combine(OutDir(), "cell.cir");
        var (code, _, err) = CliRunner.Run("netlist", "lstm-cell", "--level", "macro", "-o", path);
        Assert.True(code == 0, err);
        var csv = Path.ChangeExtension(path, ".csv");
        var (runCode, _, runErr) = CliRunner.Run("run", path, "--out", csv);
        Assert.True(runCode == 0, runErr);
        Assert.Contains("v(lstm_l0_h0)", File.ReadLines(csv).First().Split(','));
    }

    [Fact]
    public void When_AModelIsComparedOnADemo_Expect_TheDemosTestDataAndMetric()
    {
        var dir = OutDir();
        var onnx = Path.Combine(dir, "sine.onnx");
        var (code, _, err) = CliRunner.Run("export", CliRunner.Repo("models", "lstm-sine.json"), "-o", onnx, "--double");
        Assert.True(code == 0, err);
        (code, var output, err) = CliRunner.Run("compare", "lstm-sine", "--model", onnx, "--level", "ideal", "--out", dir);
        Assert.True(code == 0, err);
        var row = File.ReadAllLines(Path.Combine(dir, "summary.csv"))[1].Split(',');
        Assert.Equal(["lstm-sine", "ideal", "hwsim"], row[..3]);
        Assert.Equal("rmse", row[6]);
        var stored = Hwsim.Nn.Models.ModelFile.Load(CliRunner.Repo("models", "lstm-sine.json")).Extras["metrics"]!["test_rmse"]!.GetValue<double>();
        Assert.Equal(stored, double.Parse(row[7], CultureInfo.InvariantCulture), 1e-12);
        Assert.Contains("note: model sine.onnx", output);

        (code, _, err) = CliRunner.Run("compare", "mlp-xor", "--model", onnx, "--level", "ideal", "--out", dir);
        Assert.Equal(2, code);
        Assert.Contains("model 'sine' has an LSTM, demo mlp-xor's network has none", err);
        (code, _, err) = CliRunner.Run("compare", "mlp-xor", "neuron-relu", "--model", onnx, "--out", dir);
        Assert.Equal(2, code);
        Assert.Contains("--model goes with one demo", err);
    }
}
