using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Devices;

/// <summary>The resistor's noise (ngspice's resnoise.c): thermal noise of its conductance; no flicker noise (KF = 0).</summary>
public sealed partial class ResistorBehavior : INoiseBehavior
{
    public void AddNoiseSources(List<NoiseSource> sources)
    {
        sources.Add(new NoiseSource($"{Name}_thermal", Name, _pos, _neg, NoiseKind.Thermal, Conductance));
        sources.Add(new NoiseSource($"{Name}_1overf", Name, _pos, _neg, NoiseKind.Flicker, 0));
    }
}
