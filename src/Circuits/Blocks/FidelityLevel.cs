namespace Hwsim.Circuits.Blocks;

/// <summary>How faithfully a block models the hardware (see DESIGN.md, "fidelity levels").</summary>
public enum FidelityLevel
{
    /// <summary>Behavioural sources and ideal amplifiers: the exact function, to solver precision.</summary>
    Ideal,
    /// <summary>Op-amp macro-models (finite gain, rails), quantised conductances, behavioural activations that saturate.</summary>
    Macro,
    /// <summary>Transistor-level circuits (BJT pairs, Gilbert cells, rectifiers, switched-capacitor sample-and-hold).</summary>
    Device,
}

public static class FidelityLevels
{
    public static string Name(this FidelityLevel level) => level.ToString().ToLowerInvariant();

    public static bool TryParse(string text, out FidelityLevel level) =>
        Enum.TryParse(text, ignoreCase: true, out level) && Enum.IsDefined(level);
}

/// <summary>A block asked for at a level it does not offer.</summary>
public sealed class BlockLevelException : Exception
{
    public BlockLevelException(string block, FidelityLevel level)
        : base($"block {block} has no {level.Name()} level") { }
}
