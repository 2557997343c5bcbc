namespace Hwsim.Circuits.Expressions;

/// <summary>What a <see cref="CompiledExpression"/> input stands for.</summary>
public enum ExpressionInputKind
{
    /// <summary>The voltage of a node against ground, <c>v(node)</c>.</summary>
    NodeVoltage,
    /// <summary>The branch current of a device, <c>i(vname)</c>.</summary>
    BranchCurrent,
    /// <summary>Simulation time in seconds, <c>time</c> (0 outside transient analysis).</summary>
    Time,
    /// <summary>Circuit temperature in degrees Celsius, <c>temper</c> (27 by default, as in ngspice).</summary>
    Temperature,
    /// <summary>Analysis frequency in hertz, <c>hertz</c> (0 outside AC analysis).</summary>
    Frequency,
}
