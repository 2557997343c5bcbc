using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Blocks;

/// <summary>
/// The semiconductor models of the device-level blocks, written as <c>.model</c> cards local to each block's
/// sub-circuit (so blocks never clash over a model name), and the thermal voltage they are designed for.
/// </summary>
public static class DeviceModels
{
    /// <summary>Forward current gain of <see cref="Npn"/>.</summary>
    public const double NpnBeta = 150;

    /// <summary>
    /// A small-signal integrated NPN (Gummel-Poon): is = 0.1 fA, beta 150, Early voltage 100 V, rb = 50, re = 1,
    /// rc = 10 ohm. Base current, Early effect and ohmic resistances are what make device-level blocks differ from
    /// their ideal functions.
    /// </summary>
    public const string Npn = ".model qnpn NPN(is=1e-16 bf=150 vaf=100 rb=50 re=1 rc=10)";

    /// <summary>A silicon signal diode (1N4148-like: is = 2.5 nA, n = 1.75, rs = 0.6 ohm).</summary>
    public const string Diode = ".model dsig D(is=2.5n n=1.75 rs=0.6 cjo=4p)";

    /// <summary>Level-1 NMOS and PMOS of a 1 um process, for switches and gate drivers (Meyer gate capacitances from tox, overlaps).</summary>
    public const string Nmos = ".model nsw NMOS(level=1 vto=0.7 kp=100u gamma=0.4 phi=0.7 lambda=0.02 tox=20n cgso=0.2n cgdo=0.2n cj=0.3m cjsw=0.3n)";

    /// <inheritdoc cref="Nmos"/>
    public const string Pmos = ".model psw PMOS(level=1 vto=-0.7 kp=40u gamma=0.5 phi=0.7 lambda=0.02 tox=20n cgso=0.2n cgdo=0.2n cj=0.3m cjsw=0.3n)";

    /// <summary>The circuit temperature the device blocks are designed for: 27 C (SPICE's default, and ours).</summary>
    public const double DesignTemperatureCelsius = 27;

    /// <summary>The thermal voltage kT/q at 27 C (25.86 mV), with ngspice's constants.</summary>
    public static double ThermalVoltage => PhysicalConstants.KOverQ * PhysicalConstants.ReferenceTemperature;

    /// <summary>Common-base current gain alpha = beta / (beta + 1) of <see cref="Npn"/>.</summary>
    public static double NpnAlpha => NpnBeta / (NpnBeta + 1);
}
