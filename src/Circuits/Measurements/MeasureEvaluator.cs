using Hwsim.Circuits.Results;

namespace Hwsim.Circuits.Measurements;

/// <summary>
/// The measurements of ngspice 39's <c>com_measure2.c</c>, point for point the same algorithms (events counted from
/// the second point on, linear interpolation, windows, Simpson's rules for RMS and INTEG), so that a <c>.meas</c> line
/// gives here the value ngspice prints for the same waveform.
/// </summary>
internal static class MeasureEvaluator
{
    /// <summary>The data of one clause: its values and the scale they are read against.</summary>
    private sealed class Series(double[] scale, double[] values, double[]? values2)
    {
        public double[] Scale { get; } = scale;
        public double[] Values { get; } = values;
        public double[]? Values2 { get; } = values2;
    }

    /// <summary>Runs one measurement on a result; a failure comes back with ngspice's reason.</summary>
    public static MeasureResult Evaluate(MeasureStatement m, AnalysisResult result)
    {
        var scale = result.Scale?.Real
            ?? throw new InvalidOperationException($".meas {m.Name}: the {m.AnalysisWord} result has no scale");
        var dc = m.Analysis == AnalysisKind.DcSweep;
        var tran = m.Analysis == AnalysisKind.Transient;
        var ac = m.Analysis == AnalysisKind.Ac;
        Series Data(MeasureCondition c) => new(scale, c.Vector!.RealValues(result), c.Vector2?.RealValues(result));
        MeasureResult Fail(string clause, string reason) => new(m.Name, null, "",
            $"\nError: measure  {m.Name}  {m.FunctionWord}({clause}) : {reason}\n {m.Text} failed!\n");
        var name = m.Name.PadRight(20);

        switch (m.Function)
        {
            case MeasureFunction.TrigTarg:
            {
                var trig = m.Main.Clone();
                var targ = m.Second!.Clone();
                if (trig.From != 0.0 && targ.From == 0.0) targ.From = trig.From;
                else if (targ.From != 0.0 && trig.From == 0.0) trig.From = targ.From;
                var tTrig = trig.At == MeasureCondition.NotGiven ? When(trig, Data(trig), dc, tran, ac) : trig.At;
                if (double.IsNaN(tTrig)) return Fail("TRIG", "out of interval");
                if (targ.Vector is null) return Fail("TARG", "no such vector");
                var tTarg = When(targ, Data(targ), dc, tran, ac);
                if (double.IsNaN(tTarg)) return Fail("TARG", "out of interval");
                var delay = tTarg - tTrig;
                return new(m.Name, delay, $"{name}=  {E(delay)} targ=  {E(tTarg)} trig=  {E(tTrig)}", null);
            }
            case MeasureFunction.Find:
            {
                var find = m.Main.Clone();
                var at = find.At;
                if (m.Second is { } whenClause)
                {
                    var when = whenClause.Clone();
                    at = When(when, Data(when), dc, tran, ac);
                    if (double.IsNaN(at)) return Fail("AT", "out of interval");
                }
                var value = At(Data(find), at, dc);
                if (double.IsNaN(value)) return Fail("AT", "out of interval");
                return new(m.Name, value, $"{name}=  {E(value)}", null);
            }
            case MeasureFunction.When:
            {
                var when = m.Main.Clone();
                var t = When(when, Data(when), dc, tran, ac);
                if (double.IsNaN(t)) return Fail("WHEN", "out of interval");
                return new(m.Name, t, $"{name}=   {E(t, 5)}", null);
            }
            case MeasureFunction.Rms:
            case MeasureFunction.Integral:
            {
                var c = m.Main.Clone();
                var (value, from, to) = RmsIntegral(c, Data(c), m.Function == MeasureFunction.Rms);
                if (double.IsNaN(value)) return Fail("TRIG", "out of interval");
                return new(m.Name, value, $"{name}=   {E(value, 5)} from=  {E(from, 5)} to=  {E(to, 5)}", null);
            }
            case MeasureFunction.Avg:
            {
                var c = m.Main.Clone();
                var (value, lastScale) = MinMaxAvg(c, Data(c), MeasureFunction.Avg, dc);
                if (double.IsNaN(value)) return Fail("TRIG", "out of interval");
                var from = c.At == MeasureCondition.NotGiven ? c.From : c.At;
                return new(m.Name, value, $"{name}=  {E(value)} from=  {E(from)} to=  {E(lastScale)}", null);
            }
            case MeasureFunction.Min:
            case MeasureFunction.Max:
            case MeasureFunction.MinAt:
            case MeasureFunction.MaxAt:
            {
                var c = m.Main.Clone();
                var min = m.Function is MeasureFunction.Min or MeasureFunction.MinAt;
                var (value, where) = MinMaxAvg(c, Data(c), min ? MeasureFunction.Min : MeasureFunction.Max, dc);
                if (double.IsNaN(value)) return Fail("TRIG", "out of interval");
                return m.Function is MeasureFunction.Min or MeasureFunction.Max
                    ? new(m.Name, value, $"{name}=  {E(value)} at=  {E(where)}", null)
                    : new(m.Name, where, $"{name}=  {E(where)} with=  {E(value)}", null);
            }
            case MeasureFunction.PeakToPeak:
            {
                var c = m.Main.Clone();
                var data = Data(c);
                var (min, _) = MinMaxAvg(c, data, MeasureFunction.Min, dc);
                if (double.IsNaN(min)) return Fail("TRIG", "out of interval");
                var (max, _) = MinMaxAvg(c, data, MeasureFunction.Max, dc);
                if (double.IsNaN(max)) return Fail("TRIG", "out of interval");
                var pp = max - min;
                return new(m.Name, pp, $"{name}=  {E(pp)} from=  {E(c.From)} to=  {E(c.To)}", null);
            }
            default:
                throw new InvalidOperationException($".meas {m.Name}: {m.Function} is evaluated by its caller");
        }
    }

    private static string E(double x, int digits = 6) => NgspiceNumbers.E(x, digits);

    /// <summary><c>com_measure_when</c>: the interpolated scale value of the requested crossing of VAL (or of a second vector); NaN if none.</summary>
    private static double When(MeasureCondition c, Series s, bool dc, bool tran, bool ac)
    {
        var riseCount = 0;
        var fallCount = 0;
        var crossCount = 0;
        var above = false; // section: below or above the value
        var pending = false;
        var measured = double.NaN;
        var first = 0;
        double prevValue = 0, prevValue2 = 0, prevScale = 0;
        var hasSecond = s.Values2 is not null;
        for (var i = 0; i < s.Values.Length; i++)
        {
            var value = s.Values[i];
            var scale = s.Scale[i];
            var value2 = hasSecond ? s.Values2![i] : double.NaN;
            if (dc && i == 0) c.Delay = scale; // dc may start anywhere: TD remembers where
            if (tran && scale < c.Delay) continue;
            if (ac && scale < 0) continue;
            if (dc)
            {
                if (scale < c.From || scale > c.To) continue;
            }
            else
            {
                if (scale < c.From) continue;
                if (c.To != 0.0 && scale > c.To) break;
            }

            if (first > 1 && dc && c.Delay == scale) first = 1; // a nested dc sweep restarts
            var level = hasSecond ? value2 : c.Value;
            if (first == 1)
            {
                crossCount = 0;
                if (value < level)
                {
                    above = false;
                    if (prevValue <= level && value >= level) { fallCount = 1; crossCount = 1; }
                }
                else
                {
                    above = true;
                    if (prevValue <= level && value >= level) { riseCount = 1; crossCount = 1; }
                }
            }

            if (first > 1)
            {
                if (!above && value >= level)
                {
                    above = true;
                    crossCount++;
                    riseCount++;
                    if (c.Fall != MeasureCondition.Last) pending = true;
                }
                else if (above && value <= level)
                {
                    above = false;
                    crossCount++;
                    fallCount++;
                    if (c.Rise != MeasureCondition.Last) pending = true;
                }

                double Crossing() => hasSecond
                    ? prevScale + ((prevValue2 - prevValue) * (scale - prevScale) / (value - prevValue - value2 + prevValue2))
                    : prevScale + ((c.Value - prevValue) * (scale - prevScale) / (value - prevValue));

                if (crossCount == c.Cross || riseCount == c.Rise || fallCount == c.Fall) return Crossing();
                if (pending)
                {
                    if (c.Cross == -1 && c.Rise == -1 && c.Fall == -1) return Crossing();
                    if (c.Cross == MeasureCondition.Last || c.Rise == MeasureCondition.Last || c.Fall == MeasureCondition.Last)
                        measured = Crossing();
                    pending = false;
                }
            }

            first++;
            prevValue = value;
            if (hasSecond) prevValue2 = value2;
            prevScale = scale;
        }
        return measured;
    }

    /// <summary><c>measure_at</c>: the value at scale <paramref name="at"/> by linear interpolation; NaN outside the data.</summary>
    private static double At(Series s, double at, bool dc)
    {
        double prevScale = 0, prevValue = 0;
        for (var i = 0; i < s.Values.Length; i++)
        {
            var value = s.Values[i];
            var scale = s.Scale[i];
            if (i > 0 && ((prevScale <= at && scale >= at) || (dc && prevScale >= at && scale <= at)))
                return prevValue + ((at - prevScale) * (value - prevValue) / (scale - prevScale));
            prevScale = scale;
            prevValue = value;
        }
        return double.NaN;
    }

    /// <summary>
    /// <c>measure_minMaxAvg</c>: MIN or MAX (value and where, the last of equal extremes) or AVG (trapezoidal mean and
    /// the last scale value), over the points inside FROM..TO without interpolating the window's ends.
    /// </summary>
    private static (double Value, double At) MinMaxAvg(MeasureCondition c, Series s, MeasureFunction function, bool dc)
    {
        var first = false;
        double best = 0, bestAt = 0, sum = 0, span = 0, prevValue = 0, prevScale = 0, scale = 0;
        for (var i = 0; i < s.Values.Length; i++)
        {
            var value = s.Values[i];
            scale = s.Scale[i];
            if (dc)
            {
                if (scale < c.From || scale > c.To) continue;
            }
            else
            {
                if (scale < c.From) continue;
                if (c.To != 0.0 && scale > c.To) break;
            }

            if (!first)
            {
                first = true;
                best = function == MeasureFunction.Avg ? 0 : value;
                bestAt = scale;
                prevValue = value;
                prevScale = scale;
                continue;
            }

            switch (function)
            {
                case MeasureFunction.Min when value <= best:
                case MeasureFunction.Max when value >= best:
                    best = value;
                    bestAt = scale;
                    break;
                case MeasureFunction.Avg:
                    sum += 0.5 * (value + prevValue) * (scale - prevScale);
                    span += scale - prevScale;
                    prevValue = value;
                    prevScale = scale;
                    break;
            }
        }

        if (function == MeasureFunction.Avg) return (sum / (first ? span : 1.0), scale);
        return first ? (best, bestAt) : (0, 0); // ngspice reports 0 at 0 for an empty window
    }

    /// <summary>
    /// <c>measure_rms_integral</c>: the window's ends interpolated, then Simpson's 3/8 rule where three steps are equal,
    /// Simpson's 1/3 rule where two are, the trapezoidal rule elsewhere. Returns the value and the window used.
    /// </summary>
    private static (double Value, double From, double To) RmsIntegral(MeasureCondition c, Series s, bool rms)
    {
        var n = s.Values.Length;
        var x = new double[n + 1];
        var y = new double[n + 1];
        var count = 0;
        var to = -1.0;
        var from = double.NaN;
        var started = false;
        double Square(double v) => rms ? v * v : v;
        double Interpolate(int i, double at)
        {
            // measure_interpolate's arithmetic, so that the ends round as ngspice's do
            var slope = (s.Values[i] - s.Values[i - 1]) / (s.Scale[i] - s.Scale[i - 1]);
            var intercept = s.Values[i - 1] - (slope * s.Scale[i - 1]);
            return (slope * at) + intercept;
        }
        for (var i = 0; i < n; i++)
        {
            var value = s.Values[i];
            var scale = s.Scale[i];
            if (scale < c.From) continue;
            if (c.To != 0.0 && scale > c.To)
            {
                if (!AlmostEqualUlps(scale, c.To, 100) && i > 0)
                {
                    value = Interpolate(i, c.To);
                    scale = c.To;
                }
                x[count] = scale;
                y[count++] = Square(value);
                to = scale;
                break;
            }
            if (!started)
            {
                if (c.From != 0.0 && i > 0 && !AlmostEqualUlps(scale, c.From, 100))
                {
                    value = Interpolate(i, c.From);
                    scale = c.From;
                }
                from = scale;
                started = true;
            }
            x[count] = scale;
            y[count++] = Square(value);
        }

        var width = new double[count + 2];
        for (var i = 0; i < count - 1; i++) width[i] = x[i + 1] - x[i];
        double Y(int i) => i < count ? y[i] : 0; // ngspice reads past the data only where the widths are zero
        double W(int i) => i < width.Length ? width[i] : 0;
        double sum = 0;
        var k = 0;
        while (k < count - 1)
        {
            if (AlmostEqualUlps(W(k), W(k + 1), 100) && AlmostEqualUlps(W(k), W(k + 2), 100))
            {
                sum += 3 * W(k) * (Y(k) + (3 * (Y(k + 1) + Y(k + 2))) + Y(k + 3)) / 8.0;
                k += 3;
            }
            else if (AlmostEqualUlps(W(k), W(k + 1), 100))
            {
                sum += W(k) * (Y(k) + (4 * Y(k + 1)) + Y(k + 2)) / 3.0;
                k += 2;
            }
            else
            {
                sum += W(k) * (Y(k) + Y(k + 1)) / 2;
                k++;
            }
        }

        if (to < 0.0) to = s.Scale[n - 1];
        var value2 = rms ? Math.Sqrt(sum / (to - from)) : sum;
        return (value2, from, to);
    }

    /// <summary>ngspice's <c>AlmostEqualUlps</c>: equal, or at most <paramref name="maxUlps"/> representable doubles apart.</summary>
    internal static bool AlmostEqualUlps(double a, double b, long maxUlps)
    {
        if (a == b) return true;
        var ia = BitConverter.DoubleToInt64Bits(a);
        if (ia < 0) ia = long.MinValue - ia;
        var ib = BitConverter.DoubleToInt64Bits(b);
        if (ib < 0) ib = long.MinValue - ib;
        return Math.Abs(ia - ib) <= maxUlps;
    }
}
