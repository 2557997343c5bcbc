namespace Hwsim.Bridge.Tests;

internal static class RepoFiles
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Simulator.sln"))) return dir.FullName;
            throw new DirectoryNotFoundException("repository root not found");
        }
    }

    /// <summary>The folder of the stored demo models.</summary>
    public static string Models => Path.Combine(Root, "models");

    public static string Model(string demo) => Path.Combine(Root, "models", demo + ".json");
}
