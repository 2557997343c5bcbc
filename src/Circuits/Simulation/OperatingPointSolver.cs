namespace Hwsim.Circuits.Simulation;

/// <summary>
/// Finds a DC operating point as ngspice's CKTop does: plain Newton first; then dynamic gmin stepping, then true
/// gmin stepping; then Gillespie's adaptive source stepping. Each fallback starts from zero and restores the last
/// good point when a step fails.
/// </summary>
internal static class OperatingPointSolver
{
    /// <summary>Returns normally on convergence; throws <see cref="SimulationException"/> naming the unsettled nodes otherwise.</summary>
    public static void Solve(CircuitEngine engine, AnalysisMode mode, int iterationLimit)
    {
        engine.Newton.LastUnsettled = Array.Empty<string>();
        IReadOnlyList<string> firstUnsettled = Array.Empty<string>();
        if (TrySolve(engine, mode, iterationLimit, u => { if (firstUnsettled.Count == 0) firstUnsettled = u; })) return;
        var unsettled = firstUnsettled.Count > 0 ? firstUnsettled : engine.Newton.LastUnsettled;
        var device = engine.State.Biasing.TroubleDevice;
        var culprits = unsettled.Take(8).ToList();
        if (device is not null) culprits.Add(device);
        var message = "no convergence in the DC operating point (plain Newton, gmin stepping and source stepping all failed)";
        if (unsettled.Count > 0) message += $"; nodes that did not settle: {string.Join(", ", unsettled.Take(8))}";
        if (device is not null) message += $"; last device not converged: {device}";
        throw new SimulationException(message, culprits);
    }

    public static bool TrySolve(CircuitEngine engine, AnalysisMode mode, int iterationLimit, Action<IReadOnlyList<string>>? onPlainFailure = null)
    {
        var s = engine.State;
        var o = s.Options;
        engine.ResetDeviceStates();
        s.Biasing.Mode = mode;
        s.Biasing.Init = InitializationMode.Junction;
        if (!o.NoOpIter)
        {
            try
            {
                if (engine.Newton.Iterate(iterationLimit)) return true;
            }
            catch (SimulationException e) when (e.NumericallySingular && (o.GminSteps >= 1 || o.SourceSteps >= 1))
            {
                // a zero pivot at some iterate: as ngspice's CKTop after NIiter's E_SINGULAR, go on to the steppings
            }
            onPlainFailure?.Invoke(engine.Newton.LastUnsettled);
        }

        if (o.GminSteps >= 1)
        {
            if (o.GminSteps == 1)
            {
                if (DynamicGmin(engine, mode, iterationLimit)) return true;
                if (TrueGmin(engine, mode, iterationLimit)) return true;
            }
            else if (Spice3Gmin(engine, mode, iterationLimit)) return true;
        }
        if (o.SourceSteps >= 1)
        {
            if (o.SourceSteps == 1)
            {
                if (GillespieSource(engine, mode)) return true;
            }
            else if (Spice3Source(engine, mode)) return true;
        }
        return false;
    }

    private static void ClearSolution(SimulationState s)
    {
        Array.Clear(s.Biasing.Solution);
        Array.Clear(s.Transient.States[0]);
    }

    /// <summary>ngspice's dynamic gmin stepping: the node-diagonal gmin, from 1e-2 down to gmin, adapting the factor.</summary>
    private static bool DynamicGmin(CircuitEngine engine, AnalysisMode mode, int iterationLimit)
    {
        var s = engine.State;
        StepGmin(engine, mode, g => s.DiagonalGmin = g, () => s.DiagonalGmin, Math.Max(s.Options.Gmin, s.Options.Gshunt));
        s.DiagonalGmin = s.Options.Gshunt;
        return engine.Newton.Iterate(iterationLimit);
    }

    /// <summary>ngspice's "true" gmin stepping: the junction gmin of every device, the same schedule.</summary>
    private static bool TrueGmin(CircuitEngine engine, AnalysisMode mode, int iterationLimit)
    {
        var s = engine.State;
        var start = s.Options.Gmin;
        StepGmin(engine, mode, g => s.Biasing.Gmin = g, () => s.Biasing.Gmin, Math.Max(start, s.Options.Gshunt));
        s.Biasing.Gmin = Math.Max(start, s.Options.Gshunt);
        return engine.Newton.Iterate(iterationLimit);
    }

    /// <summary>
    /// The adaptive schedule shared by both gmin steppings (cktop.c): start at 1e-2 / factor, divide by the factor after
    /// each converged step (growing it when steps are easy, shrinking it when hard), back off to the last good point
    /// with a smaller factor when a step fails, stop at the target or when the factor can no longer shrink.
    /// </summary>
    private static bool StepGmin(CircuitEngine engine, AnalysisMode mode, Action<double> set, Func<double> get, double target)
    {
        var s = engine.State;
        var o = s.Options;
        s.Biasing.Mode = mode;
        s.Biasing.Init = InitializationMode.Junction;
        ClearSolution(s);
        var saved = new double[s.Biasing.Solution.Length];
        var savedStates = new double[s.Transient.States[0].Length];
        var factor = o.GminFactor;
        var oldGmin = 1e-2;
        set(oldGmin / factor);
        while (true)
        {
            s.Biasing.NonConvergenceCount = 1;
            var before = engine.Statistics.NewtonIterations;
            var converged = engine.Newton.Iterate(o.Itl2);
            var iterations = engine.Statistics.NewtonIterations - before;
            if (converged)
            {
                s.Biasing.Init = InitializationMode.Float;
                if (get() <= target) return true;
                Array.Copy(s.Biasing.Solution, saved, saved.Length);
                Array.Copy(s.Transient.States[0], savedStates, savedStates.Length);
                if (iterations <= o.Itl2 / 4)
                {
                    factor *= Math.Sqrt(factor);
                    if (factor > o.GminFactor) factor = o.GminFactor;
                }
                if (iterations > 3 * o.Itl2 / 4) factor = Math.Max(Math.Sqrt(factor), 1.00005);
                oldGmin = get();
                if (get() < factor * target)
                {
                    factor = get() / target;
                    set(target);
                }
                else
                {
                    set(get() / factor);
                }
            }
            else
            {
                if (factor < 1.00005) return false;
                factor = Math.Sqrt(Math.Sqrt(factor));
                set(oldGmin / factor);
                Array.Copy(saved, s.Biasing.Solution, saved.Length);
                Array.Copy(savedStates, s.Transient.States[0], savedStates.Length);
            }
        }
    }

    private static bool Spice3Gmin(CircuitEngine engine, AnalysisMode mode, int iterationLimit)
    {
        var s = engine.State;
        var o = s.Options;
        s.Biasing.Mode = mode;
        s.Biasing.Init = InitializationMode.Junction;
        s.DiagonalGmin = o.Gshunt == 0 ? o.Gmin : o.Gshunt;
        for (var i = 0; i < o.GminSteps; i++) s.DiagonalGmin *= o.GminFactor;
        for (var i = 0; i <= o.GminSteps; i++)
        {
            s.Biasing.NonConvergenceCount = 1;
            if (!engine.Newton.Iterate(o.Itl2))
            {
                s.DiagonalGmin = o.Gshunt;
                break;
            }
            s.DiagonalGmin /= o.GminFactor;
            s.Biasing.Init = InitializationMode.Float;
        }
        s.DiagonalGmin = o.Gshunt;
        return engine.Newton.Iterate(iterationLimit);
    }

    private static bool GillespieSource(CircuitEngine engine, AnalysisMode mode)
    {
        var s = engine.State;
        var o = s.Options;
        var gminStart = s.Biasing.Gmin;
        s.Biasing.Mode = mode;
        s.Biasing.Init = InitializationMode.Junction;
        s.Biasing.SourceFactor = 0;
        var convFact = 0.0;
        ClearSolution(s);

        var converged = engine.Newton.Iterate(o.Itl2);
        if (!converged)
        {
            s.DiagonalGmin = o.Gshunt <= 0 ? o.Gmin : o.Gshunt;
            for (var i = 0; i < 10; i++) s.DiagonalGmin *= 10;
            for (var i = 0; i <= 10; i++)
            {
                s.Biasing.NonConvergenceCount = 1;
                converged = engine.Newton.Iterate(o.Itl2);
                if (!converged)
                {
                    s.DiagonalGmin = o.Gshunt;
                    break;
                }
                s.DiagonalGmin /= 10;
                s.Biasing.Init = InitializationMode.Float;
            }
            s.DiagonalGmin = o.Gshunt;
        }

        if (converged)
        {
            var raise = 0.001;
            var saved = (double[])s.Biasing.Solution.Clone();
            var savedStates = (double[])s.Transient.States[0].Clone();
            s.Biasing.SourceFactor = convFact + raise;
            do
            {
                var before = engine.Statistics.NewtonIterations;
                converged = engine.Newton.Iterate(o.Itl2);
                var iterations = engine.Statistics.NewtonIterations - before;
                s.Biasing.Init = InitializationMode.Float;
                if (converged)
                {
                    convFact = s.Biasing.SourceFactor;
                    Array.Copy(s.Biasing.Solution, saved, saved.Length);
                    Array.Copy(s.Transient.States[0], savedStates, savedStates.Length);
                    s.Biasing.SourceFactor = convFact + raise;
                    if (iterations <= o.Itl2 / 4) raise *= 1.5;
                    if (iterations > 3 * o.Itl2 / 4) raise *= 0.5;
                }
                else
                {
                    if (s.Biasing.SourceFactor - convFact < 1e-8) break;
                    raise /= 10;
                    if (raise > 0.01) raise = 0.01;
                    s.Biasing.SourceFactor = convFact;
                    Array.Copy(saved, s.Biasing.Solution, saved.Length);
                    Array.Copy(savedStates, s.Transient.States[0], savedStates.Length);
                }
                if (s.Biasing.SourceFactor > 1) s.Biasing.SourceFactor = 1;
            } while (raise >= 1e-7 && convFact < 1);
            s.DiagonalGmin = o.Gshunt;
            s.Biasing.Gmin = gminStart;
        }
        s.Biasing.SourceFactor = 1;
        return convFact == 1;
    }

    private static bool Spice3Source(CircuitEngine engine, AnalysisMode mode)
    {
        var s = engine.State;
        var o = s.Options;
        s.Biasing.Mode = mode;
        s.Biasing.Init = InitializationMode.Junction;
        for (var i = 0; i <= o.SourceSteps; i++)
        {
            s.Biasing.SourceFactor = (double)i / o.SourceSteps;
            var converged = engine.Newton.Iterate(o.Itl2);
            s.Biasing.Init = InitializationMode.Float;
            if (!converged)
            {
                s.Biasing.SourceFactor = 1;
                return false;
            }
        }
        s.Biasing.SourceFactor = 1;
        return true;
    }
}
