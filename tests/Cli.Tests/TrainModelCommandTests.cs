using System.Globalization;
using System.Text.Json.Nodes;
using Hwsim.Nn.Models;

namespace Hwsim.Cli.Tests;

/// <summary>
/// The contract of <c>hwsim train --model</c>: full-batch training without shuffling reproduces PyTorch's weights after
/// each optimiser's steps (tests/Nn.Tests/Fixtures/training.json, made by make_fixtures.py) for an MLP with MSE, an
/// MLP with cross-entropy on class indices and an LSTM on one sequence, to 1e-9; and its option errors.
/// </summary>
public sealed class TrainModelCommandTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("hwsim-train-model-").FullName;

    public void Dispose() => Directory.Delete(dir, true);

    private static JsonArray Cases() =>
        JsonNode.Parse(File.ReadAllText(CliRunner.Repo("tests", "Nn.Tests", "Fixtures", "training.json")))!["cases"]!.AsArray();

    public static TheoryData<string> CaseNames => new(Cases().Select(c => (string)c!["case"]!));

    private static string N(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The fixture's data as a CSV: x0.. then t0.. (or one class column), one row per sample or time step, and an unused column.</summary>
    private string WriteData(JsonNode c, out string inputs, out string targets)
    {
        bool sequence = (bool)c["sequence"]!;
        static double[][] Rows(JsonNode steps, bool sequence) => sequence
            ? steps.AsArray().Select(s => s!.AsArray()[0]!.AsArray().Select(v => (double)v!).ToArray()).ToArray()
            : steps.AsArray()[0]!.AsArray().Select(r => r!.AsArray().Select(v => (double)v!).ToArray()).ToArray();
        var x = Rows(c["inputs"]!, sequence);
        double[][] y = c["classes"] is JsonArray classes
            ? classes.Select(v => new[] { (double)v! }).ToArray()
            : Rows(c["targets"]!, sequence);
        var xNames = Enumerable.Range(0, x[0].Length).Select(i => $"x{i}").ToArray();
        var yNames = c["classes"] is not null ? ["class"] : Enumerable.Range(0, y[0].Length).Select(i => $"t{i}").ToArray();
        inputs = string.Join(",", xNames);
        targets = string.Join(",", yNames);
        var lines = new List<string> { string.Join(",", xNames.Concat(["unused"]).Concat(yNames)) };
        lines.AddRange(x.Zip(y, (a, b) => string.Join(",", a.Select(N).Concat(["7"]).Concat(b.Select(N)))));
        var path = Path.Combine(dir, "train.csv");
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void When_TrainedFullBatchWithoutShuffling_Expect_PyTorchWeights(string name)
    {
        var c = Cases().First(x => (string)x!["case"]! == name)!;
        var init = Path.Combine(dir, "init.json");
        File.WriteAllText(init, c["model"]!.ToJsonString());
        var data = WriteData(c, out var inputs, out var targets);
        var output = Path.Combine(dir, "out.json");
        var args = new List<string>
        {
            "train", "--model", init, "--data", data, "--inputs", inputs, "--targets", targets,
            "--loss", (string)c["loss"]! == "mse" ? "mse" : "cross-entropy", "--optimizer", (string)c["optimizer"]!,
            "--lr", N((double)c["lr"]!), "--epochs", ((int)c["steps"]!).ToString(CultureInfo.InvariantCulture), "--no-shuffle", "-o", output,
        };
        if ((bool)c["sequence"]!) args.Add("--sequence");
        if (c["momentum"] is { } m) args.AddRange(["--momentum", N((double)m)]);
        var (code, stdout, stderr) = CliRunner.Run(args.ToArray());
        Assert.True(code == 0, stderr);
        Assert.Contains("epoch 6/6", stdout);

        var trained = ModelFile.Load(output);
        // PyTorch's weights after training, read as a model file: the initial model with the final state_dict.
        var final = c["model"]!.DeepClone().AsObject();
        final["state_dict"] = c["final_state_dict"]!.DeepClone();
        var torch = ModelFile.Parse(final.ToJsonString()).Network.NamedParameters;
        double worst = 0;
        foreach (var (p, q) in trained.Network.NamedParameters.Zip(torch))
        {
            Assert.Equal(q.Key, p.Key);
            worst = Math.Max(worst, p.Parameter.ToFlatArray().Zip(q.Parameter.ToFlatArray(), (a, b) => Math.Abs(a - b)).Max());
        }
        Assert.True(worst <= 1e-9, $"{name}: largest difference from PyTorch {worst:E2}");
        var training = trained.Extras["training"]!;
        Assert.Equal((string)c["optimizer"]!, (string)training["optimizer"]!);
        Assert.Equal(((JsonArray)c["losses"]!).Select(v => (double)v!).Last(), (double)training["final_train_loss"]!, 1e-9);
    }

    [Fact]
    public void When_ShuffledMiniBatches_Expect_TheSameFileTwice()
    {
        var c = Cases().First(x => (string)x!["case"]! == "mlp_adam")!;
        var init = Path.Combine(dir, "init.json");
        File.WriteAllText(init, c["model"]!.ToJsonString());
        var data = WriteData(c, out var inputs, out var targets);
        string Train(string output)
        {
            var (code, _, stderr) = CliRunner.Run("train", "--model", init, "--data", data, "--inputs", inputs, "--targets", targets,
                "--loss", "mse", "--optimizer", "adam", "--lr", "0.01", "--epochs", "5", "--batch-size", "3", "-o", output);
            Assert.True(code == 0, stderr);
            return File.ReadAllText(output);
        }
        Assert.Equal(Train(Path.Combine(dir, "a.json")), Train(Path.Combine(dir, "b.json")));
    }

    [Theory]
    [InlineData("--optimizer", "--optimizer is required with --model")]
    [InlineData("--targets", "--targets is required with --model")]
    [InlineData("-o", "-o is required with --model")]
    public void When_ARequiredOptionIsMissing_Expect_ItsNameAndExitCode2(string left, string message)
    {
        var options = new Dictionary<string, string>
        {
            ["--model"] = CliRunner.Repo("models", "mlp-xor.json"), ["--data"] = CliRunner.Repo("data", "xor.csv"), ["--inputs"] = "x1,x2",
            ["--targets"] = "y", ["--loss"] = "mse", ["--optimizer"] = "sgd", ["--lr"] = "0.1", ["-o"] = Path.Combine(dir, "o.json"),
        };
        options.Remove(left);
        var (code, _, stderr) = CliRunner.Run(["train", .. options.SelectMany(kv => new[] { kv.Key, kv.Value })]);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(message, stderr);
    }

    [Fact]
    public void When_DataDoNotFit_Expect_OneLineNamingFileLineOrOption()
    {
        var model = CliRunner.Repo("models", "mlp-xor.json");
        var xor = CliRunner.Repo("data", "xor.csv");
        var output = Path.Combine(dir, "o.json");
        string[] Common(string loss, string targets) =>
            ["train", "--model", model, "--data", xor, "--inputs", "x1,x2", "--targets", targets, "--loss", loss, "--optimizer", "sgd", "--lr", "0.1", "-o", output];

        var (code, _, stderr) = CliRunner.Run(Common("cross-entropy", "x1"));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains($"{xor}:4:1: target 1 in column 'x1' is not a class index 0..0", stderr);
        (code, _, stderr) = CliRunner.Run(Common("mse", "x1,y"));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("2 target column(s), but the model has 1 output(s)", stderr);
        (code, _, stderr) = CliRunner.Run([.. Common("mse", "y"), "--momentum", "0.5"]);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--momentum goes with --optimizer momentum or nesterov", stderr);
        (code, _, stderr) = CliRunner.Run([.. Common("mse", "y"), "--sequence"]);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--sequence: model 'mlp-xor' has no LSTM", stderr);
        Assert.False(File.Exists(output));
        (code, _, stderr) = CliRunner.Run("train", "mlp-xor", "--data", xor);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--data goes with --model", stderr);
    }
}
