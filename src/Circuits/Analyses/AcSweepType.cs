namespace Hwsim.Circuits.Analyses;

/// <summary>Frequency spacing of <c>.ac</c>.</summary>
public enum AcSweepType
{
    Decade,
    Octave,
    Linear,
}
