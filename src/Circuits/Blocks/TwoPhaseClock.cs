namespace Hwsim.Circuits.Blocks;

/// <summary>
/// A two-phase non-overlapping clock, sub-circuit ports <c>phi1 phi2</c>: two PULSE sources of period T that swing
/// between <see cref="Low"/> (switch open) and <see cref="High"/> (switch closed), +/-5 V by default (the gate drive
/// of a transmission gate between +/-5 V supplies). phi1 is high during the first half of each period and phi2 during
/// the second, each shortened by <see cref="Gap"/> at both ends, so the phases never overlap (they are apart by
/// 2 gap - edge). Edges take <see cref="Edge"/>.
/// <code>
///   phi1  __/~~~~~~~~\________________/~~~~
///   phi2  ______________/~~~~~~~~\__________
///         0  gap    T/2-gap  T/2+gap   T-gap  T
/// </code>
/// </summary>
public sealed record TwoPhaseClock
{
    public TwoPhaseClock(double period, double? gap = null, double? edge = null, double low = -5, double high = 5)
    {
        if (!(period > 0)) throw new ArgumentException($"the clock period must be positive, got {period}");
        Period = period;
        Gap = gap ?? period / 20;
        Edge = edge ?? period / 100;
        Low = low;
        High = high;
        if (!(Edge > 0) || !(2 * Gap > Edge) || !(Period / 2 - 2 * Gap - Edge > 0))
            throw new ArgumentException($"clock: need 0 < edge < 2 gap and gap + edge/2 < T/4 (T = {period}, gap = {Gap}, edge = {Edge})");
        if (!(high > low)) throw new ArgumentException("clock: the high level must lie above the low level");
    }

    public double Period { get; }
    public double Gap { get; }
    public double Edge { get; }
    public double Low { get; }
    public double High { get; }

    /// <summary>Width of each phase at its high level.</summary>
    public double PulseWidth => Period / 2 - 2 * Gap - Edge;

    /// <summary>When phase 1 of period k has fallen (its switch open): k T + T/2 - gap + edge.</summary>
    public double Phase1End(int k) => k * Period + Period / 2 - Gap + Edge;

    /// <summary>When phase 2 of period k starts to rise: k T + T/2 + gap.</summary>
    public double Phase2Start(int k) => k * Period + Period / 2 + Gap;

    /// <summary>When phase 2 of period k has fallen: k T + T - gap + edge.</summary>
    public double Phase2End(int k) => (k + 1) * Period - Gap + Edge;

    public SubcircuitText ToSubcircuit(string name)
    {
        string N(double x) => SubcircuitText.Num(x);
        var pulse = $"pulse({N(Low)} {N(High)} {{0}} {N(Edge)} {N(Edge)} {N(PulseWidth)} {N(Period)})";
        return new SubcircuitText(name, new[] { "phi1", "phi2" },
                $"two-phase non-overlapping clock: T = {N(Period)} s, gap {N(Gap)} s, edges {N(Edge)} s, {N(Low)} .. {N(High)} V")
            .Add($"vphi1 phi1 0 dc {N(Low)} " + string.Format(System.Globalization.CultureInfo.InvariantCulture, pulse, N(Gap)))
            .Add($"vphi2 phi2 0 dc {N(Low)} " + string.Format(System.Globalization.CultureInfo.InvariantCulture, pulse, N(Period / 2 + Gap)));
    }
}
