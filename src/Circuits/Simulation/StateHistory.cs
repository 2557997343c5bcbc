namespace Hwsim.Circuits.Simulation;

/// <summary>
/// The device state vectors of SPICE (CKTstate0 .. CKTstate(maxorder+1)): charges, fluxes, junction voltages
/// and currents, kept for the current and the previous time points. Devices allocate slots once at set-up and
/// index the vectors through <see cref="this[int]"/> (the arrays rotate, so never cache them).
/// </summary>
public sealed class StateHistory
{
    private double[][] _vectors = Array.Empty<double[]>();
    private int _count;

    /// <summary>Number of state slots allocated.</summary>
    public int Count => _count;

    /// <summary>Allocates <paramref name="slots"/> consecutive slots and returns the first.</summary>
    internal int Allocate(int slots)
    {
        if (_vectors.Length > 0) throw new InvalidOperationException("states are allocated during set-up only");
        var first = _count;
        _count += slots;
        return first;
    }

    /// <summary>Creates the vectors: <paramref name="depth"/> is the number of time points kept (max order + 2).</summary>
    internal void Create(int depth)
    {
        _vectors = new double[depth][];
        for (var i = 0; i < depth; i++) _vectors[i] = new double[Math.Max(_count, 1)];
    }

    /// <summary>Vector k: 0 is the present time point, 1 the previous one, and so on.</summary>
    public double[] this[int k] => _vectors[k];

    public int Depth => _vectors.Length;

    /// <summary>Shifts history by one time point: the oldest vector becomes the new state 0 (SPICE's rotation).</summary>
    internal void Rotate()
    {
        var last = _vectors[^1];
        for (var i = _vectors.Length - 1; i > 0; i--) _vectors[i] = _vectors[i - 1];
        _vectors[0] = last;
    }

    internal void Copy(int from, int to) => Array.Copy(_vectors[from], _vectors[to], _count);
}
