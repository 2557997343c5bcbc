namespace Hwsim.Circuits.Simulation;

/// <summary>
/// The sorted list of future times a transient must land on exactly (source corners, the stop time), as
/// SPICE's CKTbreaks: element 0 is the next (or current) breakpoint, element 1 the one after.
/// </summary>
public sealed class Breakpoints
{
    private readonly List<double> _times = new();

    /// <summary>Minimum separation between two breakpoints; closer ones are merged.</summary>
    public double MinBreak { get; internal set; }

    public int Count => _times.Count;

    public double this[int i] => _times[i];

    internal void Reset(double start, double stop)
    {
        _times.Clear();
        _times.Add(start);
        _times.Add(stop);
    }

    /// <summary>
    /// Adds a breakpoint as SPICE's CKTsetBreak does: one within MinBreak of an existing later breakpoint replaces
    /// it (the earlier time wins), one within MinBreak after an existing one is dropped. Past times are ignored.
    /// </summary>
    public void Set(double time, double now)
    {
        if (time < now) return;
        for (var i = 0; i < _times.Count; i++)
        {
            if (_times[i] <= time) continue;
            if (_times[i] - time <= MinBreak)
            {
                _times[i] = time;
                return;
            }
            if (i > 0 && time - _times[i - 1] <= MinBreak) return;
            _times.Insert(i, time);
            return;
        }
        if (_times.Count > 0 && time - _times[^1] <= MinBreak) return;
        _times.Add(time);
    }

    /// <summary>Drops the first breakpoint (SPICE's CKTclrBreak); the last one (the stop time) stays.</summary>
    internal void Clear()
    {
        if (_times.Count > 2) _times.RemoveAt(0);
        else if (_times.Count == 2) { _times[0] = _times[1]; }
    }
}
