namespace Hwsim.Circuits.Blocks;

/// <summary>
/// How network values become voltages: a value s is the node voltage s * <see cref="VoltsPerUnit"/>. Every block of
/// one compiled network uses the same scale, so blocks connect without rescaling.
/// </summary>
public sealed record SignalScale(double VoltsPerUnit = 1.0);
