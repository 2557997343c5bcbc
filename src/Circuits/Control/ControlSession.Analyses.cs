using System.Globalization;
using Hwsim.Circuits.Analyses;
using Hwsim.Circuits.Control.Vectors;
using Hwsim.Circuits.Measurements;
using Hwsim.Circuits.Netlist;
using Hwsim.Circuits.Results;
using Hwsim.Circuits.Solver;

namespace Hwsim.Circuits.Control;

/// <summary>Analyses and the circuit: <c>run</c>, <c>op</c>, <c>dc</c>, <c>ac</c>, <c>tran</c>, <c>save</c>, <c>alter</c>, <c>altermod</c>, <c>alterparam</c>, <c>reset</c>.</summary>
public sealed partial class ControlSession
{
    private readonly Dictionary<string, double> _parameterChanges = new(StringComparer.OrdinalIgnoreCase);
    private List<string>? _saves;

    /// <summary>
    /// <c>run</c>: the netlist's own analyses, each a new plot, in ngspice 39's order: grouped by type (AC, DC,
    /// operating point, transient, noise: its table of analyses) and within a type in reverse netlist order (it
    /// prepends each line to its type's list), then noise and sensitivity. The last plot made is the current one, as in ngspice.
    /// </summary>
    private void RunNetlist()
    {
        if (_netlist.Analyses.Count == 0)
        {
            Report("run: the netlist has no analysis (.op, .dc, .ac, .tran)");
            return;
        }
        var ordered = _netlist.Analyses.Select((a, i) => (Analysis: a, Index: i))
            .OrderBy(x => RunRank(x.Analysis.Kind)).ThenByDescending(x => x.Index).Select(x => x.Analysis).ToList();
        DoingAnalysis(); // once for the whole run, as ngspice says it
        foreach (var analysis in ordered) RunAnalysis(analysis, announce: false);
    }

    private static int RunRank(Results.AnalysisKind kind) => kind switch
    {
        Results.AnalysisKind.Ac => 0,
        Results.AnalysisKind.DcSweep => 1,
        Results.AnalysisKind.OperatingPoint => 2,
        Results.AnalysisKind.Transient => 3,
        Results.AnalysisKind.PoleZero => 4,
        Results.AnalysisKind.TransferFunction => 5,
        Results.AnalysisKind.Sensitivity => 8, // after disto (6), noise (7)
        _ => 7,
    };

    /// <summary><c>op</c>, <c>dc ...</c>, <c>ac ...</c>, <c>tran ...</c>, <c>noise ...</c>: the arguments of the dot card.</summary>
    private void AnalysisCommand(string name, List<string> args)
    {
        var before = _netlist.Analyses.Count;
        var warnings = _netlist.Warnings.Count;
        NetlistReader.ReadCard(_netlist, $".{name} {string.Join(" ", args)}", _line!.Location);
        // the card's own warnings (a .sens that leaves devices out), said here: the netlist's were said before the block
        foreach (var w in _netlist.Warnings.Skip(warnings).ToList()) _host.Error.WriteLine($"hwsim: warning: {w}");
        _netlist.Warnings.RemoveRange(warnings, _netlist.Warnings.Count - warnings);
        var analysis = _netlist.Analyses[^1];
        _netlist.Analyses.RemoveRange(before, _netlist.Analyses.Count - before);
        RunAnalysis(analysis);
    }

    private void DoingAnalysis()
    {
        var o = _netlist.Options;
        _out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Doing analysis at TEMP = {o.Temperature:F6} and TNOM = {o.NominalTemperature:F6}"));
        _out.WriteLine();
    }

    private void RunAnalysis(Analysis analysis, bool announce = true)
    {
        if (announce) DoingAnalysis();
        try
        {
            // set rndseed=N seeds the random sources (TRNOISE, TRRANDOM) as in ngspice
            if (Variables.Number("rndseed") is { } seed && seed >= 1 && seed <= int.MaxValue) _netlist.Seed = (int)seed;
            var results = NetlistRun.Located(_netlist, () =>
            {
                var engine = _netlist.CreateEngine();
                _lastEngine = engine;
                NetlistRun.CheckOutputs(_netlist, engine);
                return NetlistRun.Run(_netlist, engine, analysis, _measurements);
            });
            _out.WriteLine();
            foreach (var result in results)
            {
                var plot = PlotConversion.AddResult(Plots, result, _netlist.Title.ToLowerInvariant(), _host.Date); // ngspice lower-cases the deck
                RecordDeviceSaves(plot, analysis);
                KeepSaved(plot);
                _out.WriteLine($"No. of Data Rows : {result.Points}");
                MeasurementPrinter.Write(result, _out, _host.Error);
                try
                {
                    FourierAnalysis.WriteRequested(result, _netlist.Outputs.Fouriers, _out);
                }
                catch (ArgumentException e)
                {
                    Report($".four: {e.Message}");
                }
            }
        }
        catch (Exception e) when (e is SimulationException or SolverException)
        {
            FailedAnalyses++;
            Report($"{analysis.ToNetlist().TrimStart('.')}: simulation failed: {e.Message}");
        }
        catch (CircuitException e)
        {
            if (e.Location is { } at) ReportAt(at, e.Message);
            else Report(e.Message);
        }
    }

    /// <summary><c>save</c> of the control block: later plots keep their scale and the vectors named (<c>save all</c> keeps every one).</summary>
    private void Save(List<string> args)
    {
        foreach (var a in args)
        {
            if (a.Equals("all", StringComparison.OrdinalIgnoreCase))
            {
                _saves = null;
                continue;
            }
            (_saves ??= []).Add(a.StartsWith('@') ? a.ToLowerInvariant() : a);
        }
    }

    /// <summary>
    /// <c>save @dev[param]</c>: the parameter at every point of the plot. The parameters hwsim provides are given ones
    /// (not operating-point quantities), so they keep their value through an analysis except the swept one of a
    /// <c>.dc</c>, whose values are the sweep's scale. A parameter of several values, or one swept as the outer
    /// sweep, is reported, not recorded.
    /// </summary>
    private void RecordDeviceSaves(VectorPlot plot, Analysis analysis)
    {
        if (_saves is null) return;
        var points = plot.Scale?.Length ?? 1;
        foreach (var name in _saves.Where(n => n.StartsWith('@')))
        {
            Vector value;
            try
            {
                value = DeviceVector(name)!;
            }
            catch (VectorExpressionException e)
            {
                Report($"save {e.Message}");
                continue;
            }
            var device = name[1..name.IndexOf('[', StringComparison.Ordinal)];
            var parameter = name[(name.IndexOf('[', StringComparison.Ordinal) + 1)..name.IndexOf(']', StringComparison.Ordinal)];
            _netlist.Circuit.TryGet(device, out var entity);
            var swept = analysis is DcSweepAnalysis dc && entity is not null
                && string.Equals(DeviceParameters.Default(entity), DeviceParameters.Canonical(entity, parameter), StringComparison.Ordinal)
                ? (Inner: dc.Inner.Source.Equals(device, StringComparison.OrdinalIgnoreCase), Outer: dc.Outer?.Source.Equals(device, StringComparison.OrdinalIgnoreCase) == true)
                : (Inner: false, Outer: false);
            if (swept.Outer || value.Length != 1)
            {
                Report($"save {name}: hwsim records a device parameter during an analysis only when it has one value and is not the outer sweep");
                continue;
            }
            var values = swept.Inner && plot.Scale is { } scale ? scale.Real.ToArray() : Enumerable.Repeat(value.Real[0], points).ToArray();
            plot.Set(Vector.OfReal(name, values));
        }
    }

    private void KeepSaved(VectorPlot plot)
    {
        if (_saves is null) return;
        var keep = new HashSet<Vector>(ReferenceEqualityComparer.Instance);
        if (plot.Scale is { } s) keep.Add(s);
        foreach (var name in _saves)
            if (PlotSet.FromPlot(name, plot) is { } v) keep.Add(v);
        foreach (var v in plot.Vectors.Where(v => !keep.Contains(v)).ToList()) plot.Remove(v.Name);
    }

    /// <summary><c>alter dev = v</c>, <c>alter dev param = v</c>, <c>alter @dev[param] = v</c>, a vector value as <c>[ a b c ]</c>.</summary>
    private void Alter(List<string> args) => AlterEntity(args, "alter");

    /// <summary><c>altermod model param = v</c>.</summary>
    private void AlterModel(List<string> args) => AlterEntity(args, "altermod");

    private void AlterEntity(List<string> args, string command)
    {
        var words = string.Join(" ", args).Replace("=", " = ", StringComparison.Ordinal)
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count < 2) throw new VectorExpressionException($"{command}: usage is {command} device [parameter] = value");
        string device, parameter;
        int valueStart;
        if (words[0].StartsWith('@'))
        {
            var open = words[0].IndexOf('[', StringComparison.Ordinal);
            var close = words[0].IndexOf(']', StringComparison.Ordinal);
            if (open < 0 || close < open) throw new VectorExpressionException($"{command}: expected @device[parameter], got '{words[0]}'");
            device = words[0][1..open];
            parameter = words[0][(open + 1)..close];
            valueStart = 1;
        }
        else
        {
            device = words[0];
            if (words[1] == "=" || words.Count == 2)
            {
                parameter = "";
                valueStart = 1;
            }
            else
            {
                parameter = words[1];
                valueStart = 2;
            }
        }
        if (valueStart < words.Count && words[valueStart] == "=") valueStart++;
        var valueWords = words.Skip(valueStart).ToList();
        if (valueWords.Count == 0) throw new VectorExpressionException($"{command} {device}: missing value");
        if (!_netlist.Circuit.TryGet(device.ToLowerInvariant(), out var entity) || entity is null)
            throw new VectorExpressionException($"{command}: no device or model {device}");
        if (parameter.Length == 0) parameter = DeviceParameters.Default(entity) ?? throw new VectorExpressionException($"{command} {device}: name the parameter to change");
        double[] values;
        if (valueWords[0].StartsWith('['))
        {
            var inner = string.Join(" ", valueWords).Trim('[', ']', ' ');
            values = inner.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(w => Evaluate(w).Real[0]).ToArray();
        }
        else values = Evaluate(string.Join(" ", valueWords)).Real;
        if (!DeviceParameters.Set(entity, parameter, values))
            throw new VectorExpressionException($"{command}: hwsim cannot change parameter '{parameter}' of {device}");
    }

    /// <summary><c>alterparam name = value</c> or <c>alterparam subckt name = value</c>: takes effect at the next <c>reset</c>.</summary>
    private void AlterParameter(List<string> args)
    {
        var words = string.Join(" ", args).Replace("=", " = ", StringComparison.Ordinal)
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        var eq = words.IndexOf("=");
        if (eq is < 1 or > 2 || eq == words.Count - 1) throw new VectorExpressionException("alterparam: usage is alterparam [subckt] name = value");
        var key = eq == 2 ? $"{words[0]}.{words[1]}" : words[0];
        _parameterChanges[key] = Evaluate(string.Join(" ", words.Skip(eq + 1))).Real[0];
    }

    /// <summary><c>reset</c>: the netlist read again (with <c>alterparam</c> values), which also undoes <c>alter</c>.</summary>
    private void ResetCircuit()
    {
        if (_host.Reload is not { } reload) throw new VectorExpressionException("reset: this program cannot read the netlist again");
        _netlist = reload(new Dictionary<string, double>(_parameterChanges, StringComparer.OrdinalIgnoreCase));
        _out.WriteLine($"Reset re-loads circuit {_netlist.Title}");
        _out.WriteLine();
        _out.WriteLine($"Circuit: {_netlist.Title}");
        _out.WriteLine();
        _measurements = new MeasurementRunner(_netlist.Outputs.Measures, _netlist.Parameters);
        _measureScope = null;
    }
}
