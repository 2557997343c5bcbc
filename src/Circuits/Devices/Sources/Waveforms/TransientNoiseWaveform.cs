using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Devices;

/// <summary>
/// <c>TRNOISE(NA NT NALPHA NAMP RTSAM RTSCAPT RTSEMT)</c> as ngspice defines it, added to the source's DC value:
/// white Gaussian noise of rms NA sampled every NT and linearly interpolated between samples (the first sample, at
/// t = 0, is 0), plus 1/f^NALPHA noise (Kasdin's filter of white noise of rms NAMP), plus random telegraph noise of
/// amplitude RTSAM whose capture and emission times are exponential with means RTSCAPT and RTSEMT. NALPHA/NAMP only
/// count when NALPHA is non-zero, RTSCAPT/RTSEMT only when RTSAM is. Every sample instant k*NT is a breakpoint, and so
/// is every capture and emission. <see cref="Seed"/> (from <c>.options seed</c> or <c>set rndseed</c>, default 1)
/// fixes the waveform.
/// </summary>
public sealed class TransientNoiseWaveform : Waveform
{
    public TransientNoiseWaveform(params double[] parameters)
    {
        if (parameters.Length is < 2 or > 7)
            throw new ArgumentException($"TRNOISE takes 2 to 7 values (NA NT NALPHA NAMP RTSAM RTSCAPT RTSEMT), got {parameters.Length}");
        Parameters = parameters;
        Rms = parameters[0];
        SampleTime = parameters[1];
        Alpha = Or(parameters, 2, 0);
        FlickerRms = Alpha != 0 ? Or(parameters, 3, 0) : 0;
        RtsAmplitude = Or(parameters, 4, 0);
        CaptureTime = RtsAmplitude != 0 ? Or(parameters, 5, 0) : 0;
        EmissionTime = RtsAmplitude != 0 ? Or(parameters, 6, 0) : 0;
        if (Rms < 0) throw new ArgumentException($"TRNOISE: NA (rms) must not be negative, got {Num(Rms)}");
        if (SampleTime < 0) throw new ArgumentException($"TRNOISE: NT (sample time) must not be negative, got {Num(SampleTime)}");
        if (Alpha is < 0 or > 2) throw new ArgumentException($"TRNOISE: NALPHA (1/f exponent) must be in [0, 2], got {Num(Alpha)}");
        if (FlickerRms < 0) throw new ArgumentException($"TRNOISE: NAMP (1/f rms) must not be negative, got {Num(FlickerRms)}");
        if (FlickerRms > 0 && SampleTime == 0) throw new ArgumentException("TRNOISE: 1/f noise needs a sample time NT > 0");
        if (RtsAmplitude < 0) throw new ArgumentException($"TRNOISE: RTSAM must not be negative, got {Num(RtsAmplitude)}");
        if (RtsAmplitude > 0 && (CaptureTime <= 0 || EmissionTime <= 0))
            throw new ArgumentException("TRNOISE: random telegraph noise needs RTSCAPT > 0 and RTSEMT > 0");
    }

    public IReadOnlyList<double> Parameters { get; }
    public double Rms { get; }
    public double SampleTime { get; }
    public double Alpha { get; }
    public double FlickerRms { get; }
    public double RtsAmplitude { get; }
    public double CaptureTime { get; }
    public double EmissionTime { get; }

    /// <summary>The seed of the random stream (a positive integer; ngspice starts with 1).</summary>
    public int Seed { get; set; } = 1;

    public override bool AddsToDc => true;

    public override Waveform ForSource(string sourceName) => new Process(this, sourceName);

    /// <summary>Without a run's state the waveform is its value at t = 0: no noise.</summary>
    public override double Value(double time, TransientState state) => 0;

    public override string ToNetlist() => $"TRNOISE({Args(Parameters)})";

    private static string Num(double v) => NetlistNumber.Format(v);

    /// <summary>One source's noise in one engine: the samples drawn so far, the 1/f sequence, the telegraph state.</summary>
    private sealed class Process : Waveform
    {
        private readonly TransientNoiseWaveform _spec;
        private readonly string _name;
        private readonly List<double> _samples = [0.0];
        private NoiseRandom _random;
        private double[]? _flicker;
        private double _captureAt = double.PositiveInfinity, _emitAt = double.PositiveInfinity;

        public Process(TransientNoiseWaveform spec, string name)
        {
            _spec = spec;
            _name = name;
            _random = new NoiseRandom(spec.Seed, name);
        }

        public override bool AddsToDc => true;

        public override double Value(double time, TransientState state)
        {
            var s = _spec;
            var value = 0.0;
            if (s.SampleTime > 0 && time > 0)
            {
                var n = (int)Math.Floor(time / s.SampleTime);
                var v1 = Sample(n);
                var v2 = Sample(n + 1);
                value = v1 + (v2 - v1) * (time / s.SampleTime - n);
            }
            if (s.RtsAmplitude > 0 && time >= _captureAt) value += s.RtsAmplitude;
            return value;
        }

        /// <summary>Sample k: white noise plus the 1/f sequence's change since sample 0 (so sample 0 is exactly 0).</summary>
        private double Sample(int k)
        {
            while (_samples.Count <= k)
            {
                var i = _samples.Count;
                var v = _spec.Rms > 0 ? _spec.Rms * _random.Gaussian() : 0;
                if (_flicker is { } f) v += f[Math.Min(i, f.Length - 1)] - f[0];
                _samples.Add(v);
            }
            return _samples[k];
        }

        public override void Accept(TransientState state, ref double breakTime)
        {
            var s = _spec;
            var time = state.Time;
            var breaks = state.Breakpoints;
            if (time == 0) Restart(state);
            if (s.SampleTime > 0)
            {
                // Land on every sample instant: from one, ask for the next (ngspice's VSRCaccept).
                var n = Math.Floor(time / s.SampleTime + 0.5);
                if (Math.Abs(n * s.SampleTime - time) <= breaks.MinBreak) breaks.Set((n + 1) * s.SampleTime, time);
            }
            if (s.RtsAmplitude > 0)
            {
                if (time == 0) breaks.Set(_captureAt, time);
                else if (Math.Abs(time - _captureAt) <= breaks.MinBreak) breaks.Set(_emitAt, time);
                if (time >= _emitAt - breaks.MinBreak)
                {
                    _captureAt = time + _random.Exponential(s.CaptureTime);
                    _emitAt = _captureAt + _random.Exponential(s.EmissionTime);
                    breaks.Set(_captureAt, time);
                }
            }
        }

        /// <summary>A new transient starts the stream again from the seed: the same seed gives the same waveform.</summary>
        private void Restart(TransientState state)
        {
            var s = _spec;
            _random = new NoiseRandom(s.Seed, _name);
            _samples.Clear();
            _samples.Add(0.0);
            _flicker = s.FlickerRms > 0 ? KasdinFlickerNoise.Generate(_random, (int)(state.FinalTime / s.SampleTime) + 10, s.FlickerRms, s.Alpha) : null;
            if (s.RtsAmplitude > 0)
            {
                _captureAt = _random.Exponential(s.CaptureTime);
                _emitAt = _captureAt + _random.Exponential(s.EmissionTime);
            }
        }

        public override string ToNetlist() => _spec.ToNetlist();
    }
}
