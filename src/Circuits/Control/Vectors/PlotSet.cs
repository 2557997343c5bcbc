using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Control.Vectors;

/// <summary>
/// Every plot of a control session, the current one, and the <c>const</c> plot of constants. Finds vectors by
/// name as ngspice's <c>vec_get</c> does: <c>plot.name</c> names a plot by prefix; a name is looked for in the
/// current plot as written, then as <c>v(name)</c>, then <c>x(node)</c> as <c>node</c> and <c>i(node)</c> as
/// <c>node#branch</c>, and last in <c>const</c>.
/// </summary>
public sealed class PlotSet
{
    private readonly List<VectorPlot> _plots = [];
    /// <summary>ngspice's plot_num: one number for all plot types, raised only when a name is taken (ac1, ac2, dc2, op2).</summary>
    private int _number = 1;

    public PlotSet(DateTime date)
    {
        Constants = new VectorPlot("const", "Constant values", "constants", date);
        Constants.Set(Vector.Scalar("yes", 1));
        Constants.Set(Vector.Scalar("TRUE", 1));
        Constants.Set(Vector.Scalar("no", 0));
        Constants.Set(Vector.Scalar("FALSE", 0));
        Constants.Set(Vector.Scalar("pi", Math.PI));
        Constants.Set(Vector.Scalar("e", Math.E));
        Constants.Set(Vector.Scalar("c", 299792458));
        Constants.Set(Vector.OfComplex("i", [0.0], [1.0]));
        Constants.Set(Vector.Scalar("kelvin", -PhysicalConstants.CelsiusToKelvin));
        Constants.Set(Vector.Scalar("echarge", 1.6021766208e-19));
        Constants.Set(Vector.Scalar("boltz", 1.38064852e-23));
        Constants.Set(Vector.Scalar("planck", 6.626070040e-34));
        _plots.Add(Constants);
        Current = Constants;
    }

    /// <summary>The plot of constants (<c>pi</c>, <c>e</c>, <c>i</c>, <c>boltz</c> ...).</summary>
    public VectorPlot Constants { get; }

    /// <summary>The plot that names without a plot prefix refer to, and that <c>let</c> writes into.</summary>
    public VectorPlot Current { get; set; }

    /// <summary>Every plot, newest first (as ngspice lists them), <c>const</c> last.</summary>
    public IEnumerable<VectorPlot> All => _plots.AsEnumerable().Reverse();

    /// <summary>
    /// Adds a plot named <paramref name="kind"/> and a number, and makes it current. As ngspice's plot_alloc, the
    /// number is shared by all types and raised only while the name is taken: ac1 then ac2, then dc2, op2.
    /// </summary>
    public VectorPlot Add(string kind, string title, string typeName, DateTime date)
    {
        while (_plots.Any(p => p.Name.Equals(kind + _number, StringComparison.OrdinalIgnoreCase))) _number++;
        var plot = new VectorPlot(kind + _number, title, typeName, date);
        _plots.Add(plot);
        Current = plot;
        return plot;
    }

    /// <summary>The plot named <paramref name="name"/> (ngspice's prefix rule: <c>tran</c> finds the first tran plot).</summary>
    public VectorPlot? Find(string name)
    {
        foreach (var p in All)
            if (IsPrefix(name, p.Name)) return p;
        return null;
    }

    /// <summary>Numbers plots from 1 again, as ngspice does after <c>destroy all</c>.</summary>
    public void RestartNumbering() => _number = 1;

    /// <summary>Deletes a plot (not <c>const</c>); the current plot falls back to the newest one left.</summary>
    public bool Remove(VectorPlot plot)
    {
        if (plot == Constants || !_plots.Remove(plot)) return false;
        if (Current == plot) Current = _plots[^1];
        return true;
    }

    /// <summary>ngspice's <c>plot_prefix</c>: <c>pre</c> starts <c>name</c>, and a prefix ending in a digit is not continued.</summary>
    private static bool IsPrefix(string pre, string name)
    {
        if (pre.Length == 0) return true;
        if (!name.StartsWith(pre, StringComparison.OrdinalIgnoreCase)) return false;
        return name.Length == pre.Length || !char.IsAsciiDigit(pre[^1]);
    }

    /// <summary>Finds a vector as ngspice's <c>vec_get</c> (without <c>@device[param]</c>, which the interpreter answers).</summary>
    public Vector? Get(string name)
    {
        var plot = Current;
        var word = name;
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0 && !name.StartsWith('@'))
        {
            if (Find(name[..dot]) is { } named)
            {
                plot = named;
                word = name[(dot + 1)..];
            }
        }
        return FromPlot(word, plot) ?? (plot == Constants ? null : FromPlot(word, Constants));
    }

    /// <summary>ngspice's <c>vec_fromplot</c>.</summary>
    public static Vector? FromPlot(string word, VectorPlot plot)
    {
        var d = plot.Get(word) ?? plot.Get($"v({word})");
        if (d is not null || word.Length < 4 || word[1] != '(' || word[0] == '(') return d;
        var close = word.LastIndexOf(')');
        if (close != word.Length - 1 || close <= 2) return null;
        var node = word[2..close];
        if (char.ToLowerInvariant(word[0]) == 'i') node += "#branch";
        return plot.Get(node) ?? plot.Get($"v({node})");
    }
}
