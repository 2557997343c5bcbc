namespace Hwsim.Circuits.Simulation;

/// <summary>The physics of a noise generator (ngspice's NevalSrc types, and the flicker noise each device adds).</summary>
public enum NoiseKind
{
    /// <summary>Thermal noise of a conductance g: 4 k T g (A^2/Hz).</summary>
    Thermal,

    /// <summary>Shot noise of a DC current I: 2 q |I| (A^2/Hz).</summary>
    Shot,

    /// <summary>Flicker noise: a coefficient over a power of the frequency, K / f^ef (A^2/Hz).</summary>
    Flicker,
}

/// <summary>
/// One noise generator of a device: a noise current between two unknowns (SPICE connects it where the physical
/// source sits: across a resistance, across a junction). Its spectral density is fixed by the operating point.
/// </summary>
/// <param name="Name">The generator's name as ngspice names its vector after <c>onoise_</c>: <c>r1_thermal</c>, <c>d1_id</c>.</param>
/// <param name="Device">The device it belongs to (its per-device total is named after it).</param>
/// <param name="Node1">One end (unknown index, 0 for ground).</param>
/// <param name="Node2">The other end.</param>
/// <param name="Kind">Thermal, shot or flicker.</param>
/// <param name="Value">Thermal: the conductance (S); shot: the current (A); flicker: the coefficient K (A^2).</param>
/// <param name="Exponent">Flicker only: the frequency exponent ef (1 for 1/f).</param>
public readonly record struct NoiseSource(string Name, string Device, int Node1, int Node2, NoiseKind Kind, double Value, double Exponent = 1)
{
    /// <summary>The noise current's spectral density (A^2/Hz) at frequency <paramref name="f"/> and temperature <paramref name="kelvin"/>.</summary>
    public double Density(double f, double kelvin) => Kind switch
    {
        NoiseKind.Thermal => 4 * PhysicalConstants.Boltzmann * kelvin * Value,
        NoiseKind.Shot => 2 * PhysicalConstants.Charge * Math.Abs(Value),
        _ => Value / (Exponent == 1 ? f : Math.Pow(f, Exponent)),
    };
}

/// <summary>
/// A device with noise generators (SPICE's DEVnoise): called once after the operating point and its small-signal
/// load, it lists its generators, in ngspice's order.
/// </summary>
public interface INoiseBehavior
{
    void AddNoiseSources(List<NoiseSource> sources);
}

/// <summary>ngspice's flicker-noise numerator: K_F |I|^A_F, with |I| floored at 1e-38 as its log is (N_MINLOG).</summary>
public static class FlickerNoise
{
    public static double Numerator(double kf, double af, double current) =>
        kf == 0 ? 0 : kf * Math.Exp(af * Math.Log(Math.Max(Math.Abs(current), 1e-38)));
}
