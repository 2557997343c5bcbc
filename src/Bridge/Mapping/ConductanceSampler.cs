using Hwsim.Circuits.Blocks;
using Hwsim.Nn;

namespace Hwsim.Bridge.Mapping;

/// <summary>
/// Draws the conductances of one circuit sample from the programmed targets (the quantised G+ and G- of every crossing),
/// with the non-idealities of a <see cref="MappingProfile"/>, seeded by its <see cref="MappingProfile.Seed"/>:
/// <list type="number">
/// <item>programming: a device is stuck at Gmin or Gmax with the given probabilities, else G = G0 exp(sigma z)
/// (log-normal device-to-device variation);</item>
/// <item>memristors at the crossings hold only their window [Gmin, Gmax] (their state saturates), resistors any value;</item>
/// <item>drift (phase-change memory, as aihwkit's PCM model): G(t) = G ((t + t0) / t0)^-nu, t the time since programming,
/// nu = |nu0 + sigma_nu z| per device;</item>
/// <item>temperature: G(T) = G (1 + alpha (T - 27 C));</item>
/// <item>read noise, per read: G_read = max(0, G (1 + sigma_r z)), a fresh draw at every evaluation.</item>
/// </list>
/// Every device draws the same numbers whatever the settings (one uniform for stuck, two normals for variation and
/// drift), in a fixed order (crossbar by crossbar in compilation order, then output j, then row), from a stream of
/// its crossbar alone: a sweep of one setting meets the same devices at every value, and a crossbar's draws do not
/// depend on the layers before it.
/// </summary>
public sealed class ConductanceSampler
{
    private readonly MappingProfile _p;

    public ConductanceSampler(MappingProfile profile) => _p = profile;

    /// <summary>True when programming changes nothing (no variation, stuck devices, drift or temperature shift).</summary>
    public bool ProgramsAsTargets =>
        _p.VariationSigma == 0 && _p.StuckAtGminProbability == 0 && _p.StuckAtGmaxProbability == 0
        && !_p.HasDrift && _p.Temperature == MappingProfile.NominalTemperature;

    /// <summary>True when every read draws fresh noise.</summary>
    public bool HasReadNoise => _p.ReadNoiseSigma > 0;

    /// <summary>The temperature factor 1 + alpha (T - 27 C).</summary>
    public double TemperatureFactor => 1 + _p.TemperatureCoefficient * (_p.Temperature - MappingProfile.NominalTemperature);

    /// <summary>The drift factor ((t + t0) / t0)^-nu of a device with exponent <paramref name="nu"/>.</summary>
    public double DriftFactor(double nu) => _p.HasDrift ? Math.Pow((_p.DriftTime + _p.DriftReferenceTime) / _p.DriftReferenceTime, -nu) : 1;

    /// <summary>
    /// The programmed conductances of crossbar number <paramref name="index"/> (in compilation order) whose targets are
    /// <paramref name="targets"/>; the same shape as its <see cref="Crossbar.Plus"/> and <see cref="Crossbar.Minus"/>.
    /// </summary>
    public (double[,] Plus, double[,] Minus) Program(Crossbar targets, int index)
    {
        var rng = new Rng(SeedMixer.Mix(SeedMixer.Mix(_p.Seed, 1), (ulong)index));
        var plus = new double[targets.Outputs, targets.Rows];
        var minus = new double[targets.Outputs, targets.Rows];
        for (var j = 0; j < targets.Outputs; j++)
            for (var i = 0; i < targets.Rows; i++)
            {
                plus[j, i] = Program(targets.Plus[j, i], rng);
                minus[j, i] = Program(targets.Minus[j, i], rng);
            }
        return (plus, minus);
    }

    /// <summary>One device: its target <paramref name="g0"/> as programmed, drifted and warmed; draws from <paramref name="rng"/>.</summary>
    public double Program(double g0, Rng rng)
    {
        var u = rng.NextDouble();
        var zVariation = rng.Normal();
        var zDrift = rng.Normal();
        double g;
        if (u < _p.StuckAtGminProbability) g = _p.Gmin;
        else if (u < _p.StuckAtGminProbability + _p.StuckAtGmaxProbability) g = _p.Gmax;
        else g = g0 * Math.Exp(_p.VariationSigma * zVariation);
        if (_p.Device == CrossbarDeviceKind.Memristor) g = Math.Clamp(g, _p.Gmin, _p.Gmax);
        if (_p.HasDrift) g *= DriftFactor(Math.Abs(_p.DriftExponent + _p.DriftExponentSigma * zDrift));
        return g * TemperatureFactor;
    }

    /// <summary>The stream of read noise of evaluation point <paramref name="point"/> (a sample, or a time step).</summary>
    public Rng ReadStream(int point) => new(SeedMixer.Mix(SeedMixer.Mix(_p.Seed, 2), (ulong)point));

    /// <summary>One read of a device of conductance <paramref name="g"/>.</summary>
    public double Read(double g, Rng rng) => Math.Max(0, g * (1 + _p.ReadNoiseSigma * rng.Normal()));
}
