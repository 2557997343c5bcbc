using System.Text.Json.Nodes;
using Hwsim.Cli;

namespace Hwsim.Cli.Tests;

/// <summary>
/// <c>hwsim train ... --hardware-aware [mapping options]</c>: the profile reaches the model file, a seeded run repeats
/// byte for byte, the hooks change the training, and the options are checked (exit 2 naming the option).
/// </summary>
public sealed class HardwareAwareTrainTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("hwsim-hwaware-").FullName;

    public void Dispose() => Directory.Delete(dir, true);

    private string Path_(string name) => Path.Combine(dir, name);

    private static JsonObject Training(string model) => JsonNode.Parse(File.ReadAllText(model))!["training"]!.AsObject();

    [Fact]
    public void When_DemoTrainedHardwareAware_Expect_ProfileInModelAndSeededRunsRepeat()
    {
        string[] Args(string output, string seed) =>
            ["train", "mlp-xor", "--epochs", "300", "--hardware-aware", "--weight-bits", "3", "--variation", "0.1", "--seed", seed, "-o", output];
        var (code, stdout, stderr) = CliRunner.Run(Args(Path_("a.json"), "5"));
        Assert.True(code == ExitCodes.Success, stderr);
        Assert.Contains("epoch 300/300", stdout);
        Assert.True(CliRunner.Run(Args(Path_("b.json"), "5")).Code == ExitCodes.Success);
        Assert.True(CliRunner.Run(Args(Path_("c.json"), "6")).Code == ExitCodes.Success);
        Assert.True(CliRunner.Run("train", "mlp-xor", "--epochs", "300", "-o", Path_("plain.json")).Code == ExitCodes.Success);

        Assert.Equal(File.ReadAllBytes(Path_("a.json")), File.ReadAllBytes(Path_("b.json")));
        Assert.NotEqual(File.ReadAllBytes(Path_("a.json")), File.ReadAllBytes(Path_("c.json")));
        Assert.NotEqual(File.ReadAllBytes(Path_("a.json")), File.ReadAllBytes(Path_("plain.json")));
        var hw = Training(Path_("a.json"))["hardware_aware"]!.AsObject();
        Assert.Equal(3, (int)hw["weight_bits"]!);
        Assert.Equal(0.1, (double)hw["variation"]!);
        Assert.Equal(5, (int)hw["seed"]!);
        Assert.Equal("macro", (string)hw["level"]!);
        Assert.Null(Training(Path_("plain.json"))["hardware_aware"]);
    }

    [Fact]
    public void When_ModelFineTunedHardwareAware_Expect_ProfileInModelAndNoteOnUnmodelledOption()
    {
        var data = Path_("xor.csv");
        File.WriteAllText(data, "x0,x1,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n");
        var init = Path.Combine(TrainCommandTests.RepoRoot, "models", "mlp-xor.json");
        var (code, stdout, stderr) = CliRunner.Run("train", "--model", init, "--data", data, "--inputs", "x0,x1", "--targets", "y", "--loss", "mse",
            "--optimizer", "adam", "--lr", "0.01", "--epochs", "20", "--hardware-aware", "--weight-bits", "4", "--wire-resistance", "2", "-o", Path_("ft.json"));
        Assert.True(code == ExitCodes.Success, stderr);
        Assert.Contains("note: --wire-resistance is not modelled by hardware-aware training", stdout);
        Assert.Equal(4, (int)Training(Path_("ft.json"))["hardware_aware"]!["weight_bits"]!);
    }

    [Fact]
    public void When_ReadNoiseGiven_Expect_ModelledWithoutANoteAndRecorded()
    {
        var data = Path_("xor.csv");
        File.WriteAllText(data, "x0,x1,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n");
        var init = Path.Combine(TrainCommandTests.RepoRoot, "models", "mlp-xor.json");
        string[] Args(string output, string readNoise) => ["train", "--model", init, "--data", data, "--inputs", "x0,x1", "--targets", "y", "--loss", "mse",
            "--optimizer", "adam", "--lr", "0.01", "--epochs", "20", "--hardware-aware", "--weight-bits", "4", "--read-noise", readNoise, "--seed", "3", "-o", Path_(output)];
        var (code, stdout, stderr) = CliRunner.Run(Args("noisy.json", "0.05"));
        Assert.True(code == ExitCodes.Success, stderr);
        Assert.DoesNotContain("note:", stdout);
        Assert.Equal(0.05, (double)Training(Path_("noisy.json"))["hardware_aware"]!["read_noise"]!);
        Assert.True(CliRunner.Run(Args("again.json", "0.05")).Code == ExitCodes.Success);
        Assert.True(CliRunner.Run(Args("quiet.json", "0")).Code == ExitCodes.Success);
        // seeded: the same run writes the same model; the noise changes what training learns
        Assert.Equal(File.ReadAllBytes(Path_("noisy.json")), File.ReadAllBytes(Path_("again.json")));
        var noisy = Hwsim.Nn.Models.ModelFile.Load(Path_("noisy.json")).Network.Parameters.SelectMany(p => p.ValueArray).ToArray();
        var quiet = Hwsim.Nn.Models.ModelFile.Load(Path_("quiet.json")).Network.Parameters.SelectMany(p => p.ValueArray).ToArray();
        Assert.NotEqual(quiet, noisy);
    }

    [Fact]
    public void When_DemoFineTunedFromItsModel_Expect_StartFromTheModelAndItsNameRecorded()
    {
        var stored = Path.Combine(TrainCommandTests.RepoRoot, "models", "mlp-xor.json");
        // Zero epochs: the written weights are the given model's, not the demo's seeded initialisation.
        var (code, _, stderr) = CliRunner.Run("train", "mlp-xor", "--model", stored, "--epochs", "1", "--lr", "1e-12", "-o", Path_("ft.json"));
        Assert.True(code == ExitCodes.Success, stderr);
        var given = Hwsim.Nn.Models.ModelFile.Load(stored).Network.Parameters.SelectMany(p => p.ValueArray).ToArray();
        var tuned = Hwsim.Nn.Models.ModelFile.Load(Path_("ft.json")).Network.Parameters.SelectMany(p => p.ValueArray).ToArray();
        for (int i = 0; i < given.Length; i++) Assert.Equal(given[i], tuned[i], 9);
        Assert.Equal("mlp-xor.json", (string)Training(Path_("ft.json"))["initial_model"]!);
    }

    /// <summary>
    /// At the device level the activations are the device blocks' measured curves: the model records them, the
    /// training differs from the macro level's with the same options, and a seeded run repeats.
    /// </summary>
    [Fact]
    public void When_TrainedAtDeviceLevel_Expect_MeasuredCurvesRecordedAndUsed()
    {
        string[] Args(string level, string output) => ["train", "mlp-xor", "--epochs", "100", "--hardware-aware", "--level", level, "--weight-bits", "6", "-o", output];
        var (code, stdout, stderr) = CliRunner.Run(Args("device", Path_("dev.json")));
        Assert.True(code == ExitCodes.Success, stderr);
        Assert.Contains("device tanh block: transfer curve measured at 881 points", stdout);
        Assert.True(CliRunner.Run(Args("device", Path_("dev2.json"))).Code == ExitCodes.Success);
        Assert.True(CliRunner.Run(Args("macro", Path_("mac.json"))).Code == ExitCodes.Success);
        Assert.Equal(File.ReadAllBytes(Path_("dev.json")), File.ReadAllBytes(Path_("dev2.json")));
        Assert.NotEqual(File.ReadAllBytes(Path_("dev.json")), File.ReadAllBytes(Path_("mac.json")));
        var hw = Training(Path_("dev.json"))["hardware_aware"]!.AsObject();
        Assert.Equal("device", (string)hw["level"]!);
        var tanh = hw["activation_curves"]!["tanh"]!.AsObject();
        Assert.Equal(881, (int)tanh["points"]!);
        Assert.InRange((double)tanh["max_deviation_from_ideal"]!, 1e-4, 0.02);
    }

    [Theory]
    [InlineData("--model mlp-xor.json: the model has no parameter 'lstm.weight_ih_l0' of demo lstm-airline's network", "train", "lstm-airline", "--model", "XOR", "-o", "OUT")]
    [InlineData("--data goes with --model alone (a demo brings its own data)", "train", "mlp-xor", "--model", "XOR", "--data", "XOR", "-o", "OUT")]
    [InlineData("--model: demo conv-sobel is not trained", "train", "conv-sobel", "--model", "XOR", "-o", "OUT")]
    [InlineData("--weight-bits goes with --hardware-aware", "train", "mlp-xor", "--weight-bits", "4", "-o", "OUT")]
    [InlineData("--seed goes with --hardware-aware", "train", "mlp-xor", "--seed", "3", "-o", "OUT")]
    [InlineData("--level goes with --hardware-aware", "train", "mlp-xor", "--level", "device", "-o", "OUT")]
    [InlineData("--read-noise: the device level has no per-read draw", "train", "mlp-xor", "--hardware-aware", "--level", "device", "--read-noise", "0.1", "-o", "OUT")]
    [InlineData("--hardware-aware: give -o", "train", "mlp-xor", "--hardware-aware")]
    [InlineData("--variation: must be at most 3", "train", "mlp-xor", "--hardware-aware", "--variation", "7", "-o", "OUT")]
    [InlineData("--weight-bits: must be between 1 and 24", "train", "mlp-xor", "--hardware-aware", "--weight-bits", "0", "-o", "OUT")]
    public void When_OptionsWrong_Expect_Exit2NamingTheOption(string message, params string[] args)
    {
        var xor = Path.Combine(TrainCommandTests.RepoRoot, "models", "mlp-xor.json");
        var (code, _, stderr) = CliRunner.Run(args.Select(a => a == "OUT" ? Path_("x.json") : a == "XOR" ? xor : a).ToArray());
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(message, stderr);
        Assert.False(File.Exists(Path_("x.json")));
    }
}
