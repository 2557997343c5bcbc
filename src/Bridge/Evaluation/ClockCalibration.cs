using System.Globalization;
using Hwsim.Bridge.Compiler;

namespace Hwsim.Bridge.Evaluation;

/// <summary>
/// Chooses the clock period of a device-level run from its measured settling: a few periods at a generous
/// <see cref="CalibrationPeriod"/> measure the settling time S; the period is the shortest round value (1, 2 or 5
/// times a power of ten) whose compute phase is at least <see cref="Margin"/> S. A period given by the user is
/// checked against S the same way.
/// </summary>
public static class ClockCalibration
{
    /// <summary>The period of the calibration run (s): long enough for every device-level circuit here to settle.</summary>
    public const double CalibrationPeriod = 100e-6;
    /// <summary>Points of the calibration run (the first ones of the inputs).</summary>
    public const int CalibrationPoints = 3;
    /// <summary>The compute phase must last this many settling times.</summary>
    public const double Margin = 1.5;

    /// <summary>The settling time measured at the calibration period (s).</summary>
    public static double MeasureSettling(CompiledNetwork network, IReadOnlyList<double[]> rows, IReadOnlyList<double> ranges, ClockedEngine engine)
    {
        var first = rows.Take(CalibrationPoints).ToList();
        var run = ClockedEvaluator.Run(network, first, CalibrationPeriod, ranges, engine, waveforms: false);
        var window = run.Timing.ComputeWindow;
        if (run.Timing.SettlingTime > 0.9 * window)
            throw new Hwsim.Circuits.SimulationException(string.Create(CultureInfo.InvariantCulture,
                $"{network.Name}: the device-level circuit does not settle within a {CalibrationPeriod:G3} s period (still moving {run.Timing.SettlingTime:G3} s into a {window:G3} s compute phase)"));
        return run.Timing.SettlingTime;
    }

    /// <summary>The fraction of the period that is compute phase.</summary>
    public static double WindowFraction(CompiledNetwork network) => new ClockSchedule(1, 1, network.NeedsClock).ComputeWindow;

    /// <summary>The default period for a measured settling time.</summary>
    public static double PeriodFor(CompiledNetwork network, double settling)
    {
        var needed = Math.Max(settling, 1e-9) * Margin / WindowFraction(network);
        var decade = Math.Pow(10, Math.Floor(Math.Log10(needed)));
        foreach (var m in new[] { 1.0, 2, 5, 10 })
            if (m * decade >= needed * (1 - 1e-12)) return Tidy(m * decade);
        return Tidy(10 * decade);
    }

    /// <summary>A period rounded to 12 significant digits, so that 1e-5 is written 1E-05, not 9.999999999999999E-06.</summary>
    public static double Tidy(double period) =>
        double.Parse(period.ToString("G12", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>Throws <see cref="ClockPeriodException"/> when the compute phase of <paramref name="period"/> is shorter than the settling time.</summary>
    public static void Check(CompiledNetwork network, double period, double settling)
    {
        var window = period * WindowFraction(network);
        if (window < settling)
            throw new ClockPeriodException(string.Create(CultureInfo.InvariantCulture,
                $"--clock-period {period:G4} s is too short for {network.Name}: its compute phase lasts {window:G3} s but the circuit settles in {settling:G3} s (measured at a {CalibrationPeriod:G3} s period); use at least {settling / WindowFraction(network):G3} s (default {PeriodFor(network, settling):G3} s)"));
    }
}
