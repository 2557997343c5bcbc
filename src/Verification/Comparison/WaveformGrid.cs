namespace Hwsim.Verification;

/// <summary>The time points at which two waveforms are compared.</summary>
public enum WaveformGrid
{
    /// <summary>The reference's (expected) time points; the actual waveform is interpolated onto them.</summary>
    Reference,

    /// <summary>The union of both sets of time points (within the common range); both are interpolated.</summary>
    Union,
}
