using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Devices;

/// <summary>
/// <c>TRRANDOM(TYPE TS TD PARAM1 PARAM2)</c> as ngspice defines it, added to the source's DC value: PARAM2 until the
/// delay TD, then a new random value at TD and every TS after it, held between draws (each draw instant is a
/// breakpoint). TYPE 1: uniform in [PARAM2 - PARAM1, PARAM2 + PARAM1); 2: Gaussian with standard deviation PARAM1 and
/// mean PARAM2; 3: exponential with mean PARAM1, plus PARAM2; 4: Poisson with mean PARAM1, plus PARAM2. PARAM1
/// defaults to 1, PARAM2 and TD to 0. <see cref="Seed"/> fixes the sequence.
/// </summary>
public sealed class RandomWaveform : Waveform
{
    public RandomWaveform(params double[] parameters)
    {
        if (parameters.Length is < 2 or > 5)
            throw new ArgumentException($"TRRANDOM takes 2 to 5 values (TYPE TS TD PARAM1 PARAM2), got {parameters.Length}");
        Parameters = parameters;
        if (parameters[0] is not (1 or 2 or 3 or 4))
            throw new ArgumentException($"TRRANDOM: TYPE must be 1 (uniform), 2 (Gaussian), 3 (exponential) or 4 (Poisson), got {NetlistNumber.Format(parameters[0])}");
        Type = (int)parameters[0];
        SampleTime = parameters[1];
        Delay = Or(parameters, 2, 0);
        Param1 = Or(parameters, 3, 1);
        Param2 = Or(parameters, 4, 0);
        if (SampleTime <= 0) throw new ArgumentException($"TRRANDOM: TS (time between draws) must be positive, got {NetlistNumber.Format(SampleTime)}");
        if (Delay < 0) throw new ArgumentException($"TRRANDOM: TD (delay) must not be negative, got {NetlistNumber.Format(Delay)}");
        if (Type is 3 or 4 && Param1 < 0) throw new ArgumentException($"TRRANDOM: PARAM1 (the mean) must not be negative, got {NetlistNumber.Format(Param1)}");
    }

    public IReadOnlyList<double> Parameters { get; }
    public int Type { get; }
    public double SampleTime { get; }
    public double Delay { get; }
    public double Param1 { get; }
    public double Param2 { get; }

    /// <summary>The seed of the random stream (a positive integer; ngspice starts with 1).</summary>
    public int Seed { get; set; } = 1;

    public override bool AddsToDc => true;

    public override Waveform ForSource(string sourceName) => new Process(this, sourceName);

    /// <summary>Before the first draw the value is PARAM2.</summary>
    public override double Value(double time, TransientState state) => Param2;

    public override string ToNetlist() => $"TRRANDOM({Args(Parameters)})";

    private double Draw(NoiseRandom r) => Type switch
    {
        1 => Param1 * (2 * r.Uniform() - 1) + Param2,
        2 => Param1 * r.Gaussian() + Param2,
        3 => r.Exponential(Param1) + Param2,
        _ => r.Poisson(Param1) + Param2,
    };

    /// <summary>One source's draws in one engine: the value held now and the index of the next draw.</summary>
    private sealed class Process : Waveform
    {
        private readonly RandomWaveform _spec;
        private readonly string _name;
        private NoiseRandom _random;
        private double _value;

        public Process(RandomWaveform spec, string name)
        {
            _spec = spec;
            _name = name;
            _random = new NoiseRandom(spec.Seed, name);
            _value = spec.Param2;
        }

        public override bool AddsToDc => true;

        public override double Value(double time, TransientState state) => _value;

        public override void Accept(TransientState state, ref double breakTime)
        {
            var s = _spec;
            var breaks = state.Breakpoints;
            if (state.Time == 0)
            {
                _random = new NoiseRandom(s.Seed, _name);
                _value = s.Param2;
                if (s.Delay > 0) breaks.Set(s.Delay, 0);
            }
            var time = state.Time - s.Delay;
            if (time < -breaks.MinBreak) return;
            // At a draw instant: draw, and ask to land on the next one (ngspice's VSRCaccept).
            var n = Math.Floor(time / s.SampleTime + 0.5);
            if (Math.Abs(n * s.SampleTime - time) <= breaks.MinBreak)
            {
                breaks.Set((n + 1) * s.SampleTime + s.Delay, state.Time);
                _value = s.Draw(_random);
            }
        }

        public override string ToNetlist() => _spec.ToNetlist();
    }
}
