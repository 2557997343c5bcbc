namespace Hwsim.Cli;

/// <summary>
/// Checks output paths given on the command line before any work is done, so that a long simulation or training
/// run does not end in "cannot write": the folder must exist or be creatable, and a file path must not be a folder.
/// Each failure is one line naming the option and the path; the command then exits with code 2.
/// </summary>
internal static class OutputPaths
{
    public static bool CanWriteFile(string option, string? path, TextWriter stderr)
    {
        if (path is null) return true;
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            stderr.WriteLine($"hwsim: error: {option} {full}: is a folder; give a file name");
            return false;
        }
        return CanCreate(option, full, Path.GetDirectoryName(full), stderr);
    }

    public static bool CanWriteFolder(string option, string path, TextWriter stderr)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            stderr.WriteLine($"hwsim: error: {option} {full}: is a file; give a folder");
            return false;
        }
        return CanCreate(option, full, full, stderr);
    }

    private static bool CanCreate(string option, string full, string? folder, TextWriter stderr)
    {
        try
        {
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"hwsim: error: {option} {full}: cannot create its folder ({e.Message})");
            return false;
        }
    }
}
