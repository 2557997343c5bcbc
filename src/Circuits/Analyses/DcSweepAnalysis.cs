using Hwsim.Circuits.Devices;
using Hwsim.Circuits.Results;
using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Analyses;

/// <summary>
/// <c>.dc SRC start stop step [SRC2 start2 stop2 step2]</c>: operating points over a swept source, resistor or
/// temperature, the first sweep innermost, as ngspice's dctrcurv.c (each point starts from the extrapolated
/// previous one). The scale is named as ngspice names it: <c>v-sweep</c>, <c>i-sweep</c>, <c>res-sweep</c> or
/// <c>temp-sweep</c>; a second sweep's value is the vector <c>v-sweep2</c> (and so on).
/// </summary>
public sealed class DcSweepAnalysis : Analysis
{
    public DcSweepAnalysis(SweepSpec inner, SweepSpec? outer = null)
    {
        foreach (var s in outer is null ? new[] { inner } : new[] { inner, outer })
        {
            if (s.Step == 0) throw new ArgumentException($".dc {s.Source}: the step must not be zero");
            if (Math.Sign(s.Stop - s.Start) * Math.Sign(s.Step) < 0)
                throw new ArgumentException($".dc {s.Source}: the step {s.Step} goes away from the stop value {s.Stop}");
        }
        Inner = inner;
        Outer = outer;
    }

    public SweepSpec Inner { get; }
    public SweepSpec? Outer { get; }

    public override AnalysisKind Kind => AnalysisKind.DcSweep;

    public override string ToNetlist() => $".dc {Inner.ToNetlist()}" + (Outer is null ? "" : $" {Outer.ToNetlist()}");

    private sealed class Sweep
    {
        public required SweepSpec Spec;
        public ISweepableSource? Source;
        public required string ScaleName;
        public double Value;
        public double Saved;
        public bool SavedGiven;
    }

    public override AnalysisResult Run(CircuitEngine engine)
    {
        PrepareDc(engine);
        var s = engine.State;
        var sweeps = new List<Sweep> { Bind(engine, Inner, "") };
        if (Outer is not null) sweeps.Add(Bind(engine, Outer, "2"));

        var rows = new List<double[]>();
        var scale = new List<double>();
        var outerValues = new List<double>();

        s.Transient.Time = 0;
        s.Transient.Delta = Inner.Step;
        s.Transient.Order = 1;
        Array.Fill(s.Transient.DeltaOldValues, s.Transient.Delta);
        Array.Clear(s.Transient.Coefficients);
        s.Biasing.Mode = AnalysisMode.DcSweep;
        s.Biasing.Init = InitializationMode.Junction;
        var firstTime = true;
        foreach (var sw in sweeps) Set(engine, sw, sw.Spec.Start);

        try
        {
            var i = 0;
            while (true)
            {
                // Advance the nest like ngspice: a finished sweep restarts, the next one steps.
                if (Beyond(sweeps[i]))
                {
                    i++;
                    firstTime = true;
                    s.Biasing.Init = InitializationMode.Junction;
                    if (i >= sweeps.Count) break;
                    Set(engine, sweeps[i], sweeps[i].Value + sweeps[i].Spec.Step);
                    continue;
                }
                while (--i >= 0) Set(engine, sweeps[i], sweeps[i].Spec.Start);

                s.Transient.States.Rotate();
                s.Biasing.Mode = AnalysisMode.DcSweep;
                if (!engine.Newton.Iterate(s.Options.Itl2))
                    OperatingPointSolver.Solve(engine, AnalysisMode.DcSweep, s.Options.Itl1);
                s.Biasing.Init = InitializationMode.Predict;
                // dctrcurv.c: CKTtime becomes the swept value after each point (B sources read it as 'time')
                s.Transient.Time = sweeps[0].Value;

                rows.Add((double[])s.Biasing.Solution.Clone());
                scale.Add(sweeps[0].Value);
                if (sweeps.Count > 1) outerValues.Add(sweeps[1].Value);
                if (firstTime)
                {
                    firstTime = false;
                    s.Transient.States.Copy(0, 1);
                }
                i = 0;
                Set(engine, sweeps[0], sweeps[0].Value + sweeps[0].Spec.Step);
            }
        }
        finally
        {
            foreach (var sw in sweeps) Restore(engine, sw);
        }

        var vectors = UnknownVectors(engine, rows);
        if (sweeps.Count > 1) vectors.Insert(0, new ResultVector(sweeps[1].ScaleName, outerValues.ToArray()));
        return new AnalysisResult(Kind, ToNetlist(), new ResultVector(sweeps[0].ScaleName, scale.ToArray()), vectors)
        {
            Statistics = engine.Statistics.Snapshot(),
        };
    }

    /// <summary>ngspice's end test: past the stop value by more than 1000 machine epsilons.</summary>
    private static bool Beyond(Sweep sw) =>
        Math.Sign(sw.Spec.Step) * (sw.Value - sw.Spec.Stop) > 2.220446049250313e-16 * 1e3;

    private static Sweep Bind(CircuitEngine engine, SweepSpec spec, string suffix)
    {
        if (string.Equals(spec.Source, "temp", StringComparison.OrdinalIgnoreCase))
            return new Sweep { Spec = spec, ScaleName = "temp-sweep" + suffix, Saved = engine.State.Options.Temperature };
        if (!engine.TryGetBehavior(spec.Source, out var b) || b is not ISweepableSource source)
            throw new CircuitException(
                $".dc: {spec.Source} is not a voltage source, current source or resistor of the circuit", spec.Source);
        var name = b switch
        {
            VoltageSourceBehavior => "v-sweep",
            CurrentSourceBehavior => "i-sweep",
            _ => "res-sweep",
        };
        return new Sweep
        {
            Spec = spec, Source = source, ScaleName = name + suffix, Saved = source.DcValue,
            SavedGiven = b is not IndependentSourceBehavior isb || isb.DcGiven,
        };
    }

    private static void Set(CircuitEngine engine, Sweep sw, double value)
    {
        sw.Value = value;
        if (sw.Source is not null)
        {
            sw.Source.DcValue = value;
        }
        else
        {
            engine.State.Options.Temperature = value;
            engine.UpdateTemperature();
        }
    }

    private static void Restore(CircuitEngine engine, Sweep sw)
    {
        if (sw.Source is not null)
        {
            sw.Source.DcValue = sw.Saved;
            if (sw.Source is IndependentSourceBehavior isb) isb.DcGiven = sw.SavedGiven;
        }
        else
        {
            engine.State.Options.Temperature = sw.Saved;
            engine.UpdateTemperature();
        }
    }
}
