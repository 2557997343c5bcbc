using Hwsim.Circuits.Solver;

namespace Hwsim.Circuits.Simulation;

/// <summary>
/// What a behaviour sees in the second set-up phase, when every unknown and every behaviour exists: the matrix
/// whose element handles it asks for once, the unknowns, and the other behaviours (a coupling finds its inductors).
/// </summary>
public sealed class SetupContext
{
    private readonly Func<string, Behavior?> _find;

    internal SetupContext(SparseMatrix<double> matrix, Unknowns unknowns, SimulationOptions options, Circuit circuit, Func<string, Behavior?> find)
    {
        Matrix = matrix;
        Unknowns = unknowns;
        Options = options;
        Circuit = circuit;
        _find = find;
    }

    /// <summary>The real matrix while its structure is open: <see cref="SparseMatrix{T}.GetElement"/> hands out handles.</summary>
    public SparseMatrix<double> Matrix { get; }

    public Unknowns Unknowns { get; }
    public SimulationOptions Options { get; }
    public Circuit Circuit { get; }

    /// <summary>The behaviour of another device by its (flattened) name, or null.</summary>
    public Behavior? Find(string name) => _find(name);
}
