using Hwsim.Bridge.Comparison;
using Hwsim.Bridge.Demos;
using Hwsim.Bridge.Mapping;
using Hwsim.Bridge.Training;
using Hwsim.Circuits.Blocks;
using Hwsim.Nn;
using Hwsim.Nn.Models;
using Hwsim.Nn.Training;
using Xunit.Abstractions;

namespace Hwsim.Bridge.Tests;

/// <summary>
/// Hardware-aware training pays off in the circuit: the stored lstm-airline model, fine-tuned a few epochs with the
/// macro-level non-idealities of 4-bit conductances and 10 % programming variation in the forward pass, has a lower
/// median circuit RMSE over devices of several seeds than the plainly trained model on the same devices (the macro
/// circuit, simulated; the seeds of the devices are not those of the training noise).
/// </summary>
public sealed class HardwareAwareTrainingTests
{
    private readonly ITestOutputHelper output;

    public HardwareAwareTrainingTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public void When_FineTunedHardwareAware_Expect_LowerMedianCircuitRmseThanPlain()
    {
        var demo = BridgeDemos.Get("lstm-airline");
        var plain = ModelFile.Load(RepoFiles.Model("lstm-airline"));
        var tuned = ModelFile.Load(RepoFiles.Model("lstm-airline"));
        var profile = MappingProfile.For(FidelityLevel.Macro) with { WeightBits = 4, VariationSigma = 0.1 };
        var data = demo.Definition.Data();
        Trainer.Fit(tuned.Network, demo.Definition.Loss, new Adam(tuned.Network.Parameters, 0.003), data.Train,
            new TrainingOptions { Epochs = 150, Shuffle = false, ClipGradNorm = 1.0 }, hooks: HardwareAwareHooks.For(profile, 1000));

        double Median(NetworkModel model, string label)
        {
            var c = demo.ToCase(model);
            var rmse = Enumerable.Range(1, 5).Select(seed => Comparer.Run(c, FidelityLevel.Macro, profile with { Seed = seed }).CircuitMetric!.Value).ToArray();
            output.WriteLine($"{label}: circuit RMSE {string.Join(" ", rmse.Select(r => r.ToString("F4")))}, software {Comparer.Run(c, FidelityLevel.Ideal).SoftwareMetric:F4}");
            return rmse.Order().ElementAt(2);
        }

        double plainMedian = Median(plain, "plain"), tunedMedian = Median(tuned, "hardware-aware");
        Assert.True(tunedMedian < 0.9 * plainMedian, $"median circuit RMSE: hardware-aware {tunedMedian:F4}, plain {plainMedian:F4}");
    }
}
