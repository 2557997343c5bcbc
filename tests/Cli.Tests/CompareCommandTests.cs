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
        Assert.Equal("demo,level,engine,output_max_abs_error,output_rms_error,output_range,metric,software_metric,circuit_metric,decision_agreement," +
                     "clock_period_s,settling_time_s,energy_per_inference_j,min_clock_period_s", lines[0]);
        Assert.Equal(7, lines.Length);   // ideal, macro and (both are quick demos of the main job) device for each
        var xorIdeal = lines[1].Split(',');
        Assert.Equal(new[] { "mlp-xor", "ideal", "hwsim" }, xorIdeal[..3]);
        Assert.Equal("accuracy", xorIdeal[6]);
        Assert.True(double.Parse(xorIdeal[3], CultureInfo.InvariantCulture) < 1e-9);
        Assert.Equal("1", xorIdeal[9]);
        var tanhMacro = lines[5].Split(',');
        Assert.Equal(new[] { "neuron-tanh", "macro", "hwsim" }, tanhMacro[..3]);
        Assert.Equal("none", tanhMacro[6]);
        Assert.Equal("", tanhMacro[7]);
        Assert.Equal("", tanhMacro[9]);
        var xorDevice = lines[3].Split(',');
        Assert.Equal(new[] { "mlp-xor", "device", "hwsim" }, xorDevice[..3]);
        Assert.Equal(14, xorDevice.Length);
        Assert.All(xorDevice[10..], v => Assert.True(double.Parse(v, CultureInfo.InvariantCulture) > 0, lines[3]));
        Assert.Equal(14, tanhMacro.Length);
        Assert.All(tanhMacro[10..], v => Assert.Equal("", v));   // no time at the macro level
        foreach (var f in new[] { "mlp-xor.ideal.csv", "mlp-xor.macro.csv", "netlists/mlp-xor.macro.cir", "netlists/mlp-xor.device.cir", "report.html" })
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

    /// <summary>
    /// Not on a terminal, progress is one plain line per demo and level (the main job's levels: mlp-xor runs at the
    /// device level too); --quiet prints nothing at all.
    /// </summary>
    [Fact]
    public void When_NotATerminalOrQuiet_Expect_PlainProgressLinesOrNothing()
    {
        var (code, output, _) = CliRunner.Run("compare", "mlp-xor", "--out", OutDir());
        Assert.Equal(0, code);
        Assert.Contains("[1/3] mlp-xor at the ideal level (4 samples)", output);
        Assert.Contains("[2/3] mlp-xor at the macro level (4 samples)", output);
        Assert.Contains("[3/3] mlp-xor at the device level (4 samples)", output);
        Assert.DoesNotContain("\u001b[", output); // no terminal control sequences
        var dir = OutDir();
        var (quietCode, quiet, quietErr) = CliRunner.Run("compare", "mlp-xor", "--quiet", "--out", dir);
        Assert.Equal(0, quietCode);
        Assert.Equal("", quiet + quietErr);
        Assert.True(File.Exists(Path.Combine(dir, "summary.csv")));
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
    [InlineData("compare", "mlp-xor", "--engine", "spectre")]
    [InlineData("compare", "mlp-xor", "--level", "macro", "--engine", "ngspice")]
    [InlineData("compare", "mlp-xor", "--level", "macro", "--clock-period", "1e-6")]
    [InlineData("compare", "mlp-xor", "--level", "device", "--clock-period", "-1")]
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

    /// <summary>A clock period shorter than the circuit's settling: one line naming the option and the measured settling time, exit 2, no summary.</summary>
    [Fact]
    public void When_ClockPeriodTooShort_Expect_SettlingInTheErrorAndNothingWritten()
    {
        var dir = Path.Combine(OutDir(), "out");
        var (code, _, err) = CliRunner.Run("compare", "mlp-xor", "--level", "device", "--clock-period", "1e-8", "--out", dir);
        Assert.Equal(2, code);
        Assert.Contains("--clock-period", err);
        Assert.Contains("settles in", err);
        Assert.Single(err.Trim().Split('\n'));
        Assert.False(File.Exists(Path.Combine(dir, "summary.csv")));
    }

    /// <summary>--engine ngspice where no ngspice is on PATH: one line, exit 2, nothing written (hwsim run as its own process with an empty PATH).</summary>
    [Fact]
    public void When_NgspiceMissingForEngineNgspice_Expect_ExitTwo()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "hwsim.dll");
        // dotnet test names the host it runs under; the test host itself is not it
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "/usr/bin/dotnet";
        Assert.True(File.Exists(dll), dll);
        Assert.True(File.Exists(dotnet), dotnet);
        var dir = Path.Combine(OutDir(), "out");
        var info = new System.Diagnostics.ProcessStartInfo(dotnet) { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = CliRunner.Repo() };
        foreach (var a in new[] { dll, "compare", "mlp-xor", "--level", "device", "--engine", "ngspice", "--out", dir }) info.ArgumentList.Add(a);
        info.Environment["PATH"] = "/nonexistent";
        using var p = System.Diagnostics.Process.Start(info)!;
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.Equal(2, p.ExitCode);
        Assert.Contains("ngspice is not installed", err);
        Assert.False(Directory.Exists(dir) && File.Exists(Path.Combine(dir, "summary.csv")));
    }

    /// <summary>hwsim netlist takes the mapping options of compare (here --wire-resistance) and writes the device level's clocked transient.</summary>
    [Fact]
    public void When_DeviceNetlistExported_Expect_TransientWithControlAndTheMappingOption()
    {
        var path = Path.Combine(OutDir(), "xor.cir");
        var (code, output, err) = CliRunner.Run("netlist", "mlp-xor", "--level", "device", "--wire-resistance", "2.5", "--clock-period", "2e-5", "-o", path);
        Assert.True(code == 0, err);
        Assert.Contains("clocked transient", output);
        var text = File.ReadAllText(path);
        Assert.Contains(".tran ", text);
        Assert.Contains(".control", text);
        Assert.Contains("wrdata xor.out.txt", text);
        Assert.Contains("wire resistance: 2.5 ohm per segment", text);
        Assert.Contains("rwr0_0 ", text);
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
