using Hwsim.Circuits.Netlist;

namespace Hwsim.Circuits;

/// <summary>Which of the <see cref="ResourceLimits"/> was exceeded.</summary>
public enum ResourceLimit
{
    /// <summary><see cref="ResourceLimits.MaxPoints"/>.</summary>
    Points,
    /// <summary><see cref="ResourceLimits.MaxElements"/>.</summary>
    Elements,
    /// <summary><see cref="ResourceLimits.MaxExpressionSize"/>.</summary>
    ExpressionSize,
    /// <summary><see cref="ResourceLimits.MaxFileBytes"/>.</summary>
    FileBytes,
}

/// <summary>
/// Input that asks for more than a <see cref="ResourceLimits"/> allows: bad input, reported with the place that
/// asked (file, line and column when known) and the limit, so that the caller can name the setting that raises it.
/// </summary>
public sealed class LimitExceededException : Exception
{
    /// <summary>Creates the exception; <paramref name="message"/> says what was asked for and the limit.</summary>
    public LimitExceededException(ResourceLimit limit, string message, SourceLocation? location = null)
        : base(location is { } at ? $"{at}: {message}" : message)
    {
        Limit = limit;
        Location = location;
    }

    /// <summary>The limit that was exceeded.</summary>
    public ResourceLimit Limit { get; }

    /// <summary>Where the input asked for it, when known.</summary>
    public SourceLocation? Location { get; }
}
