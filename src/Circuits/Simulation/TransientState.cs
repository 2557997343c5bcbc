using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Hwsim.Circuits.Simulation;

/// <summary>
/// The time axis and the device state history of a transient (and of a DC sweep, which extrapolates from point to
/// point): the present time and step, the steps before it, the integration method and order, the history of every
/// device state (charges, fluxes, junction voltages) and the breakpoints. Devices write their own state slots and
/// set breakpoints; they turn charges into companion models through <see cref="Integrate"/>, extrapolate with
/// <see cref="Predict"/> and estimate their truncation error with <see cref="Truncate"/>. Everything else only the
/// engine and the analyses set.
/// </summary>
public sealed class TransientState
{
    internal TransientState(SimulationOptions options)
    {
        Options = options;
    }

    /// <summary>The options of the simulation (tolerances of the truncation error).</summary>
    public SimulationOptions Options { get; }

    /// <summary>Device state vectors: <c>States[0]</c> the present point, <c>States[1]</c> the previous one, ...</summary>
    public StateHistory States { get; } = new();

    /// <summary>The present time (SPICE's CKTtime); in a DC sweep the swept value.</summary>
    public double Time { get; internal set; }

    /// <summary>The present step (SPICE's CKTdelta).</summary>
    public double Delta { get; internal set; }

    /// <summary>The present and previous steps (SPICE's CKTdeltaOld): element 0 is the present step.</summary>
    public ReadOnlySpan<double> DeltaOld => DeltaOldValues;

    internal double[] DeltaOldValues { get; } = new double[7];

    public int Order { get; internal set; } = 1;
    public IntegrationMethod Method { get; internal set; }

    /// <summary>Integration coefficients of the present step (SPICE's CKTag): a companion conductance is Ag[0] times a capacitance.</summary>
    public ReadOnlySpan<double> Ag => Coefficients;

    internal double[] Coefficients { get; } = new double[7];

    /// <summary>Times the transient must land on; sources add their corners.</summary>
    public Breakpoints Breakpoints { get; } = new();

    /// <summary>The step the transient analysis was asked for (tstep).</summary>
    public double Step { get; internal set; }

    /// <summary>The stop time of the transient (tstop).</summary>
    public double FinalTime { get; internal set; }

    /// <summary>
    /// Turns a charge state into its companion model (SPICE's NIintegrate): writes the current into slot
    /// <paramref name="qcap"/>+1 and returns the conductance <paramref name="geq"/> and the history current
    /// <paramref name="ceq"/>, so that i = geq * v + ceq. Devices never see the integration coefficients.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void Integrate(int qcap, double capacitance, out double geq, out double ceq)
    {
        var s0 = States[0];
        var s1 = States[1];
        var ccap = qcap + 1;
        var ag = Coefficients;
        if (Method == IntegrationMethod.Trapezoidal)
        {
            if (Order == 1)
                s0[ccap] = ag[0] * s0[qcap] + ag[1] * s1[qcap];
            else
                s0[ccap] = -s1[ccap] * ag[1] + ag[0] * (s0[qcap] - s1[qcap]);
        }
        else
        {
            var sum = 0.0;
            for (var k = Order; k >= 0; k--) sum += ag[k] * States[k][qcap];
            s0[ccap] = sum;
        }
        ceq = s0[ccap] - ag[0] * s0[qcap];
        geq = ag[0] * capacitance;
    }

    /// <summary>
    /// The history current of a charge's companion model, <c>ceq</c> of <see cref="Integrate"/>, which does not depend
    /// on the present charge: for a linear device's right-hand side without a load of its charge.
    /// </summary>
    public double HistoryCurrent(int qcap)
    {
        var s1 = States[1];
        var ag = Coefficients;
        if (Method == IntegrationMethod.Trapezoidal)
            return Order == 1 ? ag[1] * s1[qcap] : -s1[qcap + 1] * ag[1] - ag[0] * s1[qcap];
        var sum = 0.0;
        for (var k = Order; k >= 1; k--) sum += ag[k] * States[k][qcap];
        return sum;
    }

    /// <summary>
    /// Extrapolates a state slot to the present point from the two previous ones (SPICE's DEVpred), used as the
    /// first guess of a new time point or sweep point.
    /// </summary>
    public double Predict(int slot)
    {
        var xfact = Delta / DeltaOldValues[1];
        return (1 + xfact) * States[1][slot] - xfact * States[2][slot];
    }

    /// <summary>
    /// The local truncation error estimate of one charge state (SPICE's CKTterr): returns the largest step that
    /// keeps it within tolerance, never more than <paramref name="timeStep"/>.
    /// </summary>
    public double Truncate(int qcap, double timeStep)
    {
        var o = Options;
        var ccap = qcap + 1;
        var s0 = States[0];
        var s1 = States[1];
        var volttol = o.AbsTol + o.RelTol * Math.Max(Math.Abs(s0[ccap]), Math.Abs(s1[ccap]));
        var chargetol = Math.Max(Math.Abs(s0[qcap]), Math.Abs(s1[qcap]));
        chargetol = o.RelTol * Math.Max(chargetol, o.ChgTol) / Delta;
        var tol = Math.Max(volttol, chargetol);

        // The divided differences of the charge history, as CKTterr forms them; orders 1 and 2 (every trapezoidal step)
        // are written out (same operations in the same order), higher Gear orders use the general loop.
        double d0;
        var dt = DeltaOldValues;
        if (Order == 1)
        {
            var a0 = (s0[qcap] - s1[qcap]) / dt[0];
            var a1 = (s1[qcap] - States[2][qcap]) / dt[1];
            d0 = (a0 - a1) / (dt[1] + dt[0]);
        }
        else if (Order == 2)
        {
            var q2 = States[2][qcap];
            var a0 = (s0[qcap] - s1[qcap]) / dt[0];
            var a1 = (s1[qcap] - q2) / dt[1];
            var a2 = (q2 - States[3][qcap]) / dt[2];
            var t1 = dt[2] + dt[1];
            var t0 = dt[1] + dt[0];
            var b0 = (a0 - a1) / t0;
            var b1 = (a1 - a2) / t1;
            d0 = (b0 - b1) / (t1 + dt[0]);
        }
        else
        {
            var diff = _diff;
            var deltmp = _deltmp;
            for (var i = Order + 1; i >= 0; i--) diff[i] = States[i][qcap];
            for (var i = 0; i <= Order; i++) deltmp[i] = dt[i];
            var j = Order;
            while (true)
            {
                for (var i = 0; i <= j; i++) diff[i] = (diff[i] - diff[i + 1]) / deltmp[i];
                if (--j < 0) break;
                for (var i = 0; i <= j; i++) deltmp[i] = deltmp[i + 1] + dt[i];
            }
            d0 = diff[0];
        }
        var factor = Method == IntegrationMethod.Gear ? GearErrorCoefficients[Order - 1] : TrapezoidalErrorCoefficients[Order - 1];
        var del = o.TrTol * tol / Math.Max(o.AbsTol, factor * Math.Abs(d0));
        if (Order == 2) del = Math.Sqrt(del);
        else if (Order > 2) del = Math.Exp(Math.Log(del) / Order);
        return Math.Min(timeStep, del);
    }

    private readonly List<int> _charges = new();
    private int[] _chargeSlots = Array.Empty<int>();

    /// <summary>
    /// Registers a charge (or flux) state slot, whose next slot holds its current, for the truncation error control:
    /// devices state their charges and the transient estimates their error (SPICE's DEVtrunc through CKTterr).
    /// </summary>
    internal void RegisterCharge(int qcap) => _charges.Add(qcap);

    internal void FreezeCharges() => _chargeSlots = _charges.ToArray();

    /// <summary>
    /// <see cref="Truncate"/> for every registered charge at once: the same operations per charge, with what the
    /// charges share (tolerances, steps, history vectors) read once. Returns the smallest acceptable step.
    /// </summary>
    internal double TruncateCharges(double timeStep)
    {
        var slots = _chargeSlots;
        if (slots.Length == 0) return timeStep;
        if (Order > 2)
        {
            foreach (var q in slots) timeStep = Truncate(q, timeStep);
            return timeStep;
        }
        var o = Options;
        double abstol = o.AbsTol, reltol = o.RelTol, chgtol = o.ChgTol, trtol = o.TrTol, delta = Delta;
        var s0 = States[0];
        var s1 = States[1];
        var s2 = States[2];
        var s3 = Order == 2 ? States[3] : null;
        double dt0 = DeltaOldValues[0], dt1 = DeltaOldValues[1], dt2 = DeltaOldValues[2];
        double t0 = dt1 + dt0, t1 = dt2 + dt1, t2 = t1 + dt0;
        // Reciprocals shared by every charge: multiplications instead of seven divisions per charge (the results differ
        // from CKTterr's in the last bit at most, far below the tolerance they are compared with).
        double r0 = 1 / dt0, r1 = 1 / dt1, r2 = 1 / dt2, rt0 = 1 / t0, rt1 = 1 / t1, rt2 = 1 / t2, rdelta = 1 / delta;
        var factor = Method == IntegrationMethod.Gear ? GearErrorCoefficients[Order - 1] : TrapezoidalErrorCoefficients[Order - 1];
        // CKTterr's MAX and MIN are plain comparisons (no NaN or signed-zero rules as in Math.Max), and the square
        // root of order 2 is monotonic, so it is taken once of the smallest ratio: the same result, bit for bit.
        var smallest = double.PositiveInfinity;
        // Slots come from the state allocation (in range by construction): read through references, no bounds checks.
        ref var q0s = ref MemoryMarshal.GetArrayDataReference(s0);
        ref var q1s = ref MemoryMarshal.GetArrayDataReference(s1);
        ref var q2s = ref MemoryMarshal.GetArrayDataReference(s2);
        ref var q3s = ref MemoryMarshal.GetArrayDataReference(s3 ?? s2);
        var second = s3 is not null;
        foreach (var qcap in slots)
        {
            var ccap = qcap + 1;
            double q0 = Unsafe.Add(ref q0s, qcap), q1 = Unsafe.Add(ref q1s, qcap);
            double c0 = Math.Abs(Unsafe.Add(ref q0s, ccap)), c1 = Math.Abs(Unsafe.Add(ref q1s, ccap));
            var volttol = abstol + reltol * (c0 > c1 ? c0 : c1);
            double aq0 = Math.Abs(q0), aq1 = Math.Abs(q1);
            var chargetol = aq0 > aq1 ? aq0 : aq1;
            chargetol = reltol * (chargetol > chgtol ? chargetol : chgtol) * rdelta;
            var tol = volttol > chargetol ? volttol : chargetol;
            double d0;
            if (!second)
            {
                var a0 = (q0 - q1) * r0;
                var a1 = (q1 - Unsafe.Add(ref q2s, qcap)) * r1;
                d0 = (a0 - a1) * rt0;
            }
            else
            {
                var q2 = Unsafe.Add(ref q2s, qcap);
                var a0 = (q0 - q1) * r0;
                var a1 = (q1 - q2) * r1;
                var a2 = (q2 - Unsafe.Add(ref q3s, qcap)) * r2;
                var b0 = (a0 - a1) * rt0;
                var b1 = (a1 - a2) * rt1;
                d0 = (b0 - b1) * rt2;
            }
            var error = factor * Math.Abs(d0);
            var del = trtol * tol / (abstol > error ? abstol : error);
            if (del < smallest) smallest = del;
        }
        if (s3 is not null) smallest = Math.Sqrt(smallest);
        if (smallest < timeStep) timeStep = smallest;
        return timeStep;
    }

    private readonly double[] _diff = new double[8];
    private readonly double[] _deltmp = new double[8];

    private static readonly double[] GearErrorCoefficients = { .5, .2222222222, .1363636364, .096, .07299270073, .05830903790 };
    private static readonly double[] TrapezoidalErrorCoefficients = { .5, .08333333333 };

    /// <summary>Computes the integration coefficients for the present step, method and order (SPICE's NIcomCof).</summary>
    internal void ComputeCoefficients()
    {
        var ag = Coefficients;
        if (Method == IntegrationMethod.Trapezoidal)
        {
            if (Order == 1)
            {
                ag[0] = 1 / Delta;
                ag[1] = -1 / Delta;
            }
            else
            {
                const double xmu = 0.5;
                ag[0] = 1.0 / Delta / (1.0 - xmu);
                ag[1] = xmu / (1.0 - xmu);
            }
            return;
        }

        // Gear (BDF) of order 1..6: solve the Vandermonde-like system in ratios of step sums, as SPICE does.
        var n = Order;
        Span<double> mat = stackalloc double[64];
        Array.Clear(ag);
        ag[1] = -1 / Delta;
        for (var i = 0; i <= n; i++) mat[i] = 1;           // row 0
        for (var i = 1; i <= n; i++) mat[i * 8] = 0;       // column 0
        var arg = 0.0;
        for (var i = 1; i <= n; i++)
        {
            arg += DeltaOldValues[i - 1];
            var arg1 = 1.0;
            for (var j = 1; j <= n; j++)
            {
                arg1 *= arg / Delta;
                mat[j * 8 + i] = arg1;
            }
        }
        for (var i = 1; i <= n; i++)
            for (var j = i + 1; j <= n; j++)
            {
                mat[j * 8 + i] /= mat[i * 8 + i];
                for (var k = i + 1; k <= n; k++) mat[j * 8 + k] -= mat[j * 8 + i] * mat[i * 8 + k];
            }
        for (var i = 1; i <= n; i++)
            for (var j = i + 1; j <= n; j++)
                ag[j] -= mat[j * 8 + i] * ag[i];
        ag[n] /= mat[n * 8 + n];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = i + 1; j <= n; j++) ag[i] -= mat[i * 8 + j] * ag[j];
            ag[i] /= mat[i * 8 + i];
        }
    }
}
