namespace Hwsim.Verification;

/// <summary>Two sets of vectors disagree beyond tolerance; the message is the report's.</summary>
public sealed class VectorMismatchException : Exception
{
    /// <summary>Creates the exception from a failed report.</summary>
    public VectorMismatchException(ComparisonReport report)
        : base(report?.Message)
    {
        ArgumentNullException.ThrowIfNull(report);
        Report = report;
    }

    /// <summary>The failed comparison.</summary>
    public ComparisonReport Report { get; }
}
