namespace Hwsim.Cli;

/// <summary>
/// Checks input files named on the command line before they are read, so that a missing file or a folder is one
/// line naming the argument ("is a folder", "no such file") rather than the runtime's "access denied".
/// </summary>
internal static class InputPaths
{
    /// <summary>Checks that <paramref name="file"/> exists and is a file; <paramref name="what"/> says what it should be ("a netlist file").</summary>
    public static void CheckFile(FileSystemInfo file, string what)
    {
        if (File.Exists(file.FullName)) return;
        throw new UsageException(Directory.Exists(file.FullName)
            ? $"{file}: is a folder; give {what}"
            : $"{file}: no such file");
    }
}
