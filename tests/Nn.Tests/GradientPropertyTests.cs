using CsCheck;
using Hwsim.Nn.Layers;

namespace Hwsim.Nn.Tests;

/// <summary>Gradient checks over random shapes and weights (CsCheck), beyond the fixed cases.</summary>
public sealed class GradientPropertyTests
{
    [Fact]
    public void When_RandomLstmShapes_Expect_GradientsMatchFiniteDifferences() =>
        Gen.Select(Gen.Int[1, 3], Gen.Int[1, 4], Gen.Int[1, 2], Gen.Int[1, 5], Gen.Int[1, 3], Gen.ULong)
            .Sample((input, hidden, layers, steps, batch, seed) =>
            {
                var rng = new Rng(seed);
                var lstm = new Lstm("lstm", input, hidden, layers, bias: rng.NextInt(4) != 0);
                lstm.ResetParameters(rng);
                TestSupport.GradientCheck(lstm, TestSupport.RandomBatch(rng, steps, batch, input, 2.0), rng);
            }, iter: 15, threads: 1);

    [Fact]
    public void When_RandomConvShapes_Expect_GradientsMatchFiniteDifferences() =>
        Gen.Select(Gen.Int[1, 2], Gen.Int[1, 2], Gen.Int[1, 3], Gen.Int[1, 2], Gen.Int[0, 1], Gen.ULong)
            .Sample((inC, outC, k, stride, pad, seed) =>
            {
                var rng = new Rng(seed);
                var conv = new Conv2d("conv", inC, outC, k, k, stride, stride, pad, pad);
                conv.ResetParameters(rng);
                TestSupport.GradientCheck(conv, TestSupport.RandomBatch(rng, 1, 2, inC * 25), rng);
            }, iter: 15, threads: 1);

    [Fact]
    public void When_RandomMlpShapes_Expect_GradientsMatchFiniteDifferences() =>
        Gen.Select(Gen.Int[1, 6], Gen.Int[1, 6], Gen.Int[1, 4], Gen.Int[1, 4], Gen.ULong)
            .Sample((inF, hidden, outF, batch, seed) =>
            {
                var rng = new Rng(seed);
                var net = new Sequential(new Linear("a", inF, hidden), new Tanh("t"), new Linear("b", hidden, outF), new Sigmoid("s"));
                net.ResetParameters(rng);
                TestSupport.GradientCheck(net, TestSupport.RandomBatch(rng, 2, batch, inF), rng);
            }, iter: 15, threads: 1);
}
