using System.Numerics;
using System.Runtime.CompilerServices;

namespace Hwsim.Circuits.Solver;

/// <summary>
/// A square sparse matrix whose structure is fixed at set-up (modified nodal analysis). Unknowns are numbered
/// 1..<see cref="Size"/>; index 0 is ground. Devices ask once for a handle per entry they touch
/// (<see cref="GetElement"/>), then, after <see cref="FixStructure"/>, only write numbers into
/// <see cref="Values"/>[handle]. Every entry in row 0 or column 0 maps to the shared trash handle 0, so no device
/// needs to branch on ground.
/// </summary>
/// <typeparam name="T"><see cref="double"/> for DC and transient, <see cref="Complex"/> for AC.</typeparam>
public sealed class SparseMatrix<T>
    where T : struct, INumberBase<T>
{
    private readonly Dictionary<long, int> _handles = new(KeyComparer.Instance);
    private readonly List<int> _rows = new() { 0 };
    private readonly List<int> _columns = new() { 0 };
    private T[]? _values;
    private int[] _columnPointers = Array.Empty<int>();
    private int[] _rowIndices = Array.Empty<int>();
    private int[] _positionHandles = Array.Empty<int>();
    private int[] _handlePositions = Array.Empty<int>();

    /// <summary>
    /// While set (during set-up), receives every handle <see cref="GetElement"/> hands out: the engine learns which
    /// entries each device asked for.
    /// </summary>
    internal List<int>? RequestedHandles { get; set; }

    /// <summary>Creates an empty matrix of <paramref name="size"/> unknowns (not counting ground).</summary>
    public SparseMatrix(int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        Size = size;
    }

    /// <summary>The number of unknowns; valid indices are 1..Size (0 is ground).</summary>
    public int Size { get; }

    /// <summary>True once <see cref="FixStructure"/> has run: the pattern can no longer grow.</summary>
    public bool IsFixed { get; private set; }

    /// <summary>The number of structural non-zeros (entries handed out, the trash entry excluded).</summary>
    public int NonZeros => _rows.Count - 1;

    /// <summary>
    /// The values, indexed by handle. Valid after <see cref="FixStructure"/>; the array is never re-allocated, so a
    /// device may keep a reference to it. Element 0 is the trash entry that collects every ground stamp.
    /// </summary>
    public T[] Values => _values ?? throw new InvalidOperationException("Values exist only after FixStructure().");

    /// <summary>
    /// Compressed-column pointers (length Size + 1): the entries of unknown column c (1-based) sit at positions
    /// <c>ColumnPointers[c - 1] .. ColumnPointers[c] - 1</c>. Valid after <see cref="FixStructure"/>.
    /// </summary>
    public ReadOnlySpan<int> ColumnPointers => _columnPointers;

    /// <summary>Row of each compressed-column position, 0-based (unknown row r is stored as r - 1), ascending within a column.</summary>
    public ReadOnlySpan<int> RowIndices => _rowIndices;

    /// <summary>The handle of each compressed-column position: its value is <c>Values[PositionHandles[p]]</c>.</summary>
    public ReadOnlySpan<int> PositionHandles => _positionHandles;

    /// <summary>The compressed-column position of each handle (index 0, the trash handle, maps to -1).</summary>
    public ReadOnlySpan<int> HandlePositions => _handlePositions;

    /// <summary>
    /// Returns the handle of entry (<paramref name="row"/>, <paramref name="col"/>), creating it during set-up. The same
    /// pair always yields the same handle; any pair touching ground (0) yields the trash handle 0.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside 0..Size.</exception>
    /// <exception cref="InvalidOperationException">The structure is fixed and the entry does not exist.</exception>
    public int GetElement(int row, int col)
    {
        if ((uint)row > (uint)Size)
        {
            throw new ArgumentOutOfRangeException(nameof(row), row, $"Row must be in 0..{Size}.");
        }

        if ((uint)col > (uint)Size)
        {
            throw new ArgumentOutOfRangeException(nameof(col), col, $"Column must be in 0..{Size}.");
        }

        if (row == 0 || col == 0)
        {
            return 0;
        }

        long key = ((long)row << 32) | (uint)col;
        if (IsFixed)
        {
            return _handles.TryGetValue(key, out int existing)
                ? existing
                : throw new InvalidOperationException(
                    $"The matrix structure is fixed; entry ({row}, {col}) was not requested during set-up.");
        }

        // One hash lookup whether the entry is new or not: set-up asks for every device's entries.
        ref int handle = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_handles, key, out bool exists);
        if (!exists)
        {
            handle = _rows.Count;
            _rows.Add(row);
            _columns.Add(col);
        }

        RequestedHandles?.Add(handle);
        return handle;
    }

    /// <summary>Reserves room for <paramref name="entries"/> entries before set-up asks for them (fewer rehashes).</summary>
    public void EnsureCapacity(int entries)
    {
        _handles.EnsureCapacity(entries);
        _rows.EnsureCapacity(entries + 1);
        _columns.EnsureCapacity(entries + 1);
    }

    /// <summary>Returns the handle of an existing entry, or -1 when the pattern has none (ground gives 0).</summary>
    public int FindElement(int row, int col)
    {
        if (row == 0 || col == 0)
        {
            return 0;
        }

        return _handles.TryGetValue(((long)row << 32) | (uint)col, out int handle) ? handle : -1;
    }

    /// <summary>The 1-based row of a handle (0 for the trash handle).</summary>
    public int RowOf(int handle) => _rows[handle];

    /// <summary>The 1-based column of a handle (0 for the trash handle).</summary>
    public int ColumnOf(int handle) => _columns[handle];

    /// <summary>
    /// Freezes the pattern: allocates <see cref="Values"/> and builds the compressed-column view. Calling it again
    /// does nothing.
    /// </summary>
    public void FixStructure()
    {
        if (IsFixed)
        {
            return;
        }

        int nnz = NonZeros;
        _values = new T[nnz + 1];
        _columnPointers = new int[Size + 1];
        _rowIndices = new int[nnz];
        _positionHandles = new int[nnz];
        _handlePositions = new int[nnz + 1];
        _handlePositions[0] = -1;

        // Two stable counting sorts: by row, then by column, so rows ascend within each column.
        var rowStart = new int[Size + 1];
        for (int h = 1; h <= nnz; h++)
        {
            rowStart[_rows[h]]++; // slot r counts 1-based row r; after the prefix sum slot r - 1 starts it
        }

        for (int r = 0; r < Size; r++)
        {
            rowStart[r + 1] += rowStart[r];
        }

        var byRow = new int[nnz];
        for (int h = 1; h <= nnz; h++)
        {
            byRow[rowStart[_rows[h] - 1]++] = h;
        }

        for (int h = 1; h <= nnz; h++)
        {
            _columnPointers[_columns[h] - 1]++;
        }

        int sum = 0;
        for (int c = 0; c < Size; c++)
        {
            int count = _columnPointers[c];
            _columnPointers[c] = sum;
            sum += count;
        }

        _columnPointers[Size] = sum;
        var next = new int[Size];
        Array.Copy(_columnPointers, next, Size);
        foreach (int h in byRow)
        {
            int p = next[_columns[h] - 1]++;
            _rowIndices[p] = _rows[h] - 1;
            _positionHandles[p] = h;
            _handlePositions[h] = p;
        }

        IsFixed = true;
    }

    /// <summary>Sets every value, the trash entry included, to zero.</summary>
    public void Clear()
    {
        if (_values is not null)
        {
            Array.Clear(_values);
        }
    }

    /// <summary>
    /// Computes <paramref name="y"/> = A <paramref name="x"/> in 1-based numbering (index 0 of both is ground:
    /// x[0] is ignored and y[0] is set to zero). Does not allocate.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Multiply(ReadOnlySpan<T> x, Span<T> y)
    {
        RequireFixed();
        if (x.Length < Size + 1 || y.Length < Size + 1)
        {
            throw new ArgumentException($"Vectors need Size + 1 = {Size + 1} elements.");
        }

        T[] values = _values!;
        y[..(Size + 1)].Clear();
        for (int c = 0; c < Size; c++)
        {
            T xc = x[c + 1];
            for (int p = _columnPointers[c]; p < _columnPointers[c + 1]; p++)
            {
                y[_rowIndices[p] + 1] += values[_positionHandles[p]] * xc;
            }
        }
    }

    private void RequireFixed()
    {
        if (!IsFixed)
        {
            throw new InvalidOperationException("The matrix structure is not fixed yet; call FixStructure().");
        }
    }

    /// <summary>
    /// Hashes (row, column) keys by multiplicative mixing: long's own hash (low ^ high word) would map every pair
    /// with the same row ^ column to one bucket.
    /// </summary>
    private sealed class KeyComparer : IEqualityComparer<long>
    {
        public static readonly KeyComparer Instance = new();

        public bool Equals(long x, long y) => x == y;

        public int GetHashCode(long key) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> 32);
    }
}
