using Hwsim.TestSupport;

namespace Hwsim.Bridge.Tests;

internal static class RepoFiles
{
    public static string Root => RepoPaths.Root;

    /// <summary>The folder of the stored demo models.</summary>
    public static string Models => Path.Combine(Root, "models");

    public static string Model(string demo) => Path.Combine(Root, "models", demo + ".json");
}
