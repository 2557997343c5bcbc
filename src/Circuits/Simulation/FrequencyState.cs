using System.Numerics;
using Hwsim.Circuits.Solver;

namespace Hwsim.Circuits.Simulation;

/// <summary>
/// What a device sees while its small-signal model is loaded (AC): the complex matrix, which has the real matrix's
/// structure and handles, its right-hand side and the angular frequency.
/// </summary>
public sealed class FrequencyState
{
    /// <summary>The complex MNA matrix; devices add admittances through the handles they hold for the real one.</summary>
    public SparseMatrix<Complex> Matrix { get; internal set; } = null!;

    /// <summary>The complex right-hand side, 1-based.</summary>
    public Complex[] Rhs { get; internal set; } = Array.Empty<Complex>();

    /// <summary>The angular frequency in rad/s.</summary>
    public double Omega { get; internal set; }
}
