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
        if (step <= 0) throw new ArgumentException(".tran: tstep must be positive");
        if (stop <= 0) throw new ArgumentException(".tran: tstop must be positive");
        if (start < 0 || start >= stop) throw new ArgumentException(".tran: tstart must be at least 0 and below tstop");
        if (maxStep is <= 0) throw new ArgumentException(".tran: tmax must be positive");
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

    public override AnalysisKind Kind => AnalysisKind.Transient;

    public override string ToNetlist()
    {
        var s = $".tran {NetlistNumber.Format(Step)} {NetlistNumber.Format(Stop)}";
        if (Start != 0 || MaxStep is not null) s += $" {NetlistNumber.Format(Start)}";
        if (MaxStep is { } m) s += $" {NetlistNumber.Format(m)}";
        if (UseInitialConditions) s += " uic";
        return s;
    }

    public override AnalysisResult Run(CircuitEngine engine)
    {
        var s = engine.State;
        var o = s.Options;
        if (!UseInitialConditions) engine.ValidateTopology();
        engine.UpdateTemperature();
        engine.ResetSourceBreakpoints();

        // traninit.c
        var maxStep = MaxStep ?? Math.Min(Step, (Stop - Start) / 50.0);
        var delmin = 1e-11 * maxStep;
        s.Step = Step;
        s.FinalTime = Stop;
        s.Method = o.Method;
        var maxOrder = o.Method == IntegrationMethod.Trapezoidal ? Math.Min(o.MaxOrder, 2) : o.MaxOrder;
        var uicMode = UseInitialConditions ? AnalysisMode.UseInitialConditions : AnalysisMode.None;

        var delta = Math.Min(Stop / 100, Step) / 10;
        var breaks = s.Breakpoints;
        breaks.MinBreak = 10.0 * delmin;   // XSPICE builds: 10 * delmin
        breaks.Reset(0, Stop);

        s.Time = 0;
        s.Delta = 0;
        var firstTime = true;

        // Initial conditions: nodes of .ic seed the solution for uic; devices take their ic from them.
        Array.Clear(s.Solution);
        Array.Clear(s.Rhs);
        if (UseInitialConditions)
        {
            foreach (var (node, value) in s.InitialConditions) s.Rhs[node] = value;
            foreach (var (node, value) in s.NodeSets) s.Rhs[node] = value;
            (s.Rhs, s.Solution) = (s.Solution, s.Rhs);
            engine.SetInitialConditionsFromNodes();
            (s.Rhs, s.Solution) = (s.Solution, s.Rhs);
        }

        s.Order = 1;
        OperatingPointSolver.Solve(engine, AnalysisMode.TransientOperatingPoint | uicMode, o.Itl1);

        engine.Statistics.TimePoints++;
        s.Order = 1;
        Array.Fill(s.DeltaOld, maxStep);
        s.Delta = delta;
        var saveDelta = Stop / 50;
        s.Mode = AnalysisMode.Transient | uicMode;
        s.Init = InitializationMode.Transient;
        Array.Clear(s.Ag);
        s.States.Copy(0, 1);

        var times = new List<double>();
        var rows = new List<double[]>();

        while (true)
        {
            // ---- nextTime: accept the point just computed ----
            engine.Accept();
            if (s.Time > breaks[0]) breaks.Clear();
            engine.Statistics.AcceptedTimePoints++;
            var dump = UseInitialConditions ? s.Time > 0 && s.Time >= Start : s.Time >= Start;
            if (dump)
            {
                Observer?.Invoke(s.Time, s.Solution);
                if (KeepPoints)
                {
                    times.Add(s.Time);
                    rows.Add((double[])s.Solution.Clone());
                }
            }
            if (Stop - s.Time < breaks.MinBreak) break;

            // ---- resume: choose the next step ----
            s.Delta = Math.Min(s.Delta, maxStep);
            if (AlmostEqualUlps(s.Time, breaks[0], 100) || breaks[0] - s.Time <= delmin)
            {
                // first point after a breakpoint: backward Euler and a short step
                s.Order = 1;
                s.Delta = Math.Min(s.Delta, .1 * Math.Min(saveDelta, breaks[1] - breaks[0]));
                if (firstTime)
                {
                    if (UseInitialConditions) breaks.Set(Step, s.Time);
                    s.Delta /= 10;
                }
            }
            while ((breaks[0] <= s.Time + breaks.MinBreak || AlmostEqualUlps(breaks[0], s.Time, 100)) && breaks[0] < Stop)
                breaks.Clear();
            if (s.Time + s.Delta > breaks[0])
            {
                saveDelta = s.Delta;
                s.Delta = breaks[0] - s.Time;
            }

            for (var i = 5; i >= 0; i--) s.DeltaOld[i + 1] = s.DeltaOld[i];
            s.DeltaOld[0] = s.Delta;
            s.States.Rotate();

            // ---- try the step until it is accepted ----
            while (true)
            {
                var oldDelta = s.Delta;
                s.Time += s.Delta;
                s.DeltaOld[0] = s.Delta;
                s.ComputeCoefficients();
                var converged = engine.Iterate(o.Itl4);
                engine.Statistics.TimePoints++;
                s.Mode = AnalysisMode.Transient | uicMode;
                s.Init = InitializationMode.Predict;
                if (firstTime)
                {
                    s.States.Copy(1, 2);
                    s.States.Copy(1, 3);
                }

                if (!converged)
                {
                    s.Time -= s.Delta;
                    engine.Statistics.RejectedTimePoints++;
                    s.Delta /= 8;
                    if (firstTime) s.Init = InitializationMode.Transient;
                    s.Order = 1;
                }
                else
                {
                    if (firstTime)
                    {
                        firstTime = false;
                        break;   // no truncation check on the first time point
                    }
                    var newDelta = engine.Truncate(s.Delta);
                    if (newDelta > .9 * s.Delta)
                    {
                        if (s.Order == 1 && maxOrder > 1)
                        {
                            s.Order = 2;
                            newDelta = engine.Truncate(s.Delta);
                            if (newDelta <= 1.05 * s.Delta) s.Order = 1;
                        }
                        s.Delta = newDelta;
                        break;
                    }
                    s.Time -= s.Delta;
                    engine.Statistics.RejectedTimePoints++;
                    s.Delta = newDelta;
                }

                if (s.Delta <= delmin)
                {
                    if (oldDelta > delmin)
                    {
                        s.Delta = delmin;
                    }
                    else
                    {
                        var culprits = engine.UnsettledNodes();
                        throw new SimulationException(
                            $"time step too small at t = {s.Time:G6} s (below {delmin:G3} s)" +
                            (culprits.Count > 0 ? $"; nodes that did not settle: {string.Join(", ", culprits.Take(8))}" : "") +
                            (s.TroubleDevice is { } d ? $"; last device not converged: {d}" : ""),
                            culprits.Take(8).Append(s.TroubleDevice ?? "").Where(x => x.Length > 0).ToList());
                    }
                }
            }
        }

        s.Mode = AnalysisMode.DcOperatingPoint;
        s.Init = InitializationMode.Float;
        return new AnalysisResult(Kind, ToNetlist(), new ResultVector("time", times.ToArray()), UnknownVectors(engine, rows))
        {
            Statistics = engine.Statistics,
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
