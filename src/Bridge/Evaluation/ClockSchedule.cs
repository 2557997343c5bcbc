using Hwsim.Circuits.Blocks;

namespace Hwsim.Bridge.Evaluation;

/// <summary>
/// When things happen in a clocked transient of <see cref="Points"/> periods of length <see cref="Period"/>.
/// Inputs change at the start of every period (over <see cref="InputEdge"/>). Sequence models at the device level
/// run on a <see cref="TwoPhaseClock"/>: phase 1 (the first half of the period less the gaps) is the compute phase,
/// at whose end the network's new c and h are read and sampled by the master stage of each sample-and-hold; in
/// phase 2 the slave stage presents them as the next step's previous values. Feed-forward networks stream one sample
/// per period and are read at the end of the period, just before the next input arrives.
/// </summary>
public sealed record ClockSchedule
{
    public ClockSchedule(double period, int points, bool clocked)
    {
        if (!(period > 0) || double.IsInfinity(period)) throw new ArgumentException($"the clock period must be positive, got {period}");
        if (points < 1) throw new ArgumentException("a clocked run needs at least one point");
        Period = period;
        Points = points;
        Clock = clocked ? new TwoPhaseClock(period) : null;
    }

    public double Period { get; }
    public int Points { get; }
    /// <summary>The two-phase clock of a sequence model; null for feed-forward networks.</summary>
    public TwoPhaseClock? Clock { get; }

    /// <summary>How long an input takes to move to its next value at the start of a period.</summary>
    public double InputEdge => Period / 100;

    /// <summary>The end of the transient: all periods.</summary>
    public double Stop => Points * Period;

    /// <summary>Largest time step of the transient (resolves the settling within a fortieth of a period).</summary>
    public double MaxStep => Period / 40;

    /// <summary>When point <paramref name="p"/>'s input starts to arrive: the start of its period.</summary>
    public double ComputeStart(int p) => p * Period;

    /// <summary>When point <paramref name="p"/> is read: the end of phase 1 (clocked) or of the period.</summary>
    public double ReadTime(int p) => Clock is { } c ? p * Period + c.Gap + c.Edge + c.PulseWidth : (p + 1) * Period;

    /// <summary>Length of the compute phase: from the input edge to the read time.</summary>
    public double ComputeWindow => ReadTime(0);
}
