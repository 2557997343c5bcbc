using Hwsim.Circuits.Control.Script;
using Hwsim.Circuits.Control.Vectors;

namespace Hwsim.Circuits.Control;

/// <summary>Vector commands: <c>let</c>, <c>unlet</c>, <c>compose</c>, <c>setplot</c>, <c>destroy</c>, <c>display</c>, <c>setscale</c>.</summary>
public sealed partial class ControlSession
{
    /// <summary>Evaluates one expression text.</summary>
    private Vector Evaluate(string text) => VectorEvaluator.Evaluate(VectorExpressionParser.ParseOne(text), this);

    /// <summary><c>let name = expr</c>, <c>let name[i] = expr</c>, <c>let plot.name = expr</c> (ngspice's com_let).</summary>
    private void Let(List<string> args)
    {
        if (args.Count == 0)
        {
            Display([]);
            return;
        }
        var line = string.Join(" ", args);
        var eq = line.IndexOf('=', StringComparison.Ordinal);
        if (eq < 0) throw new VectorExpressionException("bad let syntax");
        var target = line[..eq].Trim();
        var rhs = line[(eq + 1)..];
        string? index = null;
        var bracket = target.IndexOf('[', StringComparison.Ordinal);
        if (bracket >= 0)
        {
            index = target[(bracket + 1)..].TrimEnd().TrimEnd(']');
            target = target[..bracket].Trim();
        }
        if (target.Length == 0 || target == "all" || target.Contains('@') || char.IsAsciiDigit(target[0]))
            throw new VectorExpressionException($"bad variable name \"{target}\"");
        var value = Evaluate(rhs);
        var (plot, name) = TargetPlot(target);
        var existing = plot.Get(name);
        if (index is not null)
        {
            if (existing is null) throw new VectorExpressionException("when creating a new vector, it cannot be indexed");
            plot.Set(SetElements(existing, index, value));
            return;
        }
        plot.Set(value.Named(existing?.Name ?? name, value.Type, value.Scale));
    }

    /// <summary>The plot a <c>let</c> writes to: <c>plot.name</c>, else where a vector of that name already is (the current plot or <c>const</c>).</summary>
    private (VectorPlot Plot, string Name) TargetPlot(string target)
    {
        var dot = target.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0 && Plots.Find(target[..dot]) is { } named) return (named, target[(dot + 1)..]);
        if (Plots.Current.Get(target) is not null) return (Plots.Current, target);
        if (Plots.Constants.Get(target) is not null) return (Plots.Constants, target);
        return (Plots.Current, target);
    }

    /// <summary><c>let v[i] = x</c> and <c>let v[i:j] = ...</c>: the source must fill the range exactly.</summary>
    private Vector SetElements(Vector vector, string index, Vector source)
    {
        var parts = index.Split(':');
        var low = (int)Math.Floor(Evaluate(parts[0]).Real[0] + 0.5);
        var high = parts.Length > 1 ? (int)Math.Floor(Evaluate(parts[1]).Real[0] + 0.5) : low;
        if (low < 0 || high >= vector.Length || high < low)
            throw new VectorExpressionException($"index {index} is out of range of {vector.Name} (0 to {vector.Length - 1})");
        var n = high - low + 1;
        if (source.Length != n)
            throw new VectorExpressionException($"data for an index vector must fit exactly: the range needs {n} element{(n == 1 ? "" : "s")}, {source.Length} given");
        if (!vector.IsComplex && source.IsComplex) throw new VectorExpressionException("complex data cannot be used to fill an array of real data");
        var re = (double[])vector.Real.Clone();
        var im = vector.Imaginary is null ? null : (double[])vector.Imaginary.Clone();
        for (var k = 0; k < n; k++)
        {
            re[low + k] = source.Real[k];
            if (im is not null) im[low + k] = source.Imaginary?[k] ?? 0;
        }
        return (im is null ? Vector.OfReal(vector.Name, re, vector.Type) : Vector.OfComplex(vector.Name, re, im, vector.Type)) with { Scale = vector.Scale };
    }

    private void Unlet(List<string> args)
    {
        foreach (var a in args)
            if (!Plots.Current.Remove(a) && !Plots.Constants.Remove(a)) Report($"unlet: no vector {a} in the current plot or the constants");
    }

    /// <summary><c>compose name values a b c</c> (each an expression), or <c>compose name start= stop= step= | len= | lin=</c>.</summary>
    private void Compose(List<string> args)
    {
        if (args.Count < 2) throw new VectorExpressionException("compose: usage is compose name values ... or compose name start=.. stop=.. ...");
        var name = args[0];
        if (args[1].Equals("values", StringComparison.OrdinalIgnoreCase))
        {
            var parts = args.Skip(2).Select(Evaluate).ToList();
            if (parts.Count == 0) throw new VectorExpressionException("compose: no values");
            var re = parts.SelectMany(p => p.Real).ToArray();
            Vector v = parts.Any(p => p.IsComplex)
                ? Vector.OfComplex(name, re, parts.SelectMany(p => p.Imaginary ?? new double[p.Length]).ToArray())
                : Vector.OfReal(name, re);
            Plots.Current.Set(v);
            return;
        }
        var given = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in ControlVariables.ParseSet(args.Skip(1).ToList()))
            given[key] = value.Number ?? throw new VectorExpressionException($"compose: {key} must be a number");
        Plots.Current.Set(Vector.OfReal(name, Linear(given)));
    }

    /// <summary>The values of <c>compose start= stop= step= len= lin=</c>.</summary>
    private static double[] Linear(Dictionary<string, double> p)
    {
        var start = p.GetValueOrDefault("start", 0);
        var count = p.TryGetValue("len", out var len) ? (int)len : p.TryGetValue("lin", out var lin) ? (int)lin : 0;
        if (p.TryGetValue("step", out var step) && step != 0)
        {
            var stop = p.TryGetValue("stop", out var s) ? s : start + step * (count - 1);
            count = (int)Math.Floor((stop - start) / step + 1e-9) + 1;
        }
        else if (p.TryGetValue("stop", out var stop) && count > 1)
        {
            step = (stop - start) / (count - 1);
        }
        else step = 1;
        if (count < 1) throw new VectorExpressionException("compose: the parameters give no values");
        var d = new double[count];
        for (var i = 0; i < count; i++) d[i] = start + i * step;
        return d;
    }

    private void SetPlot(List<string> args)
    {
        if (args.Count == 0)
        {
            _out.WriteLine("List of plots available:");
            _out.WriteLine();
            foreach (var p in Plots.All)
                _out.WriteLine($"{(p == Plots.Current ? "Current " : "\t")}{p.Name}\t{p.Title} ({p.TypeName})");
            return;
        }
        var name = args[0];
        if (name.Equals("new", StringComparison.OrdinalIgnoreCase))
        {
            Plots.Add("unknown", "anonymous", "unknown", _host.Date);
            return;
        }
        Plots.Current = Plots.Find(name) ?? throw new VectorExpressionException($"no such plot named {name}");
    }

    private void Destroy(List<string> args)
    {
        var names = args.Count == 0 ? [Plots.Current.Name] : args;
        foreach (var name in names)
        {
            if (name.Equals("all", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var p in Plots.All.Where(p => p != Plots.Constants).ToList()) Plots.Remove(p);
                Plots.RestartNumbering();
                continue;
            }
            if (Plots.Find(name) is not { } plot || !Plots.Remove(plot)) Report($"destroy: no such plot {name}");
        }
    }

    private void Display(List<string> args)
    {
        var plot = Plots.Current;
        _out.WriteLine($"Here are the vectors currently active:");
        _out.WriteLine();
        _out.WriteLine($"Title: {plot.Title}");
        _out.WriteLine($"Name: {plot.Name} ({plot.TypeName})");
        _out.WriteLine($"Date: {Results.PrintTable.Date(plot.Date)}");
        _out.WriteLine();
        var shown = args.Count == 0 ? plot.Vectors : args.Select(a => plot.Get(a)).OfType<Vector>().ToList();
        foreach (var (name, v) in shown.Select(v => (StoredName(v.Name), v)).OrderBy(x => x.Item1, VectorNameComparer.Instance))
            _out.WriteLine($"    {name,-20}: {v.Type.Name()}, {(v.IsComplex ? "complex" : "real")}, {v.Length} long{(v == plot.Scale ? " [default scale]" : "")}");
    }

    /// <summary><c>setscale [vector]</c>: names the current plot's scale, or makes a vector of it the scale.</summary>
    private void SetScale(List<string> args)
    {
        var plot = Plots.Current;
        if (args.Count == 0)
        {
            _out.WriteLine(plot.Scale?.Name ?? "(no scale)");
            return;
        }
        plot.Scale = plot.Get(args[0]) ?? throw new VectorExpressionException($"no such vector {args[0]}");
    }
}
