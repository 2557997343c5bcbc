using Hwsim.Bridge.Demos;

namespace Hwsim.Cli;

/// <summary>
/// Finds the folder of the stored demo models once, for the commands that read them (the library code is handed
/// the path): <c>./models</c>, else <c>models/</c> in a folder above the program (the repository it was built in).
/// </summary>
internal static class ModelsFolder
{
    public static string Find()
    {
        var local = Path.GetFullPath("models");
        if (HoldsDemoModels(local)) return local;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "models");
            if (HoldsDemoModels(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("no models/ folder with the demo models found (run from the repository, or train them with hwsim train)");
    }

    private static bool HoldsDemoModels(string folder) => BridgeDemos.All.Any(d => File.Exists(Path.Combine(folder, d.Name + ".json")));
}
