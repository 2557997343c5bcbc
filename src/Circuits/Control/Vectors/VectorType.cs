namespace Hwsim.Circuits.Control.Vectors;

/// <summary>What a vector holds, as ngspice's SV_ types (rawfiles write it, arithmetic mostly forgets it).</summary>
public enum VectorType
{
    NoType,
    Time,
    Frequency,
    Voltage,
    Current,
    Temperature,
    Decibel,
    Phase,
}

/// <summary>The names ngspice writes for the types (rawfile <c>Variables:</c> lines).</summary>
public static class VectorTypeNames
{
    /// <summary><c>time</c>, <c>frequency</c>, <c>voltage</c>, <c>current</c>, <c>temp-sweep</c>, <c>decibel</c>, <c>phase</c>, <c>notype</c>.</summary>
    public static string Name(this VectorType type) => type switch
    {
        VectorType.Time => "time",
        VectorType.Frequency => "frequency",
        VectorType.Voltage => "voltage",
        VectorType.Current => "current",
        VectorType.Temperature => "temp-sweep",
        VectorType.Decibel => "decibel",
        VectorType.Phase => "phase",
        _ => "notype",
    };
}
