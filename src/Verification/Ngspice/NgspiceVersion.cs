using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Hwsim.Verification;

/// <summary>
/// The version of an ngspice executable, as its banner states it (<c>** ngspice-39 : Circuit level simulation
/// program</c>; some builds write <c>ngspice-39.3</c>).
/// </summary>
/// <param name="Major">The major version, e.g. 39.</param>
/// <param name="Banner">The banner line the version was read from.</param>
public sealed partial record NgspiceVersion(int Major, string Banner)
{
    /// <summary>
    /// The ngspice whose behaviour the engine reproduces (its time-step control, limiting, defaults) and whose results
    /// every comparison in the tests was measured against. Another version may differ within or beyond the tolerances.
    /// </summary>
    public const int Reference = 39;

    /// <summary>True when this is the <see cref="Reference"/> version.</summary>
    public bool IsReference => Major == Reference;

    /// <summary>A readable name, e.g. <c>ngspice 39</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"ngspice {Major}");

    /// <summary>Reads the version from the banner printed by <c>ngspice -v</c>; null when no banner line names one.</summary>
    public static NgspiceVersion? Parse(string banner)
    {
        ArgumentNullException.ThrowIfNull(banner);
        var match = BannerPattern().Match(banner);
        return match.Success
            ? new NgspiceVersion(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Value.Trim())
            : null;
    }

    /// <summary>Runs <c>ngspice -v</c> and reads its version; null when it prints none or does not answer within 10 s.</summary>
    public static NgspiceVersion? Of(string executablePath)
    {
        var info = new ProcessStartInfo(executablePath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-v");
        using var process = Process.Start(info);
        if (process is null)
        {
            return null;
        }

        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            process.Kill(entireProcessTree: true);
            return null;
        }

        return Parse(stdout.GetAwaiter().GetResult() + "\n" + stderr.GetAwaiter().GetResult());
    }

    [GeneratedRegex(@"ngspice-(\d+)(\.\d+)*", RegexOptions.CultureInvariant)]
    private static partial Regex BannerPattern();
}
