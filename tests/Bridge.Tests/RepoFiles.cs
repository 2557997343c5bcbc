using Hwsim.TestSupport;

namespace Hwsim.Bridge.Tests;

internal static class RepoFiles
{
    public static string Root => RepoPaths.Root;

    public static string Model(string demo) => Path.Combine(Root, "models", demo + ".json");
}
