using System.Diagnostics;

namespace Hwsim.Cli.Tests;

/// <summary>Starts hwsim as a process of its own (<c>dotnet hwsim.dll ...</c> from the test's output folder), as a cluster's shards run it.</summary>
internal static class HwsimProcess
{
    public static Process Start(params string[] args)
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var info = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "hwsim.dll"));
        foreach (var a in args) info.ArgumentList.Add(a);
        return Process.Start(info) ?? throw new InvalidOperationException("hwsim did not start");
    }

    /// <summary>Waits for a process and returns its exit code and what it wrote to stderr.</summary>
    public static (int Code, string Err) Wait(Process p)
    {
        var output = p.StandardOutput.ReadToEndAsync();
        var errors = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        Task.WaitAll(output, errors);
        return (p.ExitCode, errors.Result);
    }
}
