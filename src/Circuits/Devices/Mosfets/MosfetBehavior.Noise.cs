using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Devices;

/// <summary>
/// The MOSFET's noise as ngspice 39's mos1noi.c and mos3noi.c have it: thermal noise of RD and RS, channel thermal
/// noise 8kT gm / 3, and flicker noise K_F |I_D|^A_F / (f W L_eff C_ox^2) (with C_ox of a 100 nm oxide when TOX is
/// not given at level 1).
/// </summary>
public sealed partial class MosfetBehavior : INoiseBehavior
{
    public void AddNoiseSources(List<NoiseSource> sources)
    {
        var cox = _oxideCapFactor == 0 ? 3.9 * 8.854214871e-12 / 1e-7 : _oxideCapFactor;
        // ngspice 39's mos3noi divides by (W - 2 WD)(L - 2 LD): neither M nor XL/XW, unlike mos1noi's W M (L - 2 LD)
        var e = _entity;
        var area = _level3
            ? (e.Width - 2 * _model.WidthNarrow) * (e.Length - 2 * _model.LateralDiffusion)
            : _effectiveWidth * e.Multiplier * _effectiveLength;
        sources.Add(new NoiseSource($"{Name}_rd", Name, _dp, _d, NoiseKind.Thermal, _drainConductance));
        sources.Add(new NoiseSource($"{Name}_rs", Name, _sp, _s, NoiseKind.Thermal, _sourceConductance));
        sources.Add(new NoiseSource($"{Name}_id", Name, _dp, _sp, NoiseKind.Thermal, 2.0 / 3.0 * Math.Abs(_gm)));
        sources.Add(new NoiseSource($"{Name}_1overf", Name, _dp, _sp, NoiseKind.Flicker,
            FlickerNoise.Numerator(_model.FlickerCoefficient, _model.FlickerExponent, _cd) / (area * cox * cox)));
    }
}
