using System.Globalization;
using System.Numerics;

namespace Hwsim.Circuits.Results;

/// <summary>
/// Writes a <c>.print</c> line's table as ngspice 39 prints it in a batch run (<c>com_print</c> in column mode):
/// a page 80 characters wide and 60 lines high, the scale first on every page, as many vectors per page as fit
/// (16 characters a real column, 32 a complex one), numbers as its <c>printnum</c> writes them, a form feed between
/// pages, and the vectors that do not fit on later pages.
/// </summary>
public static class PrintTable
{
    private const int Width = 80;
    private const int Height = 60;

    /// <summary>The plot name ngspice gives the analysis: <c>Transient Analysis</c>, <c>AC Analysis</c>, ...</summary>
    public static string PlotName(AnalysisKind kind) => kind switch
    {
        AnalysisKind.Ac => "AC Analysis",
        AnalysisKind.DcSweep => "DC transfer characteristic",
        AnalysisKind.OperatingPoint => "Operating Point",
        AnalysisKind.Noise => "Noise Spectral Density Curves",
        AnalysisKind.NoiseIntegrated => "Integrated Noise",
        AnalysisKind.Sensitivity => "Sensitivity Analysis",
        AnalysisKind.PoleZero => "Pole-Zero Analysis",
        AnalysisKind.TransferFunction => "Transfer Function",
        _ => "Transient Analysis",
    };

    /// <summary>The date as ngspice's <c>datestring</c> writes it: <c>Thu Dec  3 11:36:38  2026</c>.</summary>
    public static string Date(DateTime time) =>
        time.ToString("ddd MMM ", CultureInfo.InvariantCulture) + time.Day.ToString(CultureInfo.InvariantCulture).PadLeft(2)
        + time.ToString(" HH:mm:ss  yyyy", CultureInfo.InvariantCulture);

    /// <summary>Writes the table of <paramref name="vectors"/> read from <paramref name="result"/>, followed by ngspice's blank line.</summary>
    public static void Write(TextWriter output, string title, AnalysisResult result, IReadOnlyList<OutputVector> vectors, DateTime date)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(vectors);
        var columns = vectors.Select(v => (HeaderName(v), v.Evaluate(result))).ToList();
        // ngspice holds the AC frequency as complex (it counts 32 characters) but prints it as one real column
        var scale = result.Scale is { } s ? new ResultVector(s.Name, s.Real) : null;
        // ngspice lower-cases the whole deck
        Write(output, title.ToLowerInvariant(), PlotName(result.Kind), date, scale, result.Kind == AnalysisKind.Ac, columns);
    }

    /// <summary>
    /// Writes a table of named columns (the control language's <c>print</c> in column mode): the scale, if any, first
    /// on every page (<paramref name="scaleCountsAsComplex"/> for AC's complex frequency), then the columns as they fit.
    /// </summary>
    /// <remarks>With <paramref name="blankLineAfter"/>, the table ends with a blank line as ngspice's <c>.print</c>
    /// does; a control block's <c>print</c> ends without.</remarks>
    public static void Write(TextWriter output, string title, string plotName, DateTime date, ResultVector? scale,
        bool scaleCountsAsComplex, IReadOnlyList<(string Name, ResultVector Vector)> vectors, bool blankLineAfter = true)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(vectors);
        var columns = vectors.Select(v => new Column(v.Name, v.Vector)).ToList();
        var scaleColumn = scale is null ? null : new Column(scale.Name, scale) { CountsAsComplex = scaleCountsAsComplex };
        var header = Header(title, plotName, date);
        var rest = columns;
        while (rest.Count > 0)
        {
            // One page group: the scale, then vectors while they fit (at least two columns per page).
            var candidates = scaleColumn is null ? rest : rest.Prepend(scaleColumn).ToList();
            var used = 8;
            var count = 0;
            for (; count < candidates.Count; count++)
            {
                used += candidates[count].IsComplex || candidates[count].CountsAsComplex ? 32 : 16;
                if (used > Width && count >= 2) break;
            }
            var group = candidates.Take(count).ToList();
            var taken = count - (scaleColumn is null ? 0 : 1);
            WriteGroup(output, header, group);
            rest = rest.Skip(taken).ToList();
            if (rest.Count > 0) output.Write("\f\n");
        }
        if (blankLineAfter) output.Write("\n");
    }

    private sealed class Column(string name, ResultVector vector)
    {
        public string Name { get; } = name;
        public ResultVector Vector { get; } = vector;
        public bool IsComplex => Vector.Complex is not null;
        public bool CountsAsComplex { get; init; }
    }

    /// <summary>The name ngspice gives the evaluated vector: <c>v(a)-v(b)</c>, <c>v1#branch</c>, <c>vdb(out)</c>.</summary>
    private static string HeaderName(OutputVector v)
    {
        if (v.Form != OutputForm.Value) return v.Name;
        if (v.IsCurrent) return v.Vector[2..^1] + "#branch";
        if (v.Negated) return "-" + v.Vector;
        return v.Reference is { } r ? $"{v.Vector}-{r}" : v.Vector;
    }

    private static string Header(string title, string plotName, DateTime date)
    {
        var indent = new string(' ', Math.Max(0, (Width - title.Length) / 2));
        return $"{indent}{title}\n{indent}{plotName}  {Date(date)}\n{new string('-', Width)}\n";
    }

    private static void WriteGroup(TextWriter output, string header, List<Column> group)
    {
        output.Write(header);
        var names = "Index   " + string.Concat(group.Select(c => c.IsComplex
            ? Clip(c.Name, 31).PadRight(32)
            : Clip(c.Name, 15).PadRight(16)));
        var dashes = new string('-', Width) + "\n";
        var points = group.Max(c => c.Vector.Length);
        var line = 3;
        var j = 0;
        while (true)
        {
            output.Write(names);
            output.Write('\n');
            output.Write(dashes);
            line += 2;
            while (j < points && line < Height)
            {
                output.Write(j.ToString(CultureInfo.InvariantCulture));
                output.Write('\t');
                foreach (var c in group)
                {
                    if (c.Vector.Length <= j) output.Write(c.IsComplex ? "\t\t\t\t" : "\t\t");
                    else if (c.Vector.Complex is { } z) Complex(output, z[j]);
                    else
                    {
                        output.Write(NgspiceNumbers.PrintNum(c.Vector.Real[j]));
                        output.Write('\t');
                    }
                }
                output.Write('\n');
                j++;
                line++;
            }
            if (j == points) return;
            line = 0;
            output.Write("\f\n");
        }
    }

    private static void Complex(TextWriter output, Complex z)
    {
        output.Write(NgspiceNumbers.PrintNum(z.Real));
        output.Write(",\t");
        output.Write(NgspiceNumbers.PrintNum(z.Imaginary));
        output.Write('\t');
    }

    private static string Clip(string s, int n) => s.Length > n ? s[..n] : s;
}
