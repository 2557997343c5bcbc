namespace Hwsim.Verification;

/// <summary>The encoding ngspice is asked to use for the rawfile.</summary>
public enum RawFileFormat
{
    /// <summary>Little-endian IEEE doubles after a text header: exact values. The default.</summary>
    Binary,

    /// <summary>Text values with 16 significant digits (set through <c>SPICE_ASCIIRAWFILE=1</c>).</summary>
    Ascii,
}
