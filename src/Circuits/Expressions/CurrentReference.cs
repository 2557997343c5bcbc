namespace Hwsim.Circuits.Expressions;

/// <summary><c>i(vname)</c>: the branch current of a voltage source (or other branch device). Stored lower case.</summary>
public sealed record CurrentReference : Expression
{
    /// <summary>Creates a branch current reference; the device name is lower-cased.</summary>
    public CurrentReference(string device)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(device);
        Device = device.ToLowerInvariant();
    }

    /// <summary>The device whose branch current is meant.</summary>
    public string Device { get; }
}
