using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Devices;

/// <summary>
/// The BJT's noise (ngspice's bjtnoise.c): thermal noise of RC, RB (the bias-dependent gx) and RE, shot noise of the
/// collector and base currents, and flicker noise of the base current.
/// </summary>
public sealed partial class BjtBehavior : INoiseBehavior
{
    public void AddNoiseSources(List<NoiseSource> sources)
    {
        var s0 = _transient.States[0];
        var m = _entity.Multiplier;
        sources.Add(new NoiseSource($"{Name}_rc", Name, _colPrime, _col, NoiseKind.Thermal, _tCollectorConduct * m));
        sources.Add(new NoiseSource($"{Name}_rb", Name, _basePrime, _base, NoiseKind.Thermal, s0[Gx] * m));
        sources.Add(new NoiseSource($"{Name}_re", Name, _emitPrime, _emit, NoiseKind.Thermal, _tEmitterConduct * m));
        sources.Add(new NoiseSource($"{Name}_ic", Name, _colPrime, _emitPrime, NoiseKind.Shot, s0[Cc] * m));
        sources.Add(new NoiseSource($"{Name}_ib", Name, _basePrime, _emitPrime, NoiseKind.Shot, s0[Cb] * m));
        sources.Add(new NoiseSource($"{Name}_1overf", Name, _basePrime, _emitPrime, NoiseKind.Flicker,
            m * FlickerNoise.Numerator(_model.FlickerCoefficient, _model.FlickerExponent, s0[Cb])));
    }
}
