using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Hwsim.Circuits.Solver;

/// <summary>
/// Sparse LU factorisation of a <see cref="SparseMatrix{T}"/> in the manner of KLU, in the phases KLU names:
/// <list type="bullet">
/// <item>analyze (once per structure): a <see cref="SymbolicAnalysis"/>, made by <see cref="Analyze"/> or handed
/// in by the constructor when another factorisation of the same structure already has one (the AC analysis reuses
/// the DC order; Monte Carlo samples share one analysis).</item>
/// <item><see cref="Factor"/>: left-looking Gilbert-Peierls LU with threshold partial pivoting that prefers the
/// matched (diagonal) row; learns the pivot order and the patterns of L and U.</item>
/// <item><see cref="Refactor"/> (every Newton iteration): same pivots and patterns, new values; reports unhealthy
/// pivots instead of choosing new ones. Does not allocate.</item>
/// <item><see cref="Solve"/> / <see cref="SolveTransposed"/>: triangular solves. Do not allocate.</item>
/// </list>
/// When the analysis ordered a constant leading block first (<see cref="SymbolicAnalysis.LeadingSize"/>), a
/// factorisation keeps its pivots inside that block, and computes the block's L and U and its contribution to every
/// trailing column (the constant part of the Schur complement) once; a refactorisation whose leading values are
/// unchanged recomputes only the trailing block from those.
/// With row permutation P and column permutation Q found here, P A Q = L U, L unit lower triangular.
/// An instance owns its numeric factors and workspace: it is not safe to use from several threads at once (its
/// symbolic analysis is).
/// </summary>
/// <typeparam name="T"><see cref="double"/> or <see cref="Complex"/>; the arithmetic is specialised per type by the JIT.</typeparam>
public sealed class SparseLU<T>
    where T : struct, INumberBase<T>
{
    private readonly SparseMatrix<T> _matrix;
    private readonly double _relativeThreshold;
    private readonly double _absoluteThreshold;

    private SymbolicAnalysis? _symbolic;
    private int _n;
    private bool _hasPattern;
    private bool _factored;

    // From the symbolic analysis: step k factors column _columnOrder[k], preferring row _rowAtPosition[k] (its match)
    // as pivot. Factor works in "positions": row r is numbered by the step that prefers it, so that with preferred
    // pivots the positions are the final steps and the work vector is accessed as in Refactor.
    private int[] _columnOrder = Array.Empty<int>();
    private int[] _rowAtPosition = Array.Empty<int>();
    private int[] _entryPosition = Array.Empty<int>(); // per compressed-column entry of A: position of its row

    // Factors: L by columns (unit diagonal not stored), U by columns (diagonal apart, entries in topological order).
    // Row indices of both are pivot steps once Factor has finished.
    private int[] _lp = Array.Empty<int>();
    private int[] _li = Array.Empty<int>();
    private T[] _lx = Array.Empty<T>();
    private int[] _up = Array.Empty<int>();
    private int[] _ui = Array.Empty<int>();
    private T[] _ux = Array.Empty<T>();
    // U's diagonal is kept as 1/pivot, as Sparse 1.3 (ngspice's solver) keeps it: a solve multiplies instead of
    // dividing, which shortens the chain of dependent operations through a triangular solve.
    private T[] _udiagInverse = Array.Empty<T>();
    private int[] _pivotRow = Array.Empty<int>();       // step -> original row
    private int[] _pivotPosition = Array.Empty<int>();  // step -> position
    private int[] _positionStep = Array.Empty<int>();   // position -> step (-1: not yet pivoted, during Factor)
    private int[] _entryStep = Array.Empty<int>();      // per compressed-column entry of A: step of its row

    // Workspace.
    private T[] _x = Array.Empty<T>();
    private int[] _visited = Array.Empty<int>();
    private int[] _stack = Array.Empty<int>();
    private int[] _pstack = Array.Empty<int>();
    private int[] _reach = Array.Empty<int>();
    private int[] _lpend = Array.Empty<int>();
    private bool[] _pruned = Array.Empty<bool>();

    // The values of A (in compressed-column order) that the present factors were computed from, and per step whether
    // the last refactorisation recomputed it: a refactorisation recomputes only the columns whose values changed or
    // that depend (through U) on a recomputed one.
    private T[] _factoredA = Array.Empty<T>();
    private bool[] _recomputed = Array.Empty<bool>();
    private bool _factoredAValid;

    // The constant leading block (steps 0 .. _leading - 1) and, while _blocked (the last Factor kept the leading pivots
    // on leading rows), what the trailing columns take from it: per trailing column k, U entries at leading steps
    // first (_up[k] .. _uTrailStart[k] - 1, kept as computed) and the leading block's contribution to its other entries
    // (_schurU parallel to _ux, _schurL parallel to _lx, _schurDiag). _leadingEntries: the entries of A in a leading
    // row or column, which must hold their values for the leading block to be reused.
    private int _leading;
    private bool _blocked;
    private int[] _uTrailStart = Array.Empty<int>();
    private T[] _schurU = Array.Empty<T>();
    private T[] _schurL = Array.Empty<T>();
    private T[] _schurDiag = Array.Empty<T>();
    private int[] _leadingEntries = Array.Empty<int>();

    // The state of the last Factor after its leading block (L's row indices still positions, the pruning of its columns),
    // so that a pivot search at unchanged leading values resumes at the first trailing column: the leading block's
    // pivots and values depend on its constant values alone, so the result is the full search's.
    private int[] _savedLi = Array.Empty<int>();
    private T[] _savedLx = Array.Empty<T>();
    private int[] _savedLpend = Array.Empty<int>();
    private bool[] _savedPruned = Array.Empty<bool>();
    private int _savedLnz;
    private int _savedUnz;
    private int _savedOffDiagonal;
    private bool _savedValid;

    /// <summary>Creates the solver for <paramref name="matrix"/>; nothing is computed until <see cref="Analyze"/>.</summary>
    /// <param name="matrix">The matrix; its structure must be fixed before <see cref="Analyze"/>.</param>
    /// <param name="relativePivotThreshold">
    /// The preferred (diagonal) pivot is kept when its magnitude is at least this fraction of the largest candidate
    /// in its column; <see cref="Refactor"/> reports a pivot below this fraction as unhealthy. In (0, 1].
    /// </param>
    /// <param name="absolutePivotThreshold">
    /// The preferred pivot must also be above this magnitude. When no candidate of a column is, the largest one is
    /// still taken as long as it is not zero, as Sparse 1.3 (ngspice) does with its "small pivot" warning: a node held
    /// only by gmin-sized conductances is ill-conditioned, not singular.
    /// </param>
    public SparseLU(SparseMatrix<T> matrix, double relativePivotThreshold = 1e-3, double absolutePivotThreshold = 1e-13)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (!(relativePivotThreshold > 0 && relativePivotThreshold <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(relativePivotThreshold), relativePivotThreshold, "Must be in (0, 1].");
        }

        if (!(absolutePivotThreshold >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(absolutePivotThreshold), absolutePivotThreshold, "Must be non-negative.");
        }

        _matrix = matrix;
        _relativeThreshold = relativePivotThreshold;
        _absoluteThreshold = absolutePivotThreshold;
    }

    /// <summary>
    /// Creates the solver for <paramref name="matrix"/> over an existing analysis of its structure: no
    /// <see cref="Analyze"/> is needed, and none runs.
    /// </summary>
    /// <exception cref="ArgumentException">The analysis is of another structure.</exception>
    public SparseLU(SparseMatrix<T> matrix, SymbolicAnalysis symbolic, double relativePivotThreshold = 1e-3, double absolutePivotThreshold = 1e-13)
        : this(matrix, relativePivotThreshold, absolutePivotThreshold)
    {
        ArgumentNullException.ThrowIfNull(symbolic);
        if (!symbolic.Fits(matrix))
        {
            throw new ArgumentException("The symbolic analysis was made for another matrix structure.", nameof(symbolic));
        }

        Attach(symbolic);
    }

    /// <summary>The matrix this solver factors.</summary>
    public SparseMatrix<T> Matrix => _matrix;

    /// <summary>The relative pivot threshold.</summary>
    public double RelativePivotThreshold => _relativeThreshold;

    /// <summary>The absolute pivot threshold.</summary>
    public double AbsolutePivotThreshold => _absoluteThreshold;

    /// <summary>The symbolic analysis in use (null before <see cref="Analyze"/> unless one was handed in).</summary>
    public SymbolicAnalysis? Symbolic => _symbolic;

    /// <summary>True once a symbolic analysis is attached.</summary>
    public bool IsAnalyzed => _symbolic is not null;

    /// <summary>True once a <see cref="Factor"/> has chosen pivots that <see cref="Refactor"/> can reuse.</summary>
    public bool HasPivotOrder => _hasPattern;

    /// <summary>True while the factors match the matrix values of the last successful Factor/Refactor.</summary>
    public bool IsFactored => _factored;

    /// <summary>nnz(L) + nnz(U) of the current factors, both diagonals included (0 before the first factorisation).</summary>
    public int LuNonZeros => _hasPattern ? _lp[_n] + _up[_n] + (2 * _n) : 0;

    /// <summary>Pivots of the last <see cref="Factor"/> taken off the preferred (matched) row.</summary>
    public int OffDiagonalPivots { get; private set; }

    /// <summary>The size of the constant leading block the analysis ordered first (0: none).</summary>
    public int LeadingSize => _leading;

    /// <summary>True while the factors keep the leading block apart (its pivots on its own rows), so it can be reused.</summary>
    public bool KeepsLeadingBlock => _blocked;

    /// <summary>
    /// Factorisations of the leading block: each <see cref="Factor"/> with a leading block, and each
    /// <see cref="Refactor"/> that found its values changed.
    /// </summary>
    public int LeadingBlockFactorizations { get; private set; }

    /// <summary>
    /// Refactorisations that reused the leading block and recomputed only the trailing one, and factorisations whose
    /// pivot search resumed at the trailing block.
    /// </summary>
    public int LeadingBlockReuses { get; private set; }

    /// <summary>
    /// Factorisations in which a leading column had no acceptable pivot on a leading row: the pivot was taken where
    /// the plain rule takes it, and the factors are used as without a leading block (every refactorisation then
    /// recomputes the columns whose values changed and those depending on them).
    /// </summary>
    public int LeadingPivotFallbacks { get; private set; }

    /// <summary>The column (1-based unknown) eliminated at pivot step <paramref name="step"/> (0-based).</summary>
    public int ColumnAtStep(int step) => _columnOrder[step] + 1;

    /// <summary>The row (1-based) pivoted at step <paramref name="step"/> (0-based); valid after a factorisation.</summary>
    public int RowAtStep(int step) => _pivotRow[step] + 1;

    /// <summary>
    /// Makes this solver's own <see cref="SymbolicAnalysis"/> of the matrix structure (see there). Call once per
    /// structure; a solver constructed over an existing analysis needs no call.
    /// </summary>
    /// <exception cref="InvalidOperationException">The matrix structure is not fixed.</exception>
    /// <exception cref="StructurallySingularException">No row permutation gives a zero-free diagonal.</exception>
    public void Analyze() => Attach(SymbolicAnalysis.Analyze(_matrix));

    /// <summary>Takes the symbolic analysis and sizes the factors and workspace as it promises.</summary>
    private void Attach(SymbolicAnalysis symbolic)
    {
        int n = symbolic.Size;
        _symbolic = symbolic;
        _n = n;
        _columnOrder = symbolic.ColumnOrder;
        _rowAtPosition = symbolic.RowAtPosition;
        _entryPosition = symbolic.EntryPosition;
        _entryStep = new int[_entryPosition.Length];

        int estimate = symbolic.FactorCapacity;
        _lp = new int[n + 1];
        _up = new int[n + 1];
        _li = new int[estimate];
        _lx = new T[estimate];
        _ui = new int[estimate];
        _ux = new T[estimate];
        _udiagInverse = new T[n];
        _pivotRow = new int[n];
        _pivotPosition = new int[n];
        _positionStep = new int[n];
        _x = new T[n];
        _visited = new int[n];
        _stack = new int[n];
        _pstack = new int[n];
        _reach = new int[n];
        _lpend = new int[n];
        _pruned = new bool[n];
        _factoredA = new T[_entryPosition.Length];
        _recomputed = new bool[n];
        _leading = symbolic.LeadingSize;
        _blocked = false;
        _uTrailStart = _leading > 0 ? new int[n] : Array.Empty<int>();
        _savedLpend = new int[_leading];
        _savedPruned = new bool[_leading];
        _savedValid = false;
        _schurDiag = _leading > 0 ? new T[n] : Array.Empty<T>();
        _factoredAValid = false;
        _hasPattern = false;
        _factored = false;
    }

    /// <summary>
    /// Numeric factorisation with pivot search: for each column in the analysed order, a sparse triangular solve
    /// over the depth-first reach of its pattern, then the preferred (diagonal) row as pivot if its magnitude is at
    /// least the relative threshold times the largest candidate and above the absolute threshold, else the largest
    /// candidate (even below the absolute threshold). With a leading block whose values have not changed since the last
    /// factorisation that kept it, the search resumes at the first trailing column from the saved state (the same
    /// result, without recomputing the block). May allocate (to grow the factors).
    /// </summary>
    /// <exception cref="InvalidOperationException">Not analysed.</exception>
    /// <exception cref="SingularMatrixException">A column has no non-zero candidate.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Factor()
    {
        if (_symbolic is null)
        {
            throw new InvalidOperationException("Analyze() must run before Factor().");
        }

        bool resume = _savedValid && !LeadingValuesChanged();
        _factored = false;
        _hasPattern = false;
        int n = _n;
        ReadOnlySpan<int> colPtr = _matrix.ColumnPointers;
        ReadOnlySpan<int> handles = _matrix.PositionHandles;
        int[] entryPosition = _entryPosition;
        T[] values = _matrix.Values;
        T[] x = _x;
        int[] positionStep = _positionStep;
        int[] visited = _visited;
        int[] reach = _reach;
        Array.Clear(x);
        Array.Fill(positionStep, -1);
        Array.Fill(visited, -1);
        Array.Fill(_lpend, -1);
        Array.Clear(_pruned);
        int lnz = 0;
        int unz = 0;
        int offDiagonal = 0;
        int leading = _leading;
        bool blocked = leading > 0;
        bool[] constantRow = _symbolic.ConstantRowAtPosition;
        int first = 0;
        if (resume)
        {
            (lnz, unz, offDiagonal) = RestoreLeadingState();
            first = leading;
            LeadingBlockReuses++;
        }
        else
        {
            _savedValid = false;
        }

        for (int k = first; k < n; k++)
        {
            if (k == leading && blocked && !resume)
            {
                SaveLeadingState(lnz, unz, offDiagonal);
            }

            int col = _columnOrder[k];
            _lp[k] = lnz;
            _up[k] = unz;

            // Pattern of column k of L and U: the positions reachable from A(:, col) in the graph of L so far.
            int top = n;
            int colEnd = colPtr[col + 1];
            for (int p = colPtr[col]; p < colEnd; p++)
            {
                int pos = entryPosition[p];
                if (visited[pos] != k)
                {
                    top = Reach(pos, k, top);
                }
            }

            EnsureCapacity(lnz + (n - top), unz + (n - top));
            int[] lp = _lp;
            int[] li = _li;
            T[] lx = _lx;
            for (int p = colPtr[col]; p < colEnd; p++)
            {
                x[entryPosition[p]] = values[handles[p]];
            }

            // Sparse triangular solve in topological order.
            for (int t = top; t < n; t++)
            {
                int pos = reach[t];
                int s = positionStep[pos];
                if (s >= 0)
                {
                    SubtractScaled(x, li, lx, lp[s], lp[s + 1], x[pos]);
                }
            }

            // U entries (rows pivoted earlier) in topological order; the other rows are pivot candidates.
            int[] ui = _ui;
            T[] ux = _ux;
            double maxMagnitude = -1;
            int maxPosition = -1;
            double maxLeading = -1;
            int maxLeadingPosition = -1;
            for (int t = top; t < n; t++)
            {
                int pos = reach[t];
                int s = positionStep[pos];
                if (s >= 0)
                {
                    ui[unz] = s;
                    ux[unz] = x[pos];
                    unz++;
                    x[pos] = T.Zero;
                }
                else
                {
                    double m = Magnitude(x[pos]);
                    if (m > maxMagnitude)
                    {
                        maxMagnitude = m;
                        maxPosition = pos;
                    }

                    if (blocked && constantRow[pos] && m > maxLeading)
                    {
                        maxLeading = m;
                        maxLeadingPosition = pos;
                    }
                }
            }

            if (maxPosition < 0 || !(maxMagnitude > 0))
            {
                ClearColumn(top);
                throw new SingularMatrixException(col + 1, Math.Max(maxMagnitude, 0));
            }

            // The preferred row sits at position k; keep it unless it is too small against the column.
            int pivotPosition = maxPosition;
            if (visited[k] == k && positionStep[k] < 0)
            {
                double m = Magnitude(x[k]);
                if (m >= _relativeThreshold * maxMagnitude && m > _absoluteThreshold)
                {
                    pivotPosition = k;
                }
            }

            if (blocked && k < leading && pivotPosition != k)
            {
                // Keep the leading block's pivots on constant rows (its own, or a trailing unknown's whose row is
                // constant) when one passes the same test; else pivot as without a block and stop treating the block
                // apart.
                if (maxLeadingPosition >= 0 && maxLeading >= _relativeThreshold * maxMagnitude
                    && (maxLeading > _absoluteThreshold || maxMagnitude <= _absoluteThreshold))
                {
                    pivotPosition = maxLeadingPosition;
                }
                else
                {
                    blocked = false;
                    LeadingPivotFallbacks++;
                }
            }

            if (pivotPosition != k)
            {
                offDiagonal++;
            }

            T pivot = x[pivotPosition];
            x[pivotPosition] = T.Zero;
            _udiagInverse[k] = T.One / pivot;
            _pivotPosition[k] = pivotPosition;
            positionStep[pivotPosition] = k;

            for (int t = top; t < n; t++)
            {
                int pos = reach[t];
                if (positionStep[pos] < 0)
                {
                    li[lnz] = pos;
                    lx[lnz] = x[pos] / pivot;
                    lnz++;
                    x[pos] = T.Zero;
                }
            }

            lp[k + 1] = lnz;
            _lpend[k] = lnz;
            Prune(k, pivotPosition, _up[k], unz);
        }

        _lp[n] = lnz;
        _up[n] = unz;

        // From positions to steps.
        for (int p = 0; p < lnz; p++)
        {
            _li[p] = positionStep[_li[p]];
        }

        for (int k = 0; k < n; k++)
        {
            _pivotRow[k] = _rowAtPosition[_pivotPosition[k]];
        }

        for (int p = 0; p < entryPosition.Length; p++)
        {
            _entryStep[p] = positionStep[entryPosition[p]];
        }

        T[] factoredA = _factoredA;
        for (int p = 0; p < factoredA.Length; p++)
        {
            factoredA[p] = values[handles[p]];
        }

        _factoredAValid = true;
        _hasPattern = true;
        _factored = true;
        OffDiagonalPivots = offDiagonal;
        _blocked = blocked;
        if (blocked)
        {
            if (!resume)
            {
                LeadingBlockFactorizations++;
            }

            SeparateLeadingBlock();
            ComputeLeadingContribution();
        }
    }

    /// <summary>Saves the factorisation state after the leading block (see <c>_savedValid</c>).</summary>
    private void SaveLeadingState(int lnz, int unz, int offDiagonal)
    {
        if (_savedLi.Length < lnz)
        {
            _savedLi = new int[lnz];
            _savedLx = new T[lnz];
        }

        Array.Copy(_li, _savedLi, lnz);
        Array.Copy(_lx, _savedLx, lnz);
        Array.Copy(_lpend, _savedLpend, _leading);
        Array.Copy(_pruned, _savedPruned, _leading);
        (_savedLnz, _savedUnz, _savedOffDiagonal) = (lnz, unz, offDiagonal);
        _savedValid = true;
    }

    /// <summary>
    /// Puts back the state after the leading block: its L columns (row indices as positions, pruned as then), its
    /// pivots; its U columns, pivots and pattern pointers are as the last factorisation left them. Returns the counts.
    /// </summary>
    private (int Lnz, int Unz, int OffDiagonal) RestoreLeadingState()
    {
        int lnz = _savedLnz;
        Array.Copy(_savedLi, _li, lnz);
        Array.Copy(_savedLx, _lx, lnz);
        Array.Copy(_savedLpend, _lpend, _leading);
        Array.Copy(_savedPruned, _pruned, _leading);
        for (int s = 0; s < _leading; s++)
        {
            _positionStep[_pivotPosition[s]] = s;
        }

        return (lnz, _savedUnz, _savedOffDiagonal);
    }

    /// <summary>
    /// After a <see cref="Factor"/> that kept the leading block apart: puts each trailing column's U entries at leading
    /// steps first (a leading step never depends on a trailing one, so the order stays topological), and lists the
    /// entries of A in a leading row or column.
    /// </summary>
    private void SeparateLeadingBlock()
    {
        int n = _n;
        int leading = _leading;
        int[] up = _up;
        int[] ui = _ui;
        T[] ux = _ux;
        int[] scratchIndex = _stack; // free between factorisations
        T[] scratchValue = _x;       // all zero between factorisations
        for (int k = leading; k < n; k++)
        {
            int start = up[k];
            int end = up[k + 1];
            int front = start;
            int back = 0;
            for (int p = start; p < end; p++)
            {
                int s = ui[p];
                if (s < leading)
                {
                    T value = ux[p];
                    ui[front] = s;
                    ux[front] = value;
                    front++;
                }
                else
                {
                    scratchIndex[back] = s;
                    scratchValue[back] = ux[p];
                    back++;
                }
            }

            _uTrailStart[k] = front;
            for (int b = 0; b < back; b++)
            {
                ui[front + b] = scratchIndex[b];
                ux[front + b] = scratchValue[b];
                scratchValue[b] = T.Zero;
            }
        }

        if (_schurU.Length < _ux.Length)
        {
            _schurU = new T[_ux.Length];
        }

        if (_schurL.Length < _lx.Length)
        {
            _schurL = new T[_lx.Length];
        }

        ReadOnlySpan<int> colPtr = _matrix.ColumnPointers;
        var entries = new List<int>();
        for (int k = 0; k < n; k++)
        {
            int col = _columnOrder[k];
            for (int p = colPtr[col]; p < colPtr[col + 1]; p++)
            {
                if (k < leading || _entryStep[p] < leading)
                {
                    entries.Add(p);
                }
            }
        }

        _leadingEntries = entries.ToArray();
    }

    /// <summary>
    /// For every trailing column: its U entries at leading steps (U12 = L11^-1 A12) and the leading block's contribution
    /// -L21 U12 to its remaining entries, from the present values of A (which the factors were computed from).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ComputeLeadingContribution()
    {
        int n = _n;
        int leading = _leading;
        ReadOnlySpan<int> colPtr = _matrix.ColumnPointers;
        int[] entryStep = _entryStep;
        T[] factoredA = _factoredA;
        T[] x = _x;
        int[] lp = _lp;
        int[] li = _li;
        T[] lx = _lx;
        int[] up = _up;
        int[] ui = _ui;
        T[] ux = _ux;
        for (int k = leading; k < n; k++)
        {
            int col = _columnOrder[k];
            for (int p = colPtr[col]; p < colPtr[col + 1]; p++)
            {
                int s = entryStep[p];
                if (s < leading)
                {
                    x[s] = factoredA[p];
                }
            }

            int trailStart = _uTrailStart[k];
            for (int p = up[k]; p < trailStart; p++)
            {
                int s = ui[p];
                T xs = x[s];
                x[s] = T.Zero;
                ux[p] = xs;
                SubtractScaled(x, li, lx, lp[s], lp[s + 1], xs);
            }

            int uEnd = up[k + 1];
            for (int p = trailStart; p < uEnd; p++)
            {
                int s = ui[p];
                _schurU[p] = x[s];
                x[s] = T.Zero;
            }

            _schurDiag[k] = x[k];
            x[k] = T.Zero;
            int lEnd = lp[k + 1];
            for (int q = lp[k]; q < lEnd; q++)
            {
                int s = li[q];
                _schurL[q] = x[s];
                x[s] = T.Zero;
            }
        }
    }

    /// <summary>True when an entry of A in a leading row or column differs from the value the factors were computed from.</summary>
    private bool LeadingValuesChanged()
    {
        ReadOnlySpan<int> handles = _matrix.PositionHandles;
        T[] values = _matrix.Values;
        T[] factoredA = _factoredA;
        ref int entry = ref MemoryMarshal.GetArrayDataReference(_leadingEntries);
        for (int i = 0; i < _leadingEntries.Length; i++)
        {
            int p = Unsafe.Add(ref entry, i);
            if (values[handles[p]] != factoredA[p])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Numeric factorisation with the pivot order and patterns of the last <see cref="Factor"/>, recomputing only the
    /// columns whose values changed since the factors were computed and those that depend on them (column k of L and U
    /// depends on A(:, k) and on the columns s with U(s, k) non-zero): in a circuit that is linear but for a few devices,
    /// most columns keep their factors. Returns false,
    /// leaving the solver unfactored, when a pivot falls below the relative threshold times its column's largest
    /// candidate, is zero, or is at/below the absolute threshold while a candidate above it exists; the caller then
    /// calls <see cref="Factor"/>. Does not allocate.
    /// </summary>
    /// <exception cref="InvalidOperationException">No earlier <see cref="Factor"/> to reuse.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Refactor()
    {
        if (!_hasPattern)
        {
            throw new InvalidOperationException("Refactor() needs a pivot order from an earlier Factor().");
        }

        if (_blocked)
        {
            if (_factoredAValid && !LeadingValuesChanged())
            {
                LeadingBlockReuses++;
                return RefactorTrailing();
            }

            LeadingBlockFactorizations++;
            _savedValid = false; // the leading block is recomputed from other values
        }

        if (!RefactorColumns())
        {
            return false;
        }

        if (_blocked)
        {
            ComputeLeadingContribution();
        }

        return true;
    }

    /// <summary>
    /// The refactorisation of the trailing block alone, the leading block and its contribution being those of the present
    /// factors: each trailing column starts from its entries of A in trailing rows plus that contribution, then applies
    /// the trailing columns it depends on. Columns whose values did not change (nor those they depend on) are skipped, as
    /// in the full refactorisation.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool RefactorTrailing()
    {
        int n = _n;
        int leading = _leading;
        ReadOnlySpan<int> colPtr = _matrix.ColumnPointers;
        ReadOnlySpan<int> handles = _matrix.PositionHandles;
        int[] entryStep = _entryStep;
        T[] values = _matrix.Values;
        T[] x = _x;
        int[] lp = _lp;
        int[] li = _li;
        T[] lx = _lx;
        int[] up = _up;
        int[] ui = _ui;
        T[] ux = _ux;
        T[] schurU = _schurU;
        T[] schurL = _schurL;
        T[] factoredA = _factoredA;
        bool[] recomputed = _recomputed;
        _factoredAValid = false; // until the refactorisation has finished

        for (int k = leading; k < n; k++)
        {
            int col = _columnOrder[k];
            int colStart = colPtr[col];
            int colEnd = colPtr[col + 1];
            int trailStart = _uTrailStart[k];
            int uEnd = up[k + 1];
            bool changed = false;
            for (int p = colStart; p < colEnd && !changed; p++)
            {
                changed = values[handles[p]] != factoredA[p];
            }

            for (int p = trailStart; p < uEnd && !changed; p++)
            {
                changed = recomputed[ui[p]];
            }

            recomputed[k] = changed;
            if (!changed)
            {
                continue;
            }

            for (int p = colStart; p < colEnd; p++)
            {
                int s = entryStep[p];
                if (s >= leading)
                {
                    T a = values[handles[p]];
                    factoredA[p] = a;
                    x[s] = a;
                }
            }

            for (int p = trailStart; p < uEnd; p++)
            {
                x[ui[p]] += schurU[p];
            }

            x[k] += _schurDiag[k];
            int lEnd = lp[k + 1];
            for (int q = lp[k]; q < lEnd; q++)
            {
                x[li[q]] += schurL[q];
            }

            for (int p = trailStart; p < uEnd; p++)
            {
                int s = ui[p];
                T xs = x[s];
                x[s] = T.Zero;
                ux[p] = xs;
                SubtractScaled(x, li, lx, lp[s], lp[s + 1], xs);
            }

            if (!FinishColumn(k))
            {
                return false;
            }
        }

        _factoredAValid = true;
        _factored = true;
        return true;
    }

    /// <summary>
    /// The last part of a column's refactorisation: x holds column k below the U part; checks the pivot's health and
    /// writes the pivot and L(:, k), leaving x zero. False (the solver unfactored) on an unhealthy pivot.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool FinishColumn(int k)
    {
        T[] x = _x;
        int[] lp = _lp;
        int[] li = _li;
        T[] lx = _lx;
        T pivot = x[k];
        x[k] = T.Zero;
        double pivotMagnitude = Magnitude(pivot);
        double maxMagnitude = pivotMagnitude;
        int lEnd = lp[k + 1];
        for (int q = lp[k]; q < lEnd; q++)
        {
            double m = Magnitude(x[li[q]]);
            if (m > maxMagnitude)
            {
                maxMagnitude = m;
            }
        }

        // Unhealthy: below the relative threshold, zero or NaN, or below the absolute threshold while a candidate above
        // it exists (Factor would take that one). Written so that a NaN pivot also counts as unhealthy.
        if (!(pivotMagnitude > 0 && pivotMagnitude >= _relativeThreshold * maxMagnitude
              && (pivotMagnitude > _absoluteThreshold || maxMagnitude <= _absoluteThreshold)))
        {
            Array.Clear(x);
            _factored = false;
            return false;
        }

        _udiagInverse[k] = T.One / pivot;
        for (int q = lp[k]; q < lEnd; q++)
        {
            int s = li[q];
            lx[q] = x[s] / pivot;
            x[s] = T.Zero;
        }

        return true;
    }

    /// <summary>The refactorisation of every column (see <see cref="Refactor"/>), skipping those whose values did not change.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool RefactorColumns()
    {
        int n = _n;
        ReadOnlySpan<int> colPtr = _matrix.ColumnPointers;
        ReadOnlySpan<int> handles = _matrix.PositionHandles;
        int[] entryStep = _entryStep;
        T[] values = _matrix.Values;
        T[] x = _x;
        int[] lp = _lp;
        int[] li = _li;
        T[] lx = _lx;
        int[] up = _up;
        int[] ui = _ui;
        T[] ux = _ux;
        T[] factoredA = _factoredA;
        bool[] recomputed = _recomputed;
        bool all = !_factoredAValid;
        _factoredAValid = false; // until the refactorisation has finished
        Array.Clear(x);

        for (int k = 0; k < n; k++)
        {
            int col = _columnOrder[k];
            int colStart = colPtr[col];
            int colEnd = colPtr[col + 1];
            int uEnd = up[k + 1];
            bool changed = all;
            for (int p = colStart; p < colEnd && !changed; p++)
            {
                changed = values[handles[p]] != factoredA[p];
            }

            for (int p = up[k]; p < uEnd && !changed; p++)
            {
                changed = recomputed[ui[p]];
            }

            recomputed[k] = changed;
            if (!changed)
            {
                continue;
            }

            for (int p = colStart; p < colEnd; p++)
            {
                T a = values[handles[p]];
                factoredA[p] = a;
                x[entryStep[p]] = a;
            }

            for (int p = up[k]; p < uEnd; p++)
            {
                int s = ui[p];
                T xs = x[s];
                x[s] = T.Zero;
                ux[p] = xs;
                SubtractScaled(x, li, lx, lp[s], lp[s + 1], xs);
            }

            if (!FinishColumn(k))
            {
                return false;
            }
        }

        _factoredAValid = true;
        _factored = true;
        return true;
    }

    /// <summary>Makes the next <see cref="Refactor"/> recompute every column (for tests of the partial refactorisation).</summary>
    internal void ForgetFactoredValues() => _factoredAValid = false;

    /// <summary>True when the matrix values are those the present factors were computed from. Does not allocate.</summary>
    public bool HasFactoredValues()
    {
        if (!_factored || !_factoredAValid)
        {
            return false;
        }

        ReadOnlySpan<int> handles = _matrix.PositionHandles;
        T[] values = _matrix.Values;
        T[] factoredA = _factoredA;
        for (int p = 0; p < factoredA.Length; p++)
        {
            if (values[handles[p]] != factoredA[p])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Convenience for the Newton loop: <see cref="Analyze"/> if never analysed, then <see cref="Refactor"/> when a
    /// pivot order exists, falling back to <see cref="Factor"/> when it reports an unhealthy pivot.
    /// </summary>
    public void Factorize()
    {
        if (_symbolic is null)
        {
            Analyze();
        }

        if (_hasPattern && Refactor())
        {
            return;
        }

        Factor();
    }

    /// <summary>
    /// Solves A x = b in place: on entry <paramref name="x"/>[1..Size] holds b (x[0] is ignored), on return the
    /// solution, with x[0] = 0. Does not allocate.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Solve(Span<T> x)
    {
        RequireFactored(x);
        // Indices come from the factorisation (in range by construction) and x holds Size + 1 elements (checked
        // above): the loops read through references, without a bounds check per entry.
        int n = _n;
        ref T y = ref MemoryMarshal.GetArrayDataReference(_x);
        ref T b = ref MemoryMarshal.GetReference(x);
        ref int pivotRow = ref MemoryMarshal.GetArrayDataReference(_pivotRow);
        for (int k = 0; k < n; k++)
        {
            Unsafe.Add(ref y, k) = Unsafe.Add(ref b, Unsafe.Add(ref pivotRow, k) + 1);
        }

        // L y = P b (unit lower, by columns).
        ref int lp = ref MemoryMarshal.GetArrayDataReference(_lp);
        ref int li = ref MemoryMarshal.GetArrayDataReference(_li);
        ref T lx = ref MemoryMarshal.GetArrayDataReference(_lx);
        int start = lp;
        for (int k = 0; k < n; k++)
        {
            int end = Unsafe.Add(ref lp, k + 1);
            T yk = Unsafe.Add(ref y, k);
            for (int p = start; p < end; p++)
            {
                Unsafe.Add(ref y, Unsafe.Add(ref li, p)) -= Unsafe.Add(ref lx, p) * yk;
            }

            start = end;
        }

        // U z = y (by columns, backwards).
        ref int up = ref MemoryMarshal.GetArrayDataReference(_up);
        ref int ui = ref MemoryMarshal.GetArrayDataReference(_ui);
        ref T ux = ref MemoryMarshal.GetArrayDataReference(_ux);
        ref T inverse = ref MemoryMarshal.GetArrayDataReference(_udiagInverse);
        int stop = Unsafe.Add(ref up, n);
        for (int k = n - 1; k >= 0; k--)
        {
            int begin = Unsafe.Add(ref up, k);
            T yk = Unsafe.Add(ref y, k) * Unsafe.Add(ref inverse, k);
            Unsafe.Add(ref y, k) = yk;
            for (int p = begin; p < stop; p++)
            {
                Unsafe.Add(ref y, Unsafe.Add(ref ui, p)) -= Unsafe.Add(ref ux, p) * yk;
            }

            stop = begin;
        }

        ref int columnOrder = ref MemoryMarshal.GetArrayDataReference(_columnOrder);
        b = T.Zero;
        for (int k = 0; k < n; k++)
        {
            Unsafe.Add(ref b, Unsafe.Add(ref columnOrder, k) + 1) = Unsafe.Add(ref y, k);
            Unsafe.Add(ref y, k) = T.Zero;
        }
    }

    /// <summary>
    /// Solves A^T x = b in place (the plain transpose, not the conjugate one), with the same conventions as
    /// <see cref="Solve"/>. Does not allocate.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SolveTransposed(Span<T> x)
    {
        RequireFactored(x);
        int n = _n;
        T[] y = _x;
        int[] columnOrder = _columnOrder;
        for (int k = 0; k < n; k++)
        {
            y[k] = x[columnOrder[k] + 1];
        }

        // U^T z = Q^T b: forward, each column of U is a row of U^T.
        int[] up = _up;
        int[] ui = _ui;
        T[] ux = _ux;
        T[] inverse = _udiagInverse;
        for (int k = 0; k < n; k++)
        {
            y[k] = (y[k] - GatherDot(y, ui, ux, up[k], up[k + 1])) * inverse[k];
        }

        // L^T w = z: backward.
        int[] lp = _lp;
        int[] li = _li;
        T[] lx = _lx;
        for (int k = n - 1; k >= 0; k--)
        {
            y[k] -= GatherDot(y, li, lx, lp[k], lp[k + 1]);
        }

        int[] pivotRow = _pivotRow;
        x[0] = T.Zero;
        for (int k = 0; k < n; k++)
        {
            x[pivotRow[k] + 1] = y[k];
            y[k] = T.Zero;
        }
    }

    /// <summary>
    /// x[index[p]] -= value[p] * factor for p in [start, end): the kernel of every factorisation and solve. The
    /// indices come from this solver's own factors, so the bounds checks are left out.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SubtractScaled(T[] x, int[] index, T[] value, int start, int end, T factor)
    {
        Debug.Assert(start >= 0 && end <= index.Length && end <= value.Length);
        ref T x0 = ref MemoryMarshal.GetArrayDataReference(x);
        ref int i0 = ref MemoryMarshal.GetArrayDataReference(index);
        ref T v0 = ref MemoryMarshal.GetArrayDataReference(value);
        int p = start;
        for (; p + 1 < end; p += 2)
        {
            int a = Unsafe.Add(ref i0, p);
            int b = Unsafe.Add(ref i0, p + 1);
            T va = Unsafe.Add(ref v0, p) * factor;
            T vb = Unsafe.Add(ref v0, p + 1) * factor;
            Unsafe.Add(ref x0, a) -= va;
            Unsafe.Add(ref x0, b) -= vb;
        }

        if (p < end)
        {
            Unsafe.Add(ref x0, Unsafe.Add(ref i0, p)) -= Unsafe.Add(ref v0, p) * factor;
        }
    }

    /// <summary>Sum of value[p] * x[index[p]] for p in [start, end), without bounds checks (see <see cref="SubtractScaled"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T GatherDot(T[] x, int[] index, T[] value, int start, int end)
    {
        Debug.Assert(start >= 0 && end <= index.Length && end <= value.Length);
        ref T x0 = ref MemoryMarshal.GetArrayDataReference(x);
        ref int i0 = ref MemoryMarshal.GetArrayDataReference(index);
        ref T v0 = ref MemoryMarshal.GetArrayDataReference(value);
        T sum = T.Zero;
        for (int p = start; p < end; p++)
        {
            sum += Unsafe.Add(ref v0, p) * Unsafe.Add(ref x0, Unsafe.Add(ref i0, p));
        }

        return sum;
    }

    /// <summary>Pivot magnitude: |x| for real numbers, |re| + |im| for complex ones.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Magnitude(T value)
    {
        if (typeof(T) == typeof(double))
        {
            return Math.Abs(Unsafe.As<T, double>(ref value));
        }

        if (typeof(T) == typeof(Complex))
        {
            Complex c = Unsafe.As<T, Complex>(ref value);
            return Math.Abs(c.Real) + Math.Abs(c.Imaginary);
        }

        return double.CreateTruncating(T.Abs(value));
    }

    /// <summary>
    /// Depth-first search from position <paramref name="start"/> in the graph whose edges run from a pivoted row to
    /// the rows of its (pruned) L column; pushes the finished rows onto <c>_reach</c> below <paramref name="top"/>, so that
    /// <c>_reach[top..n-1]</c> ends in topological order. Not recursive.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Reach(int start, int k, int top)
    {
        int[] stack = _stack;
        int[] pstack = _pstack;
        int[] visited = _visited;
        int[] rowStep = _positionStep;
        int[] lp = _lp;
        int[] lpend = _lpend;
        int[] li = _li;
        int head = 0;
        stack[0] = start;
        while (head >= 0)
        {
            int row = stack[head];
            int s = rowStep[row];
            if (visited[row] != k)
            {
                visited[row] = k;
                pstack[head] = s >= 0 ? lp[s] : 0;
            }

            bool finished = true;
            if (s >= 0)
            {
                int end = lpend[s];
                for (int p = pstack[head]; p < end; p++)
                {
                    int child = li[p];
                    if (visited[child] == k)
                    {
                        continue;
                    }

                    if (rowStep[child] < 0)
                    {
                        // A row not pivoted yet has no edges: it is finished as soon as it is found.
                        visited[child] = k;
                        _reach[--top] = child;
                        continue;
                    }

                    pstack[head] = p + 1;
                    stack[++head] = child;
                    finished = false;
                    break;
                }
            }

            if (finished)
            {
                head--;
                _reach[--top] = row;
            }
        }

        return top;
    }

    /// <summary>
    /// Symmetric pruning (Eisenstat and Liu): for each column s of L with U(s, k) non-zero that holds the new pivot
    /// row, the rows of L(:, s) not yet pivoted are also reached through column k, so later searches can skip them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Prune(int k, int pivotPosition, int uStart, int uEnd)
    {
        int[] ui = _ui;
        int[] lp = _lp;
        int[] li = _li;
        T[] lx = _lx;
        int[] lpend = _lpend;
        int[] rowStep = _positionStep;
        for (int p = uStart; p < uEnd; p++)
        {
            int s = ui[p];
            if (_pruned[s])
            {
                continue;
            }

            int end = lp[s + 1];
            for (int q = lp[s]; q < end; q++)
            {
                if (li[q] != pivotPosition)
                {
                    continue;
                }

                int head = lp[s];
                int tail = end;
                while (head < tail)
                {
                    if (rowStep[li[head]] >= 0)
                    {
                        head++;
                    }
                    else
                    {
                        tail--;
                        (li[head], li[tail]) = (li[tail], li[head]);
                        (lx[head], lx[tail]) = (lx[tail], lx[head]);
                    }
                }

                lpend[s] = tail;
                _pruned[s] = true;
                break;
            }
        }
    }

    private void ClearColumn(int top)
    {
        for (int t = top; t < _n; t++)
        {
            _x[_reach[t]] = T.Zero;
        }
    }

    private void EnsureCapacity(int lNeeded, int uNeeded)
    {
        if (lNeeded > _li.Length)
        {
            int size = (int)Math.Min(Array.MaxLength, Math.Max((long)lNeeded, _li.Length + (_li.Length / 2L)));
            Array.Resize(ref _li, size);
            Array.Resize(ref _lx, size);
        }

        if (uNeeded > _ui.Length)
        {
            int size = (int)Math.Min(Array.MaxLength, Math.Max((long)uNeeded, _ui.Length + (_ui.Length / 2L)));
            Array.Resize(ref _ui, size);
            Array.Resize(ref _ux, size);
        }
    }

    private void RequireFactored(Span<T> x)
    {
        if (!_factored)
        {
            throw new InvalidOperationException("The matrix is not factored (call Factor, Refactor or Factorize).");
        }

        if (x.Length < _n + 1)
        {
            throw new ArgumentException($"The vector needs Size + 1 = {_n + 1} elements (index 0 is ground).", nameof(x));
        }
    }
}
