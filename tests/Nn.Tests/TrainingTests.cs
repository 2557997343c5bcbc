using Hwsim.Nn.Demos;
using Hwsim.Nn.Layers;
using Hwsim.Nn.Training;

namespace Hwsim.Nn.Tests;

/// <summary>Training end to end; each test takes about a second on an idle machine (well under 10 s).</summary>
public sealed class TrainingTests
{
    [Fact]
    public void When_XorTrained_Expect_AllFourCasesRight()
    {
        var result = DemoRunner.Run(MlpXorDemo.Definition);
        Assert.Equal(1.0, result.PrimaryMetric);
        var outputs = result.Model.Infer(Data.XorData.Inputs);
        for (int i = 0; i < 4; i++) Assert.Equal(Data.XorData.Targets[i][0], Math.Round(outputs[i][0]));
    }

    [Theory]
    [InlineData(OptimizerKind.Sgd)]
    [InlineData(OptimizerKind.Momentum)]
    [InlineData(OptimizerKind.Nesterov)]
    [InlineData(OptimizerKind.RmsProp)]
    public void When_XorTrainedWithOtherOptimisers_Expect_AllFourCasesRight(OptimizerKind kind)
    {
        var result = DemoRunner.Run(MlpXorDemo.Definition, new DemoOverrides(Epochs: 2000, Optimizer: kind));
        Assert.Equal(1.0, result.PrimaryMetric);
    }

    /// <summary>The stated result: lstm-sine reaches a test MSE below 2e-3 (RMSE 0.035 in the stored model).</summary>
    [Fact]
    public void When_SineLstmTrained_Expect_TestMseBelowStatedValue()
    {
        var result = DemoRunner.Run(LstmSineDemo.Definition);
        double mse = result.Metrics.Single(m => m.Key == "test_mse").Value;
        Assert.True(mse < 2e-3, $"test MSE {mse}");
        Assert.True(result.History!.TrainLoss[^1] < result.History.TrainLoss[0] / 100);
    }

    [Fact]
    public void When_TrainedTwice_Expect_IdenticalParameters()
    {
        var a = DemoRunner.Run(LstmCellDemo.Definition, new DemoOverrides(Epochs: 5));
        var b = DemoRunner.Run(LstmCellDemo.Definition, new DemoOverrides(Epochs: 5));
        Assert.Equal(Models.ModelFile.Serialize(a.Model), Models.ModelFile.Serialize(b.Model));
    }

    [Fact]
    public void When_ValidationStopsImproving_Expect_EarlyStopAndBestParametersRestored()
    {
        // A wide network on few noisy samples over-fits; early stopping must return the best validation epoch.
        var rng = new Rng(30);
        var xs = Enumerable.Range(0, 40).Select(_ => new[] { rng.Uniform(-1, 1) }).ToArray();
        var ys = xs.Select(x => new[] { x[0] + 0.5 * rng.Normal() }).ToArray();
        var data = new DataSet(Batch.FromRows(xs), Batch.FromRows(ys));
        var net = new Sequential(new Linear("fc1", 1, 64), new Tanh("t"), new Linear("fc2", 64, 1));
        net.ResetParameters(rng);
        var options = new TrainingOptions { Epochs = 3000, BatchSize = 8, ValidationFraction = 0.25, Patience = 30, Seed = 3 };
        var loss = new MseLoss();
        var history = Trainer.Fit(net, loss, new Adam(net.Parameters, 0.02), data, options);
        Assert.True(history.StoppedEarly);
        Assert.Equal(history.BestEpoch + 30, history.EpochsRun);
        // The restored parameters give the best validation loss recorded.
        var (_, validation) = data.SplitOff(0.25, new Rng(3));
        double restored = loss.Value(net.Predict(validation.Inputs), validation.Targets);
        Assert.Equal(history.ValidationLoss.Min(), restored, 1e-12);
    }

    [Fact]
    public void When_MiniBatchesCoverTheSet_Expect_EverySampleOncePerEpoch()
    {
        // With lr = 0 nothing changes, so the epoch loss equals the full-set loss whatever the batch size.
        var rng = new Rng(31);
        var xs = Enumerable.Range(0, 10).Select(_ => new[] { rng.Uniform(-1, 1), rng.Uniform(-1, 1) }).ToArray();
        var data = new DataSet(Batch.FromRows(xs), Batch.FromRows(xs.Select(x => new[] { x[0] * x[1] }).ToArray()));
        var net = new Sequential(new Linear("fc", 2, 1));
        net.ResetParameters(rng);
        double full = new MseLoss().Value(net.Predict(data.Inputs), data.Targets);
        var h = Trainer.Fit(net, new MseLoss(), new Sgd(net.Parameters, 0), data, new TrainingOptions { Epochs = 1, BatchSize = 3 });
        Assert.Equal(full, h.TrainLoss[0], 1e-14);
    }
}
