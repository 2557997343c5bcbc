using System.Diagnostics;
using System.Numerics;
using Hwsim.Circuits.Solver;

namespace Hwsim.Circuits.Simulation;

/// <summary>
/// The numeric phases of one engine's MNA system (real for DC and transient, complex for AC) over the engine's
/// shared <see cref="SymbolicAnalysis"/>, and the policy of when each runs (SPICE's SMPreorder / SMPluFac in NIiter):
/// a factorisation with pivot search the first time or when asked to reorder, else a refactorisation with the same
/// pivots (of the columns whose values changed) that falls back to a full one when a pivot has become too small; no
/// factorisation at all when the values are those already factored (a linear circuit, a repeated step). Solver failures become a
/// <see cref="SimulationException"/> naming the unknown.
/// </summary>
internal sealed class LinearSystem<T>
    where T : struct, INumberBase<T>
{
    private readonly Func<SymbolicAnalysis> _symbolic;
    private readonly SimulationOptions _options;
    private readonly Unknowns _unknowns;
    private readonly EngineStatistics _statistics;
    private SparseLU<T>? _lu;

    public LinearSystem(SparseMatrix<T> matrix, Func<SymbolicAnalysis> symbolic, SimulationOptions options, Unknowns unknowns, EngineStatistics statistics)
    {
        Matrix = matrix;
        Rhs = new T[matrix.Size + 1];
        _symbolic = symbolic;
        _options = options;
        _unknowns = unknowns;
        _statistics = statistics;
    }

    public SparseMatrix<T> Matrix { get; }

    /// <summary>The right-hand side of the complex system (the real engine swaps its own vectors).</summary>
    public T[] Rhs { get; }

    /// <summary>
    /// Counts the calls of <see cref="Factor"/>: a caller that remembers it knows whether anyone has loaded and factored
    /// other values since its own factorisation.
    /// </summary>
    public int FactorCalls { get; private set; }

    /// <summary>nnz(L) + nnz(U) of the present factors.</summary>
    public int LuNonZeros => _lu?.LuNonZeros ?? 0;

    /// <summary>Factors the present matrix values unless they are those already factored.</summary>
    /// <param name="reorder">Search pivots again (a full factorisation) instead of refactoring with the old ones.</param>
    public void Factor(bool reorder)
    {
        FactorCalls++;
        // Same values as the last factorisation: the factors are still valid, even when a reorder was asked for (a
        // new pivot search on the same numbers finds the same pivots).
        if (_lu is not null && _lu.HasFactoredValues())
        {
            _statistics.ReusedFactorizations++;
            return;
        }
        try
        {
            _lu ??= new SparseLU<T>(Matrix, _symbolic(), _options.PivRel, _options.PivTol);
            var start = Stopwatch.GetTimestamp();
            var (blockFactors, blockReuses, fallbacks) = (_lu.LeadingBlockFactorizations, _lu.LeadingBlockReuses, _lu.LeadingPivotFallbacks);
            if (!reorder && _lu.HasPivotOrder)
            {
                if (_lu.Refactor())
                {
                    _statistics.Refactorizations++;
                }
                else
                {
                    _statistics.RefactorFailures++;
                    _lu.Factor();
                    _statistics.Factorizations++;
                }
            }
            else
            {
                _lu.Factor();
                _statistics.Factorizations++;
            }
            _statistics.FactorTime += EngineStatistics.Since(start);
            _statistics.LeadingBlockSize = _lu.LeadingSize;
            _statistics.LeadingBlockFactorizations += _lu.LeadingBlockFactorizations - blockFactors;
            _statistics.LeadingBlockReuses += _lu.LeadingBlockReuses - blockReuses;
            _statistics.LeadingPivotFallbacks += _lu.LeadingPivotFallbacks - fallbacks;
        }
        catch (StructurallySingularException e)
        {
            throw Singular(_unknowns, e.Index, structural: true);
        }
        catch (SingularMatrixException e)
        {
            throw Singular(_unknowns, e.Index, structural: false);
        }
    }

    /// <summary>Solves in place with the present factors; element 0 (ground) is left 0.</summary>
    public void Solve(T[] rhs)
    {
        var start = Stopwatch.GetTimestamp();
        _lu!.Solve(rhs);
        rhs[0] = T.Zero;
        _statistics.Solves++;
        _statistics.SolveTime += EngineStatistics.Since(start);
    }

    /// <summary>Solves the transposed system A^T x = b in place with the present factors (the adjoint system of noise).</summary>
    public void SolveTransposed(T[] rhs)
    {
        var start = Stopwatch.GetTimestamp();
        _lu!.SolveTransposed(rhs);
        rhs[0] = T.Zero;
        _statistics.Solves++;
        _statistics.SolveTime += EngineStatistics.Since(start);
    }

    /// <summary>The failure of a (structurally) singular matrix, naming the unknown and what usually causes it.</summary>
    internal static SimulationException Singular(Unknowns unknowns, int unknown, bool structural)
    {
        var index = Math.Clamp(unknown, 0, unknowns.Count);
        var what = unknowns.Describe(unknown);
        var hint = unknowns.KindOf(index) == UnknownKind.Voltage
            ? "is it floating, or connected only through capacitors or current sources?"
            : "is it in a loop of voltage sources or inductors?";
        return new SimulationException(
            $"{(structural ? "structurally singular" : "singular")} matrix at {what}: {hint}",
            new[] { unknowns.NameOf(index) }) { NumericallySingular = !structural };
    }
}
