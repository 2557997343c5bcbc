namespace Hwsim.Circuits.Control.Vectors;

/// <summary>
/// The built-in functions of the control language (ngspice's <c>ft_funcs</c> and cmath routines), element by element
/// unless they reduce (<c>mean</c>, <c>vecmax</c>, <c>length</c>) or make (<c>vector</c>, <c>unitvec</c>) a vector.
/// Angles are radians unless <c>set units=degrees</c>.
/// </summary>
internal static class VectorFunctions
{
    /// <summary>The context a function may need: the angle unit, the current plot's scale.</summary>
    public readonly record struct Settings(bool Degrees, Vector? CurrentScale);

    private delegate Vector Function(Vector v, Settings s);

    private static readonly Dictionary<string, Function> Table = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mag"] = (v, _) => Real(v, Magnitudes(v)),
        ["magnitude"] = (v, _) => Real(v, Magnitudes(v)),
        ["abs"] = (v, _) => Real(v, Magnitudes(v)),
        ["ph"] = Phase,
        ["phase"] = Phase,
        ["cph"] = ContinuousPhase,
        ["cphase"] = ContinuousPhase,
        ["unwrap"] = Unwrap,
        ["j"] = (v, _) => Map(v, (re, im) => (-im, re)),
        ["real"] = (v, _) => Real(v, (double[])v.Real.Clone()),
        ["re"] = (v, _) => Real(v, (double[])v.Real.Clone()),
        ["imag"] = (v, _) => Real(v, v.Imaginary is null ? new double[v.Length] : (double[])v.Imaginary.Clone()),
        ["im"] = (v, _) => Real(v, v.Imaginary is null ? new double[v.Length] : (double[])v.Imaginary.Clone()),
        ["conj"] = (v, _) => v.IsComplex ? Map(v, (re, im) => (re, -im)) : v,
        ["db"] = Db,
        ["log"] = (v, _) => Logarithm(v, Math.Log, "log"),
        ["ln"] = (v, _) => Logarithm(v, Math.Log, "log"),
        ["log10"] = (v, _) => Logarithm(v, Math.Log10, "log10"),
        ["exp"] = (v, _) => v.IsComplex
            ? Map(v, (re, im) => (Math.Exp(re) * Math.Cos(im), Math.Exp(re) * Math.Sin(im)))
            : Elementwise(v, Math.Exp),
        ["sqrt"] = Sqrt,
        ["sin"] = (v, s) => Trig(v, s, Math.Sin, (re, im) => (Math.Sin(re) * Math.Cosh(im), Math.Cos(re) * Math.Sinh(im))),
        ["cos"] = (v, s) => Trig(v, s, Math.Cos, (re, im) => (Math.Cos(re) * Math.Cosh(im), -(Math.Sin(re) * Math.Sinh(im)))),
        ["tan"] = (v, s) => Trig(v, s, Math.Tan, (re, im) => Divide(Math.Sin(re) * Math.Cosh(im), Math.Cos(re) * Math.Sinh(im), Math.Cos(re) * Math.Cosh(im), -(Math.Sin(re) * Math.Sinh(im)))),
        ["sinh"] = (v, s) => Trig(v, s, Math.Sinh, (re, im) => (Math.Sinh(re) * Math.Cos(im), Math.Cosh(re) * Math.Sin(im))),
        ["cosh"] = (v, s) => Trig(v, s, Math.Cosh, (re, im) => (Math.Cosh(re) * Math.Cos(im), Math.Sinh(re) * Math.Sin(im))),
        ["tanh"] = (v, s) => Trig(v, s, Math.Tanh, (re, im) => Divide(Math.Sinh(re) * Math.Cos(im), Math.Cosh(re) * Math.Sin(im), Math.Cosh(re) * Math.Cos(im), Math.Sinh(re) * Math.Sin(im))),
        ["atan"] = (v, s) => RealOnly(v, "atan", x => s.Degrees ? Math.Atan(x) * 180 / Math.PI : Math.Atan(x)),
        ["atanh"] = (v, _) => RealOnly(v, "atanh", Math.Atanh),
        ["pos"] = (v, _) => Real(v, v.Real.Select(x => x > 0 ? 1.0 : 0.0).ToArray()),
        ["nint"] = (v, _) => Both(v, x => Math.Round(x, MidpointRounding.ToEven)),
        ["floor"] = (v, _) => Both(v, Math.Floor),
        ["ceil"] = (v, _) => Both(v, Math.Ceiling),
        ["mean"] = (v, _) => Reduce(v, "mean", (xs, n) => xs.Sum() / n),
        ["stddev"] = StandardDeviation,
        ["avg"] = RunningAverage,
        ["vector"] = (v, _) => Counting(v, i => i),
        ["unitvec"] = (v, _) => Counting(v, _ => 1),
        ["length"] = (v, _) => Vector.Scalar("length", v.Length),
        ["vecmin"] = (v, _) => Reduce(v, "minimum", (xs, _) => xs.Min()),
        ["minimum"] = (v, _) => Reduce(v, "minimum", (xs, _) => xs.Min()),
        ["vecmax"] = (v, _) => Reduce(v, "maximum", (xs, _) => xs.Max()),
        ["maximum"] = (v, _) => Reduce(v, "maximum", (xs, _) => xs.Max()),
        ["vecd"] = Difference,
        ["norm"] = Normalize,
        ["deriv"] = Derivative,
        ["integ"] = Integral,
        ["interpolate"] = Interpolate,
    };

    public static bool Exists(string name) => Table.ContainsKey(name);

    public static Vector Apply(string name, Vector v, Settings settings)
    {
        if (v.Length == 0) throw new VectorExpressionException($"no such vector {v.Name}");
        var result = Table[name](v, settings);
        return result.Named($"{name}({v.Name})", ResultType(name, v.Type), v.Scale);
    }

    /// <summary>The type ngspice gives a function's result: decibels and phases are their own; the others keep the argument's.</summary>
    private static VectorType ResultType(string function, VectorType argument) => function switch
    {
        "db" => VectorType.Decibel,
        "ph" or "phase" or "cph" or "cphase" or "unwrap" => VectorType.Phase,
        _ => argument,
    };

    private static Vector Real(Vector v, double[] values) => Vector.OfReal(v.Name, values) with { Scale = v.Scale };

    private static double[] Magnitudes(Vector v)
    {
        var d = new double[v.Length];
        for (var i = 0; i < d.Length; i++)
            d[i] = v.Imaginary is null ? Math.Abs(v.Real[i]) : Math.Sqrt(v.Real[i] * v.Real[i] + v.Imaginary[i] * v.Imaginary[i]);
        return d;
    }

    private static double Angle(double radians, Settings s) => s.Degrees ? radians * (180 / Math.PI) : radians;

    private static Vector Phase(Vector v, Settings s)
    {
        var d = new double[v.Length];
        if (v.Imaginary is { } im)
            for (var i = 0; i < d.Length; i++) d[i] = Angle(Math.Atan2(im[i], v.Real[i]), s);
        return Real(v, d);
    }

    private static Vector ContinuousPhase(Vector v, Settings s)
    {
        var d = new double[v.Length];
        if (v.Imaginary is not { } im) return Real(v, d);
        var last = Math.Atan2(im[0], v.Real[0]);
        d[0] = Angle(last, s);
        for (var i = 1; i < d.Length; i++)
        {
            var ph = Math.Atan2(im[i], v.Real[i]);
            last = ph - 2 * Math.PI * Math.Floor((ph - last) / (2 * Math.PI) + 0.5);
            d[i] = Angle(last, s);
        }
        return Real(v, d);
    }

    /// <summary>Unwraps a real phase vector (in the unit of <c>units</c>) by whole turns.</summary>
    private static Vector Unwrap(Vector v, Settings s)
    {
        var turn = s.Degrees ? 360.0 : 2 * Math.PI;
        var d = new double[v.Length];
        d[0] = v.Real[0];
        for (var i = 1; i < d.Length; i++)
            d[i] = v.Real[i] - turn * Math.Floor((v.Real[i] - d[i - 1]) / turn + 0.5);
        return Real(v, d);
    }

    private static Vector Map(Vector v, Func<double, double, (double, double)> f)
    {
        var re = new double[v.Length];
        var im = new double[v.Length];
        for (var i = 0; i < re.Length; i++) (re[i], im[i]) = f(v.Real[i], v.Imaginary is null ? 0 : v.Imaginary[i]);
        return Vector.OfComplex(v.Name, re, im) with { Scale = v.Scale };
    }

    private static Vector Elementwise(Vector v, Func<double, double> f) => Real(v, v.Real.Select(f).ToArray());

    private static Vector Both(Vector v, Func<double, double> f) => v.IsComplex ? Map(v, (re, im) => (f(re), f(im))) : Elementwise(v, f);

    private static Vector RealOnly(Vector v, string name, Func<double, double> f)
    {
        if (v.IsComplex) throw new VectorExpressionException($"{name} of complex values is not supported");
        return Elementwise(v, f);
    }

    private static Vector Trig(Vector v, Settings s, Func<double, double> real, Func<double, double, (double, double)> complex)
    {
        double Rad(double x) => s.Degrees ? x * (Math.PI / 180) : x;
        return v.IsComplex ? Map(v, (re, im) => complex(Rad(re), Rad(im))) : Elementwise(v, x => real(Rad(x)));
    }

    /// <summary>(r1 + i i1) / (r2 + i i2) by Smith's division, as ngspice's cdiv: no overflow from squaring the divisor.</summary>
    internal static (double, double) Divide(double r1, double i1, double r2, double i2)
    {
        if (Math.Abs(r2) > Math.Abs(i2))
        {
            var r = i2 / r2;
            var s = r2 + r * i2;
            return ((r1 + r * i1) / s, (i1 - r * r1) / s);
        }
        else
        {
            var r = r2 / i2;
            var s = i2 + r * r2;
            return ((r * r1 + i1) / s, (r * i1 - r1) / s);
        }
    }

    private static Vector Db(Vector v, Settings _)
    {
        var m = Magnitudes(v);
        for (var i = 0; i < m.Length; i++)
        {
            if (!(m[i] > 0)) throw VectorOperators.OutOfRange("db");
            m[i] = 20.0 * Math.Log10(m[i]);
        }
        return Real(v, m);
    }

    /// <summary>ngspice's cx_log/cx_log10: of a magnitude for complex values (phase as the imaginary part); 0 gives -log(HUGE).</summary>
    private static Vector Logarithm(Vector v, Func<double, double> log, string name)
    {
        var huge = -log(double.MaxValue);
        if (v.Imaginary is { } im)
            return Map(v, (re, i) =>
            {
                var m = Math.Sqrt(re * re + i * i);
                return m == 0 ? (huge, 0) : (log(m), Math.Atan2(i, re));
            });
        var d = new double[v.Length];
        for (var k = 0; k < d.Length; k++)
        {
            if (v.Real[k] < 0) throw VectorOperators.OutOfRange(name);
            d[k] = v.Real[k] == 0 ? huge : log(v.Real[k]);
        }
        return Real(v, d);
    }

    private static Vector Sqrt(Vector v, Settings _)
    {
        if (!v.IsComplex && v.Real.All(x => x >= 0)) return Elementwise(v, Math.Sqrt);
        return Map(v, (re, im) =>
        {
            var z = System.Numerics.Complex.Sqrt(new System.Numerics.Complex(re, im));
            return (z.Real, z.Imaginary);
        });
    }

    private static Vector Reduce(Vector v, string what, Func<double[], int, double> f)
    {
        if (v.Imaginary is { } im)
            return Vector.OfComplex(what, [f(v.Real, v.Length)], [f(im, v.Length)]);
        return Vector.Scalar(what, f(v.Real, v.Length));
    }

    private static Vector StandardDeviation(Vector v, Settings _)
    {
        double mr = v.Real.Average(), mi = v.Imaginary?.Average() ?? 0, sum = 0;
        for (var i = 0; i < v.Length; i++)
        {
            var a = v.Real[i] - mr;
            var b = v.Imaginary is null ? 0 : v.Imaginary[i] - mi;
            sum += a * a + b * b;
        }
        return Vector.Scalar("stddev", Math.Sqrt(sum / (v.Length - 1.0)));
    }

    private static Vector RunningAverage(Vector v, Settings _)
    {
        static double[] Running(double[] x)
        {
            var d = new double[x.Length];
            var sum = 0.0;
            for (var i = 0; i < x.Length; i++) d[i] = (sum += x[i]) / (i + 1.0);
            return d;
        }
        return v.Imaginary is { } im ? Vector.OfComplex(v.Name, Running(v.Real), Running(im)) with { Scale = v.Scale } : Real(v, Running(v.Real));
    }

    private static Vector Counting(Vector v, Func<int, double> f)
    {
        var n = (int)(v.IsComplex ? Math.Sqrt(v.Real[0] * v.Real[0] + v.Imaginary![0] * v.Imaginary[0]) : Math.Abs(v.Real[0]));
        if (n == 0) n = 1;
        var d = new double[n];
        for (var i = 0; i < n; i++) d[i] = f(i);
        return Vector.OfReal("vector", d);
    }

    private static Vector Difference(Vector v, Settings _)
    {
        if (v.Length < 2) throw new VectorExpressionException($"vecd needs at least two values, {v.Name} has {v.Length}");
        static double[] D(double[] x)
        {
            var d = new double[x.Length];
            d[0] = x[1] - x[0];
            d[^1] = x[^1] - x[^2];
            for (var i = 1; i < x.Length - 1; i++) d[i] = x[i + 1] - x[i - 1];
            return d;
        }
        return v.Imaginary is { } im ? Vector.OfComplex(v.Name, D(v.Real), D(im)) with { Scale = v.Scale } : Real(v, D(v.Real));
    }

    private static Vector Normalize(Vector v, Settings _)
    {
        var largest = Magnitudes(v).Max();
        if (largest == 0) throw new VectorExpressionException("can't normalize a 0 vector");
        return v.IsComplex ? Map(v, (re, im) => (re / largest, im / largest)) : Elementwise(v, x => x / largest);
    }

    private static double[] ScaleOf(Vector v, string name)
    {
        if (v.Scale is not { } scale || scale.Length != v.Length)
            throw new VectorExpressionException($"{name}({v.Name}): the vector has no scale of its length");
        return scale.Real;
    }

    /// <summary>ngspice's cx_deriv with its default degree 2: the derivative of the parabola through each three points.</summary>
    private static Vector Derivative(Vector v, Settings _)
    {
        var x = ScaleOf(v, "deriv");
        if (v.Length < 3) throw new VectorExpressionException($"deriv({v.Name}) needs at least three points");
        double[] D(double[] y)
        {
            var d = new double[y.Length];
            var k = 0;
            (double A, double B, double C) last = default;
            for (var i = 2; i < y.Length; i++)
            {
                last = ParabolaDerivative(x[i - 2], x[i - 1], x[i], y[i - 2], y[i - 1], y[i]);
                for (var j = k; j <= i - 1; j++) d[j] = last.A + last.B * x[j];
                k = i;
            }
            for (var j = k; j < y.Length; j++) d[j] = last.A + last.B * x[j];
            return d;
        }
        return v.Imaginary is { } im ? Vector.OfComplex(v.Name, D(v.Real), D(im)) with { Scale = v.Scale } : Real(v, D(v.Real));
    }

    /// <summary>The derivative a + b x of the parabola through three points.</summary>
    private static (double A, double B, double C) ParabolaDerivative(double x0, double x1, double x2, double y0, double y1, double y2)
    {
        var d01 = (y1 - y0) / (x1 - x0);
        var d12 = (y2 - y1) / (x2 - x1);
        var c2 = (d12 - d01) / (x2 - x0);
        // y = y0 + d01 (x - x0) + c2 (x - x0)(x - x1); y' = d01 + c2 (2x - x0 - x1)
        return (d01 - c2 * (x0 + x1), 2 * c2, 0);
    }

    private static Vector Integral(Vector v, Settings _)
    {
        if (v.IsComplex) throw new VectorExpressionException("integ is not supported for complex data");
        var x = ScaleOf(v, "integ");
        var d = new double[v.Length];
        for (var i = 1; i < d.Length; i++) d[i] = d[i - 1] + (v.Real[i] + v.Real[i - 1]) * (x[i] - x[i - 1]) / 2.0;
        return Real(v, d);
    }

    /// <summary>Linear interpolation of a vector onto the current plot's scale (ngspice's polydegree 1, its default).</summary>
    private static Vector Interpolate(Vector v, Settings s)
    {
        if (v.IsComplex) throw new VectorExpressionException("interpolate: argument has complex data");
        var x = ScaleOf(v, "interpolate");
        var target = s.CurrentScale?.Real ?? throw new VectorExpressionException("interpolate: the current plot has no scale");
        var d = new double[target.Length];
        for (var i = 0; i < d.Length; i++)
        {
            var t = target[i];
            var k = 1;
            while (k < x.Length - 1 && (x[0] < x[^1] ? x[k] < t : x[k] > t)) k++;
            var f = (t - x[k - 1]) / (x[k] - x[k - 1]);
            d[i] = v.Real[k - 1] + f * (v.Real[k] - v.Real[k - 1]);
        }
        return Vector.OfReal(v.Name, d) with { Scale = s.CurrentScale };
    }
}
