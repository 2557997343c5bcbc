namespace Hwsim.Cli.Tests;

/// <summary>Runs the hwsim command in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = HwsimApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    public static string Repo(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Simulator.sln")))
                return Path.Combine(new[] { dir.FullName }.Concat(parts).ToArray());
        throw new DirectoryNotFoundException("repository root not found");
    }

    public static string TempFile(string name, string text)
    {
        var dir = Directory.CreateTempSubdirectory("hwsim-cli").FullName;
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
