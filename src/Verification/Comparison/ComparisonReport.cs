using System.Globalization;
using System.Text;

namespace Hwsim.Verification;

/// <summary>The outcome of comparing two sets of vectors: per vector its worst point, plus anything that prevented a comparison.</summary>
/// <param name="Analysis">What was compared, e.g. <c>operating point</c>, <c>transient</c>.</param>
/// <param name="Criterion">The tolerance rule in words, for the message.</param>
/// <param name="Vectors">The worst point of every compared vector, in the reference's order.</param>
/// <param name="Missing">Vectors of the reference that the compared set lacks.</param>
/// <param name="Problems">Structural mismatches: point counts, scales, time ranges.</param>
public sealed record ComparisonReport(
    string Analysis,
    string Criterion,
    IReadOnlyList<VectorDeviation> Vectors,
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> Problems)
{
    /// <summary>True when every vector is within tolerance, none is missing and nothing else went wrong.</summary>
    public bool Passed => Problems.Count == 0 && Missing.Count == 0 && Vectors.Count > 0 && Vectors.All(v => v.Passed);

    /// <summary>The vectors outside tolerance, worst first.</summary>
    public IReadOnlyList<VectorDeviation> Failures =>
        Vectors.Where(v => !v.Passed).OrderByDescending(v => v.Ratio).ToArray();

    /// <summary>The vector with the largest error-to-tolerance ratio, or null when nothing was compared.</summary>
    public VectorDeviation? Worst => Vectors.Count == 0 ? null : Vectors.MaxBy(v => v.Ratio);

    /// <summary>A readable summary: verdict, the worst vector with its point and both values, other failures, missing vectors.</summary>
    public string Message
    {
        get
        {
            var text = new StringBuilder();
            var failures = Failures;
            text.Append(Passed ? "PASSED " : "FAILED ").Append(Analysis).Append(" comparison (").Append(Criterion).Append("): ");
            text.Append(Vectors.Count == 0
                ? "no vector compared"
                : string.Create(CultureInfo.InvariantCulture, $"{failures.Count} of {Vectors.Count} vectors outside tolerance"));
            if (Worst is { } worst)
            {
                text.Append("\n  worst: ").Append(worst.Describe());
            }

            foreach (var other in failures.Skip(1).Take(9))
            {
                text.Append("\n  also:  ").Append(other.Describe());
            }

            if (failures.Count > 10)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n  ... and {failures.Count - 10} more");
            }

            if (Missing.Count > 0)
            {
                text.Append("\n  missing from the compared set: ").Append(string.Join(", ", Missing));
            }

            foreach (var problem in Problems)
            {
                text.Append("\n  problem: ").Append(problem);
            }

            return text.ToString();
        }
    }

    /// <summary>Throws a <see cref="VectorMismatchException"/> carrying this report unless it passed.</summary>
    public void ThrowIfFailed()
    {
        if (!Passed)
        {
            throw new VectorMismatchException(this);
        }
    }

    /// <inheritdoc />
    public override string ToString() => Message;
}
