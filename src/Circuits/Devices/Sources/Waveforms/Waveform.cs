using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Devices;

/// <summary>
/// A time-dependent value of an independent source (PULSE, SIN, EXP, PWL), with ngspice's defaults for omitted
/// parameters (which depend on the transient's step and stop time) and its breakpoints at the corners.
/// </summary>
public abstract class Waveform
{
    /// <summary>The value at <paramref name="time"/>; <paramref name="state"/> supplies tstep and tstop for defaults.</summary>
    public abstract double Value(double time, TransientState state);

    /// <summary>
    /// After a time point is accepted: request the next corner as a breakpoint. <paramref name="breakTime"/> is the
    /// source's own memory of the last requested breakpoint (SPICE's VSRCbreak_time), NaN before the first.
    /// </summary>
    public virtual void Accept(TransientState state, ref double breakTime) { }

    /// <summary>True for TRNOISE and TRRANDOM, whose value ngspice adds to the source's DC value.</summary>
    public virtual bool AddsToDc => false;

    /// <summary>
    /// The waveform one source evaluates in one engine: a deterministic waveform is itself; a random one gets its own
    /// state and a random stream named after the source.
    /// </summary>
    public virtual Waveform ForSource(string sourceName) => this;

    /// <summary>The waveform as ngspice writes it, e.g. <c>PULSE(0 1 0 1n 1n 5u 10u)</c>.</summary>
    public abstract string ToNetlist();

    protected static string Args(IEnumerable<double> values) => string.Join(" ", values.Select(NetlistNumber.Format));

    /// <summary>Parameter i if given and non-zero, else the fallback (ngspice treats 0 as "use the default" for most).</summary>
    protected static double NonZeroOr(IReadOnlyList<double> p, int i, double fallback) => p.Count > i && p[i] != 0 ? p[i] : fallback;

    protected static double Or(IReadOnlyList<double> p, int i, double fallback) => p.Count > i ? p[i] : fallback;
}
