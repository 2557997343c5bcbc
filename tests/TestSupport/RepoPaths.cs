namespace Hwsim.TestSupport;

/// <summary>Locates folders of the repository from the test binaries.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The repository root (the folder holding Simulator.sln).</summary>
    public static string Root => RootPath.Value;

    /// <summary>netlists/engine: the engine's reference netlists.</summary>
    public static string EngineNetlists => Path.Combine(Root, "netlists", "engine");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Simulator.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Simulator.sln above {AppContext.BaseDirectory}.");
    }
}
