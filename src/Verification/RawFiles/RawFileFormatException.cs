namespace Hwsim.Verification;

/// <summary>A rawfile that cannot be read: truncated data, a malformed header or value.</summary>
public sealed class RawFileFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="path">The file, when known.</param>
    /// <param name="offset">The byte offset where reading failed.</param>
    public RawFileFormatException(string message, string? path, long offset)
        : base($"{path ?? "rawfile"} (byte {offset}): {message}")
    {
        Path = path;
        Offset = offset;
    }

    /// <summary>The file, when known.</summary>
    public string? Path { get; }

    /// <summary>The byte offset where reading failed.</summary>
    public long Offset { get; }
}
