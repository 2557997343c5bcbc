namespace Hwsim.Bridge.Evaluation;

/// <summary>
/// What a clocked transient says about the hardware besides its signals: the clock period it ran at, the settling
/// time measured in it, and the energy the supplies delivered, per point and per block kind.
/// </summary>
public sealed record DeviceTiming
{
    /// <summary>The clock period (s).</summary>
    public required double ClockPeriod { get; init; }
    /// <summary>
    /// The worst time over points and watched signals (the outputs, and c and h of sequence models) for a signal to
    /// stay within 0.1 % of its output range of its value at the read time, counted from the start of the period (s).
    /// </summary>
    public required double SettlingTime { get; init; }
    /// <summary>How long the compute phase is at this period (s): from the input edge to the read time.</summary>
    public required double ComputeWindow { get; init; }
    /// <summary>Energy delivered by all supplies in each period (J): per sample, or per time step of a sequence.</summary>
    public required IReadOnlyList<double> EnergyPerPoint { get; init; }
    /// <summary>Energy by block kind over the whole run (J), e.g. <c>act</c>, <c>hold</c>, <c>clock</c>.</summary>
    public required IReadOnlyDictionary<string, double> EnergyByKind { get; init; }
    /// <summary>Energy of one inference (J): the whole sequence for sequence models, the mean per sample otherwise.</summary>
    public required double EnergyPerInference { get; init; }
    /// <summary>Whether an inference is a whole sequence (sequence models) or one sample.</summary>
    public required bool SequencePerInference { get; init; }
    /// <summary>Time points the simulator reported.</summary>
    public int TimePoints { get; init; }
    /// <summary>
    /// The shortest period at which the sweep's metric (<see cref="PeriodSweepMetric"/>: the task metric, or without
    /// one the output RMS error against software), over the first points (Comparer.SweepPoints), stays within 1 % of
    /// its value at this period, when a sweep measured it (s).
    /// </summary>
    public double? MinClockPeriod { get; init; }
    /// <summary>The sweep behind <see cref="MinClockPeriod"/>: (period, metric) pairs, longest period first.</summary>
    public IReadOnlyList<(double Period, double Metric)> PeriodSweep { get; init; } = Array.Empty<(double, double)>();
    /// <summary>What the sweep watched: "accuracy", "RMSE against the targets" or "output RMS error against software".</summary>
    public string PeriodSweepMetric { get; init; } = "output RMS error against software";
    /// <summary>Node waveforms over the first periods (volts), for the waveform figure.</summary>
    public DeviceWaveforms? Waveforms { get; init; }
}

/// <summary>Some nodes' voltages over the first periods of a clocked transient.</summary>
public sealed record DeviceWaveforms(IReadOnlyList<string> Names, double[] Times, double[][] Values, ClockSchedule Schedule);
