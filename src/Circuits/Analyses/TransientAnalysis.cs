using Hwsim.Circuits.Results;
using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Analyses;

/// <summary>
/// <c>.tran tstep tstop [tstart [tmax]] [uic]</c>: the time-domain solution, with the time-step control of ngspice's
/// dctran.c (XSPICE build, as Debian ships it): local truncation error of every charge, breakpoints at source
/// corners (order cut to 1 and step cut after each), step /8 on Newton failure, trapezoidal or Gear integration.
/// Every accepted time point at or after tstart is reported; the scale is <c>time</c>.
/// </summary>
public sealed class TransientAnalysis : Analysis
{
    public TransientAnalysis(double step, double stop, double start = 0, double? maxStep = null, bool useInitialConditions = false)
    {
        // Written as !(x > 0) so that NaN is refused too.
        if (!(step > 0) || !double.IsFinite(step)) throw new ArgumentException(".tran: tstep must be a positive number");
        if (!(stop > 0) || !double.IsFinite(stop)) throw new ArgumentException(".tran: tstop must be a positive number");
        if (!(start >= 0) || !(start < stop)) throw new ArgumentException(".tran: tstart must be at least 0 and below tstop");
        if (maxStep is { } m && (!(m > 0) || !double.IsFinite(m))) throw new ArgumentException(".tran: tmax must be a positive number");
        Step = step;
        Stop = stop;
        Start = start;
        MaxStep = maxStep;
        UseInitialConditions = useInitialConditions;
    }

    public double Step { get; }
    public double Stop { get; }
    public double Start { get; }
    public double? MaxStep { get; }
    public bool UseInitialConditions { get; }

    /// <summary>
    /// Called at every reported time point with the time and the solution, indexed by unknown (the array is the
    /// engine's own: read it during the call, do not keep it). Lets a caller reduce a long transient as it runs.
    /// </summary>
    public Action<double, double[]>? Observer { get; init; }

    /// <summary>False keeps no time points in the result (its vectors are then empty): for runs read by an <see cref="Observer"/>.</summary>
    public bool KeepPoints { get; init; } = true;

    /// <summary>Accepted time points after which the run stops with a <see cref="LimitExceededException"/> (see <see cref="ResourceLimits.MaxPoints"/>).</summary>
    public long MaxPoints { get; init; } = long.MaxValue;

    public override AnalysisKind Kind => AnalysisKind.Transient;

    public override string ToNetlist()
    {
        var s = $".tran {NetlistNumber.Format(Step)} {NetlistNumber.Format(Stop)}";
        if (Start != 0 || MaxStep is not null) s += $" {NetlistNumber.Format(Start)}";
        if (MaxStep is { } m) s += $" {NetlistNumber.Format(m)}";
        if (UseInitialConditions) s += " uic";
        return s;
    }

    public override AnalysisResult Run(CircuitEngine engine) => Run(engine, null);

    /// <summary>A transient keeps only the vectors named in <paramref name="keptVectors"/> (all when null) while it runs.</summary>
    public override IReadOnlyList<AnalysisResult> RunPlots(CircuitEngine engine, IReadOnlySet<string>? keptVectors) => [Run(engine, keptVectors)];

    private AnalysisResult Run(CircuitEngine engine, IReadOnlySet<string>? keptVectors)
    {
        var s = engine.State;
        var o = s.Options;
        if (!UseInitialConditions) engine.ValidateTopology();
        engine.UpdateTemperature();
        engine.ResetBreakpoints();

        // traninit.c
        var maxStep = MaxStep ?? Math.Min(Step, (Stop - Start) / 50.0);
        var delmin = 1e-11 * maxStep;
        s.Transient.Step = Step;
        s.Transient.FinalTime = Stop;
        s.Transient.Method = o.Method;
        var maxOrder = o.Method == IntegrationMethod.Trapezoidal ? Math.Min(o.MaxOrder, 2) : o.MaxOrder;
        var uicMode = UseInitialConditions ? AnalysisMode.UseInitialConditions : AnalysisMode.None;

        var delta = Math.Min(Stop / 100, Step) / 10;
        var breaks = s.Transient.Breakpoints;
        breaks.MinBreak = 10.0 * delmin;   // XSPICE builds: 10 * delmin
        breaks.Reset(0, Stop);

        s.Transient.Time = 0;
        s.Transient.Delta = 0;
        var firstTime = true;

        // Initial conditions: nodes of .ic seed the solution for uic; devices take their ic from them.
        Array.Clear(s.Biasing.Solution);
        Array.Clear(s.Biasing.Rhs);
        if (UseInitialConditions)
        {
            foreach (var (node, value) in s.InitialConditions) s.Biasing.Rhs[node] = value;
            foreach (var (node, value) in s.NodeSets) s.Biasing.Rhs[node] = value;
            (s.Biasing.Rhs, s.Biasing.Solution) = (s.Biasing.Solution, s.Biasing.Rhs);
            engine.SetInitialConditionsFromNodes();
            (s.Biasing.Rhs, s.Biasing.Solution) = (s.Biasing.Solution, s.Biasing.Rhs);
        }

        s.Transient.Order = 1;
        OperatingPointSolver.Solve(engine, AnalysisMode.TransientOperatingPoint | uicMode, o.Itl1);

        engine.Statistics.TimePoints++;
        s.Transient.Order = 1;
        Array.Fill(s.Transient.DeltaOldValues, maxStep);
        s.Transient.Delta = delta;
        var saveDelta = Stop / 50;
        s.Biasing.Mode = AnalysisMode.Transient | uicMode;
        s.Biasing.Init = InitializationMode.Transient;
        Array.Clear(s.Transient.Coefficients);
        s.Transient.States.Copy(0, 1);

        var recorder = new ColumnarRecorder(engine, keptVectors, KeepPoints ? (int)Math.Min((Stop - Start) / Step + 16, 1 << 16) : 0);
        long reported = 0;

        while (true)
        {
            // ---- nextTime: accept the point just computed ----
            engine.Accept();
            if (s.Transient.Time > breaks[0]) breaks.Clear();
            engine.Statistics.AcceptedTimePoints++;
            if (reported >= MaxPoints)
                throw new LimitExceededException(ResourceLimit.Points,
                    $".tran: more than {MaxPoints} time points at t = {s.Transient.Time:G6} s of {Stop:G6} s (the time step shrank; the limit of points per analysis)");
            var dump = UseInitialConditions ? s.Transient.Time > 0 && s.Transient.Time >= Start : s.Transient.Time >= Start;
            if (dump)
            {
                reported++;
                Observer?.Invoke(s.Transient.Time, s.Biasing.Solution);
                if (KeepPoints) recorder.Append(s.Transient.Time, s.Biasing.Solution);
            }
            if (Stop - s.Transient.Time < breaks.MinBreak) break;

            // ---- resume: choose the next step ----
            s.Transient.Delta = Math.Min(s.Transient.Delta, maxStep);
            if (AlmostEqualUlps(s.Transient.Time, breaks[0], 100) || breaks[0] - s.Transient.Time <= delmin)
            {
                // first point after a breakpoint: backward Euler and a short step
                s.Transient.Order = 1;
                s.Transient.Delta = Math.Min(s.Transient.Delta, .1 * Math.Min(saveDelta, breaks[1] - breaks[0]));
                if (firstTime)
                {
                    if (UseInitialConditions) breaks.Set(Step, s.Transient.Time);
                    s.Transient.Delta /= 10;
                }
            }
            while ((breaks[0] <= s.Transient.Time + breaks.MinBreak || AlmostEqualUlps(breaks[0], s.Transient.Time, 100)) && breaks[0] < Stop)
                breaks.Clear();
            if (s.Transient.Time + s.Transient.Delta > breaks[0])
            {
                saveDelta = s.Transient.Delta;
                s.Transient.Delta = breaks[0] - s.Transient.Time;
            }

            for (var i = 5; i >= 0; i--) s.Transient.DeltaOldValues[i + 1] = s.Transient.DeltaOldValues[i];
            s.Transient.DeltaOldValues[0] = s.Transient.Delta;
            s.Transient.States.Rotate();

            // ---- try the step until it is accepted ----
            while (true)
            {
                var oldDelta = s.Transient.Delta;
                s.Transient.Time += s.Transient.Delta;
                s.Transient.DeltaOldValues[0] = s.Transient.Delta;
                s.Transient.ComputeCoefficients();
                var converged = engine.Newton.Iterate(o.Itl4);
                engine.Statistics.TimePoints++;
                s.Biasing.Mode = AnalysisMode.Transient | uicMode;
                s.Biasing.Init = InitializationMode.Predict;
                if (firstTime)
                {
                    s.Transient.States.Copy(1, 2);
                    s.Transient.States.Copy(1, 3);
                }

                if (!converged)
                {
                    s.Transient.Time -= s.Transient.Delta;
                    engine.Statistics.RejectedTimePoints++;
                    s.Transient.Delta /= 8;
                    if (firstTime) s.Biasing.Init = InitializationMode.Transient;
                    s.Transient.Order = 1;
                }
                else
                {
                    if (firstTime)
                    {
                        firstTime = false;
                        break;   // no truncation check on the first time point
                    }
                    var newDelta = engine.Truncate(s.Transient.Delta);
                    if (newDelta > .9 * s.Transient.Delta)
                    {
                        if (s.Transient.Order == 1 && maxOrder > 1)
                        {
                            s.Transient.Order = 2;
                            newDelta = engine.Truncate(s.Transient.Delta);
                            if (newDelta <= 1.05 * s.Transient.Delta) s.Transient.Order = 1;
                        }
                        s.Transient.Delta = newDelta;
                        break;
                    }
                    s.Transient.Time -= s.Transient.Delta;
                    engine.Statistics.RejectedTimePoints++;
                    s.Transient.Delta = newDelta;
                }

                if (s.Transient.Delta <= delmin)
                {
                    if (oldDelta > delmin)
                    {
                        s.Transient.Delta = delmin;
                    }
                    else
                    {
                        var culprits = engine.Newton.UnsettledNodes();
                        throw new SimulationException(
                            $"time step too small at t = {s.Transient.Time:G6} s (below {delmin:G3} s)" +
                            (culprits.Count > 0 ? $"; nodes that did not settle: {string.Join(", ", culprits.Take(8))}" : "") +
                            (s.Biasing.TroubleDevice is { } d ? $"; last device not converged: {d}" : ""),
                            culprits.Take(8).Append(s.Biasing.TroubleDevice ?? "").Where(x => x.Length > 0).ToList());
                    }
                }
            }
        }

        s.Biasing.Mode = AnalysisMode.DcOperatingPoint;
        s.Biasing.Init = InitializationMode.Float;
        var (time, vectors) = recorder.Build("time");
        return new AnalysisResult(Kind, ToNetlist(), time, vectors)
        {
            Statistics = engine.Statistics.Snapshot(),
        };
    }

    /// <summary>ngspice's AlmostEqualUlps: equal within <paramref name="maxUlps"/> units in the last place.</summary>
    internal static bool AlmostEqualUlps(double a, double b, long maxUlps)
    {
        if (a == b) return true;
        var ia = BitConverter.DoubleToInt64Bits(a);
        var ib = BitConverter.DoubleToInt64Bits(b);
        if ((ia < 0) != (ib < 0)) return false;
        return Math.Abs(ia - ib) <= maxUlps;
    }
}
