namespace Hwsim.Nn.Models;

/// <summary>
/// A model file that cannot be used: bad JSON (with line and column), an unknown layer type, a missing field or
/// tensor, or a tensor of the wrong shape (with the layer or tensor name). The message is one line.
/// </summary>
public sealed class ModelFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelFormatException(string detail, string? file = null, string? item = null, long? line = null, long? column = null, Exception? inner = null)
        : base(Format(detail, file, line, column), inner)
    {
        Detail = detail;
        File = file;
        Item = item;
        Line = line;
        Column = column;
    }

    /// <summary>What is wrong, without the location.</summary>
    public string Detail { get; }

    /// <summary>The file, when known.</summary>
    public string? File { get; }

    /// <summary>The layer or tensor concerned (e.g. <c>fc.weight</c>), when there is one.</summary>
    public string? Item { get; }

    /// <summary>1-based line of a JSON syntax error.</summary>
    public long? Line { get; }

    /// <summary>1-based column of a JSON syntax error.</summary>
    public long? Column { get; }

    /// <summary>The same error, located in <paramref name="file"/>.</summary>
    public ModelFormatException InFile(string file) => new(Detail, file, Item, Line, Column, InnerException);

    private static string Format(string detail, string? file, long? line, long? column)
    {
        var where = file ?? "";
        if (line is not null) where += (where.Length > 0 ? ":" : "line ") + line + (column is not null ? ":" + column : "");
        return where.Length > 0 ? $"{where}: {detail}" : detail;
    }
}
