using Hwsim.Circuits.Results;
using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Analyses;

/// <summary>
/// The points of a swept analysis appended to one growing column per kept unknown (and one for the scale), so that a
/// long transient holds only what the netlist keeps (<c>.save</c>) and needs no transpose at the end. The states that
/// devices keep outside the unknowns (<see cref="IDeviceStateBehavior"/>) are recorded after the unknowns.
/// </summary>
internal sealed class ColumnarRecorder
{
    private readonly CircuitEngine _engine;
    private readonly int[] _unknowns;
    private readonly (IDeviceStateBehavior Device, int Index, string Name)[] _states;
    private double[] _scale;
    private readonly double[][] _columns;
    private int _count;

    /// <summary>Records the unknowns whose vector names are in <paramref name="kept"/>, or every reported unknown when it is null.</summary>
    public ColumnarRecorder(CircuitEngine engine, IReadOnlySet<string>? kept, int expectedPoints)
    {
        _engine = engine;
        var unknowns = engine.State.Unknowns;
        _unknowns = Enumerable.Range(1, unknowns.Count)
            .Where(i => !unknowns.IsInternal(i) && (kept is null || kept.Contains(unknowns.VectorNameOf(i))))
            .ToArray();
        _states = engine.DeviceStates.SelectMany(d => d.VectorNames.Select((name, k) => (d, k, name)))
            .Where(v => kept is null || kept.Contains(v.name)).ToArray();
        var capacity = Math.Max(expectedPoints, 16);
        _scale = new double[capacity];
        _columns = Enumerable.Range(0, _unknowns.Length + _states.Length).Select(_ => new double[capacity]).ToArray();
    }

    /// <summary>Appends one point: the scale value and the kept unknowns of <paramref name="solution"/>.</summary>
    public void Append(double scale, double[] solution)
    {
        if (_count == _scale.Length) Grow();
        _scale[_count] = scale;
        var unknowns = _unknowns;
        var columns = _columns;
        for (var j = 0; j < unknowns.Length; j++) columns[j][_count] = solution[unknowns[j]];
        for (var j = 0; j < _states.Length; j++) columns[unknowns.Length + j][_count] = _states[j].Device.VectorValue(_states[j].Index);
        _count++;
    }

    private void Grow()
    {
        var size = 2 * _scale.Length;
        Array.Resize(ref _scale, size);
        for (var j = 0; j < _columns.Length; j++) Array.Resize(ref _columns[j], size);
    }

    /// <summary>The scale vector named <paramref name="scaleName"/> and the kept unknowns' vectors, in unknown order, trimmed to the points appended.</summary>
    public (ResultVector Scale, List<ResultVector> Vectors) Build(string scaleName)
    {
        var unknowns = _engine.State.Unknowns;
        var vectors = new List<ResultVector>(_unknowns.Length);
        for (var j = 0; j < _unknowns.Length; j++)
            vectors.Add(new ResultVector(unknowns.VectorNameOf(_unknowns[j]), _columns[j][.._count]));
        for (var j = 0; j < _states.Length; j++)
            vectors.Add(new ResultVector(_states[j].Name, _columns[_unknowns.Length + j][.._count]));
        return (new ResultVector(scaleName, _scale[.._count]), vectors);
    }
}
