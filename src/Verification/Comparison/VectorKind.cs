namespace Hwsim.Verification;

/// <summary>What a (normalised) vector name denotes.</summary>
public enum VectorKind
{
    /// <summary>The independent variable of a plot: <c>time</c>, <c>frequency</c> or a DC sweep variable.</summary>
    Scale,

    /// <summary>A node voltage, <c>v(out)</c> or <c>v(x1.n1)</c>.</summary>
    NodeVoltage,

    /// <summary>A branch current of a voltage source, inductor, E or H element: <c>i(v1)</c>, <c>i(v.x1.v1)</c>.</summary>
    BranchCurrent,

    /// <summary>A device quantity such as <c>@r1[i]</c> (written only when asked for, e.g. <c>.options savecurrents</c>).</summary>
    DeviceQuantity,

    /// <summary>Anything else: internal nodes (names with <c>#</c>) and vectors of unknown meaning.</summary>
    Other,
}
