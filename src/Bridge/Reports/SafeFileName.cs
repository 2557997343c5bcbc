namespace Hwsim.Bridge.Reports;

/// <summary>
/// Turns a name that comes from input (a model's or layer's name) into one file-name component: ASCII letters,
/// digits, '-' and '_' are kept, everything else (path separators, dots, control characters) becomes '_', and the
/// result is never empty and at most <see cref="MaxLength"/> characters. So a model named <c>../../x</c> or
/// <c>/etc/x</c> writes <c>______x.ideal.csv</c> inside the output folder, never elsewhere.
/// </summary>
public static class SafeFileName
{
    /// <summary>The longest component made (file systems allow 255 bytes; suffixes such as <c>.ideal.crossbar-fc1.png</c> follow).</summary>
    public const int MaxLength = 80;

    /// <summary>The name as a safe file-name component; <paramref name="fallback"/> when nothing of it is left.</summary>
    public static string Of(string? name, string fallback = "model")
    {
        if (string.IsNullOrEmpty(name)) return fallback;
        var chars = name.Take(MaxLength).Select(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '_' ? c : '_').ToArray();
        return new string(chars);
    }
}
