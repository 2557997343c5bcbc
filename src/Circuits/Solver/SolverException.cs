namespace Hwsim.Circuits.Solver;

/// <summary>
/// Base class of the errors the sparse solver reports. Each carries the unknown (1-based, original numbering) that
/// has no usable pivot, so the engine can name the node or device behind it.
/// </summary>
public abstract class SolverException : Exception
{
    /// <summary>Creates the exception for the given 1-based unknown.</summary>
    protected SolverException(int index, string message)
        : base(message)
    {
        Index = index;
    }

    /// <summary>The 1-based unknown (row or column in the caller's numbering) that has no usable pivot.</summary>
    public int Index { get; }
}
