using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Devices;

/// <summary>
/// Every capacitor of a circuit, loaded in one loop over arrays. In a Newton iteration of a trapezoidal transient
/// (the common case) it does what <see cref="CapacitorBehavior.Load"/> does per device, with the same operations in
/// the same order (SPICE's capload.c and NIintegrate); in every other mode it hands each capacitor its own load.
/// </summary>
internal sealed class CapacitorBatch : ILinearBiasingBehavior
{
    private readonly CapacitorBehavior[] _members;
    private readonly BiasingState _biasing;
    private readonly TransientState _transient;
    private readonly int[] _pos, _neg, _slot, _pp, _nn, _pn, _np;
    private readonly double[] _capacitance;

    public CapacitorBatch(CapacitorBehavior[] members, BiasingState biasing, TransientState transient)
    {
        _members = members;
        _biasing = biasing;
        _transient = transient;
        var n = members.Length;
        _pos = new int[n]; _neg = new int[n]; _slot = new int[n];
        _pp = new int[n]; _nn = new int[n]; _pn = new int[n]; _np = new int[n];
        _capacitance = new double[n];
        for (var i = 0; i < n; i++)
        {
            var c = members[i];
            _pos[i] = c.Positive;
            _neg[i] = c.Negative;
            _slot[i] = c.Slot;
            _capacitance[i] = c.Capacitance;
            (_pp[i], _nn[i], _pn[i], _np[i]) = c.Handles;
        }
    }

    public void Load()
    {
        var t = _transient;
        if (_biasing.Mode != AnalysisMode.Transient || _biasing.Init is not (InitializationMode.Float or InitializationMode.Predict)
            || t.Method != IntegrationMethod.Trapezoidal)
        {
            foreach (var c in _members) c.Load();
            return;
        }
        LoadTrapezoidal(t.Order == 1, t.Ag[0], t.Ag[1]);
    }

    /// <summary>At a transient time point: every capacitor's charge and current at the solution, as <see cref="CapacitorBehavior.UpdateStates"/>.</summary>
    public void UpdateStates()
    {
        var t = _transient;
        if (t.Method != IntegrationMethod.Trapezoidal)
        {
            foreach (var c in _members) c.UpdateStates();
            return;
        }
        UpdateTrapezoidal(t.Order == 1, t.Ag[0], t.Ag[1]);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void UpdateTrapezoidal(bool firstOrder, double ag0, double ag1)
    {
        var x = _biasing.Solution;
        var s0 = _transient.States[0];
        var s1 = _transient.States[1];
        ref var x0 = ref MemoryMarshal.GetArrayDataReference(x);
        ref var q0 = ref MemoryMarshal.GetArrayDataReference(s0);
        ref var q1 = ref MemoryMarshal.GetArrayDataReference(s1);
        var n = _members.Length;
        for (var i = 0; i < n; i++)
        {
            var slot = _slot[i];
            var q = _capacitance[i] * (Unsafe.Add(ref x0, _pos[i]) - Unsafe.Add(ref x0, _neg[i]));
            Unsafe.Add(ref q0, slot) = q;
            Unsafe.Add(ref q0, slot + 1) = firstOrder
                ? ag0 * q + ag1 * Unsafe.Add(ref q1, slot)
                : -Unsafe.Add(ref q1, slot + 1) * ag1 + ag0 * (q - Unsafe.Add(ref q1, slot));
        }
    }

    /// <summary>q = C v, then TransientState.Integrate's trapezoidal formulas, then the companion stamp.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void LoadTrapezoidal(bool firstOrder, double ag0, double ag1)
    {
        var x = _biasing.Solution;
        var values = _biasing.Matrix.Values;
        var rhs = _biasing.Rhs;
        var s0 = _transient.States[0];
        var s1 = _transient.States[1];
        // Indices come from the matrix set-up and the state allocation: in range by construction.
        ref var x0 = ref MemoryMarshal.GetArrayDataReference(x);
        ref var v0 = ref MemoryMarshal.GetArrayDataReference(values);
        ref var r0 = ref MemoryMarshal.GetArrayDataReference(rhs);
        ref var q0 = ref MemoryMarshal.GetArrayDataReference(s0);
        ref var q1 = ref MemoryMarshal.GetArrayDataReference(s1);
        var n = _members.Length;
        for (var i = 0; i < n; i++)
        {
            int pos = _pos[i], neg = _neg[i], slot = _slot[i];
            var c = _capacitance[i];
            var q = c * (Unsafe.Add(ref x0, pos) - Unsafe.Add(ref x0, neg));
            Unsafe.Add(ref q0, slot) = q;
            var current = firstOrder
                ? ag0 * q + ag1 * Unsafe.Add(ref q1, slot)
                : -Unsafe.Add(ref q1, slot + 1) * ag1 + ag0 * (q - Unsafe.Add(ref q1, slot));
            Unsafe.Add(ref q0, slot + 1) = current;
            var ceq = current - ag0 * q;
            var geq = ag0 * c;
            Unsafe.Add(ref v0, _pp[i]) += geq;
            Unsafe.Add(ref v0, _nn[i]) += geq;
            Unsafe.Add(ref v0, _pn[i]) -= geq;
            Unsafe.Add(ref v0, _np[i]) -= geq;
            Unsafe.Add(ref r0, pos) -= ceq;
            Unsafe.Add(ref r0, neg) += ceq;
        }
    }
}
