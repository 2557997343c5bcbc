using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Devices;

/// <summary>The diode's noise (ngspice's dionoise.c): thermal noise of RS, shot and flicker noise of the junction current.</summary>
public sealed partial class DiodeBehavior : INoiseBehavior
{
    public void AddNoiseSources(List<NoiseSource> sources)
    {
        var id = _transient.States[0][Current];
        sources.Add(new NoiseSource($"{Name}_rs", Name, _posPrime, _pos, NoiseKind.Thermal, _conductance));
        sources.Add(new NoiseSource($"{Name}_id", Name, _posPrime, _neg, NoiseKind.Shot, id));
        sources.Add(new NoiseSource($"{Name}_1overf", Name, _posPrime, _neg, NoiseKind.Flicker,
            FlickerNoise.Numerator(_model.FlickerCoefficient, _model.FlickerExponent, id)));
    }
}
