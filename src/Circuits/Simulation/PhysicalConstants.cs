namespace Hwsim.Circuits.Simulation;

/// <summary>Physical constants with the values ngspice uses (src/include/ngspice/const.h), so results agree to the last digits.</summary>
public static class PhysicalConstants
{
    public const double Charge = 1.6021766208e-19;
    public const double Boltzmann = 1.38064852e-23;
    public const double CelsiusToKelvin = 273.15;
    public const double KOverQ = Boltzmann / Charge;
    /// <summary>27 degrees C in kelvin: the default circuit and nominal temperature.</summary>
    public const double ReferenceTemperature = 27.0 + CelsiusToKelvin;
    public static readonly double E = Math.Exp(1.0);
    public static readonly double Root2 = Math.Sqrt(2.0);
}
