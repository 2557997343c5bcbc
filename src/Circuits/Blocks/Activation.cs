using Hwsim.Circuits.Devices;

namespace Hwsim.Circuits.Blocks;

/// <summary>
/// Activation blocks, ports <c>in out</c>, both in signal volts: out = Vs * f(in / Vs).
/// Ideal: one B source with the exact function. Macro: the same behavioural function held within the op-amp rails
/// (ReLU is the one that can reach them). Device: tanh and sigmoid from a BJT differential pair
/// (<see cref="DifferentialPairActivation"/>), ReLU from a precision rectifier (<see cref="PrecisionRectifier"/>);
/// the op-amp argument is their output stage's macro-model (the default <see cref="OpAmpModel"/> when null); with a
/// <see cref="SupplyRails"/> the device blocks take its rails as ports and power their op-amps from them.
/// </summary>
public static class Activation
{
    public static SubcircuitText Create(string name, ActivationKind kind, FidelityLevel level, SignalScale scale,
        double negativeRail = -10, double positiveRail = 10, OpAmpModel? opamp = null, SupplyRails? supply = null)
    {
        var vs = SubcircuitText.Num(scale.VoltsPerUnit);
        var f = kind switch
        {
            ActivationKind.Tanh => $"{vs}*tanh(v(in)/{vs})",
            ActivationKind.Sigmoid => $"{vs}/(1+exp(-v(in)/{vs}))",
            _ => "max(v(in),0)",
        };
        switch (level)
        {
            case FidelityLevel.Ideal:
                return new SubcircuitText(name, new[] { "in", "out" }, $"ideal {kind} activation, {vs} V per unit")
                    .Add($"bact out 0 V = {f}");
            case FidelityLevel.Macro:
                return new SubcircuitText(name, new[] { "in", "out" }, $"behavioural {kind} activation within the rails {negativeRail} .. {positiveRail} V")
                    .Add($"bact out 0 V = min(max({f},{SubcircuitText.Num(negativeRail)}),{SubcircuitText.Num(positiveRail)})");
            case FidelityLevel.Device:
                return kind == ActivationKind.Relu
                    ? PrecisionRectifier.Create(name, opamp, supply)
                    : DifferentialPairActivation.Create(name, kind, scale, opamp, supply);
            default:
                throw new BlockLevelException($"{kind} activation", level);
        }
    }
}
