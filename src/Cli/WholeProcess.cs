using System.Diagnostics;

namespace Hwsim.Cli;

/// <summary>
/// Times <c>hwsim run FILE</c> as a user meets it: a fresh process of this very build (JIT or native), start-up,
/// reading, solving and printing included. <c>hwsim bench</c> reports it next to the in-process figures.
/// </summary>
public static class WholeProcess
{
    /// <summary>The best wall time of <paramref name="repeats"/> runs, or null when this process cannot be started again.</summary>
    public static TimeSpan? TimeRun(string netlist, int repeats)
    {
        var start = StartInfo(netlist);
        if (start is null) return null;
        TimeSpan? best = null;
        for (var i = 0; i < repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start);
            if (process is null) return null;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            Task.WaitAll(output, errors);
            var elapsed = clock.Elapsed;
            if (process.ExitCode != 0) return null;
            if (best is null || elapsed < best) best = elapsed;
        }
        return best;
    }

    private static ProcessStartInfo? StartInfo(string netlist)
    {
        // Only hwsim itself is started again (not a test host that called into it).
        if (System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name != "hwsim") return null;
        var host = Environment.ProcessPath;
        if (host is null) return null;
        var info = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // Run as "dotnet hwsim.dll": the host needs the assembly first.
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            var assembly = Environment.GetCommandLineArgs()[0];
            if (!assembly.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)) return null;
            info.ArgumentList.Add(assembly);
        }
        info.ArgumentList.Add("run");
        info.ArgumentList.Add(netlist);
        return info;
    }
}
