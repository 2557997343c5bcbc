namespace Hwsim.Browser.Tests;

/// <summary>
/// A fact that needs Debian's chromium (<c>apt-get install chromium</c>; CI installs it): skipped with that reason
/// when no <c>chromium</c> is on the PATH. Playwright's own browser download is never used (it cannot be fetched here).
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Path is null) Skip = "chromium not installed (apt-get install -y chromium)";
    }
}

/// <summary>Where chromium is: the first <c>chromium</c> (or <c>chromium-browser</c>) on the PATH, or null.</summary>
public static class Chromium
{
    public static string? Path { get; } = Find();

    private static string? Find()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            foreach (var name in new[] { "chromium", "chromium-browser" })
            {
                var candidate = System.IO.Path.Combine(dir, name);
                if (File.Exists(candidate)) return candidate;
            }
        return null;
    }

    /// <summary>The flags the page tests run it with: headless, no sandbox (CI runs as root), nothing that calls out.</summary>
    public static readonly string[] Args =
    {
        "--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run",
    };
}
