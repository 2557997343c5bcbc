using Hwsim.Cli;

namespace Hwsim.Cli.Tests;

/// <summary><c>hwsim train</c>: writes the model bit for bit as stored, a loss curve, plain progress without a TTY.</summary>
public sealed class TrainCommandTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("hwsim-train-").FullName;

    public void Dispose() => Directory.Delete(dir, true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = HwsimApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    internal static string RepoRoot
    {
        get
        {
            var d = new DirectoryInfo(AppContext.BaseDirectory);
            while (d is not null && !File.Exists(Path.Combine(d.FullName, "Simulator.sln"))) d = d.Parent;
            return d!.FullName;
        }
    }

    [Fact]
    public void When_TrainingAStoredDemo_Expect_TheStoredModelBitForBitAndALossCurve()
    {
        var model = Path.Combine(dir, "neuron-sigmoid.json");
        var (code, stdout, stderr) = Run("train", "neuron-sigmoid", "--out", model);
        Assert.True(code == ExitCodes.Success, stderr);
        Assert.Equal(File.ReadAllBytes(Path.Combine(RepoRoot, "models", "neuron-sigmoid.json")), File.ReadAllBytes(model));
        var png = Path.Combine(dir, "neuron-sigmoid.loss.png");
        Assert.True(new FileInfo(png).Length > 1000);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(png)[..4]);
        Assert.Contains("epoch 1/200", stdout);
        Assert.Contains("epoch 200/200", stdout);
        Assert.Contains("test_rmse = ", stdout);
        Assert.Contains("target test_rmse <= 0.01: met", stdout);
        Assert.Equal("", stderr);
    }

    [Fact]
    public void When_OptionsGiven_Expect_TheyReachTheModelFile()
    {
        var model = Path.Combine(dir, "x.json");
        var plot = Path.Combine(dir, "curve.png");
        var (code, _, stderr) = Run("train", "mlp-xor", "--epochs", "50", "--optimizer", "rmsprop", "--lr", "0.02", "--out", model, "--plot", plot);
        Assert.True(code == ExitCodes.Success, stderr);
        var text = File.ReadAllText(model);
        Assert.Contains("\"optimizer\": \"rmsprop\"", text);
        Assert.Contains("\"epochs\": 50", text);
        Assert.Contains("\"learning_rate\": 0.02", text);
        Assert.True(File.Exists(plot));
    }

    [Fact]
    public void When_UntrainedDemo_Expect_ModelWithoutLossCurve()
    {
        var model = Path.Combine(dir, "conv-sobel.json");
        var (code, _, _) = Run("train", "conv-sobel", "--out", model);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(File.ReadAllText(Path.Combine(RepoRoot, "models", "conv-sobel.json")), File.ReadAllText(model));
        Assert.False(File.Exists(Path.Combine(dir, "conv-sobel.loss.png")));
    }

    [Theory]
    [InlineData("train", "no-such-demo")]
    [InlineData("train", "mlp-xor", "--optimizer", "adagrad")]
    [InlineData("train", "mlp-xor", "--epochs", "0")]
    [InlineData("train", "mlp-xor", "--lr", "-1")]
    [InlineData("train")]
    public void When_BadArguments_Expect_ExitCode2AndAnErrorLine(params string[] args)
    {
        var (code, _, stderr) = Run([.. args, "--out", Path.Combine(dir, "bad.json")]);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith("hwsim: error: ", stderr);
        Assert.Empty(Directory.GetFiles(dir));
    }
}
