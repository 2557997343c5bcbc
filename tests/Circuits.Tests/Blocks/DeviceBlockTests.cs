using System.Text;
using Hwsim.Circuits.Blocks;
using Hwsim.Circuits.Devices;
using Hwsim.Circuits.Netlist;
using Hwsim.Circuits.Results;

namespace Hwsim.Circuits.Tests.Blocks;

/// <summary>
/// What the bridge relies on: device-level blocks keep the ports of the lower levels, converge from a zero initial
/// guess in a plain operating point (no .nodeset), compose, and are cheap to generate under caller-chosen names.
/// </summary>
public sealed class DeviceBlockTests
{
    private static readonly SignalScale Scale = new();

    private static AnalysisResult Op(string body, params SubcircuitText[] blocks)
    {
        var sb = new StringBuilder("device block operating point\n");
        var seen = new HashSet<string>();
        foreach (var b in blocks)
            foreach (var d in b.WithDependencies())
                if (seen.Add(d.Name)) sb.Append(d);
        sb.Append(body).Append("\n.op\n.end\n");
        return NetlistRun.RunAll(NetlistReader.Parse(sb.ToString(), "op.cir"))[0];
    }

    public static TheoryData<string> Kinds => new() { "tanh", "sigmoid", "relu", "multiplier", "tia", "adder", "inverter", "sample-hold", "dac", "adc" };

    private static SubcircuitText Make(string kind, FidelityLevel level) => kind switch
    {
        "tanh" => Activation.Create("blk", ActivationKind.Tanh, level, Scale),
        "sigmoid" => Activation.Create("blk", ActivationKind.Sigmoid, level, Scale),
        "relu" => Activation.Create("blk", ActivationKind.Relu, level, Scale),
        "multiplier" => ArithmeticBlocks.Multiplier("blk", level, Scale),
        "tia" => TransimpedanceAmplifier.Create("blk", level, 50e3),
        "adder" => ArithmeticBlocks.Adder("blk", level, 3),
        "inverter" => ArithmeticBlocks.Inverter("blk", level),
        "sample-hold" => SampleHold.Create("blk", level),
        "dac" => new DataConverter(ConverterKind.Dac, 6).ToSubcircuit("blk", level, Scale),
        _ => new DataConverter(ConverterKind.Adc, 6).ToSubcircuit("blk", level, Scale),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void When_BlockMadeAtEachLevel_Expect_SamePortsAndTheCallersName(string kind)
    {
        var ideal = Make(kind, FidelityLevel.Ideal);
        foreach (var level in new[] { FidelityLevel.Macro, FidelityLevel.Device })
        {
            var s = Make(kind, level);
            Assert.Equal("blk", s.Name);
            Assert.Equal(ideal.Ports, s.Ports);
        }
    }

    [Theory]
    [InlineData(ActivationKind.Tanh, -2.2)]
    [InlineData(ActivationKind.Tanh, 0.7)]
    [InlineData(ActivationKind.Sigmoid, -4.5)]
    [InlineData(ActivationKind.Sigmoid, 1.3)]
    [InlineData(ActivationKind.Relu, -1.0)]
    [InlineData(ActivationKind.Relu, 2.5)]
    public void When_DeviceActivationSolvedFromZero_Expect_ItsValueWithinTheStatedBound(ActivationKind kind, double x)
    {
        var act = Activation.Create("act", kind, FidelityLevel.Device, Scale);
        var r = Op($"vx x 0 dc {x}\nx1 x y act", act);

        Assert.Equal(kind.Apply(x), r.Value("v(y)"), kind == ActivationKind.Relu ? 0.03 : 0.02);
    }

    [Theory]
    [InlineData(0.6, -0.8)]
    [InlineData(-1, -1)]
    [InlineData(0.05, 0.9)]
    public void When_GilbertMultiplierSolvedFromZero_Expect_TheProduct(double a, double b)
    {
        var m = ArithmeticBlocks.Multiplier("mul", FidelityLevel.Device, Scale);
        var r = Op($"va a 0 dc {a}\nvb b 0 dc {b}\nx1 a b y mul", m);

        Assert.Equal(a * b, r.Value("v(y)"), 0.03);
    }

    [Fact]
    public void When_DeviceBlocksChainedLikeALayer_Expect_OneOperatingPointFromZeroCloseToSoftware()
    {
        // z = W x + b on a memristor crossbar, read by op-amp TIAs; h = tanh(z0) * sigmoid(z1), then relu(h + z0)
        double[,] w = { { 0.9, -0.4, 0.3 }, { -0.7, 0.5, 0.8 } };
        double[] bias = { 0.2, -0.1 };
        double[] x = { 0.5, -1, 0.75 };
        const double vread = 0.2;
        var mapping = ConductanceMapping.FitTo(w.Cast<double>().Concat(bias));
        var xb = new Crossbar("xb", w, bias, mapping, wireResistance: 1, memristor: new MemristorModel());
        var rf = 1 / (mapping.WeightScale * vread);
        var tia = TransimpedanceAmplifier.Create("tia", FidelityLevel.Device, rf);
        var tanh = Activation.Create("act_tanh", ActivationKind.Tanh, FidelityLevel.Device, Scale);
        var sigmoid = Activation.Create("act_sig", ActivationKind.Sigmoid, FidelityLevel.Device, Scale);
        var mul = ArithmeticBlocks.Multiplier("mul", FidelityLevel.Device, Scale);
        var add = ArithmeticBlocks.Adder("add", FidelityLevel.Device, 2);
        var relu = Activation.Create("act_relu", ActivationKind.Relu, FidelityLevel.Device, Scale);
        var body = new StringBuilder();
        for (var i = 0; i < 3; i++) body.Append($"vp{i} p{i} 0 dc {x[i] * vread}\nvn{i} n{i} 0 dc {-x[i] * vread}\n");
        body.Append($"vpb pb 0 dc {vread}\nvnb nb 0 dc {-vread}\n");
        body.Append("x1 ").Append(string.Join(' ', xb.Ports)).Append(" xb\n");
        body.Append("xt0 c0 z0 tia\nxt1 c1 z1 tia\nxa z0 g act_tanh\nxs z1 s act_sig\nxm g s h mul\nxadd h z0 u add\nxr u out act_relu");
        var r = Op(body.ToString(), xb.ToSubcircuit(), tia, tanh, sigmoid, mul, add, relu);

        var z0 = bias[0] + w[0, 0] * x[0] + w[0, 1] * x[1] + w[0, 2] * x[2];
        var z1 = bias[1] + w[1, 0] * x[0] + w[1, 1] * x[1] + w[1, 2] * x[2];
        var h = Math.Tanh(z0) / (1 + Math.Exp(-z1));
        // the 1 ohm wires' IR drops (partial column sums) cost about 1e-3, the TIAs' finite gain 2e-4
        Assert.Equal(z0, r.Value("v(z0)"), 3e-3);
        Assert.Equal(z1, r.Value("v(z1)"), 3e-3);
        Assert.Equal(h, r.Value("v(h)"), 0.03);
        Assert.Equal(Math.Max(h + z0, 0), r.Value("v(out)"), 0.05);
    }

    [Fact]
    public void When_DeviceBlocksGetTheCallersOpAmp_Expect_ItsDefinitionAndTheSameAccuracy()
    {
        // the bridge's profile op-amp: +/-10 V rails, 10 MHz; the blocks must use it (one 'opamp' per netlist)
        var opamp = new OpAmpModel { Gain = 1e5, GainBandwidth = 10e6, PositiveRail = 10, NegativeRail = -10 };
        var blocks = new[]
        {
            Activation.Create("a_tanh", ActivationKind.Tanh, FidelityLevel.Device, Scale, opamp: opamp),
            Activation.Create("a_sig", ActivationKind.Sigmoid, FidelityLevel.Device, Scale, opamp: opamp),
            Activation.Create("a_relu", ActivationKind.Relu, FidelityLevel.Device, Scale, opamp: opamp),
            ArithmeticBlocks.Multiplier("mul", FidelityLevel.Device, Scale, opamp: opamp),
        };
        foreach (var b in blocks)
            Assert.Equal(opamp.ToSubcircuit(), b.WithDependencies().Single(d => d.Name == "opamp").ToString());
        var r = Op("vx x 0 dc 0.8\nvy y 0 dc -0.6\nx1 x t a_tanh\nx2 x s a_sig\nx3 y u a_relu\nx4 x y m mul", blocks);

        Assert.Equal(Math.Tanh(0.8), r.Value("v(t)"), 0.02);
        Assert.Equal(1 / (1 + Math.Exp(-0.8)), r.Value("v(s)"), 0.02);
        Assert.Equal(0, r.Value("v(u)"), 0.03);
        Assert.Equal(-0.48, r.Value("v(m)"), 0.03);
    }

    [Fact]
    public void When_DeviceTanhRunAt85C_Expect_TheSlopeOfTheTemperatureRatio()
    {
        // the attenuation is designed for V_T at 27 C: at 85 C the pair sees tanh(x * 300.15 / 358.15)
        var act = Activation.Create("act", ActivationKind.Tanh, FidelityLevel.Device, Scale);
        var r = Op("vx x 0 dc 1\nx1 x y act\n.temp 85", act);

        Assert.Equal(Math.Tanh(300.15 / 358.15), r.Value("v(y)"), 0.01);
        Assert.True(Math.Abs(r.Value("v(y)") - Math.Tanh(1)) > 0.05);
    }
}
