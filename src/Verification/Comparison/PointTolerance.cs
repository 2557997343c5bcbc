namespace Hwsim.Verification;

/// <summary>
/// Tolerance for operating points and DC sweeps, point by point:
/// <c>|a - b| &lt;= Relative * max(|a|, |b|) + absolute</c>, the absolute part chosen by the vector's kind.
/// </summary>
/// <param name="Relative">Relative part; 1e-6 by default.</param>
/// <param name="AbsoluteVoltage">Absolute part for voltages (and anything not a current); 1e-9 V by default.</param>
/// <param name="AbsoluteCurrent">Absolute part for currents (<c>i(...)</c>, <c>@r1[i]</c>); 1e-12 A by default.</param>
public sealed record PointTolerance(double Relative = 1e-6, double AbsoluteVoltage = 1e-9, double AbsoluteCurrent = 1e-12)
{
    /// <summary>The defaults: 1e-6 relative, 1 nV, 1 pA.</summary>
    public static PointTolerance Default { get; } = new();

    /// <summary>For noise densities and totals (nV/sqrt(Hz) and below): 1e-6 relative, absolute parts far below any noise.</summary>
    public static PointTolerance Noise { get; } = new(1e-6, 1e-24, 1e-30);

    /// <summary>The absolute part for the named vector.</summary>
    public double AbsoluteFor(string name) => VectorNames.IsCurrent(name) ? AbsoluteCurrent : AbsoluteVoltage;
}
