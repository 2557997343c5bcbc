using Hwsim.Nn.Hooks;
using Hwsim.Nn.Layers;
using Hwsim.Nn.Training;

namespace Hwsim.Nn.Tests;

/// <summary>
/// Hardware-aware training in <see cref="Trainer.Fit"/>: the straight-through step (the master weights move by the
/// gradient taken at the transformed weights, found here by finite differences of the hooked loss), the noise stream
/// (seeded, drawn afresh per mini-batch) and the masters left untransformed.
/// </summary>
public sealed class TrainingHookTests
{
    /// <summary>Rounds every parameter to a grid: a stand-in for conductance quantisation.</summary>
    private sealed class Grid(double step) : IWeightTransform
    {
        public void Apply(Sequential network, Rng rng)
        {
            foreach (var p in network.Parameters) p.Value.MapInplace(v => Math.Round(v / step) * step);
        }
    }

    /// <summary>Adds N(0, sigma) to every parameter: a stand-in for programming variation.</summary>
    private sealed class Jitter(double sigma) : IWeightTransform
    {
        public void Apply(Sequential network, Rng rng)
        {
            foreach (var p in network.Parameters)
                for (int i = 0; i < p.ValueArray.Length; i++) p.ValueArray[i] += sigma * rng.Normal();
        }
    }

    private static (Sequential Net, DataSet Data) Problem(ulong seed)
    {
        var rng = new Rng(seed);
        var net = new Sequential(new Linear("fc1", 3, 5), new Tanh("t"), new Linear("fc2", 5, 2));
        net.ResetParameters(rng);
        return (net, new DataSet(TestSupport.RandomBatch(rng, 1, 8, 3, 2.0), TestSupport.RandomBatch(rng, 1, 8, 2)));
    }

    /// <summary>dLoss/dParameter at the values the hooks give (transforms drawn from <paramref name="draw"/>), by central differences.</summary>
    private static double[][] NumericGradientAtTransformed(Sequential net, DataSet data, TrainingHooks hooks, Rng draw)
    {
        var masters = net.SnapshotValues();
        hooks.Weights?.Apply(net, draw);
        hooks.Noise?.Apply(net, draw);
        var loss = new MseLoss();
        var grads = net.Parameters.Select(p => TestSupport.Numeric(p.ValueArray, () => loss.Value(net.Trace(data.Inputs, hooks.Forward).Output, data.Targets))).ToArray();
        net.RestoreValues(masters);
        return grads;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void When_TransformedWeights_Expect_StraightThroughStepOnMasters(bool noise)
    {
        const double lr = 0.05;
        var (net, data) = Problem(31);
        var hooks = new TrainingHooks
        {
            Weights = new Grid(0.125),
            Noise = noise ? new Jitter(0.05) : null,
            Forward = new ForwardHooks { AffineClip = new ClipRange(-1.2, 1.1) },
            NoiseSeed = 77,
        };
        var before = net.SnapshotValues();
        var expectedGrad = NumericGradientAtTransformed(net, data, hooks, new Rng(77));
        Trainer.Fit(net, new MseLoss(), new Sgd(net.Parameters, lr), data,
            new TrainingOptions { Epochs = 1, Shuffle = false }, hooks: hooks);
        for (int k = 0; k < before.Length; k++)
        {
            var step = before[k].Select((w, i) => (w - net.Parameters[k].ValueArray[i]) / lr).ToArray();
            Assert.True(TestSupport.RelativeError(step, expectedGrad[k]) < 1e-6, $"parameter {k}: the step is not the gradient at the transformed weights");
        }
        // The masters keep their own values: after one small step they are off the grid.
        Assert.Contains(net.Parameters.SelectMany(p => p.ValueArray), w => Math.Abs(w / 0.125 - Math.Round(w / 0.125)) > 1e-3);
    }

    [Fact]
    public void When_NoiseSeeded_Expect_RunsRepeatAndSeedsDiffer()
    {
        double[] Train(ulong seed)
        {
            var (net, data) = Problem(32);
            Trainer.Fit(net, new MseLoss(), new Adam(net.Parameters, 0.01), data,
                new TrainingOptions { Epochs = 20, BatchSize = 4, Seed = 5 }, hooks: new TrainingHooks { Noise = new Jitter(0.1), NoiseSeed = seed });
            return net.Parameters.SelectMany(p => p.ValueArray).ToArray();
        }

        Assert.Equal(Train(3), Train(3));
        Assert.NotEqual(Train(3), Train(4));
    }

    [Fact]
    public void When_NoHooks_Expect_SameWeightsAsWithoutTheArgument()
    {
        double[] Train(TrainingHooks? hooks)
        {
            var (net, data) = Problem(33);
            Trainer.Fit(net, new MseLoss(), new Adam(net.Parameters, 0.01), data,
                new TrainingOptions { Epochs = 15, BatchSize = 3, Seed = 2, ValidationFraction = 0.25 }, hooks: hooks);
            return net.Parameters.SelectMany(p => p.ValueArray).ToArray();
        }

        Assert.Equal(Train(null), Train(TrainingHooks.None));
    }

    [Fact]
    public void When_HookedValidation_Expect_LossOfTransformedNetwork()
    {
        var (net, data) = Problem(34);
        var hooks = new TrainingHooks { Weights = new Grid(0.25) };
        var history = Trainer.Fit(net, new MseLoss(), new Sgd(net.Parameters, 0.0), data,
            new TrainingOptions { Epochs = 1, Shuffle = false }, validation: data, hooks: hooks);
        new Grid(0.25).Apply(net, new Rng(1));
        Assert.Equal(new MseLoss().Value(net.Predict(data.Inputs), data.Targets), history.ValidationLoss[0], 15);
    }
}
