namespace Hwsim.Circuits.Control.Vectors;

/// <summary>
/// The binary operators of the control language, element by element as ngspice's <c>doop</c> and <c>cx_*</c>
/// routines: the shorter operand is extended with its last value, comparisons give real 0/1 (a complex pair
/// compares part by part), <c>a , b</c> is a + j*b, and an argument out of range is an error as in ngspice.
/// </summary>
internal static class VectorOperators
{
    public static Vector Apply(char op, Vector a, Vector b)
    {
        var length = Math.Max(a.Length, b.Length);
        if (a.Length == 0 || b.Length == 0) throw new VectorExpressionException($"no such vector {(a.Length == 0 ? a.Name : b.Name)}");
        var scale = a.Scale ?? b.Scale;
        if (a.Length < length) scale = b.Scale ?? a.Scale;
        var name = $"{a.Name}{op}{b.Name}";
        if (op is '=' or 'N' or '<' or '>' or 'G' or 'L' or '&' or '|')
            return Vector.OfReal(name, Relational(op, a, b, length)) with { Scale = scale };
        if (!a.IsComplex && !b.IsComplex && op != ',')
        {
            var r = new double[length];
            for (var i = 0; i < length; i++) r[i] = Real(op, At(a.Real, i), At(b.Real, i));
            return Vector.OfReal(name, r) with { Scale = scale };
        }
        var re = new double[length];
        var im = new double[length];
        for (var i = 0; i < length; i++)
        {
            var (x, y) = Complex(op, Re(a, i), Im(a, i), Re(b, i), Im(b, i));
            re[i] = x;
            im[i] = y;
        }
        return Vector.OfComplex(name, re, im) with { Scale = scale };
    }

    private static double At(double[] values, int i) => values[Math.Min(i, values.Length - 1)];
    private static double Re(Vector v, int i) => At(v.Real, i);
    private static double Im(Vector v, int i) => v.Imaginary is null ? 0 : At(v.Imaginary, i);

    private static double Real(char op, double x, double y) => op switch
    {
        '+' => x + y,
        '-' => x - y,
        '*' => x * y,
        '/' => y != 0 ? x / y : throw OutOfRange("divide"),
        '%' => Modulo(x, y),
        '^' => x >= 0 || Math.Floor(y) == Math.Ceiling(y) ? Math.Pow(x, y) : throw OutOfRange("power"),
        _ => throw new VectorExpressionException($"operator '{op}' is not defined"),
    };

    private static double Modulo(double x, double y)
    {
        var r1 = (int)Math.Floor(Math.Abs(x));
        var r2 = (int)Math.Floor(Math.Abs(y));
        if (r2 <= 0) throw OutOfRange("mod");
        return r1 % r2;
    }

    private static (double Re, double Im) Complex(char op, double r1, double i1, double r2, double i2)
    {
        switch (op)
        {
            case '+': return (r1 + r2, i1 + i2);
            case '-': return (r1 - r2, i1 - i2);
            case '*': return (r1 * r2 - i1 * i2, r1 * i2 + i1 * r2);
            case ',': return (r1 + i2, i1 + r2);
            case '/':
            {
                if (r2 == 0 && i2 == 0) throw OutOfRange("divide");
                return VectorFunctions.Divide(r1, i1, r2, i2);
            }
            case '%':
            {
                var a = (int)Math.Floor(Math.Abs(r2));
                var b = (int)Math.Floor(Math.Abs(i2));
                if (a <= 0 || b <= 0) throw OutOfRange("mod");
                return ((int)Math.Floor(Math.Abs(r1)) % a, (int)Math.Floor(Math.Abs(i1)) % b);
            }
            case '^':
            {
                if (r1 == 0 && i1 == 0) return (0, 0);
                // exp(b * ln(a)), as ngspice's cx_power
                var lr = Math.Log(Math.Sqrt(r1 * r1 + i1 * i1));
                var li = i1 != 0 ? Math.Atan2(i1, r1) : 0;
                var er = r2 * lr - i2 * li;
                var ei = i2 * lr + r2 * li;
                var d = Math.Exp(er);
                return (d * Math.Cos(ei), ei != 0 ? d * Math.Sin(ei) : 0);
            }
            default: throw new VectorExpressionException($"operator '{op}' is not defined");
        }
    }

    private static double[] Relational(char op, Vector a, Vector b, int length)
    {
        var d = new double[length];
        var complex = a.IsComplex || b.IsComplex;
        for (var i = 0; i < length; i++)
        {
            double r1 = Re(a, i), r2 = Re(b, i);
            bool result;
            if (!complex)
            {
                result = op switch
                {
                    '=' => r1 == r2,
                    'N' => r1 != r2,
                    '<' => r1 < r2,
                    '>' => r1 > r2,
                    'G' => r1 >= r2,
                    'L' => r1 <= r2,
                    '&' => r1 != 0 && r2 != 0,
                    _ => r1 != 0 || r2 != 0,
                };
            }
            else
            {
                double i1 = Im(a, i), i2 = Im(b, i);
                result = op switch
                {
                    '=' => r1 == r2 && i1 == i2,
                    'N' => r1 != r2 && i1 != i2,
                    '<' => r1 < r2 && i1 < i2,
                    '>' => r1 > r2 && i1 > i2,
                    'G' => r1 >= r2 && i1 >= i2,
                    'L' => r1 <= r2 && i1 <= i2,
                    '&' => r1 != 0 && r2 != 0 && i1 != 0 && i2 != 0,
                    _ => (r1 != 0 || r2 != 0) && (i1 != 0 || i2 != 0),
                };
            }
            d[i] = result ? 1 : 0;
        }
        return d;
    }

    public static VectorExpressionException OutOfRange(string what) => new($"argument out of range for {what}");
}
