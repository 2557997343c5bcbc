using System.Globalization;
using System.Text;

namespace Hwsim.Nn.Data;

/// <summary>
/// A numeric CSV table: a header row, then rows of numbers, comma separated, invariant culture. Blank lines are
/// skipped. Every row must have as many fields as the header.
/// </summary>
public sealed class CsvTable
{
    /// <summary>Creates a table; <paramref name="lines"/> are the 1-based file lines of the rows, when read from a file.</summary>
    public CsvTable(IReadOnlyList<string> header, IReadOnlyList<double[]> rows, IReadOnlyList<int>? lines = null)
    {
        Header = header.ToArray();
        Rows = rows.ToArray();
        fileLines = lines?.ToArray();
    }

    private readonly int[]? fileLines;

    /// <summary>The 1-based line of row <paramref name="row"/> in its file (the header is line 1).</summary>
    public int LineOf(int row) => fileLines is not null ? fileLines[row] : row + 2;

    /// <summary>Column names.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>The rows of numbers.</summary>
    public IReadOnlyList<double[]> Rows { get; }

    /// <summary>Reads a file; errors are <see cref="CsvFormatException"/> naming file, line and column.</summary>
    public static CsvTable Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CsvFormatException($"cannot read: {ex.Message}", path, 0);
        }
        return Parse(text, path);
    }

    /// <summary>Parses CSV text; <paramref name="source"/> names it in errors.</summary>
    public static CsvTable Parse(string text, string source)
    {
        var lines = text.Split('\n');
        string[]? header = null;
        var rows = new List<double[]>();
        var rowLines = new List<int>();
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0) continue;
            var fields = line.Split(',');
            if (header is null)
            {
                header = fields.Select(f => f.Trim().Trim('"')).ToArray();
                if (header.Any(h => h.Length == 0)) throw new CsvFormatException("the header has an empty column name", source, i + 1);
                continue;
            }
            if (fields.Length != header.Length)
                throw new CsvFormatException($"{fields.Length} fields, but the header has {header.Length}", source, i + 1, Math.Min(fields.Length, header.Length) + 1);
            var row = new double[fields.Length];
            for (int c = 0; c < fields.Length; c++)
            {
                var f = fields[c].Trim();
                if (!double.TryParse(f, NumberStyles.Float, CultureInfo.InvariantCulture, out row[c]) || !double.IsFinite(row[c]))
                    throw new CsvFormatException($"'{f}' in column '{header[c]}' is not a finite number", source, i + 1, c + 1);
            }
            rows.Add(row);
            rowLines.Add(i + 1);
        }
        if (header is null) throw new CsvFormatException("empty file: a header row is needed", source, 1);
        return new CsvTable(header, rows, rowLines);
    }

    /// <summary>The table as CSV text (numbers in shortest round-trip form, '\n' line ends).</summary>
    public string ToCsv()
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(",", Header)).Append('\n');
        foreach (var row in Rows)
            sb.Append(string.Join(",", row.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))).Append('\n');
        return sb.ToString();
    }

    /// <summary>Writes the table atomically.</summary>
    public void Write(string path) => AtomicFile.WriteAllText(path, ToCsv());

    /// <summary>The values of one column.</summary>
    public double[] Column(string name)
    {
        int c = Header.ToList().IndexOf(name);
        if (c < 0) throw new KeyNotFoundException($"no column '{name}'");
        return Rows.Select(r => r[c]).ToArray();
    }
}
