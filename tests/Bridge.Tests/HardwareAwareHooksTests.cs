using Hwsim.Bridge.Compiler;
using Hwsim.Bridge.Mapping;
using Hwsim.Bridge.Training;
using Hwsim.Circuits.Blocks;
using Hwsim.Nn;
using Hwsim.Nn.Layers;
using Hwsim.Nn.Models;

namespace Hwsim.Bridge.Tests;

/// <summary>
/// The weight transforms of hardware-aware training against the circuit they stand for: the quantised weights are the
/// compiled crossbars' effective weights exactly, and the variation and read noise have the closed-form mean and
/// variance of the log-normal device spread read with Gaussian noise.
/// </summary>
public sealed class HardwareAwareHooksTests
{
    private static Sequential Lstm2Linear()
    {
        var net = new Sequential(new Lstm("lstm", 2, 3, 2), new Linear("fc", 3, 2), new Tanh("t"), new Linear("out", 2, 1));
        net.ResetParameters(new Rng(41));
        return net;
    }

    private static Sequential ConvNet()
    {
        var net = new Sequential(new Conv2d("conv", 1, 2, 3, 3, paddingY: 1, paddingX: 1), new ReLU("r"), new Flatten("f"), new Linear("fc", 2 * 4 * 4, 3));
        net.ResetParameters(new Rng(42));
        return net;
    }

    [Theory]
    [InlineData(3, null)]
    [InlineData(4, null)]
    [InlineData(2, 40e-6)]
    public void When_Quantised_Expect_TheCompiledCrossbarsEffectiveWeights(int bits, double? weightScale)
    {
        // With a fixed weight scale some weights lie beyond the window: the compiler refuses those, training clips them.
        var profile = MappingProfile.For(FidelityLevel.Macro) with { WeightBits = bits, WeightScale = weightScale };
        var net = Lstm2Linear();
        if (weightScale is not null) foreach (var p in net.Parameters) p.Value.MapInplace(v => Math.Clamp(v, -2.4, 2.4));
        var compiled = NetworkCompiler.Compile(new NetworkModel("t", net), FidelityLevel.Macro, profile);
        new ConductanceQuantisation(profile).Apply(net, new Rng(1));

        var lstm = (Lstm)net["lstm"];
        for (int k = 0; k < 2; k++)
        {
            var xb = compiled.Crossbars[k].Crossbar;
            var (wih, whh, bih, bhh) = (lstm.WeightIh(k).Value, lstm.WeightHh(k).Value, lstm.BiasIh(k)!.Value, lstm.BiasHh(k)!.Value);
            int inputs = wih.ColumnCount;
            for (int j = 0; j < 12; j++)
            {
                for (int i = 0; i < inputs; i++) Assert.Equal(xb.EffectiveWeight(j, i), wih[j, i], 15);
                for (int i = 0; i < 3; i++) Assert.Equal(xb.EffectiveWeight(j, inputs + i), whh[j, i], 15);
                Assert.Equal(xb.EffectiveWeight(j, inputs + 3), bih[j, 0], 15);
                Assert.Equal(0.0, bhh[j, 0]);
            }
        }
        foreach (var (info, name) in compiled.Crossbars.Skip(2).Zip(new[] { "fc", "out" }))
        {
            var linear = (Linear)net[name];
            for (int j = 0; j < linear.OutFeatures; j++)
            {
                for (int i = 0; i < linear.InFeatures; i++) Assert.Equal(info.Crossbar.EffectiveWeight(j, i), linear.Weight.Value[j, i], 15);
                Assert.Equal(info.Crossbar.EffectiveWeight(j, linear.InFeatures), linear.Bias!.Value[j, 0], 15);
            }
        }
        Assert.Equal(4, compiled.Crossbars.Count);
    }

    [Fact]
    public void When_ConvQuantised_Expect_TheCompiledCrossbarsWeights()
    {
        var profile = MappingProfile.For(FidelityLevel.Macro) with { WeightBits = 3 };
        var net = ConvNet();
        var compiled = NetworkCompiler.Compile(new NetworkModel("c", net), FidelityLevel.Macro, profile, inputFeatures: 16);
        new ConductanceQuantisation(profile).Apply(net, new Rng(1));
        var conv = compiled.Crossbars[0].Crossbar;
        var programmed = Enumerable.Range(0, conv.Outputs).SelectMany(j => Enumerable.Range(0, conv.Rows).Select(i => conv.EffectiveWeight(j, i))).Order().ToArray();
        var conv2d = (Conv2d)net["conv"];
        var trained = conv2d.Weight.ValueArray.Concat(conv2d.Bias!.ValueArray).Order().ToArray();
        Assert.Equal(programmed.Length, trained.Length);
        for (int i = 0; i < trained.Length; i++) Assert.Equal(programmed[i], trained[i], 15);
    }

    [Fact]
    public void When_Varied_Expect_LogNormalMeanAndVarianceOfTheConductancePair()
    {
        // w = 0.6 is the layer's largest weight: G+ = Gmax, G- = Gmin. Varied, w' = (G+ e^(s z1) - G- e^(s z2)) / scale,
        // whose mean is (G+ - G-) e^(s^2/2) / scale and variance (G+^2 + G-^2) e^(s^2) (e^(s^2) - 1) / scale^2.
        const double sigma = 0.1, w = 0.6;
        var profile = MappingProfile.For(FidelityLevel.Macro) with { VariationSigma = sigma };
        var net = new Sequential(new Linear("fc", 1, 1));
        var fc = (Linear)net["fc"];
        var variation = new ConductanceVariation(profile);
        var rng = new Rng(43);
        const int n = 20000;
        double sum = 0, sumSq = 0;
        for (int k = 0; k < n; k++)
        {
            fc.Weight.ValueArray[0] = w;
            fc.Bias!.ValueArray[0] = -0.3;
            variation.Apply(net, rng);
            sum += fc.Weight.ValueArray[0];
            sumSq += fc.Weight.ValueArray[0] * fc.Weight.ValueArray[0];
        }
        double scale = (profile.Gmax - profile.Gmin) / w, s2 = sigma * sigma;
        double mean = (profile.Gmax - profile.Gmin) * Math.Exp(s2 / 2) / scale;
        double variance = (profile.Gmax * profile.Gmax + profile.Gmin * profile.Gmin) * Math.Exp(s2) * (Math.Exp(s2) - 1) / (scale * scale);
        double m = sum / n, v = sumSq / n - m * m;
        Assert.True(Math.Abs(m - mean) < 4 * Math.Sqrt(variance / n), $"mean {m} vs {mean}");
        Assert.True(Math.Abs(v / variance - 1) < 0.06, $"variance {v} vs {variance}");
    }

    [Theory]
    [InlineData(0.0, 0.05)]
    [InlineData(0.1, 0.05)]
    [InlineData(0.05, 0.1)]
    public void When_ReadNoisy_Expect_ClosedFormMeanAndVarianceOfTheConductancePair(double sigma, double readSigma)
    {
        // Each device G e^(s z1) is read as G e^(s z1) (1 + r z2) (the max(0, .) never bites: z2 < -1/r has probability
        // below 1e-20). Its mean is G e^(s^2/2) and its second moment G^2 e^(2 s^2) (1 + r^2), so w' = (G+' - G-') / scale
        // has mean (G+ - G-) e^(s^2/2) / scale and variance (G+^2 + G-^2) (e^(2 s^2) (1 + r^2) - e^(s^2)) / scale^2;
        // with s = 0 that is w and (G+^2 + G-^2) r^2 / scale^2. w = 0.6 is the layer's largest weight: G+ = Gmax, G- = Gmin.
        const double w = 0.6;
        var profile = MappingProfile.For(FidelityLevel.Macro) with { VariationSigma = sigma, ReadNoiseSigma = readSigma };
        var net = new Sequential(new Linear("fc", 1, 1));
        var fc = (Linear)net["fc"];
        var noise = HardwareAwareHooks.For(profile, 1).Noise!;
        var rng = new Rng(44);
        const int n = 20000;
        double sum = 0, sumSq = 0;
        for (int k = 0; k < n; k++)
        {
            fc.Weight.ValueArray[0] = w;
            fc.Bias!.ValueArray[0] = -0.3;
            noise.Apply(net, rng);
            sum += fc.Weight.ValueArray[0];
            sumSq += fc.Weight.ValueArray[0] * fc.Weight.ValueArray[0];
        }
        double scale = (profile.Gmax - profile.Gmin) / w, s2 = sigma * sigma, r2 = readSigma * readSigma;
        double mean = (profile.Gmax - profile.Gmin) * Math.Exp(s2 / 2) / scale;
        double variance = (profile.Gmax * profile.Gmax + profile.Gmin * profile.Gmin) * (Math.Exp(2 * s2) * (1 + r2) - Math.Exp(s2)) / (scale * scale);
        double m = sum / n, v = sumSq / n - m * m;
        // 4 standard errors of the mean; the variance's relative standard error is about sqrt(2 / n) = 1 %.
        Assert.True(Math.Abs(m - mean) < 4 * Math.Sqrt(variance / n), $"mean {m} vs {mean}");
        Assert.True(Math.Abs(v / variance - 1) < 0.06, $"variance {v} vs {variance}");
    }

    [Fact]
    public void When_ReadNoiseSeeded_Expect_SameDrawsForTheSameSeedAndFreshOnesPerBatch()
    {
        var profile = MappingProfile.For(FidelityLevel.Macro) with { ReadNoiseSigma = 0.05 };
        var noise = HardwareAwareHooks.For(profile, 1).Noise!;
        double[] Draw(Rng rng)
        {
            var net = Lstm2Linear();
            noise.Apply(net, rng);
            return net.Parameters.SelectMany(p => p.ValueArray).ToArray();
        }
        var a = new Rng(7);
        var first = Draw(a);
        var second = Draw(a);
        Assert.Equal(first, Draw(new Rng(7)));
        Assert.NotEqual(first, second);
        var nominal = Lstm2Linear().Parameters.SelectMany(p => p.ValueArray).ToArray();
        Assert.NotEqual(nominal, first);
    }

    [Fact]
    public void When_HooksOfAProfile_Expect_RailsInSignalUnitsAndNoiseOnlyWithVariation()
    {
        var plain = HardwareAwareHooks.For(MappingProfile.For(FidelityLevel.Macro) with { WeightBits = 4 }, 1);
        Assert.Null(plain.Noise);
        Assert.Equal(new Hwsim.Nn.Hooks.ClipRange(-100, 100), plain.Forward.AffineClip);
        var varied = HardwareAwareHooks.For(MappingProfile.For(FidelityLevel.Macro) with { VariationSigma = 0.1, SignalVoltsPerUnit = 0.5 }, 1);
        Assert.NotNull(varied.Noise);
        Assert.Equal(new Hwsim.Nn.Hooks.ClipRange(-20, 20), varied.Forward.CellStateClip);
        var read = HardwareAwareHooks.For(MappingProfile.For(FidelityLevel.Macro) with { ReadNoiseSigma = 0.05 }, 1);
        Assert.NotNull(read.Noise);
        Assert.Equal(HardwareAwareHooks.ValidationDraws, read.ValidationDraws);
    }
}
