using System.Diagnostics;
using System.Text;

namespace Hwsim.Verification;

/// <summary>
/// Runs the ngspice executable in batch mode on a netlist and reads back every vector of every analysis.
/// </summary>
/// <remarks>
/// The command is <c>ngspice -b -r OUT.raw NETLIST.cir</c>, run in the netlist's folder (so <c>.include</c> finds
/// relative files), with standard input closed and <c>SPICE_ASCIIRAWFILE</c> set from <see cref="RawFormat"/>. In
/// batch mode with <c>-r</c>, ngspice writes one plot per analysis line and saves all node voltages and branch
/// currents by default; no <c>.control</c> section is needed. Plots come back in netlist order where possible
/// (see <see cref="NgspiceResults.Plots"/>). The run fails (an <see cref="NgspiceException"/>
/// carrying ngspice's messages) when ngspice exits non-zero (a rejected netlist, a singular matrix), prints
/// <c>Error...</c> or <c>simulation(s) aborted</c>, writes no plot, or outlives <see cref="Timeout"/>.
/// </remarks>
public sealed class NgspiceRunner
{
    private const int MaxMessageLines = 40;
    private static readonly Lazy<string?> OnPath = new(FindOnPath);
    private static readonly Lazy<NgspiceVersion?> OnPathVersion = new(() => OnPath.Value is { } path ? NgspiceVersion.Of(path) : null);

    /// <summary>Creates a runner for the ngspice found on PATH, or for an explicit executable.</summary>
    /// <param name="executablePath">The executable; null to search PATH.</param>
    /// <exception cref="NgspiceNotFoundException">ngspice is not on PATH, or the given file does not exist.</exception>
    public NgspiceRunner(string? executablePath = null)
    {
        if (executablePath is null)
        {
            ExecutablePath = OnPath.Value ?? throw new NgspiceNotFoundException();
        }
        else
        {
            ExecutablePath = File.Exists(executablePath)
                ? Path.GetFullPath(executablePath)
                : throw new NgspiceNotFoundException($"ngspice not found at '{executablePath}': install it with apt-get install -y ngspice");
        }
    }

    /// <summary>True when an <c>ngspice</c> executable is on PATH (looked up once per process).</summary>
    public static bool IsAvailable => OnPath.Value is not null;

    /// <summary>The version of the <c>ngspice</c> on PATH (asked once per process), or null when none is found or it names none.</summary>
    public static NgspiceVersion? InstalledVersion => OnPathVersion.Value;

    /// <summary>
    /// Why the ngspice on PATH cannot serve as the reference, in one line, or null when it can: missing, or not
    /// version <see cref="NgspiceVersion.Reference"/> (the engine reproduces ngspice 39, and the tolerances were
    /// measured against it).
    /// </summary>
    public static string? ReferenceProblem => ReferenceProblemOf(OnPath.Value, InstalledVersion);

    /// <summary>Why an ngspice at <paramref name="executable"/> of <paramref name="version"/> cannot serve as the reference, or null.</summary>
    internal static string? ReferenceProblemOf(string? executable, NgspiceVersion? version) =>
        executable is null ? NgspiceNotFoundException.DefaultMessage
        : version is null ? $"the ngspice at {executable} does not state its version (ngspice -v); the reference is ngspice {NgspiceVersion.Reference}"
        : version.IsReference ? null
        : $"{version} found at {executable} ('{version.Banner}'), but the engine reproduces ngspice {NgspiceVersion.Reference} and is compared with it: install ngspice {NgspiceVersion.Reference} (Debian 12's package)";

    /// <summary>The full path of the <c>ngspice</c> on PATH, or null.</summary>
    public static string? FindExecutable() => OnPath.Value;

    /// <summary>The executable this runner starts.</summary>
    public string ExecutablePath { get; }

    /// <summary>How long one run may take before ngspice is killed; two minutes by default.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The rawfile encoding to ask for; binary (exact doubles) by default.</summary>
    public RawFileFormat RawFormat { get; init; } = RawFileFormat.Binary;

    /// <summary>Runs a netlist file and returns every plot it produced.</summary>
    /// <exception cref="FileNotFoundException">The netlist does not exist.</exception>
    /// <exception cref="NgspiceException">ngspice rejected the netlist, an analysis failed, or the run timed out.</exception>
    public NgspiceResults Run(string netlistPath) => RunAsync(netlistPath).GetAwaiter().GetResult();

    /// <summary>Runs a netlist file and returns every plot it produced.</summary>
    /// <exception cref="FileNotFoundException">The netlist does not exist.</exception>
    /// <exception cref="NgspiceException">ngspice rejected the netlist, an analysis failed, or the run timed out.</exception>
    public Task<NgspiceResults> RunAsync(string netlistPath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(netlistPath);
        var full = Path.GetFullPath(netlistPath);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"Netlist '{netlistPath}' does not exist.", full);
        }

        return RunCoreAsync(full, Path.GetDirectoryName(full)!, cancellationToken);
    }

    /// <summary>Writes netlist text to a temporary file and runs it.</summary>
    /// <param name="netlist">The netlist text (title line first).</param>
    /// <param name="workingDirectory">
    /// The folder ngspice runs in, against which relative <c>.include</c> paths resolve; a temporary folder if null.
    /// </param>
    /// <exception cref="NgspiceException">ngspice rejected the netlist, an analysis failed, or the run timed out.</exception>
    public NgspiceResults RunText(string netlist, string? workingDirectory = null) =>
        RunTextAsync(netlist, workingDirectory).GetAwaiter().GetResult();

    /// <summary>Writes netlist text to a temporary file and runs it.</summary>
    /// <inheritdoc cref="RunText" path="/param"/>
    /// <exception cref="NgspiceException">ngspice rejected the netlist, an analysis failed, or the run timed out.</exception>
    public async Task<NgspiceResults> RunTextAsync(
        string netlist, string? workingDirectory = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(netlist);
        var dir = Directory.CreateTempSubdirectory("hwsim-netlist-");
        try
        {
            var path = Path.Combine(dir.FullName, "netlist.cir");
            await File.WriteAllTextAsync(path, netlist.EndsWith('\n') ? netlist : netlist + "\n", cancellationToken)
                .ConfigureAwait(false);
            return await RunCoreAsync(path, workingDirectory ?? dir.FullName, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            TryDelete(dir);
        }
    }

    /// <summary>
    /// Runs a netlist file as <c>ngspice -b NETLIST.cir</c> without a rawfile, the way a user runs it: its
    /// <c>.print</c> tables and <c>.meas</c> results (which ngspice only evaluates without <c>-r</c>) come back as
    /// text. A failing run is returned, not thrown; only a timeout throws.
    /// </summary>
    /// <exception cref="FileNotFoundException">The netlist does not exist.</exception>
    /// <exception cref="NgspiceException">The run timed out.</exception>
    public NgspiceBatchOutput RunBatch(string netlistPath)
    {
        ArgumentNullException.ThrowIfNull(netlistPath);
        var full = Path.GetFullPath(netlistPath);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"Netlist '{netlistPath}' does not exist.", full);
        }

        var (stdout, stderr, exitCode, elapsed) = StartAsync(["-b", full], Path.GetDirectoryName(full)!, full, null, CancellationToken.None)
            .GetAwaiter().GetResult();
        return new NgspiceBatchOutput(stdout, stderr, exitCode, elapsed);
    }

    private async Task<(string Stdout, string Stderr, int ExitCode, TimeSpan Elapsed)> StartAsync(
        IEnumerable<string> arguments, string workingDirectory, string netlistPath, string? asciiRaw, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(ExecutablePath)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        if (asciiRaw is not null)
        {
            info.Environment["SPICE_ASCIIRAWFILE"] = asciiRaw;
        }

        using var process = new Process { StartInfo = info };
        var clock = Stopwatch.StartNew();
        process.Start();
        process.StandardInput.Close();
        var stdoutTask = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderrTask = process.StandardError.ReadToEndAsync(CancellationToken.None);

        var timedOut = false;
        using (var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            limit.CancelAfter(Timeout);
            try
            {
                await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                timedOut = true;
            }
        }

        clock.Stop();
        var stdout = await stdoutTask.ConfigureAwait(false);
        var stderr = await stderrTask.ConfigureAwait(false);
        if (timedOut)
        {
            var log = stderr.Length == 0 ? stdout : $"{stdout}\n{stderr}";
            throw new NgspiceException(
                $"ngspice did not finish '{Path.GetFileName(netlistPath)}' within {Timeout.TotalSeconds:0.#} s and was killed.{Excerpt(stderr)}",
                netlistPath, null, log, timedOut: true);
        }

        return (stdout, stderr, process.ExitCode, clock.Elapsed);
    }

    private async Task<NgspiceResults> RunCoreAsync(string netlistPath, string workingDirectory, CancellationToken cancellationToken)
    {
        var dir = Directory.CreateTempSubdirectory("hwsim-ngspice-");
        try
        {
            var rawPath = Path.Combine(dir.FullName, "out.raw");
            var (stdout, stderr, exitCode, elapsed) = await StartAsync(
                ["-b", "-r", rawPath, netlistPath], workingDirectory, netlistPath,
                RawFormat == RawFileFormat.Ascii ? "1" : "0", cancellationToken).ConfigureAwait(false);
            var log = stderr.Length == 0 ? stdout : $"{stdout}\n{stderr}";
            var name = Path.GetFileName(netlistPath);

            if (exitCode != 0 || Failed(stdout, stderr))
            {
                throw new NgspiceException(
                    $"ngspice failed on '{name}' (exit code {exitCode}).{Excerpt(stderr.Length > 0 ? stderr : stdout)}",
                    netlistPath, exitCode, log);
            }

            if (!File.Exists(rawPath))
            {
                throw new NgspiceException(
                    $"ngspice wrote no rawfile for '{name}': does the netlist have an analysis line (.op, .dc, .ac, .tran)?",
                    netlistPath, exitCode, log);
            }

            var plots = RawFileReader.Read(rawPath);
            if (plots.Count == 0)
            {
                throw new NgspiceException(
                    $"ngspice wrote no plot for '{name}': does the netlist have an analysis line (.op, .dc, .ac, .tran)?",
                    netlistPath, exitCode, log);
            }

            var netlistOrder = PlotOrder.ToNetlistOrder(plots, PlotOrder.Scan(await File.ReadAllTextAsync(netlistPath, cancellationToken).ConfigureAwait(false)));
            return new NgspiceResults(netlistOrder ?? plots, elapsed, log, netlistOrder is not null);
        }
        finally
        {
            TryDelete(dir);
        }
    }

    private static bool Failed(string stdout, string stderr) =>
        stdout.Contains("simulation(s) aborted", StringComparison.OrdinalIgnoreCase)
        || stderr.Contains("simulation(s) aborted", StringComparison.OrdinalIgnoreCase)
        || stderr.Split('\n').Any(l => l.TrimStart().StartsWith("error", StringComparison.OrdinalIgnoreCase));

    private static string Excerpt(string text)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToArray();
        if (lines.Length == 0)
        {
            return "";
        }

        var shown = lines.Take(MaxMessageLines);
        var more = lines.Length > MaxMessageLines ? $"\n  ... {lines.Length - MaxMessageLines} more lines in Log" : "";
        return "\nngspice says:\n  " + string.Join("\n  ", shown) + more;
    }

    private static string? FindOnPath()
    {
        var names = OperatingSystem.IsWindows() ? new[] { "ngspice.exe", "ngspice_con.exe" } : new[] { "ngspice" };
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(folder, name);
                if (File.Exists(candidate) && IsExecutable(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static bool IsExecutable(string file) =>
        OperatingSystem.IsWindows()
        || (File.GetUnixFileMode(file) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;

    private static void TryDelete(DirectoryInfo dir)
    {
        try
        {
            dir.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Likewise.
        }
    }
}
