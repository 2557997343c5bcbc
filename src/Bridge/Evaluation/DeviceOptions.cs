namespace Hwsim.Bridge.Evaluation;

/// <summary>How the device level runs: the clock period (null: chosen from the measured settling), the simulator, and whether to sweep the period.</summary>
public sealed record DeviceOptions
{
    /// <summary>The clock period (s); null chooses it from a calibration run (<see cref="ClockCalibration"/>).</summary>
    public double? ClockPeriod { get; init; }
    public ClockedEngine Engine { get; init; } = ClockedEngine.Hwsim;
    /// <summary>Sweep shorter periods to find the shortest one at which the metric holds (<see cref="DeviceTiming.MinClockPeriod"/>).</summary>
    public bool SweepPeriod { get; init; } = true;

    public static DeviceOptions Default { get; } = new();
}
