namespace Hwsim.Nn.Data;

/// <summary>The four XOR cases: inputs (0/1, 0/1), target 1 when exactly one input is 1.</summary>
public static class XorData
{
    /// <summary>Inputs, one row per case.</summary>
    public static double[][] Inputs { get; } = [[0, 0], [0, 1], [1, 0], [1, 1]];

    /// <summary>Targets, one row per case.</summary>
    public static double[][] Targets { get; } = [[0], [1], [1], [0]];
}
