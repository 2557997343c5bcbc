using System.Globalization;

namespace Hwsim.Bridge.MonteCarlo;

/// <summary>
/// One of <see cref="Count"/> parts of a study (<c>--shard I/N</c>): the samples k with k mod N = I. A whole study is
/// shard 0/1.
/// </summary>
public sealed record Shard(int Index, int Count)
{
    public static Shard Whole { get; } = new(0, 1);

    /// <summary>Whether sample <paramref name="sample"/> belongs to this shard.</summary>
    public bool Holds(int sample) => sample % Count == Index;

    /// <summary>The samples of this shard among 0 .. samples-1, in order.</summary>
    public IEnumerable<int> Samples(int samples)
    {
        for (var k = Index; k < samples; k += Count) yield return k;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");

    /// <summary>Reads <c>I/N</c>; null with a reason when it is not a shard (0 &lt;= I &lt; N).</summary>
    public static Shard? TryParse(string text, out string? problem)
    {
        problem = null;
        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            problem = $"'{text}' is not I/N (e.g. 0/4: the first of four shards)";
            return null;
        }
        if (count < 1 || index >= count)
        {
            problem = $"'{text}': the index must lie in 0 .. N-1 (N = {count})";
            return null;
        }
        return new Shard(index, count);
    }
}
