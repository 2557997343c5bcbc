using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Devices;

/// <summary><c>SIN(VO VA FREQ TD THETA PHASE)</c> as ngspice: FREQ defaults to 1/tstop, PHASE in degrees.</summary>
public sealed class SineWaveform : Waveform
{
    public SineWaveform(params double[] parameters)
    {
        if (parameters.Length is < 2 or > 6)
            throw new ArgumentException($"SIN takes 2 to 6 values (VO VA FREQ TD THETA PHASE), got {parameters.Length}");
        Parameters = parameters;
    }

    public IReadOnlyList<double> Parameters { get; }

    public override double Value(double time, TransientState state)
    {
        var p = Parameters;
        var vo = p[0];
        var va = p[1];
        var freq = NonZeroOr(p, 2, 1 / state.FinalTime);
        var td = Or(p, 3, 0);
        var theta = Or(p, 4, 0);
        var phase = Or(p, 5, 0) * Math.PI / 180.0;
        time -= td;
        if (time <= 0) return vo + va * Math.Sin(phase);
        return vo + va * Math.Sin(freq * time * 2.0 * Math.PI + phase) * Math.Exp(-time * theta);
    }

    public override string ToNetlist() => $"SIN({Args(Parameters)})";
}
