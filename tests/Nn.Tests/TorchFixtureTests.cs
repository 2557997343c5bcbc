using System.Text.Json.Nodes;
using Hwsim.Nn.Layers;
using Hwsim.Nn.Models;
using Hwsim.Nn.Training;
using MathNet.Numerics.LinearAlgebra;

namespace Hwsim.Nn.Tests;

/// <summary>
/// Layers, LSTM forward and backward, losses and the optimisers against values PyTorch itself produced in float64
/// (Fixtures/make_fixtures.py wrote the JSON files beside it). Differences are relative to max(1, largest |value|)
/// of each tensor. Measured: forward, backward and losses within 4.4e-16, six training steps within 1.0e-15 (the
/// rounding of a different order of summation); the bounds below leave a margin for another libm.
/// </summary>
public sealed class TorchFixtureTests
{
    private const double Exact = 1e-13;
    private const double Training = 1e-12;

    private static JsonArray Cases(string file)
    {
        var path = Path.Combine(TestSupport.RepoRoot, "tests", "Nn.Tests", "Fixtures", file);
        return JsonNode.Parse(File.ReadAllText(path))!["cases"]!.AsArray();
    }

    private static JsonNode Case(string file, string name) => Cases(file).First(c => (string)c!["case"]! == name)!;

    private static TheoryData<string> Names(string file) => new(Cases(file).Select(c => (string)c!["case"]!));

    public static TheoryData<string> LayerCases => Names("layers.json");
    public static TheoryData<string> LossCases => Names("losses.json");
    public static TheoryData<string> TrainingCases => Names("training.json");

    /// <summary>A batch from <c>[t][n][f]</c>.</summary>
    private static Batch Steps(JsonNode node) =>
        new(node.AsArray().Select(step => Matrix<double>.Build.DenseOfRowArrays(
            step!.AsArray().Select(row => row!.AsArray().Select(v => (double)v!).ToArray()))).ToArray());

    /// <summary>One N x H matrix per layer from PyTorch's (num_layers, N, H).</summary>
    private static Matrix<double>[] PerLayer(JsonNode node) => Steps(node).Steps.ToArray();

    /// <summary>Every number of a nested array, in row-major order.</summary>
    private static List<double> Flat(JsonNode node)
    {
        var values = new List<double>();
        void Walk(JsonNode n)
        {
            if (n is JsonArray a) foreach (var x in a) Walk(x!);
            else values.Add((double)n);
        }
        Walk(node);
        return values;
    }

    private static double[] RowMajor(Matrix<double> m)
    {
        var flat = new double[m.RowCount * m.ColumnCount];
        for (int r = 0, k = 0; r < m.RowCount; r++)
            for (int c = 0; c < m.ColumnCount; c++) flat[k++] = m[r, c];
        return flat;
    }

    private static void Close(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double tolerance, string what)
    {
        Assert.True(expected.Count == actual.Count, $"{what}: {actual.Count} values, PyTorch has {expected.Count}");
        double scale = Math.Max(1, expected.Max(Math.Abs));
        for (int i = 0; i < expected.Count; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * scale,
                $"{what}[{i}]: ours {actual[i]:R}, PyTorch {expected[i]:R} (difference {Math.Abs(expected[i] - actual[i]):E2})");
    }

    private static void Close(JsonNode expected, Batch actual, double tolerance, string what) =>
        Close(Flat(expected), actual.Steps.SelectMany(RowMajor).ToArray(), tolerance, what);

    private static NetworkModel Model(JsonNode c) => ModelFile.Parse(c["model"]!.ToJsonString());

    [Theory]
    [MemberData(nameof(LayerCases))]
    public void When_LayerRunForwardAndBackward_Expect_PyTorchOutputAndGradients(string name)
    {
        var c = Case("layers.json", name);
        var network = Model(c).Network;
        var input = Steps(c["input"]!);
        network.ZeroGrad();
        if (c["h0"] is { } h0)
        {
            var lstm = (Lstm)network.Layers.Single();
            var pass = lstm.Run(input, new LstmState(PerLayer(h0), PerLayer(c["c0"]!)));
            Close(c["output"]!, pass.Output, Exact, "output");
            Close(c["h_n"]!, new Batch(pass.FinalState.H), Exact, "h_n");
            Close(c["c_n"]!, new Batch(pass.FinalState.C), Exact, "c_n");
            if (c["gates"] is JsonArray gates) CheckGates(gates, pass);
            if (c["output_grad"] is not { } r) return;
            var dInput = lstm.Backward(pass, Steps(r));
            Close(c["input_grad"]!, dInput, Exact, "input gradient");
            Close(c["h0_grad"]!, new Batch(pass.InitialStateGradient!.H), Exact, "h0 gradient");
            Close(c["c0_grad"]!, new Batch(pass.InitialStateGradient!.C), Exact, "c0 gradient");
        }
        else
        {
            var pass = network.Trace(input);
            Close(c["output"]!, pass.Output, Exact, "output");
            Close(c["input_grad"]!, network.Backward(pass, Steps(c["output_grad"]!)), Exact, "input gradient");
        }
        var grads = c["param_grads"]!.AsObject();
        Assert.Equal(grads.Select(g => g.Key), network.NamedParameters.Select(p => p.Key));
        foreach (var p in network.NamedParameters)
            Close(Flat(grads[p.Key]!), RowMajor(p.Parameter.Grad), Exact, $"gradient of {p.Key}");
    }

    /// <summary>The gates of the one-unit LSTM, per step: i, f, g, o, c, h and the input gate's pre-activation.</summary>
    private static void CheckGates(JsonArray gates, LstmPass pass)
    {
        for (int t = 0; t < gates.Count; t++)
        {
            var s = pass.Steps[0][t];
            double[] ours = [s.I[0, 0], s.F[0, 0], s.G[0, 0], s.O[0, 0], s.C[0, 0], s.H[0, 0], s.GatePreActivation(0)[0, 0]];
            Close(Flat(gates[t]!), ours, Exact, $"gates at step {t}");
        }
    }

    [Theory]
    [MemberData(nameof(LossCases))]
    public void When_LossComputed_Expect_PyTorchValueAndGradient(string name)
    {
        var c = Case("losses.json", name);
        ILoss loss = (string)c["loss"]! == "mse" ? new MseLoss() : new CrossEntropyLoss();
        double value = loss.Compute(Steps(c["output"]!), Steps(c["target"]!), out var gradient);
        Close([(double)c["value"]!], [value], Exact, "loss");
        Close(c["output_grad"]!, gradient, Exact, "gradient");
    }

    /// <summary>
    /// Full-batch training without shuffling: every epoch is one optimiser step, so the loss of each epoch and the
    /// weights after the last are PyTorch's from the same initial weights.
    /// </summary>
    [Theory]
    [MemberData(nameof(TrainingCases))]
    public void When_TrainedFullBatch_Expect_PyTorchLossesAndWeights(string name)
    {
        var c = Case("training.json", name);
        var network = Model(c).Network;
        var data = new DataSet(Steps(c["inputs"]!), Steps(c["targets"]!));
        ILoss loss = (string)c["loss"]! == "mse" ? new MseLoss() : new CrossEntropyLoss();
        var kind = OptimizerSpec.ParseKind((string)c["optimizer"]!)!.Value;
        if (c["momentum"] is { } m) Assert.Equal(OptimizerSpec.MomentumFactor, (double)m);
        var optimizer = new OptimizerSpec(kind, (double)c["lr"]!).Create(network.Parameters);
        var history = Trainer.Fit(network, loss, optimizer, data,
            new TrainingOptions { Epochs = (int)c["steps"]!, BatchSize = 0, Shuffle = false });

        Close(Flat(c["losses"]!), history.TrainLoss, Training, "loss per step");
        var final = c["final_state_dict"]!.AsObject();
        foreach (var p in network.NamedParameters)
            Close(Flat(final[p.Key]!), p.Parameter.ToFlatArray(), Training, $"{p.Key} after training");
    }
}
