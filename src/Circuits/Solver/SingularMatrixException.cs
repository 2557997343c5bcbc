namespace Hwsim.Circuits.Solver;

/// <summary>
/// The factorisation met a column whose pivot candidates all have magnitude at or below the absolute pivot
/// threshold: the matrix is numerically singular (for MNA, typically a floating node or a loop of voltage sources).
/// </summary>
public sealed class SingularMatrixException : SolverException
{
    /// <summary>Creates the exception for the given 1-based column (unknown).</summary>
    public SingularMatrixException(int index, double largestCandidate)
        : base(index, $"The matrix is singular: no pivot for unknown {index} " +
                      $"(largest candidate magnitude {largestCandidate:G3}).")
    {
        LargestCandidate = largestCandidate;
    }

    /// <summary>The largest magnitude found among the column's pivot candidates.</summary>
    public double LargestCandidate { get; }
}
