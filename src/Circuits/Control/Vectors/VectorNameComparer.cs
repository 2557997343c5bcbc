namespace Hwsim.Circuits.Control.Vectors;

/// <summary>
/// The order ngspice lists vectors in (<c>print all</c>, <c>display</c>): its frontend's namecmp, which compares runs
/// of digits as numbers, so <c>r1_w</c> comes before <c>r10</c> and <c>v(2)</c> before <c>v(10)</c>; other characters
/// compare by code.
/// </summary>
public sealed class VectorNameComparer : IComparer<string>
{
    /// <summary>The one instance.</summary>
    public static VectorNameComparer Instance { get; } = new();

    private const long Limit = 100_000_000_000_000_000; // longer numbers compare by their first 18 digits

    private VectorNameComparer() { }

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null) return x is null ? (y is null ? 0 : -1) : 1;
        int i = 0, j = 0;
        while (true)
        {
            while (i < x.Length && j < y.Length && x[i] == y[j] && !char.IsAsciiDigit(x[i]))
            {
                i++;
                j++;
            }
            if (i == x.Length || j == y.Length) return (x.Length - i).CompareTo(y.Length - j);
            if (!char.IsAsciiDigit(x[i]) || !char.IsAsciiDigit(y[j])) return x[i].CompareTo(y[j]);
            long a = 0, b = 0;
            for (; i < x.Length && char.IsAsciiDigit(x[i]); i++) if (a < Limit) a = a * 10 + (x[i] - '0');
            for (; j < y.Length && char.IsAsciiDigit(y[j]); j++) if (b < Limit) b = b * 10 + (y[j] - '0');
            if (a != b) return a.CompareTo(b);
        }
    }
}
