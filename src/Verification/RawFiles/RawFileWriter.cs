using System.Globalization;
using System.Numerics;
using System.Text;
using Hwsim.Circuits.Results;

namespace Hwsim.Verification;

/// <summary>
/// Writes ngspice rawfiles, plot after plot, in the layout ngspice 39's <c>outitf.c</c> writes: a text header
/// (<c>Title</c>, <c>Date</c>, <c>Plotname</c>, <c>Flags</c>, <c>No. Variables</c>, <c>No. Points</c>, <c>Variables</c>),
/// then <c>Binary:</c> and one row of little-endian doubles per point (real and imaginary parts for complex plots) or
/// <c>Values:</c> and text with 15 digits after the point. Points are written as they come; the point count is filled
/// in when a plot ends (the stream must be seekable), as ngspice does. ngspice's <c>load</c> and the usual rawfile
/// readers open the result.
/// </summary>
public sealed class RawFileWriter
{
    private readonly Stream _stream;
    private readonly RawFileFormat _format;
    private long _pointsPosition = -1;
    private int _points;
    private int _variables;
    private bool _complex;
    private byte[] _row = [];

    /// <summary>Creates a writer onto a seekable stream.</summary>
    public RawFileWriter(Stream stream, RawFileFormat format = RawFileFormat.Binary)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek) throw new ArgumentException("A rawfile is written to a seekable stream (the point count is filled in last).", nameof(stream));
        _stream = stream;
        _format = format;
    }

    /// <summary>Writes one analysis result as a plot.</summary>
    public void WritePlot(string title, AnalysisResult result, DateTime date)
    {
        ArgumentNullException.ThrowIfNull(result);
        var vectors = result.AllVectors.ToArray();
        var complex = result.Kind == AnalysisKind.Ac;
        var logGrid = result.Kind == AnalysisKind.Ac && result.Title.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, var type, ..]
                      && type.ToLowerInvariant() is "dec" or "oct";
        logGrid |= result.Kind == AnalysisKind.Noise && result.Title.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, _, _, var noiseType, ..]
                   && noiseType.ToLowerInvariant() is "dec" or "oct";
        BeginPlot(title, date, PlotName(result.Kind), complex, vectors.Select(v => Variable(v.Name, result.Kind)).ToArray(), logGrid);
        var row = new Complex[vectors.Length];
        for (var p = 0; p < result.Points; p++)
        {
            for (var k = 0; k < vectors.Length; k++)
                row[k] = vectors[k].Complex is { } c ? c[p] : new Complex(vectors[k].Real[p], 0);
            AddPoint(row);
        }
        EndPlot();
    }

    /// <summary>Starts a plot: writes its header, with the point count left to <see cref="EndPlot"/>.</summary>
    /// <param name="title">The circuit's title line.</param>
    /// <param name="date">When the run was made.</param>
    /// <param name="plotName">ngspice's plot name, e.g. <c>Transient Analysis</c>.</param>
    /// <param name="complex">True for complex data (AC).</param>
    /// <param name="variables">The vectors, scale first: rawfile name and type (<c>v(out)</c>, <c>voltage</c>).</param>
    /// <param name="logGrid">True for a logarithmic frequency scale (ngspice marks it <c>grid=3</c>).</param>
    public void BeginPlot(string title, DateTime date, string plotName, bool complex, IReadOnlyList<(string Name, string Type)> variables, bool logGrid = false)
    {
        ArgumentNullException.ThrowIfNull(variables);
        if (_pointsPosition >= 0) throw new InvalidOperationException("The previous plot was not ended.");
        var header = new StringBuilder();
        header.Append("Title: ").Append(title.ToLowerInvariant()).Append('\n'); // as ngspice, which lower-cases the deck
        header.Append("Date: ").Append(PrintTable.Date(date)).Append('\n');
        header.Append("Plotname: ").Append(plotName).Append('\n');
        header.Append("Flags: ").Append(complex ? "complex" : "real").Append('\n');
        header.Append(CultureInfo.InvariantCulture, $"No. Variables: {variables.Count}\n");
        header.Append("No. Points: ");
        WriteText(header.ToString());
        _pointsPosition = _stream.Position;
        header.Clear().Append("0       \n").Append("Variables:\n");
        for (var i = 0; i < variables.Count; i++)
        {
            header.Append(CultureInfo.InvariantCulture, $"\t{i}\t{variables[i].Name}\t{variables[i].Type}");
            if (i == 0 && logGrid) header.Append("\tgrid=3");
            header.Append('\n');
        }
        header.Append(_format == RawFileFormat.Binary ? "Binary:\n" : "Values:\n");
        WriteText(header.ToString());
        _points = 0;
        _variables = variables.Count;
        _complex = complex;
        _row = new byte[variables.Count * (complex ? 16 : 8)];
    }

    /// <summary>Adds one point of a real plot: one value per variable, the scale first.</summary>
    public void AddPoint(ReadOnlySpan<double> values)
    {
        if (_complex) throw new InvalidOperationException("This plot is complex: add complex points.");
        Check(values.Length);
        if (_format == RawFileFormat.Binary)
        {
            for (var k = 0; k < values.Length; k++) BitConverter.TryWriteBytes(_row.AsSpan(8 * k), values[k]);
            WriteRow();
        }
        else
        {
            var text = new StringBuilder();
            text.Append(_points.ToString(CultureInfo.InvariantCulture)).Append('\t');
            foreach (var v in values) text.Append('\t').Append(NgspiceNumbers.E(v, 15)).Append('\n');
            WriteText(text.ToString());
        }
        _points++;
    }

    /// <summary>Adds one point: for a complex plot real and imaginary parts, for a real plot the real parts.</summary>
    public void AddPoint(ReadOnlySpan<Complex> values)
    {
        if (!_complex)
        {
            Span<double> real = values.Length <= 256 ? stackalloc double[values.Length] : new double[values.Length];
            for (var k = 0; k < values.Length; k++) real[k] = values[k].Real;
            AddPoint(real);
            return;
        }
        Check(values.Length);
        if (_format == RawFileFormat.Binary)
        {
            for (var k = 0; k < values.Length; k++)
            {
                BitConverter.TryWriteBytes(_row.AsSpan(16 * k), values[k].Real);
                BitConverter.TryWriteBytes(_row.AsSpan((16 * k) + 8), values[k].Imaginary);
            }
            WriteRow();
        }
        else
        {
            var text = new StringBuilder();
            text.Append(_points.ToString(CultureInfo.InvariantCulture)).Append('\t');
            foreach (var v in values)
                text.Append('\t').Append(NgspiceNumbers.E(v.Real, 15)).Append(',').Append(NgspiceNumbers.E(v.Imaginary, 15)).Append('\n');
            WriteText(text.ToString());
        }
        _points++;
    }

    /// <summary>Ends the plot: goes back and writes its point count.</summary>
    public void EndPlot()
    {
        if (_pointsPosition < 0) throw new InvalidOperationException("No plot was begun.");
        var end = _stream.Position;
        _stream.Position = _pointsPosition;
        WriteText(_points.ToString(CultureInfo.InvariantCulture));
        _stream.Position = end;
        _stream.Flush();
        _pointsPosition = -1;
    }

    /// <summary>ngspice's plot name for an analysis.</summary>
    public static string PlotName(AnalysisKind kind) => PrintTable.PlotName(kind);

    /// <summary>
    /// A vector's rawfile name and type, as ngspice writes them: <c>time time</c>, <c>frequency frequency</c>,
    /// <c>v(v-sweep) voltage</c>, <c>v(out) voltage</c>, <c>i(v1) current</c>.
    /// </summary>
    public static (string Name, string Type) Variable(string vector, AnalysisKind kind = AnalysisKind.Transient) => vector switch
    {
        _ when kind == AnalysisKind.Noise && vector != "frequency" => (vector, "voltage-density"),
        _ when kind == AnalysisKind.NoiseIntegrated => ($"v({vector})", "voltage"), // as ngspice: its totals are voltages
        "time" => ("time", "time"),
        "frequency" => ("frequency", "frequency"),
        "temp-sweep" => ("temp-sweep", "temp-sweep"),
        "res-sweep" => ("res-sweep", "res-sweep"),
        _ when vector.StartsWith("v-sweep", StringComparison.Ordinal) => ($"v({vector})", "voltage"),
        _ when vector.StartsWith("i-sweep", StringComparison.Ordinal) => ($"i({vector})", "current"),
        _ when vector.StartsWith("i", StringComparison.Ordinal) && vector.Contains('(', StringComparison.Ordinal) => (vector, "current"),
        _ when vector.StartsWith("vdb(", StringComparison.Ordinal) => (vector, "decibel"),
        _ when vector.StartsWith("vp(", StringComparison.Ordinal) => (vector, "phase"),
        _ => (vector, "voltage"),
    };

    private void Check(int length)
    {
        if (_pointsPosition < 0) throw new InvalidOperationException("No plot was begun.");
        if (length != _variables) throw new ArgumentException($"A point has {_variables} values, got {length}.");
    }

    private void WriteRow()
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("Rawfiles are written little-endian.");
        _stream.Write(_row);
    }

    private void WriteText(string text) => _stream.Write(Encoding.ASCII.GetBytes(text));
}
