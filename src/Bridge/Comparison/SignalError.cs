namespace Hwsim.Bridge.Comparison;

/// <summary>How far one signal of the circuit is from the software, over all evaluated points.</summary>
public sealed record SignalError(string Signal, string Layer, double MaxAbsError, double RmsError, double SoftwareMin, double SoftwareMax)
{
    /// <summary>The software signal's range (max - min) over the points.</summary>
    public double Range => SoftwareMax - SoftwareMin;
}
