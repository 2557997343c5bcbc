namespace Hwsim.Circuits.Devices;

/// <summary>The instance values a drain-current model needs after the temperature preprocessing.</summary>
/// <param name="Type">+1 NMOS, -1 PMOS.</param>
/// <param name="Vbi">Built-in voltage at the temperature (tVbi), in the model's polarity.</param>
/// <param name="Gamma">Body-effect parameter (V^0.5).</param>
/// <param name="Phi">Surface potential at the temperature (tPhi).</param>
/// <param name="Beta">KP(T) m W_eff / L_eff.</param>
/// <param name="OxideCapFactor">Oxide capacitance per area (F/m^2).</param>
/// <param name="OxideCap">Oxide capacitance of the channel, m W_eff L_eff Cox (F).</param>
/// <param name="EffectiveLength">L_eff (m).</param>
/// <param name="EffectiveWidth">W_eff (m).</param>
/// <param name="Multiplier">M.</param>
/// <param name="SurfaceMobility">UO at the temperature (cm^2/Vs).</param>
internal readonly record struct MosfetChannel(double Type, double Vbi, double Gamma, double Phi, double Beta,
    double OxideCapFactor, double OxideCap, double EffectiveLength, double EffectiveWidth, double Multiplier,
    double SurfaceMobility);
