using System.Globalization;
using System.Text;
using Hwsim.Circuits.Control.Script;
using Hwsim.Circuits.Control.Vectors;
using Hwsim.Circuits.Expressions;
using Hwsim.Circuits.Measurements;
using Hwsim.Circuits.Netlist;
using Hwsim.Circuits.Results;

namespace Hwsim.Circuits.Control;

/// <summary>Output commands: <c>print</c>, <c>write</c>, <c>wrdata</c>, <c>plot</c>/<c>gnuplot</c>, <c>meas</c>.</summary>
public sealed partial class ControlSession
{
    private int _plotCount;
    private ParameterScope? _measureScope;

    /// <summary>
    /// Evaluates the expressions of a command, <c>all</c> (and <c>allv</c>, <c>alli</c>) standing for the current
    /// plot's vectors. One that fails is reported and the whole command does nothing (an empty list), as in ngspice.
    /// </summary>
    private List<Vector> EvaluateList(IReadOnlyList<string> words)
    {
        var result = new List<Vector>();
        if (words.Count == 0) return result;
        foreach (var e in VectorExpressionParser.ParseList(string.Join(" ", words)))
        {
            if (e is NameNode { Name: var n } && n.ToLowerInvariant() is "all" or "allv" or "alli" or "ally")
            {
                var plot = Plots.Current;
                var all = n.ToLowerInvariant() switch
                {
                    "allv" => plot.Vectors.Where(v => v.Type == VectorType.Voltage),
                    "alli" => plot.Vectors.Where(v => v.Type == VectorType.Current),
                    "ally" => plot.Vectors.Where(v => v != plot.Scale),
                    _ => plot.Vectors,
                };
                // ngspice lists them sorted by the names it stores them under (out, not v(out))
                result.AddRange(all.Select(v => v.Named(StoredName(v.Name))).OrderBy(v => v.Name, VectorNameComparer.Instance));
                continue;
            }
            try
            {
                result.Add(VectorEvaluator.Evaluate(e, this));
            }
            catch (VectorExpressionException x)
            {
                Report($"{x.Message} (in '{e.Text}')");
                return [];
            }
        }
        return result;
    }

    /// <summary><c>print [col|line] expr ...</c> as ngspice's com_print.</summary>
    private void Print(List<string> args)
    {
        bool? column = null;
        if (args.Count > 0 && args[0] is "col" or "line")
        {
            column = args[0] == "col";
            args = args.Skip(1).ToList();
        }
        var vectors = EvaluateList(args);
        if (vectors.Count == 0) return;
        var plot = Plots.Current;
        column ??= vectors.Any(v => v.Length > 1 && !(v.Name.StartsWith('@') && plot.Scale is { } s && s.Length != v.Length));
        if (column == false)
        {
            foreach (var v in vectors) PrintLine(v);
            return;
        }
        var scale = plot.Scale is { } sc && !vectors[0].Name.Equals(sc.Name, StringComparison.OrdinalIgnoreCase) ? sc : null;
        var columns = vectors.Select(v => (v.Name, ToResult(v))).ToList();
        PrintTable.Write(_out, plot.Title, plot.TypeName, plot.Date,
            scale is null ? null : new ResultVector(scale.Name, scale.Real), scale?.IsComplex == true, columns, blankLineAfter: false);
    }

    private static ResultVector ToResult(Vector v)
    {
        if (v.Imaginary is not { } im) return new ResultVector(v.Name, v.Real);
        var z = new System.Numerics.Complex[v.Length];
        for (var i = 0; i < z.Length; i++) z[i] = new System.Numerics.Complex(v.Real[i], im[i]);
        return new ResultVector(v.Name, z);
    }

    /// <summary>A vector in line mode: <c>name = value</c>, <c>name = re,im</c>, or <c>name = (  a  b ... )</c>.</summary>
    private void PrintLine(Vector v)
    {
        static string Value(Vector v, int i) => v.Imaginary is { } im
            ? $"{NgspiceNumbers.PrintNum(v.Real[i])},{NgspiceNumbers.PrintNum(im[i])}"
            : NgspiceNumbers.PrintNum(v.Real[i]);
        if (v.Length == 1)
        {
            _out.WriteLine($"{v.Name.ToLowerInvariant()} = {Value(v, 0)}"); // ngspice prints names in lower case
            return;
        }
        var sb = new StringBuilder($"{v.Name.ToLowerInvariant()} = (  ");
        var width = 10;
        for (var i = 0; i < v.Length; i++)
        {
            var text = Value(v, i);
            sb.Append(text);
            width = ((width + text.Length + 7) / 8) * 8 + 1;
            if (width > 80)
            {
                sb.Append("\n\t");
                width = 9;
            }
            else sb.Append('\t');
        }
        sb.Append(')');
        _out.WriteLine(sb.ToString());
    }

    /// <summary><c>write [file] [expr ...]</c>: an ngspice rawfile (binary, or text after <c>set filetype=ascii</c>) of the current plot's vectors or the ones named.</summary>
    private void Write(List<string> args)
    {
        var file = args.Count > 0 ? ControlLexer.Unquote(args[0]) : "rawspice.raw";
        if (!AllowedFile(file)) return;
        if (_host.WriteRawFile is not { } writer) throw new VectorExpressionException("this program cannot write rawfiles");
        var plot = Plots.Current;
        var vectors = args.Count > 1 ? EvaluateList(args.Skip(1).ToList()) : plot.Vectors.ToList();
        if (vectors.Count == 0) return;
        if (plot.Scale is { } scale && !vectors.Any(v => v.Name.Equals(scale.Name, StringComparison.OrdinalIgnoreCase))) vectors.Insert(0, scale);
        var ascii = Variables.Get("filetype") is StringValue { Value: var t } && t.Equals("ascii", StringComparison.OrdinalIgnoreCase);
        writer(Resolve(file), [new RawPlot(plot.Title, plot.TypeName, plot.Date, vectors)], ascii);
    }

    /// <summary><c>wrdata file expr ...</c>: text columns as ngspice writes them (scale and value per vector, <c>wr_singlescale</c>, <c>wr_vecnames</c>).</summary>
    private void WriteData(List<string> args)
    {
        if (args.Count < 2) throw new VectorExpressionException("wrdata: usage is wrdata file expression ...");
        var file = ControlLexer.Unquote(args[0]);
        if (!AllowedFile(file)) return;
        var vectors = EvaluateList(args.Skip(1).ToList());
        if (vectors.Count == 0) return;
        var singleScale = Variables.Get("wr_singlescale") is not null;
        var names = Variables.Get("wr_vecnames") is not null;
        var append = Variables.Get("appendwrite") is not null;
        // a plot without a scale (an operating point) uses its first vector, as ngspice's plots do
        var scale = Plots.Current.Scale ?? Plots.Current.Vectors.FirstOrDefault();
        using var w = new StreamWriter(Resolve(file), append);
        var rows = vectors.Max(v => v.Length);
        double ScaleAt(Vector v, int i) => (v.Scale ?? scale) is { } s && i < s.Length ? s.Real[i] : i;
        if (names)
        {
            var header = new StringBuilder();
            for (var k = 0; k < vectors.Count; k++)
            {
                if (k == 0 || !singleScale) header.Append(' ').Append(StoredName((vectors[k].Scale ?? scale)?.Name ?? "index").PadRight(15));
                var name = vectors[k].Name.PadRight(15);
                header.Append(' ').Append(name);
                if (vectors[k].IsComplex) header.Append(' ').Append(name); // the imaginary column is named the same
            }
            w.Write(header.Append('\n').ToString());
        }
        for (var i = 0; i < rows; i++)
        {
            var line = new StringBuilder();
            for (var k = 0; k < vectors.Count; k++)
            {
                var v = vectors[k];
                if (k == 0 || !singleScale) line.Append(CE(ScaleAt(v, i))).Append(' ');
                var j = Math.Min(i, v.Length - 1);
                line.Append(CE(v.Real[j])).Append(' ');
                if (v.Imaginary is { } im) line.Append(CE(im[j])).Append(' ');
            }
            w.Write(line.Append('\n').ToString());
        }
    }

    /// <summary>
    /// The name ngspice stores a node voltage under (<c>out</c> for <c>v(out)</c>), as <c>wrdata</c> heads its scale
    /// column and <c>display</c> lists it (branch currents are stored as ngspice names them already: <c>v1#branch</c>).
    /// </summary>
    private static string StoredName(string name) =>
        name.StartsWith("v(", StringComparison.Ordinal) && name.EndsWith(')') && !name.Contains(',', StringComparison.Ordinal) ? name[2..^1] : name;

    /// <summary>C's <c>% .8e</c>: a blank or a minus, then the number.</summary>
    private static string CE(double x)
    {
        var s = NgspiceNumbers.E(x, 8);
        return s.StartsWith('-') ? s : " " + s;
    }

    /// <summary><c>plot</c> / <c>gnuplot</c> in a batch run: a PNG of the named vectors against their scale, and where it went.</summary>
    private void PlotCommand(string command, List<string> args)
    {
        string? file = null;
        if (command == "gnuplot")
        {
            if (args.Count < 2) throw new VectorExpressionException("gnuplot: usage is gnuplot file expression ...");
            file = ControlLexer.Unquote(args[0]);
            args = args.Skip(1).ToList();
        }
        var (title, xlabel, logX, logY, expressions) = PlotOptions(args);
        var vectors = EvaluateList(expressions);
        if (vectors.Count == 0) return;
        var path = file is null
            ? $"{Path.GetFileNameWithoutExtension(_netlist.SourceName)}-plot{++_plotCount}.png"
            : file.EndsWith(".png", StringComparison.OrdinalIgnoreCase) ? file : file + ".png";
        if (!AllowedFile(path)) return;
        if (_host.DrawPlot is not { } draw) throw new VectorExpressionException("this program cannot draw plots");
        var scale = Plots.Current.Scale;
        var series = vectors.Select(v =>
        {
            var x = (v.Scale ?? scale) is { } s && s.Length == v.Length ? s.Real : Enumerable.Range(0, v.Length).Select(i => (double)i).ToArray();
            var y = v.Imaginary is { } im ? v.Real.Select((re, i) => Math.Sqrt(re * re + im[i] * im[i])).ToArray() : v.Real;
            return new PlotSeries(v.Name, x, y);
        }).ToList();
        var full = Resolve(path);
        var xName = xlabel ?? vectors[0].Scale?.Name ?? scale?.Name ?? "index";
        draw(new PlotRequest(full, title ?? Plots.Current.Title, xName, series, logX || xName == "frequency", logY));
        _out.WriteLine($"hwsim: {command}: wrote {full}");
    }

    /// <summary>The options of <c>plot</c> that hwsim honours (<c>title</c>, <c>xlabel</c>, <c>xlog</c>, <c>ylog</c>, <c>loglog</c>); others are ignored.</summary>
    private static (string? Title, string? XLabel, bool LogX, bool LogY, List<string> Expressions) PlotOptions(List<string> args)
    {
        string? title = null, xlabel = null;
        bool logX = false, logY = false;
        var rest = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i].ToLowerInvariant())
            {
                case "title" when i + 1 < args.Count: title = ControlLexer.Unquote(args[++i]); break;
                case "xlabel" when i + 1 < args.Count: xlabel = ControlLexer.Unquote(args[++i]); break;
                case "ylabel" when i + 1 < args.Count: i++; break;
                case "xlimit" or "ylimit" or "xdelta" or "ydelta" when i + 2 < args.Count: i += args[i].EndsWith("delta", StringComparison.Ordinal) ? 1 : 2; break;
                case "xlog": logX = true; break;
                case "ylog": logY = true; break;
                case "loglog": logX = logY = true; break;
                case "linear" or "lingrid" or "nogrid" or "nointerp" or "linplot" or "combplot" or "pointplot" or "retraceplot": break;
                default: rest.Add(args[i]); break;
            }
        }
        return (title, xlabel, logX, logY, rest);
    }

    /// <summary>
    /// A measurement's line as the <c>meas</c> command prints it, which differs from <c>.meas</c> in two forms
    /// (ngspice 39): <c>when</c> prints <c>=  %e</c> (six digits, not five after three blanks), <c>rms</c> and
    /// <c>integ</c> one blank fewer after <c>=</c>.
    /// </summary>
    private static string ControlMeasureLine(MeasureFunction function, string line, double value)
    {
        var eq = line.IndexOf('=', StringComparison.Ordinal);
        return function switch
        {
            MeasureFunction.When when eq > 0 => line[..eq] + "=  " + NgspiceNumbers.E(value),
            MeasureFunction.Rms or MeasureFunction.Integral when eq > 0 && line[(eq + 1)..].StartsWith("   ", StringComparison.Ordinal) => line[..(eq + 1)] + line[(eq + 2)..],
            _ => line,
        };
    }

    /// <summary><c>meas tran|ac|dc name ...</c>: the forms of <c>.meas</c> on the current plot; the value becomes a vector of that plot.</summary>
    private void Measure(List<string> args)
    {
        var before = _netlist.Outputs.Measures.Count;
        NetlistReader.ReadCard(_netlist, ".meas " + string.Join(" ", args), _line!.Location);
        var statement = _netlist.Outputs.Measures[^1];
        _netlist.Outputs.Measures.RemoveRange(before, _netlist.Outputs.Measures.Count - before);
        var plot = Plots.Current;
        var kind = PlotConversion.KindOf(plot);
        if (statement.Function != MeasureFunction.Param && kind != statement.Analysis)
            throw new VectorExpressionException($"meas {statement.AnalysisWord}: the current plot {plot.Name} is not a {statement.AnalysisWord} analysis");
        _measureScope ??= new ParameterScope(_netlist.Parameters);
        var runner = new MeasurementRunner([statement], _measureScope);
        var result = PlotConversion.ToResult(plot, statement.Analysis);
        MeasureResult outcome;
        try
        {
            outcome = runner.Measure(result).Single();
        }
        catch (KeyNotFoundException)
        {
            throw new VectorExpressionException($"meas {statement.Name}: a vector it names is not in the current plot {plot.Name}");
        }
        // ngspice names the command as written in the block (no dot) when it says a measurement failed
        if (outcome.Error is not null) _host.Error.Write(outcome.Error.Replace($" {statement.Text} failed!", $" {statement.Text.TrimStart('.')} failed!", StringComparison.Ordinal));
        if (outcome.Value is { } value)
        {
            _out.WriteLine(ControlMeasureLine(statement.Function, outcome.Line, value));
            _measureScope.Set(statement.Name, value);
            plot.Set(Vector.Scalar(statement.Name, value));
        }
    }
}
