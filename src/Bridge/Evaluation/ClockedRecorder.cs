namespace Hwsim.Bridge.Evaluation;

/// <summary>
/// Reduces a clocked transient point by point, as the simulator produces it (nothing of the whole run is kept): the
/// signals at each read time (interpolated between the points around it), the energy each supply delivers in each
/// period (trapezoidal integral of -v i), the settling of the watched signals in each compute phase, and the
/// waveforms of a few nodes over the first periods. A point is an array of channel values; the caller says which
/// channel holds what.
/// </summary>
internal sealed class ClockedRecorder
{
    private readonly ClockSchedule _schedule;
    private readonly int[] _signals;
    private readonly double _vs;
    private readonly SupplyChannel[] _supplies;
    private readonly int _kinds;
    private readonly int[] _settle;
    private readonly double[] _settleTolerance;
    private readonly int[] _wave;
    private readonly double _waveUntil;

    private double _prevTime = double.NaN;
    private readonly double[] _prevSignals;
    private readonly double[] _prevSettle;
    private readonly double[] _prevPower;
    private int _next;
    private readonly List<(double Time, double[] Values)> _phase = new();

    public ClockedRecorder(ClockSchedule schedule, int[] signals, double voltsPerUnit, SupplyChannel[] supplies, int kinds,
        int[] settle, double[] settleToleranceVolts, int[] wave, int wavePeriods)
    {
        _schedule = schedule;
        _signals = signals;
        _vs = voltsPerUnit;
        _supplies = supplies;
        _kinds = kinds;
        _settle = settle;
        _settleTolerance = settleToleranceVolts;
        _wave = wave;
        _waveUntil = Math.Min(wavePeriods, schedule.Points) * schedule.Period;
        _prevSignals = new double[signals.Length];
        _prevSettle = new double[settle.Length];
        _prevPower = new double[supplies.Length];
        Values = new double[schedule.Points][];
        Energy = new double[schedule.Points, kinds];
        Settling = new double[schedule.Points];
    }

    /// <summary>A supply's branch-current channel, the channel of the voltage of its positive node, and its kind.</summary>
    public readonly record struct SupplyChannel(int Current, int Voltage, int Kind);

    /// <summary>[point][signal] in network units, at each read time.</summary>
    public double[][] Values { get; }
    /// <summary>[point, kind]: energy delivered in each period (J).</summary>
    public double[,] Energy { get; }
    /// <summary>Per point: the time from the start of its period until every watched signal stayed within its tolerance of its value at the read time.</summary>
    public double[] Settling { get; }
    public List<double> WaveTimes { get; } = new();
    public List<double[]> WaveValues { get; } = new();
    public int PointsSeen { get; private set; }

    public void Add(double time, double[] x)
    {
        PointsSeen++;
        var period = _schedule.Period;
        // energy: trapezoid over [prev, time], charged to the period of the interval's middle
        for (var k = 0; k < _supplies.Length; k++)
        {
            var (current, voltage, kind) = _supplies[k];
            var power = -x[voltage] * x[current];
            if (!double.IsNaN(_prevTime))
            {
                var p = Math.Clamp((int)Math.Floor((_prevTime + time) / 2 / period), 0, _schedule.Points - 1);
                Energy[p, kind] += 0.5 * (power + _prevPower[k]) * (time - _prevTime);
            }
            _prevPower[k] = power;
        }

        var eps = 1e-9 * period;
        while (_next < _schedule.Points && time >= _schedule.ReadTime(_next) - eps)
        {
            var read = _schedule.ReadTime(_next);
            var f = double.IsNaN(_prevTime) || time - _prevTime <= 0 ? 1 : Math.Clamp((read - _prevTime) / (time - _prevTime), 0, 1);
            var row = new double[_signals.Length];
            for (var s = 0; s < _signals.Length; s++) row[s] = (_prevSignals[s] + f * (x[_signals[s]] - _prevSignals[s])) / _vs;
            Values[_next] = row;
            var final = new double[_settle.Length];
            for (var c = 0; c < _settle.Length; c++) final[c] = _prevSettle[c] + f * (x[_settle[c]] - _prevSettle[c]);
            Settling[_next] = SettlingOf(_next, final);
            _phase.Clear();
            _next++;
        }
        // points inside the next compute phase, before its read time, count for its settling
        if (_next < _schedule.Points && time >= _schedule.ComputeStart(_next) && time < _schedule.ReadTime(_next) - eps)
            _phase.Add((time, _settle.Select(c => x[c]).ToArray()));

        if (time <= _waveUntil + eps)
        {
            WaveTimes.Add(time);
            WaveValues.Add(_wave.Select(c => x[c]).ToArray());
        }
        for (var s = 0; s < _signals.Length; s++) _prevSignals[s] = x[_signals[s]];
        for (var c = 0; c < _settle.Length; c++) _prevSettle[c] = x[_settle[c]];
        _prevTime = time;
    }

    /// <summary>
    /// From the start of the period to the point after the last one at which a watched signal was off its value at
    /// the read time (<paramref name="final"/>) by more than its tolerance (0 when none was).
    /// </summary>
    private double SettlingOf(int p, double[] final)
    {
        var start = _schedule.ComputeStart(p);
        var read = _schedule.ReadTime(p);
        for (var i = _phase.Count - 1; i >= 0; i--)
        {
            var v = _phase[i].Values;
            var off = false;
            for (var c = 0; c < v.Length && !off; c++) off = Math.Abs(v[c] - final[c]) > _settleTolerance[c];
            if (off) return (i + 1 < _phase.Count ? _phase[i + 1].Time : read) - start;
        }
        return 0;
    }

    /// <summary>Throws when the transient stopped before the last read time.</summary>
    public void Finish()
    {
        if (_next < _schedule.Points)
            throw new InvalidOperationException($"the transient ended at {_prevTime:G4} s, before point {_next + 1} was read at {_schedule.ReadTime(_next):G4} s");
    }
}
