using System.Runtime.InteropServices;

namespace Hwsim.Circuits;

/// <summary>What a path names on the file system.</summary>
public enum FileKind
{
    /// <summary>Nothing (or nothing this process may see).</summary>
    Missing,
    /// <summary>A regular file.</summary>
    Regular,
    /// <summary>A folder.</summary>
    Directory,
    /// <summary>A character or block device, a FIFO or a socket: reading may never end, and replacing it breaks the system.</summary>
    Special,
}

/// <summary>
/// Tells regular files from devices and FIFOs, which .NET does not: <c>File.Exists("/dev/zero")</c> is true and its
/// length is 0. Reading <c>/dev/zero</c> never ends, opening a FIFO blocks, and renaming a file over <c>/dev/null</c>
/// replaces the device; so every file read from input or written as output is checked here first.
/// </summary>
public static class FileKinds
{
    /// <summary>The kind of <paramref name="path"/>, following symbolic links.</summary>
    public static FileKind Of(string path)
    {
        if (Directory.Exists(path)) return FileKind.Directory;
        if (!File.Exists(path)) return FileKind.Missing;
        return StatMode(path) is { } mode && (mode & FormatMask) != RegularFormat ? FileKind.Special : FileKind.Regular;
    }

    private const uint FormatMask = 0xF000;    // S_IFMT
    private const uint RegularFormat = 0x8000; // S_IFREG

    /// <summary>st_mode from libc's stat, or null where its layout is not known here (the file is then taken as regular).</summary>
    private static uint? StatMode(string path)
    {
        // Offset of st_mode in struct stat: x86-64 keeps st_nlink before it; the generic layout (arm64) does not.
        int? offset = OperatingSystem.IsLinux() ? RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => 24,
            Architecture.Arm64 => 16,
            _ => null,
        } : null;
        if (offset is not { } at) return null;
        var buffer = new byte[256];
        try
        {
            if (Stat(path, buffer) != 0) return null;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }
        return BitConverter.ToUInt32(buffer, at);
    }

    [DllImport("libc", EntryPoint = "stat", SetLastError = true)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] buffer);
}
