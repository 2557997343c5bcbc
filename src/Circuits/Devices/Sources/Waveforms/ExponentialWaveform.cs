using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Devices;

/// <summary><c>EXP(V1 V2 TD1 TAU1 TD2 TAU2)</c> as ngspice: TD1 and TAU1 default to tstep, TD2 to TD1+tstep, TAU2 to tstep.</summary>
public sealed class ExponentialWaveform : Waveform
{
    public ExponentialWaveform(params double[] parameters)
    {
        if (parameters.Length is < 2 or > 6)
            throw new ArgumentException($"EXP takes 2 to 6 values (V1 V2 TD1 TAU1 TD2 TAU2), got {parameters.Length}");
        Parameters = parameters;
    }

    public IReadOnlyList<double> Parameters { get; }

    public override double Value(double time, TransientState state)
    {
        var p = Parameters;
        var v1 = p[0];
        var v2 = p[1];
        var td1 = NonZeroOr(p, 2, state.Step);
        var tau1 = NonZeroOr(p, 3, state.Step);
        var td2 = NonZeroOr(p, 4, td1 + state.Step);
        var tau2 = NonZeroOr(p, 5, state.Step);
        if (time <= td1) return v1;
        if (time <= td2) return v1 + (v2 - v1) * (1 - Math.Exp(-(time - td1) / tau1));
        return v1 + (v2 - v1) * (1 - Math.Exp(-(time - td1) / tau1)) + (v1 - v2) * (1 - Math.Exp(-(time - td2) / tau2));
    }

    public override string ToNetlist() => $"EXP({Args(Parameters)})";
}
