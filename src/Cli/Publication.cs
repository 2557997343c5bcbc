using Hwsim.Circuits;

namespace Hwsim.Cli;

/// <summary>
/// The output files of one command, checked before any work and published together. Each output path named on
/// the command line is checked at once (a folder where a file is wanted, a file where a folder is wanted, a folder
/// that cannot be created: a <see cref="UsageException"/> naming the option), and the command writes into a hidden
/// staging folder beside it. <see cref="Commit"/> moves every file into place at the end (a rename, so readers
/// never see half a file); a device or FIFO named as output is written into, never replaced. A command that fails,
/// or a process stopped by SIGINT or SIGTERM, leaves nothing: no staging folder, no temporary file, no result of
/// an earlier analysis, and no output folder that this command created and left empty.
/// </summary>
public sealed class Publication : IDisposable
{
    private static readonly object Gate = new();
    private static readonly HashSet<Publication> Open = [];
    private static int _signalsInstalled;
    private static readonly List<System.Runtime.InteropServices.PosixSignalRegistration> Registrations = [];   // kept alive: a collected registration stops handling

    private readonly List<(string Staged, string Target)> _files = [];
    private readonly List<(string Staging, string Target)> _folders = [];
    private readonly Dictionary<string, string> _stagingOf = new(StringComparer.Ordinal);
    private readonly List<string> _staging = [];
    private readonly List<string> _created = [];
    private bool _finished;

    /// <summary>Starts the outputs of one command.</summary>
    public Publication()
    {
        lock (Gate) Open.Add(this);
    }

    /// <summary>
    /// Checks that <paramref name="path"/> (given with <paramref name="option"/>) can be written as a file and returns
    /// the staging path to write instead.
    /// </summary>
    public string File(string option, string path)
    {
        var full = Path.GetFullPath(path);
        var kind = FileKinds.Of(full);
        if (kind == FileKind.Directory) throw new UsageException($"{option} {full}: is a folder; give a file name");
        // A device or FIFO is written into at the end; its staging copy goes to the temporary folder, not into /dev.
        var staging = kind == FileKind.Special
            ? Stage(option, full, Path.GetTempPath())
            : Stage(option, full, Created(option, full, Path.GetDirectoryName(full)!));
        _stagingOf[full] = staging;
        var staged = Path.Combine(staging, Path.GetFileName(full));
        lock (Gate) _files.Add((staged, full));
        return staged;
    }

    /// <summary>
    /// A further file derived from an output already given (<c>r.csv</c> gives <c>r.op.csv</c>): staged beside it.
    /// When the given output is a device or FIFO, every derived file goes into it, one after the other.
    /// </summary>
    public string Derived(string given, string target)
    {
        var full = Path.GetFullPath(given);
        var staging = _stagingOf[full];
        var into = FileKinds.Of(full) == FileKind.Special ? full : Path.GetFullPath(target);
        var staged = Path.Combine(staging, $"{_files.Count}.{Path.GetFileName(target)}");
        lock (Gate) _files.Add((staged, into));
        return staged;
    }

    /// <summary>Checks that <paramref name="path"/> can be (or is) a folder and returns the staging folder to write into instead.</summary>
    public string Folder(string option, string path)
    {
        var full = Path.GetFullPath(path);
        if (System.IO.File.Exists(full)) throw new UsageException($"{option} {full}: is a file; give a folder");
        var staging = Stage(option, full, Created(option, full, full));
        lock (Gate) _folders.Add((staging, full));
        return staging;
    }

    /// <summary>Moves every staged file into place (files a command chose not to write are skipped).</summary>
    public void Commit()
    {
        lock (Gate)
        {
            if (_finished) throw new InvalidOperationException("the outputs were already published or abandoned");
            foreach (var group in _files.Where(f => System.IO.File.Exists(f.Staged)).GroupBy(f => f.Target))
                Place(group.Select(f => f.Staged).ToList(), group.Key);
            foreach (var (staging, target) in _folders)
                foreach (var file in Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories).ToList())
                    Place([file], Path.Combine(target, Path.GetRelativePath(staging, file)));
            _finished = true;
            DeleteStaging();
        }
    }

    /// <summary>Abandons what was not committed.</summary>
    public void Dispose()
    {
        lock (Gate)
        {
            Abandon();
            Open.Remove(this);
        }
    }

    /// <summary>
    /// Removes the staging folders of every command in progress when the process is stopped by SIGINT or SIGTERM;
    /// the process then ends as the signal asks. Called once by the hwsim executable.
    /// </summary>
    public static void CleanUpOnSignals()
    {
        if (Interlocked.Exchange(ref _signalsInstalled, 1) == 1) return;
        foreach (var signal in new[] { System.Runtime.InteropServices.PosixSignal.SIGINT, System.Runtime.InteropServices.PosixSignal.SIGTERM })
            Registrations.Add(System.Runtime.InteropServices.PosixSignalRegistration.Create(signal, _ => AbandonAll()));
    }

    /// <summary>Removes the staging folders of every command in progress (the process is about to end without them).</summary>
    public static void AbandonAll()
    {
        lock (Gate)
            foreach (var p in Open) p.Abandon();
    }

    private void Abandon()
    {
        if (_finished) return;
        _finished = true;
        DeleteStaging();
        // Folders this command created, deepest first, when nothing else was put there meanwhile.
        for (var i = _created.Count - 1; i >= 0; i--)
        {
            try
            {
                if (Directory.Exists(_created[i]) && !Directory.EnumerateFileSystemEntries(_created[i]).Any()) Directory.Delete(_created[i]);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    private void DeleteStaging()
    {
        foreach (var s in _staging)
        {
            try
            {
                if (Directory.Exists(s)) Directory.Delete(s, recursive: true);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>Creates <paramref name="folder"/> and its missing parents, remembering which were created; returns it.</summary>
    private string Created(string option, string full, string folder)
    {
        var missing = new List<string>();
        for (var d = folder; !string.IsNullOrEmpty(d) && !Directory.Exists(d); d = Path.GetDirectoryName(d))
        {
            if (System.IO.File.Exists(d)) throw new UsageException($"{option} {full}: cannot create its folder ({d} is a file)");
            missing.Add(d);
        }
        missing.Reverse();
        foreach (var d in missing)
        {
            try
            {
                Directory.CreateDirectory(d);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"{option} {full}: cannot create its folder ({e.Message})");
            }
            lock (Gate) _created.Add(d);
        }
        return folder;
    }

    private string Stage(string option, string full, string folder)
    {
        var staging = Path.Combine(folder, $".hwsim-incomplete-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(staging);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{option} {full}: cannot write there ({e.Message})");
        }
        lock (Gate) _staging.Add(staging);
        return staging;
    }

    /// <summary>Renames the staged file over a regular target; writes the parts into a device or FIFO without replacing it.</summary>
    private static void Place(List<string> parts, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (FileKinds.Of(target) == FileKind.Special)
        {
            using var into = new FileStream(target, FileMode.Open, FileAccess.Write);
            foreach (var part in parts)
                using (var from = System.IO.File.OpenRead(part))
                    from.CopyTo(into);
            return;
        }
        System.IO.File.Move(parts[^1], target, overwrite: true);
    }
}
