using Hwsim.Circuits.Control.Script;

namespace Hwsim.Circuits.Results;

/// <summary>The harmonics of a waveform over its last period (ngspice's fourier command and <c>.four</c>).</summary>
/// <param name="Frequency">The harmonics' frequencies, 0 (DC) first.</param>
/// <param name="Magnitude">Their amplitudes (the DC value first).</param>
/// <param name="Phase">Their phases in degrees, relative to a sine.</param>
/// <param name="NormalizedMagnitude">Magnitudes over the fundamental's (0 for DC).</param>
/// <param name="NormalizedPhase">Phases minus the fundamental's (0 for DC).</param>
/// <param name="ThdPercent">The total harmonic distortion of harmonics 2 and up, in percent.</param>
public sealed record FourierResult(double[] Frequency, double[] Magnitude, double[] Phase, double[] NormalizedMagnitude, double[] NormalizedPhase, double ThdPercent);

/// <summary>
/// ngspice's Fourier analysis (frontend/fourier.c): the last period 1/f0 of a waveform interpolated linearly (its
/// default polynomial degree 1) onto <c>gridSize</c> evenly spaced instants (the period's end left out), then a
/// discrete Fourier sum for each harmonic up to <c>harmonics - 1</c>.
/// </summary>
public static class FourierAnalysis
{
    /// <exception cref="ArgumentException">The waveform is shorter than one period, the frequency is not positive, or the lengths differ.</exception>
    public static FourierResult Of(IReadOnlyList<double> time, IReadOnlyList<double> values, double fundamental, int harmonics = 10, int gridSize = 200)
    {
        if (!(fundamental > 0)) throw new ArgumentException($"bad fundamental frequency {fundamental}");
        if (time.Count != values.Count) throw new ArgumentException($"lengths don't match: {values.Count}, {time.Count}");
        if (time.Count < 2) throw new ArgumentException("the waveform has fewer than two points");
        var (first, last) = (time.Min(), time.Max());
        var period = 1 / fundamental;
        if (last - first < period) throw new ArgumentException("wavelength longer than time span");
        var start = last - period;
        var step = period / gridSize;
        var samples = new double[gridSize];
        var k = 0;
        for (var i = 0; i < gridSize; i++)
        {
            var t = start + i * step;
            while (k < time.Count - 2 && time[k + 1] < t) k++;
            var (t0, t1) = (time[k], time[k + 1]);
            samples[i] = t1 == t0 ? values[k] : values[k] + (values[k + 1] - values[k]) * (t - t0) / (t1 - t0);
        }

        var sine = new double[harmonics];
        var cosine = new double[harmonics];
        for (var i = 0; i < gridSize; i++)
            for (var j = 0; j < harmonics; j++)
            {
                sine[j] += samples[i] * Math.Sin(j * 2.0 * Math.PI * i / gridSize);
                cosine[j] += samples[i] * Math.Cos(j * 2.0 * Math.PI * i / gridSize);
            }
        var frequency = new double[harmonics];
        var magnitude = new double[harmonics];
        var phase = new double[harmonics];
        var normalized = new double[harmonics];
        var normalizedPhase = new double[harmonics];
        magnitude[0] = cosine[0] / gridSize;
        var thd = 0.0;
        for (var j = 1; j < harmonics; j++)
        {
            var s = sine[j] * 2.0 / gridSize;
            var c = cosine[j] * 2.0 / gridSize;
            frequency[j] = j * fundamental;
            magnitude[j] = Math.Sqrt(s * s + c * c);
            phase[j] = Math.Atan2(c, s) * 180.0 / Math.PI;
            normalized[j] = magnitude[j] / magnitude[1];
            normalizedPhase[j] = phase[j] - phase[1];
            if (j > 1) thd += normalized[j] * normalized[j];
        }
        return new FourierResult(frequency, magnitude, phase, normalized, normalizedPhase, 100 * Math.Sqrt(thd));
    }

    /// <summary>ngspice's table of <paramref name="r"/>: fields 11 wide, numbers as %g with 6 digits (5 when negative).</summary>
    public static void Write(TextWriter output, string name, FourierResult r, int gridSize)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(r);
        static string N(double x) => CFormat.LowerG(x, x < 0 ? 5 : 6).PadRight(11);
        output.WriteLine($"Fourier analysis for {name}:");
        output.WriteLine($"  No. Harmonics: {r.Frequency.Length}, THD: {CFormat.LowerG(r.ThdPercent)} %, Gridsize: {gridSize}, Interpolation Degree: 1");
        output.WriteLine();
        output.WriteLine("Harmonic Frequency   Magnitude   Phase       Norm. Mag   Norm. Phase");
        output.WriteLine("-------- ---------   ---------   -----       ---------   -----------");
        for (var i = 0; i < r.Frequency.Length; i++)
            output.WriteLine($" {i,-4}    {N(r.Frequency[i])} {N(r.Magnitude[i])} {N(r.Phase[i])} {N(r.NormalizedMagnitude[i])} {N(r.NormalizedPhase[i])}");
        output.WriteLine();
    }

    /// <summary>The tables of a netlist's <c>.four</c> lines for a transient result (nothing for other analyses).</summary>
    public static void WriteRequested(AnalysisResult result, IEnumerable<Netlist.FourierStatement> requests, TextWriter output, int harmonics = 10, int gridSize = 200)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(requests);
        if (result.Kind != AnalysisKind.Transient || result.Scale is not { } time) return;
        foreach (var request in requests)
            foreach (var vector in request.Vectors)
                Write(output, vector.Name, Of(time.Real, vector.RealValues(result), request.Frequency, harmonics, gridSize), gridSize);
    }
}
