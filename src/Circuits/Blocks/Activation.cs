namespace Hwsim.Circuits.Blocks;

/// <summary>
/// Activation blocks, ports <c>in out</c>, both in signal volts: out = Vs * f(in / Vs).
/// Ideal: one B source with the exact function. Macro: the same behavioural function held within the op-amp rails
/// (ReLU is the one that can reach them). Device-level activations are transistor circuits (see the device blocks).
/// </summary>
public static class Activation
{
    public static SubcircuitText Create(string name, ActivationKind kind, FidelityLevel level, SignalScale scale,
        double negativeRail = -10, double positiveRail = 10)
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
            default:
                throw new BlockLevelException($"{kind} activation", level);
        }
    }
}
