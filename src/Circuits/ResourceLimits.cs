namespace Hwsim.Circuits;

/// <summary>
/// How much work and memory a netlist may ask for. A netlist is code-like input: a few lines can ask for 1e20 time
/// points, 1e9 resistors or an expression of 2^40 terms. Each limit, when exceeded, is a
/// <see cref="LimitExceededException"/> naming it; the command line names the option that raises it.
/// </summary>
public sealed record ResourceLimits
{
    /// <summary>The limits of a plain run: far above any netlist we ship, well below what exhausts this machine.</summary>
    public static ResourceLimits Default { get; } = new();

    /// <summary>
    /// The limits for files from others (<c>--sandbox</c>): includes confined to <paramref name="folder"/> (the
    /// netlist's own) and tighter budgets.
    /// </summary>
    public static ResourceLimits Sandbox(string folder) => new()
    {
        MaxPoints = 100_000,
        MaxElements = 100_000,
        MaxExpressionSize = 10_000,
        MaxFileBytes = 16L << 20,
        IncludeFolder = Path.GetFullPath(folder),
    };

    /// <summary>Points of one analysis: sweep values, frequencies or stored time points.</summary>
    public long MaxPoints { get; init; } = 10_000_000;

    /// <summary>Circuit elements and models after every sub-circuit instance is expanded.</summary>
    public long MaxElements { get; init; } = 2_000_000;

    /// <summary>Operations of one expression after its <c>.func</c> calls are expanded.</summary>
    public long MaxExpressionSize { get; init; } = 1_000_000;

    /// <summary>Bytes read from one netlist or included file.</summary>
    public long MaxFileBytes { get; init; } = 256L << 20;

    /// <summary>When set, <c>.include</c> and <c>.lib</c> may only name files inside this folder.</summary>
    public string? IncludeFolder { get; init; }
}
