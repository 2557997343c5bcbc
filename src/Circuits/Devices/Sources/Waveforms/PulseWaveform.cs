using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Devices;

/// <summary>
/// <c>PULSE(V1 V2 TD TR TF PW PER NP)</c> as ngspice: TR and TF default to tstep, PW and PER to tstop; NP &gt; 0
/// limits the number of pulses.
/// </summary>
public sealed class PulseWaveform : Waveform
{
    public PulseWaveform(params double[] parameters)
    {
        if (parameters.Length is < 2 or > 8)
            throw new ArgumentException($"PULSE takes 2 to 8 values (V1 V2 TD TR TF PW PER NP), got {parameters.Length}");
        Parameters = parameters;
    }

    public IReadOnlyList<double> Parameters { get; }

    private void Resolve(TransientState s, out double td, out double tr, out double tf, out double pw, out double per, out double np)
    {
        var p = Parameters;
        td = Or(p, 2, 0);
        tr = NonZeroOr(p, 3, s.Step);
        tf = NonZeroOr(p, 4, s.Step);
        pw = NonZeroOr(p, 5, s.FinalTime);
        per = NonZeroOr(p, 6, s.FinalTime);
        np = Or(p, 7, 0);
    }

    public override double Value(double time, TransientState state)
    {
        var v1 = Parameters[0];
        var v2 = Parameters[1];
        Resolve(state, out var td, out var tr, out var tf, out var pw, out var per, out var np);
        time -= td;
        var tmax = np > 0 ? np * per : 1e99;
        if (time > tmax) return v1;
        if (time > per) time -= per * Math.Floor(time / per);
        if (time <= 0 || time >= tr + pw + tf) return v1;
        if (time >= tr && time <= tr + pw) return v2;
        if (time > 0 && time < tr) return v1 + (v2 - v1) * time / tr;
        return v2 + (v1 - v2) * (time - (tr + pw)) / tf;
    }

    public override void Accept(TransientState state, ref double breakTime)
    {
        Resolve(state, out var td, out var tr, out var tf, out var pw, out var per, out var np);
        var time = state.Time - td;
        if (np > 0 && time > np * per) return;
        if (!double.IsNaN(breakTime) && state.Time < breakTime) return;
        if (time >= per) time -= per * Math.Floor(time / per);
        double wait;
        if (time < 0) wait = -time;
        else if (time < tr) wait = tr - time;
        else if (time < tr + pw) wait = tr + pw - time;
        else if (time < tr + pw + tf) wait = tr + pw + tf - time;
        else wait = per - time;
        breakTime = state.Time + wait;
        state.Breakpoints.Set(breakTime, state.Time);
        // A step ending just before the break may skip it: ask for the following one slightly early.
        breakTime -= state.Breakpoints.MinBreak;
    }

    public override string ToNetlist() => $"PULSE({Args(Parameters)})";
}
