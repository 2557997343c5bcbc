using System.Globalization;
using System.Numerics;
using Hwsim.Circuits.Results;

namespace Hwsim.Verification;

/// <summary>
/// Compares two sets of named vectors, a reference (usually ngspice) and a candidate (usually our engine), and says
/// which vector deviates most, where, and by how much. Every vector of the reference must be present in the
/// candidate (names normalised); extra candidate vectors are ignored.
/// </summary>
public static class ResultComparer
{
    private const double ScaleAgreement = 1e-9;

    /// <summary>
    /// Operating points and DC sweeps, point by point: <c>|a - b| &lt;= rel * max(|a|, |b|) + abs</c>. The two sets
    /// need the same number of points and, when both have a scale, the same scale values.
    /// </summary>
    public static ComparisonReport ComparePoints(VectorSet expected, VectorSet actual, PointTolerance? tolerance = null)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var tol = tolerance ?? PointTolerance.Default;
        var analysis = expected.Scale is null ? "operating point" : "sweep";
        var criterion = $"|a-b| <= {G(tol.Relative)}*max(|a|,|b|) + {G(tol.AbsoluteVoltage)} V / {G(tol.AbsoluteCurrent)} A";
        var problems = new List<string>();
        var missing = new List<string>();
        var deviations = new List<VectorDeviation>();
        if (!SameScale(expected, actual, problems))
        {
            return new ComparisonReport(analysis, criterion, deviations, missing, problems);
        }

        foreach (var name in expected.Names)
        {
            if (!actual.Contains(name))
            {
                missing.Add(name);
                continue;
            }

            var a = expected.Real(name);
            var b = actual.Real(name);
            var abs = tol.AbsoluteFor(name);
            VectorDeviation? worst = null;
            for (var i = 0; i < a.Count; i++)
            {
                var d = new VectorDeviation(
                    name, "value", i, ScaleName(expected), ScaleAt(expected, i), a[i], b[i],
                    Math.Abs(a[i] - b[i]), (tol.Relative * Math.Max(Math.Abs(a[i]), Math.Abs(b[i]))) + abs);
                worst = Worse(worst, d);
            }

            if (worst is not null)
            {
                deviations.Add(worst);
            }
        }

        return new ComparisonReport(analysis, criterion, deviations, missing, problems);
    }

    /// <summary>
    /// Transient waveforms: both are interpolated linearly onto the grid chosen by the tolerance (the reference's time
    /// points, or the union of both), then <c>|a - b| &lt;= tol * peakToPeak(reference) + abs</c> at every grid point.
    /// The candidate's time range must cover the reference's.
    /// </summary>
    /// <exception cref="ArgumentException">A set has no scale (time).</exception>
    public static ComparisonReport CompareWaveforms(VectorSet expected, VectorSet actual, WaveformTolerance? tolerance = null)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var tol = tolerance ?? WaveformTolerance.Default;
        var te = expected.Scale ?? throw new ArgumentException("The reference waveforms need a time scale.", nameof(expected));
        var ta = actual.Scale ?? throw new ArgumentException("The compared waveforms need a time scale.", nameof(actual));
        var criterion = $"|a-b| <= {G(tol.RelativeToPeakToPeak)}*peak-to-peak(reference) + {G(tol.AbsoluteVoltage)} V / " +
                        $"{G(tol.AbsoluteCurrent)} A, on the {(tol.Grid == WaveformGrid.Reference ? "reference's" : "union")} time grid";
        var problems = new List<string>();
        var missing = new List<string>();
        var deviations = new List<VectorDeviation>();
        if (te.Count == 0 || ta.Count == 0)
        {
            problems.Add($"empty waveform: reference has {te.Count} time points, compared set {ta.Count}");
            return new ComparisonReport("transient", criterion, deviations, missing, problems);
        }

        var slack = ScaleAgreement * Math.Max(Math.Abs(te[^1] - te[0]), double.Epsilon);
        if (ta[0] > te[0] + slack || ta[^1] < te[^1] - slack)
        {
            problems.Add($"time range [{G(ta[0])}, {G(ta[^1])}] of the compared set does not cover the reference's [{G(te[0])}, {G(te[^1])}]");
            return new ComparisonReport("transient", criterion, deviations, missing, problems);
        }

        var grid = tol.Grid == WaveformGrid.Reference ? te : Union(te, ta);
        var scaleName = expected.ScaleName ?? VectorNames.Time;
        foreach (var name in expected.Names)
        {
            if (!actual.Contains(name))
            {
                missing.Add(name);
                continue;
            }

            var ye = expected.Real(name);
            var ya = actual.Real(name);
            var allowed = (tol.RelativeToPeakToPeak * PeakToPeak(ye)) + tol.AbsoluteFor(name);
            VectorDeviation? worst = null;
            for (var i = 0; i < grid.Count; i++)
            {
                var t = grid[i];
                var a = ReferenceEquals(grid, te) ? ye[i] : Interpolation.At(te, ye, t);
                var b = Interpolation.At(ta, ya, t);
                worst = Worse(worst, new VectorDeviation(name, "value", i, scaleName, t, a, b, Math.Abs(a - b), allowed));
            }

            deviations.Add(worst!);
        }

        return new ComparisonReport("transient", criterion, deviations, missing, problems);
    }

    /// <summary>
    /// AC (complex) vectors on the same frequencies, by the tolerance's <see cref="AcComparisonMode"/>. Real vectors are
    /// taken as complex with zero imaginary part.
    /// </summary>
    public static ComparisonReport CompareAc(VectorSet expected, VectorSet actual, AcTolerance? tolerance = null)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var tol = tolerance ?? AcTolerance.Default;
        var criterion = tol.Mode == AcComparisonMode.RealImaginary
            ? $"|a-b| <= {G(tol.Relative)}*max|reference| + {G(tol.AbsoluteVoltage)} V / {G(tol.AbsoluteCurrent)} A"
            : $"||a|-|b|| <= {G(tol.Relative)}*max(|a|,|b|) + abs, |phase difference| <= {G(tol.PhaseDegrees)} deg";
        var problems = new List<string>();
        var missing = new List<string>();
        var deviations = new List<VectorDeviation>();
        if (!SameScale(expected, actual, problems))
        {
            return new ComparisonReport("ac", criterion, deviations, missing, problems);
        }

        foreach (var name in expected.Names)
        {
            if (!actual.Contains(name))
            {
                missing.Add(name);
                continue;
            }

            var a = expected.ComplexValues(name);
            var b = actual.ComplexValues(name);
            var abs = tol.AbsoluteFor(name);
            var peak = a.Count == 0 ? 0 : a.Max(z => z.Magnitude);
            VectorDeviation? worstMagnitude = null, worstPhase = null;
            for (var i = 0; i < a.Count; i++)
            {
                var scale = ScaleAt(expected, i);
                if (tol.Mode == AcComparisonMode.RealImaginary)
                {
                    worstMagnitude = Worse(worstMagnitude, new VectorDeviation(
                        name, "complex", i, ScaleName(expected), scale, a[i], b[i], (a[i] - b[i]).Magnitude, (tol.Relative * peak) + abs));
                    continue;
                }

                worstMagnitude = Worse(worstMagnitude, new VectorDeviation(
                    name, "magnitude", i, ScaleName(expected), scale, a[i], b[i],
                    Math.Abs(a[i].Magnitude - b[i].Magnitude), (tol.Relative * Math.Max(a[i].Magnitude, b[i].Magnitude)) + abs));
                if (a[i].Magnitude >= Math.Max(tol.PhaseFloor * peak, abs) && a[i].Magnitude > 0)
                {
                    var dphi = Math.Abs(Math.IEEERemainder((a[i].Phase - b[i].Phase) * 180 / Math.PI, 360));
                    worstPhase = Worse(worstPhase, new VectorDeviation(
                        name, "phase (deg)", i, ScaleName(expected), scale, a[i], b[i], dphi, tol.PhaseDegrees));
                }
            }

            var worst = worstPhase is null ? worstMagnitude : Worse(worstMagnitude, worstPhase);
            if (worst is not null)
            {
                deviations.Add(worst);
            }
        }

        return new ComparisonReport("ac", criterion, deviations, missing, problems);
    }

    /// <summary>
    /// Compares a candidate with a reference plot by the plot's analysis: points for an operating point or DC sweep,
    /// waveforms for a transient, complex values for AC. Only node voltages and branch currents of the reference
    /// are compared (<see cref="NgspicePlot.ToVectorSet"/>).
    /// </summary>
    public static ComparisonReport Compare(
        NgspicePlot expected,
        VectorSet actual,
        PointTolerance? points = null,
        WaveformTolerance? waveforms = null,
        AcTolerance? ac = null)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var reference = expected.ToVectorSet();
        return expected.Analysis switch
        {
            AnalysisKind.Transient => CompareWaveforms(reference, actual, waveforms),
            AnalysisKind.Ac => CompareAc(reference, actual, ac),
            AnalysisKind.Noise or AnalysisKind.NoiseIntegrated => ComparePoints(reference, actual, points ?? PointTolerance.Noise),
            _ => ComparePoints(reference, actual, points),
        };
    }

    /// <summary>
    /// "Agrees with ngspice": one of our engine's results against the ngspice plot of the same analysis, by the plot's
    /// analysis and the same rules as <see cref="Compare(NgspicePlot, VectorSet, PointTolerance?, WaveformTolerance?, AcTolerance?)"/>.
    /// </summary>
    public static ComparisonReport Compare(
        NgspicePlot expected,
        AnalysisResult actual,
        PointTolerance? points = null,
        WaveformTolerance? waveforms = null,
        AcTolerance? ac = null) =>
        Compare(expected, VectorSet.From(actual), points, waveforms, ac);

    /// <summary>Compares two plots (e.g. two ngspice runs) by the reference plot's analysis.</summary>
    public static ComparisonReport Compare(
        NgspicePlot expected,
        NgspicePlot actual,
        PointTolerance? points = null,
        WaveformTolerance? waveforms = null,
        AcTolerance? ac = null)
    {
        ArgumentNullException.ThrowIfNull(actual);
        return Compare(expected, actual.ToVectorSet(), points, waveforms, ac);
    }

    private static bool SameScale(VectorSet expected, VectorSet actual, List<string> problems)
    {
        var ne = PointCount(expected);
        var na = PointCount(actual);
        if (ne != na)
        {
            problems.Add($"point counts differ: reference {ne}, compared set {na}");
            return false;
        }

        if (expected.Scale is { } se && actual.Scale is { } sa)
        {
            var span = se.Count == 0 ? 0 : se.Max(Math.Abs);
            for (var i = 0; i < se.Count; i++)
            {
                if (Math.Abs(se[i] - sa[i]) > ScaleAgreement * span)
                {
                    problems.Add($"scales differ at point {i}: reference {expected.ScaleName} = {G(se[i])}, compared {actual.ScaleName} = {G(sa[i])}");
                    return false;
                }
            }
        }

        return true;
    }

    private static int PointCount(VectorSet set) =>
        set.Scale?.Count ?? (set.Count == 0 ? 0 : set.Real(set.Names[0]).Count);

    private static string ScaleName(VectorSet set) => set.ScaleName ?? "point";

    private static double ScaleAt(VectorSet set, int i) => set.Scale is { } s ? s[i] : i;

    private static VectorDeviation Worse(VectorDeviation? current, VectorDeviation candidate) =>
        current is null || candidate.Ratio > current.Ratio ? candidate : current;

    private static double PeakToPeak(IReadOnlyList<double> values) =>
        values.Count == 0 ? 0 : values.Max() - values.Min();

    private static IReadOnlyList<double> Union(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        var lo = Math.Max(a[0], b[0]);
        var hi = Math.Min(a[^1], b[^1]);
        return a.Concat(b).Where(t => t >= lo && t <= hi).Distinct().Order().ToArray();
    }

    private static string G(double x) => x.ToString("G4", CultureInfo.InvariantCulture);
}
