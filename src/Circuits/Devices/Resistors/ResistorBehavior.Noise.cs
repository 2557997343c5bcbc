using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Devices;

/// <summary>
/// The resistor's noise (ngspice 39's resnoise.c): thermal noise of its conductance, and flicker noise when its model
/// gives KF: m KF |I/m|^AF / (area f^EF), I the operating-point current, area (l - 2 short)^LF (w - 2 narrow)^WF
/// when the instance gives l or w, else 1. A resistor with <c>noisy=0</c> has no generators at all.
/// </summary>
public sealed partial class ResistorBehavior : INoiseBehavior
{
    public void AddNoiseSources(List<NoiseSource> sources)
    {
        if (!_entity.Noisy) return;
        sources.Add(new NoiseSource($"{Name}_thermal", Name, _pos, _neg, NoiseKind.Thermal, Conductance));
        if (_entity.FlickerNoise is not { } flicker)
        {
            sources.Add(new NoiseSource($"{Name}_1overf", Name, _pos, _neg, NoiseKind.Flicker, 0));
            return;
        }
        var m = _entity.Multiplier;
        var current = Current(_biasing.Solution);
        var numerator = m * flicker.Kf * Math.Pow(Math.Abs(current / m), flicker.Af) / flicker.Area;
        sources.Add(new NoiseSource($"{Name}_1overf", Name, _pos, _neg, NoiseKind.Flicker, numerator, flicker.Ef));
    }
}
