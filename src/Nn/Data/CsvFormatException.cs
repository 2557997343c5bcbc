namespace Hwsim.Nn.Data;

/// <summary>A CSV file that cannot be read as numbers: names the file, the 1-based line and column.</summary>
public sealed class CsvFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CsvFormatException(string detail, string file, int line, int? column = null)
        : base($"{file}:{line}{(column is null ? "" : ":" + column)}: {detail}")
    {
        Detail = detail;
        File = file;
        Line = line;
        Column = column;
    }

    /// <summary>What is wrong.</summary>
    public string Detail { get; }

    /// <summary>The file (or a description of the source).</summary>
    public string File { get; }

    /// <summary>1-based line.</summary>
    public int Line { get; }

    /// <summary>1-based column (field number), when the error is in one field.</summary>
    public int? Column { get; }
}
