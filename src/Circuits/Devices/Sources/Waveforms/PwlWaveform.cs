using System.Globalization;
using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Devices;

/// <summary>
/// <c>PWL(t1 v1 t2 v2 ...) [r=tr] [td=delay]</c> as ngspice: constant before the first and after the last point
/// (or repeating from time <c>r</c>, which must be one of the points), with a breakpoint at every corner.
/// </summary>
public sealed class PwlWaveform : Waveform
{
    private readonly double[] _p;
    private readonly int _repeatIndex = -1;

    public PwlWaveform(double[] pairs, double? repeatFrom = null, double delay = 0)
    {
        if (pairs.Length < 2 || pairs.Length % 2 != 0)
            throw new ArgumentException($"PWL needs time/value pairs, got {pairs.Length} numbers");
        for (var i = 2; i < pairs.Length; i += 2)
            if (pairs[i] < pairs[i - 2])
                throw new ArgumentException($"PWL times must not decrease: {pairs[i].ToString(CultureInfo.InvariantCulture)} after {pairs[i - 2].ToString(CultureInfo.InvariantCulture)}");
        _p = pairs;
        Delay = delay;
        RepeatFrom = repeatFrom;
        if (repeatFrom is { } r)
        {
            for (var i = 0; i < pairs.Length; i += 2)
                if (pairs[i] == r) { _repeatIndex = i; break; }
            if (_repeatIndex < 0)
                throw new ArgumentException($"PWL repeat time r={r.ToString(CultureInfo.InvariantCulture)} must equal one of the time points");
        }
    }

    public IReadOnlyList<double> Pairs => _p;
    public double? RepeatFrom { get; }
    public double Delay { get; }

    public override double Value(double time, TransientState state)
    {
        var p = _p;
        time -= Delay;
        if (time < p[0]) return p[1];
        var end = p[^2];
        if (time > end)
        {
            if (_repeatIndex < 0) return p[^1];
            var period = end - p[_repeatIndex];
            time -= p[_repeatIndex];
            time -= period * Math.Floor(time / period);
            time += p[_repeatIndex];
        }
        for (var i = 2; i < p.Length; i += 2)
        {
            if (p[i] >= time)
            {
                var frac = (time - p[i - 2]) / (p[i] - p[i - 2]);
                return p[i - 1] + frac * (p[i + 1] - p[i - 1]);
            }
        }
        return p[^1];
    }

    public override void Accept(TransientState state, ref double breakTime)
    {
        if (!double.IsNaN(breakTime) && state.Time < breakTime) return;
        var p = _p;
        var time = state.Time - Delay;
        var end = p[^2];
        if (time > end)
        {
            if (_repeatIndex < 0) { breakTime = state.FinalTime; return; }
            var period = end - p[_repeatIndex];
            time -= p[_repeatIndex];
            time -= period * Math.Floor(time / period);
            time += p[_repeatIndex];
        }
        for (var i = 0; i < p.Length; i += 2)
        {
            if (p[i] > time)
            {
                breakTime = state.Time + p[i] - time;
                state.Breakpoints.Set(breakTime, state.Time);
                breakTime -= state.Breakpoints.MinBreak;
                break;
            }
        }
    }

    public override string ToNetlist()
    {
        var s = $"PWL({Args(_p)})";
        if (RepeatFrom is { } r) s += $" r={NetlistNumber.Format(r)}";
        if (Delay != 0) s += $" td={NetlistNumber.Format(Delay)}";
        return s;
    }
}
