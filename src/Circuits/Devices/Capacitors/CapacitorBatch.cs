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

    /// <summary>Every capacitor's history current into the right-hand side, as <see cref="CapacitorBehavior.LoadRightHandSide"/>.</summary>
    public void LoadRightHandSide()
    {
        var t = _transient;
        if (t.Method != IntegrationMethod.Trapezoidal)
        {
            foreach (var c in _members) c.LoadRightHandSide();
            return;
        }
        var ag = t.Ag;
        if (t.Order == 1) HistoryFirstOrder(ag[1]);
        else HistorySecondOrder(ag[0], ag[1]);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void HistoryFirstOrder(double ag1)
    {
        ref var r0 = ref MemoryMarshal.GetArrayDataReference(_biasing.Rhs);
        ref var q1 = ref MemoryMarshal.GetArrayDataReference(_transient.States[1]);
        ref var pos = ref MemoryMarshal.GetArrayDataReference(_pos);
        ref var neg = ref MemoryMarshal.GetArrayDataReference(_neg);
        ref var slot = ref MemoryMarshal.GetArrayDataReference(_slot);
        var n = _members.Length;
        for (var i = 0; i < n; i++)
        {
            var ceq = ag1 * Unsafe.Add(ref q1, Unsafe.Add(ref slot, i));
            Unsafe.Add(ref r0, Unsafe.Add(ref pos, i)) -= ceq;
            Unsafe.Add(ref r0, Unsafe.Add(ref neg, i)) += ceq;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void HistorySecondOrder(double ag0, double ag1)
    {
        ref var r0 = ref MemoryMarshal.GetArrayDataReference(_biasing.Rhs);
        ref var q1 = ref MemoryMarshal.GetArrayDataReference(_transient.States[1]);
        ref var pos = ref MemoryMarshal.GetArrayDataReference(_pos);
        ref var neg = ref MemoryMarshal.GetArrayDataReference(_neg);
        ref var slot = ref MemoryMarshal.GetArrayDataReference(_slot);
        var n = _members.Length;
        for (var i = 0; i < n; i++)
        {
            var s = Unsafe.Add(ref slot, i);
            var ceq = -Unsafe.Add(ref q1, s + 1) * ag1 - ag0 * Unsafe.Add(ref q1, s);
            Unsafe.Add(ref r0, Unsafe.Add(ref pos, i)) -= ceq;
            Unsafe.Add(ref r0, Unsafe.Add(ref neg, i)) += ceq;
        }
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
        ref var pos = ref MemoryMarshal.GetArrayDataReference(_pos);
        ref var neg = ref MemoryMarshal.GetArrayDataReference(_neg);
        ref var slots = ref MemoryMarshal.GetArrayDataReference(_slot);
        ref var capacitance = ref MemoryMarshal.GetArrayDataReference(_capacitance);
        var n = _members.Length;
        if (firstOrder)
        {
            for (var i = 0; i < n; i++)
            {
                var slot = Unsafe.Add(ref slots, i);
                var q = Unsafe.Add(ref capacitance, i) * (Unsafe.Add(ref x0, Unsafe.Add(ref pos, i)) - Unsafe.Add(ref x0, Unsafe.Add(ref neg, i)));
                Unsafe.Add(ref q0, slot) = q;
                Unsafe.Add(ref q0, slot + 1) = ag0 * q + ag1 * Unsafe.Add(ref q1, slot);
            }
            return;
        }
        for (var i = 0; i < n; i++)
        {
            var slot = Unsafe.Add(ref slots, i);
            var q = Unsafe.Add(ref capacitance, i) * (Unsafe.Add(ref x0, Unsafe.Add(ref pos, i)) - Unsafe.Add(ref x0, Unsafe.Add(ref neg, i)));
            Unsafe.Add(ref q0, slot) = q;
            Unsafe.Add(ref q0, slot + 1) = -Unsafe.Add(ref q1, slot + 1) * ag1 + ag0 * (q - Unsafe.Add(ref q1, slot));
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
        ref var positives = ref MemoryMarshal.GetArrayDataReference(_pos);
        ref var negatives = ref MemoryMarshal.GetArrayDataReference(_neg);
        ref var slots = ref MemoryMarshal.GetArrayDataReference(_slot);
        ref var capacitance = ref MemoryMarshal.GetArrayDataReference(_capacitance);
        ref var pp = ref MemoryMarshal.GetArrayDataReference(_pp);
        ref var nn = ref MemoryMarshal.GetArrayDataReference(_nn);
        ref var pn = ref MemoryMarshal.GetArrayDataReference(_pn);
        ref var np = ref MemoryMarshal.GetArrayDataReference(_np);
        var n = _members.Length;
        for (var i = 0; i < n; i++)
        {
            int pos = Unsafe.Add(ref positives, i), neg = Unsafe.Add(ref negatives, i), slot = Unsafe.Add(ref slots, i);
            var c = Unsafe.Add(ref capacitance, i);
            var q = c * (Unsafe.Add(ref x0, pos) - Unsafe.Add(ref x0, neg));
            Unsafe.Add(ref q0, slot) = q;
            var current = firstOrder
                ? ag0 * q + ag1 * Unsafe.Add(ref q1, slot)
                : -Unsafe.Add(ref q1, slot + 1) * ag1 + ag0 * (q - Unsafe.Add(ref q1, slot));
            Unsafe.Add(ref q0, slot + 1) = current;
            var ceq = current - ag0 * q;
            var geq = ag0 * c;
            Unsafe.Add(ref v0, Unsafe.Add(ref pp, i)) += geq;
            Unsafe.Add(ref v0, Unsafe.Add(ref nn, i)) += geq;
            Unsafe.Add(ref v0, Unsafe.Add(ref pn, i)) -= geq;
            Unsafe.Add(ref v0, Unsafe.Add(ref np, i)) -= geq;
            Unsafe.Add(ref r0, pos) -= ceq;
            Unsafe.Add(ref r0, neg) += ceq;
        }
    }
}
