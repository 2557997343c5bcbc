namespace Hwsim.Verification;

/// <summary>How complex AC vectors are compared.</summary>
public enum AcComparisonMode
{
    /// <summary>
    /// The complex difference against the vector's largest magnitude:
    /// <c>|a - b| &lt;= Relative * max_k |reference_k| + absolute</c>. Robust near zeros of the response.
    /// </summary>
    RealImaginary,

    /// <summary>
    /// Magnitude point by point, <c>||a| - |b|| &lt;= Relative * max(|a|, |b|) + absolute</c>, and phase,
    /// <c>|arg a - arg b| &lt;= PhaseDegrees</c> (wrapped), the phase checked only where the reference's magnitude is at
    /// least <c>PhaseFloor</c> times its largest magnitude and above the absolute part.
    /// </summary>
    MagnitudePhase,
}
