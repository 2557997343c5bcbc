using System.Numerics;

namespace Hwsim.Circuits.Results;

/// <summary>
/// A vector named on a <c>.save</c>, <c>.print</c> or <c>.meas</c> line: <c>v(out)</c>, <c>v(a,b)</c> (the difference),
/// <c>i(v1)</c>, and the AC forms <c>vm vp vdb vr vi</c> (<c>im ip idb ir ii</c> for currents) of each.
/// </summary>
/// <param name="Name">The name as written, lower case, without blanks: <c>vdb(out)</c>, <c>v(a,b)</c>; the CSV column.</param>
/// <param name="Form">How the value is read.</param>
/// <param name="Vector">The stored vector it reads: <c>v(out)</c>, <c>i(v1)</c>.</param>
/// <param name="Reference">For <c>v(a,b)</c> the vector subtracted, <c>v(b)</c>; null otherwise.</param>
public sealed record OutputVector(string Name, OutputForm Form, string Vector, string? Reference = null)
{
    /// <summary>True for a current (<c>i(...)</c> and its forms).</summary>
    public bool IsCurrent => Vector.StartsWith("i(", StringComparison.Ordinal);

    /// <summary>The stored vectors it reads (one, or two for a difference).</summary>
    public IEnumerable<string> Sources => Reference is null ? [Vector] : [Vector, Reference];

    /// <summary>
    /// Reads an output from its letter form and arguments: <c>("vdb", ["out"])</c>, <c>("v", ["a", "b"])</c>,
    /// <c>("i", ["v1"])</c>. Null when <paramref name="function"/> is not one of the forms.
    /// </summary>
    public static OutputVector? Create(string function, IReadOnlyList<string> arguments)
    {
        var f = function.ToLowerInvariant();
        if (f.Length == 0 || (f[0] != 'v' && f[0] != 'i')) return null;
        OutputForm? form = f[1..] switch
        {
            "" => OutputForm.Value,
            "m" => OutputForm.Magnitude,
            "p" => OutputForm.Phase,
            "db" => OutputForm.Decibel,
            "r" => OutputForm.Real,
            "i" => OutputForm.Imaginary,
            _ => null,
        };
        if (form is null) return null;
        var args = arguments.Select(a => a.ToLowerInvariant()).ToArray();
        if (f[0] == 'i')
        {
            if (args.Length != 1) return null;
            var source = args[0].EndsWith("#branch", StringComparison.Ordinal) ? args[0][..^7] : args[0];
            return new OutputVector($"{f}({args[0]})", form.Value, $"i({source})");
        }
        if (args.Length is < 1 or > 2) return null;
        var a = Node(args[0]);
        var b = args.Length == 2 ? Node(args[1]) : "0";
        var name = args.Length == 2 && b != "0" ? $"{f}({args[0]},{args[1]})" : $"{f}({args[0]})";
        if (a == "0" && b == "0") return null;
        if (a == "0") return new OutputVector(name, form.Value, $"v({b})", Reference: null) { Negated = true };
        return new OutputVector(name, form.Value, $"v({a})", b == "0" ? null : $"v({b})");
    }

    /// <summary>True for <c>v(0,b)</c>: the value is minus <see cref="Vector"/>.</summary>
    public bool Negated { get; init; }

    /// <summary>
    /// The output's values in a result: real for a transient, DC sweep or operating point; for AC complex when the form
    /// is <see cref="OutputForm.Value"/>, else real (magnitude, phase, ...).
    /// </summary>
    /// <exception cref="KeyNotFoundException">The result does not hold a vector it reads.</exception>
    public ResultVector Evaluate(AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var a = result[Vector];
        var b = Reference is null ? null : result[Reference];
        var n = a.Length;
        if (a.Complex is { } ca)
        {
            var z = new Complex[n];
            for (var k = 0; k < n; k++) z[k] = (Negated ? -ca[k] : ca[k]) - (b?.Complex is { } cb ? cb[k] : Complex.Zero);
            if (Form == OutputForm.Value) return new ResultVector(Name, z);
            var values = new double[n];
            for (var k = 0; k < n; k++) values[k] = Read(z[k]);
            return new ResultVector(Name, values);
        }
        var real = new double[n];
        for (var k = 0; k < n; k++)
        {
            var x = (Negated ? -a.Real[k] : a.Real[k]) - (b is null ? 0 : b.Real[k]);
            real[k] = Form == OutputForm.Value ? x : Read(new Complex(x, 0));
        }
        return new ResultVector(Name, real);
    }

    /// <summary>
    /// The real values a measurement reads, as ngspice's <c>.meas</c> does: the value itself for real data, the real
    /// part of a complex value unless a form (magnitude, phase, dB, ...) says otherwise.
    /// </summary>
    public double[] RealValues(AnalysisResult result) => Evaluate(result).Real;

    private double Read(Complex z) => Form switch
    {
        OutputForm.Magnitude => z.Magnitude,
        OutputForm.Phase => Math.Atan2(z.Imaginary, z.Real),
        OutputForm.Decibel => 20 * Math.Log10(z.Magnitude),
        OutputForm.Imaginary => z.Imaginary,
        _ => z.Real,
    };

    private static string Node(string node) => node is "0" or "gnd" ? "0" : node;

    /// <inheritdoc />
    public override string ToString() => Name;
}
