namespace Hwsim.Cli;

/// <summary>
/// Checks output paths given on the command line before any work is done, so that a long simulation or training
/// run does not end in "cannot write": the folder must exist or be creatable, and a file path must not be a folder.
/// A failure is a <see cref="UsageException"/> naming the option and the path (exit code 2).
/// </summary>
internal static class OutputPaths
{
    /// <summary>Checks that <paramref name="path"/> (when given) can become a file.</summary>
    public static void CheckFile(string option, string? path)
    {
        if (path is null) return;
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full)) throw new UsageException($"{option} {full}: is a folder; give a file name");
        CheckCreatable(option, full, Path.GetDirectoryName(full));
    }

    /// <summary>Checks that <paramref name="path"/> can be (or is) a folder.</summary>
    public static void CheckFolder(string option, string path)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full)) throw new UsageException($"{option} {full}: is a file; give a folder");
        CheckCreatable(option, full, full);
    }

    private static void CheckCreatable(string option, string full, string? folder)
    {
        try
        {
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{option} {full}: cannot create its folder ({e.Message})");
        }
    }
}
