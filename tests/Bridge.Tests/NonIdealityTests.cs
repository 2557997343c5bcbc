using Hwsim.Bridge.Compiler;
using Hwsim.Bridge.Evaluation;
using Hwsim.Bridge.Mapping;
using Hwsim.Circuits.Blocks;
using Hwsim.Nn;
using Hwsim.Nn.Models;

namespace Hwsim.Bridge.Tests;

/// <summary>
/// The non-idealities of the mapping profile, each against a closed form or the statistics of its distribution, with
/// tolerances of about four standard errors (the draws are seeded, so the tests are repeatable).
/// </summary>
public class NonIdealityTests
{
    private static readonly MappingProfile Macro = MappingProfile.For(FidelityLevel.Macro);

    [Fact]
    public void When_EveryNonIdealityIsAtItsDefault_Expect_ProgrammedAsTargets()
    {
        Assert.True(new ConductanceSampler(new MappingProfile()).ProgramsAsTargets);
        Assert.False(new ConductanceSampler(new MappingProfile()).HasReadNoise);
        Assert.Equal(Macro, Macro.Nominal());
    }

    [Fact]
    public void When_VariationDrawn_Expect_LogNormalWithItsSigma()
    {
        const int n = 20000;
        var sampler = new ConductanceSampler(Macro with { VariationSigma = 0.1, Seed = 7 });
        var rng = new Rng(3);
        var logs = Enumerable.Range(0, n).Select(_ => Math.Log(sampler.Program(50e-6, rng) / 50e-6)).ToArray();
        var mean = logs.Average();
        var std = Math.Sqrt(logs.Sum(x => (x - mean) * (x - mean)) / (n - 1));
        // standard errors: sigma / sqrt(n) = 7e-4 for the mean, sigma / sqrt(2n) = 5e-4 for the deviation
        Assert.InRange(mean, -0.003, 0.003);
        Assert.InRange(std, 0.098, 0.102);
    }

    [Fact]
    public void When_DevicesStuck_Expect_TheirShareAtGminAndGmax()
    {
        const int n = 20000;
        var p = Macro with { StuckAtGminProbability = 0.1, StuckAtGmaxProbability = 0.05 };
        var sampler = new ConductanceSampler(p);
        var rng = new Rng(5);
        var g = Enumerable.Range(0, n).Select(_ => sampler.Program(50e-6, rng)).ToArray();
        var atMin = g.Count(x => x == p.Gmin);
        var atMax = g.Count(x => x == p.Gmax);
        Assert.Equal(n, atMin + atMax + g.Count(x => x == 50e-6));
        // binomial: 4 standard deviations of the counts (42 and 31)
        Assert.InRange(atMin, 2000 - 170, 2000 + 170);
        Assert.InRange(atMax, 1000 - 124, 1000 + 124);
    }

    [Fact]
    public void When_MemristorsVary_Expect_ConductancesHeldInTheWindow()
    {
        var sampler = new ConductanceSampler(Macro with { VariationSigma = 1, Device = CrossbarDeviceKind.Memristor });
        var rng = new Rng(1);
        var g = Enumerable.Range(0, 2000).Select(_ => sampler.Program(90e-6, rng)).ToArray();
        Assert.All(g, x => Assert.InRange(x, Macro.Gmin, Macro.Gmax));
        Assert.Contains(g, x => x == Macro.Gmax);
    }

    [Fact]
    public void When_ReadAfterDrift_Expect_EveryConductanceTimesTheClosedForm()
    {
        // G(t) = G0 ((t + t0) / t0)^-nu, aihwkit's PCM drift: after 1000 s with nu = 0.05, t0 = 20 s
        var factor = Math.Pow(1020.0 / 20.0, -0.05);
        CheckScaled(Macro with { DriftTime = 1000, DriftExponent = 0.05 }, factor);
    }

    [Fact]
    public void When_Warmed_Expect_EveryConductanceTimesTheTemperatureFactor()
    {
        // G(T) = G (1 + alpha (T - 27 C)): 0.002/K over 50 K
        CheckScaled(Macro with { Temperature = 77, TemperatureCoefficient = 0.002 }, 1.1);
    }

    /// <summary>
    /// A profile that scales every conductance by <paramref name="factor"/> scales every crossing of the compiled
    /// crossbars exactly, and so the first layer's pre-activations (a linear layer) by the same factor, to the precision
    /// of the op-amps' finite gain (1e5: relative errors of about 1e-5).
    /// </summary>
    private static void CheckScaled(MappingProfile profile, double factor)
    {
        var model = ModelFile.Load(RepoFiles.Model("mlp-xor"));
        var nominal = NetworkCompiler.Compile(model, FidelityLevel.Macro, Macro);
        var scaled = NetworkCompiler.Compile(model, FidelityLevel.Macro, profile);
        for (var c = 0; c < nominal.Crossbars.Count; c++)
        {
            var a = nominal.Crossbars[c].Crossbar;
            var b = scaled.Crossbars[c].Crossbar;
            for (var j = 0; j < a.Outputs; j++)
                for (var i = 0; i < a.Rows; i++)
                {
                    Assert.Equal(a.Plus[j, i] * factor, b.Plus[j, i], a.Plus[j, i] * 1e-14);
                    Assert.Equal(a.Minus[j, i] * factor, b.Minus[j, i], a.Minus[j, i] * 1e-14);
                }
        }
        var rows = new[] { new[] { 0.0, 1.0 }, new[] { 1.0, 1.0 }, new[] { 1.0, 0.0 } };
        var x = new CircuitEvaluator(nominal).Run(rows);
        var y = new CircuitEvaluator(scaled).Run(rows);
        var fc1 = Enumerable.Range(0, x.Signals.Count).Where(s => x.Signals[s].StartsWith("fc1[")).ToList();
        Assert.Equal(4, fc1.Count);
        foreach (var p in Enumerable.Range(0, rows.Length))
            foreach (var s in fc1)
                Assert.Equal(factor * x.Values[p][s], y.Values[p][s], 1e-4 * (1 + Math.Abs(x.Values[p][s])));
    }

    [Fact]
    public void When_ReadNoisy_Expect_PreActivationSpreadOfTheClosedForm()
    {
        // Each read sees G (1 + sigma z) per device, independently: the column current of output j varies by
        // Vr sigma sqrt(sum_i x_i^2 (G+_ji^2 + G-_ji^2)), i.e. the pre-activation by sigma sqrt(...) / scale.
        const double sigma = 0.05;
        const int reads = 800;
        var model = ModelFile.Load(RepoFiles.Model("mlp-xor"));
        var profile = Macro with { ReadNoiseSigma = sigma, Seed = 11 };
        var network = NetworkCompiler.Compile(model, FidelityLevel.Macro, profile);
        var quiet = NetworkCompiler.Compile(model, FidelityLevel.Macro, Macro);
        var input = new[] { 1.0, -1.0 };
        var rows = Enumerable.Repeat(input, reads).ToArray();
        var noisy = new CircuitEvaluator(network).Run(rows);
        var nominal = new CircuitEvaluator(quiet).Run(new[] { input });
        var xb = network.Crossbars[0].Crossbar;
        var x = input.Append(1.0).ToArray();   // the bias row reads 1
        for (var j = 0; j < xb.Outputs; j++)
        {
            var s = noisy.Signals.ToList().IndexOf($"fc1[{j}]");
            var expected = sigma * Math.Sqrt(Enumerable.Range(0, xb.Rows).Sum(i => x[i] * x[i] * (xb.Plus[j, i] * xb.Plus[j, i] + xb.Minus[j, i] * xb.Minus[j, i]))) / xb.Mapping.WeightScale;
            var values = noisy.Series(s);
            var mean = values.Average();
            var std = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (reads - 1));
            // the sample deviation's standard error is 1/sqrt(2 n) = 2.5 %: allow 12 %; the mean within 4 standard errors
            Assert.InRange(std / expected, 0.88, 1.12);
            Assert.Equal(nominal.Values[0][s], mean, 4 * expected / Math.Sqrt(reads));
        }
        // a fresh draw per read: no two points alike, and the same seed gives the same reads
        Assert.NotEqual(noisy.Outputs[0][0], noisy.Outputs[1][0]);
        Assert.Equal(noisy.Outputs[5][0], new CircuitEvaluator(network).Run(rows.Take(6).ToArray()).Outputs[5][0]);
    }

    [Fact]
    public void When_CornerSlowOrFast_Expect_AmplifierGainErrorScaledByOneOverGain()
    {
        // An inverting amplifier's static error is first order in 1/A: halving the gain (slow) doubles the error
        // against an amplifier of gain 1e12, raising it by sqrt 2 (fast) divides it by sqrt 2.
        var model = ModelFile.Load(RepoFiles.Model("mlp-xor"));
        var rows = new[] { new[] { 0.0, 1.0 }, new[] { 1.0, 1.0 }, new[] { 1.0, 0.0 }, new[] { 0.0, 0.0 } };
        double[][] Run(MappingProfile p) => new CircuitEvaluator(NetworkCompiler.Compile(model, FidelityLevel.Macro, p)).Run(rows).Values;
        var exact = Run(Macro with { OpAmp = Macro.OpAmp with { Gain = 1e12 } });
        double Error(ProcessCorner corner)
        {
            var v = Run(Macro with { Corner = corner });
            return v.Zip(exact).Sum(pair => pair.First.Zip(pair.Second).Sum(d => Math.Abs(d.First - d.Second)));
        }
        var typical = Error(ProcessCorner.Typical);
        Assert.True(typical > 0);
        Assert.InRange(Error(ProcessCorner.Slow) / typical, 1.9, 2.1);
        Assert.InRange(Error(ProcessCorner.Fast) / typical, 1 / Math.Sqrt(2) * 0.95, 1 / Math.Sqrt(2) * 1.05);
        Assert.Equal(5e4, (Macro with { Corner = ProcessCorner.Slow }).Amplifier.Gain, 1e-6);
    }

    [Theory]
    [InlineData(ProcessCorner.Slow)]
    [InlineData(ProcessCorner.Fast)]
    public void When_DeviceLevelAtACorner_Expect_EveryTransistorModelAtThatCorner(ProcessCorner corner)
    {
        // lstm-cell's device level has every kind: NPNs (activations, Gilbert cells) and MOSFETs (sample-and-holds)
        var model = ModelFile.Load(RepoFiles.Model("lstm-cell"));
        var device = MappingProfile.For(FidelityLevel.Device);
        var typical = NetworkCompiler.Compile(model, FidelityLevel.Device, device).Netlist;
        var atCorner = NetworkCompiler.Compile(model, FidelityLevel.Device, device with { Corner = corner }).Netlist;
        var cards = ProcessCorners.TransistorCards(corner);
        foreach (var card in new[] { DeviceModels.Npn, DeviceModels.Nmos, DeviceModels.Pmos }) Assert.Contains(card, typical);
        foreach (var (was, now) in cards)
        {
            Assert.DoesNotContain(was, atCorner);
            Assert.Equal(Count(typical, was), Count(atCorner, now));
        }
        // nothing else moves but the op-amps (their own corner) and the corner's line in the comments
        var amp = device with { Corner = corner };
        Assert.Equal(typical.Split('\n').Length, atCorner.Split('\n').Length);
        Assert.NotEqual(device.Amplifier.Gain, amp.Amplifier.Gain);
        // and the engine reads the corner's models: beta 100 (slow) or 200 (fast) in every NPN
        Assert.Contains(corner == ProcessCorner.Slow ? "bf=100" : "bf=200", atCorner);
        Assert.NotNull(Hwsim.Circuits.Netlist.NetlistReader.Parse(ClockedTransient.Netlist(
            NetworkCompiler.Compile(model, FidelityLevel.Device, amp), new[] { new double[model.InputFeatures!.Value] }, new ClockSchedule(1e-5, 1, true)), "corner.cir").CreateEngine());
    }

    [Fact]
    public void When_DeviceLevelWarmed_Expect_TheEngineAtThatTemperature()
    {
        var model = ModelFile.Load(RepoFiles.Model("mlp-xor"));
        var device = MappingProfile.For(FidelityLevel.Device);
        var at27 = NetworkCompiler.Compile(model, FidelityLevel.Device, device).Netlist;
        var at60 = NetworkCompiler.Compile(model, FidelityLevel.Device, device with { Temperature = 60 }).Netlist;
        Assert.DoesNotContain("\n.temp ", at27);
        Assert.Contains("\n.temp 60\n", at60);
        Assert.Equal(27, Hwsim.Circuits.Netlist.NetlistReader.Parse(at27, "27.cir").Options.Temperature);
        Assert.Equal(60, Hwsim.Circuits.Netlist.NetlistReader.Parse(at60, "60.cir").Options.Temperature);
    }

    private static int Count(string text, string part)
    {
        var n = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) n++;
        return n;
    }

    [Fact]
    public void When_NominalReprogrammed_Expect_WhatCompilingTheSampleGives()
    {
        // the Monte Carlo path (re-valuing the crossings of the nominal circuit in place) against the compare path
        // (a netlist written with the sample's conductances): same draws, same circuit
        var model = ModelFile.Load(RepoFiles.Model("mlp-xor"));
        var sample = Macro with { VariationSigma = 0.2, StuckAtGminProbability = 0.05, ReadNoiseSigma = 0.02, DriftTime = 100, Seed = 12345 };
        var rows = new[] { new[] { 0.0, 1.0 }, new[] { 1.0, 1.0 }, new[] { 1.0, 0.0 } };
        var compiled = new CircuitEvaluator(NetworkCompiler.Compile(model, FidelityLevel.Macro, sample)).Run(rows);
        var evaluator = new CircuitEvaluator(NetworkCompiler.Compile(model, FidelityLevel.Macro, sample.Nominal()));
        evaluator.Reprogram(sample);
        var reprogrammed = evaluator.Run(rows);
        for (var p = 0; p < rows.Length; p++)
            for (var s = 0; s < compiled.Signals.Count; s++)
                Assert.Equal(compiled.Values[p][s], reprogrammed.Values[p][s], 1e-9);
    }

    [Fact]
    public void When_SeedsMixed_Expect_TheSameNumbersOnEveryMachine()
    {
        // golden value (computed independently in Python): the stable hash must never change, or stored studies stop being reproducible
        Assert.Equal(0xBFEF8030DDC2D772UL, SeedMixer.Mix(1UL, 0UL));
        Assert.NotEqual(SeedMixer.Mix(1UL, 0UL), SeedMixer.Mix(1UL, 1UL));
        Assert.NotEqual(SeedMixer.Mix(1UL, 0UL), SeedMixer.Mix(2UL, 0UL));
    }
}
