using Hwsim.Circuits.Control.Script;
using Hwsim.Circuits.Control.Vectors;
using Hwsim.Circuits.Measurements;
using Hwsim.Circuits.Netlist;

namespace Hwsim.Circuits.Control;

/// <summary>
/// Runs a netlist's <c>.control</c> block as ngspice does in a batch run: commands one after another, analyses
/// adding plots, variables and vectors, structures and jumps. A command that fails prints an error naming its line
/// and the block goes on (ngspice's way, which the self-checking netlists rely on); <c>quit n</c> ends it with exit
/// code n. An unknown command is one warning, then ignored.
/// </summary>
public sealed partial class ControlSession : IVectorEnvironment
{
    private readonly ControlHost _host;
    private readonly Dictionary<(string Name, int Arity), UserVectorFunction> _functions = new();
    private readonly HashSet<string> _unknownCommands = new(StringComparer.OrdinalIgnoreCase);
    private ParsedNetlist _netlist;
    private MeasurementRunner _measurements;
    private TextWriter _out;
    private ControlLine? _line;
    private Simulation.CircuitEngine? _lastEngine; // the engine of the last analysis: the states its devices ended at

    public ControlSession(ParsedNetlist netlist, ControlHost host)
    {
        _netlist = netlist;
        _host = host;
        _out = host.Out;
        _measurements = new MeasurementRunner(netlist.Outputs.Measures, netlist.Parameters);
        Plots = new PlotSet(host.Date);
        Variables = new ControlVariables { Enquire = Enquire };
        DefinePredefinedFunctions();
    }

    /// <summary>The plots made so far (the current one, <c>const</c>, every analysis' plot).</summary>
    public PlotSet Plots { get; }

    /// <summary>The variables (<c>set</c>).</summary>
    public ControlVariables Variables { get; }

    /// <summary>The netlist as the session left it (<c>alter</c>ed, <c>reset</c>).</summary>
    public ParsedNetlist Netlist => _netlist;

    /// <summary>Commands that failed (bad arguments, missing vectors).</summary>
    public int Errors { get; private set; }

    /// <summary>Analyses that failed to simulate.</summary>
    public int FailedAnalyses { get; private set; }

    /// <summary>Runs the netlist's control lines; returns the code of <c>quit</c>, or null when the block ended without one.</summary>
    public int? Run() => Run(ControlScript.Parse(_netlist.ControlLines));

    /// <summary>Runs a parsed script; returns the code of <c>quit</c>, or null when it ended without one.</summary>
    public int? Run(ControlScript script)
    {
        try
        {
            var flow = Block(script.Statements);
            if (flow.Kind == FlowKind.Goto) Report($"goto {flow.Label}: no such label");
            return null;
        }
        catch (QuitException q)
        {
            return q.Code;
        }
        finally
        {
            ResetOutput();
        }
    }

    // ---------- statements ----------

    private enum FlowKind
    {
        Normal,
        Break,
        Continue,
        Goto,
    }

    private readonly record struct Flow(FlowKind Kind, int Count = 0, string? Label = null)
    {
        public static Flow Normal => new(FlowKind.Normal);
    }

    private sealed class QuitException(int code) : Exception
    {
        public int Code { get; } = code;
    }

    private Flow Block(IReadOnlyList<ControlStatement> statements)
    {
        for (var i = 0; i < statements.Count; i++)
        {
            var flow = Statement(statements[i]);
            if (flow.Kind == FlowKind.Normal) continue;
            if (flow.Kind == FlowKind.Goto)
            {
                var target = IndexOfLabel(statements, flow.Label!);
                if (target < 0) return flow;
                i = target;
                continue;
            }
            return flow;
        }
        return Flow.Normal;
    }

    private static int IndexOfLabel(IReadOnlyList<ControlStatement> statements, string label)
    {
        for (var i = 0; i < statements.Count; i++)
            if (statements[i] is JumpStatement { Kind: JumpKind.Label } j && j.Label == label) return i;
        return -1;
    }

    private Flow Statement(ControlStatement statement)
    {
        _line = statement.Line;
        switch (statement)
        {
            case CommandStatement c:
                Command(c.Words);
                return Flow.Normal;
            case IfStatement s:
                return Block(IsTrue(s.Condition) ? s.Then : s.Else);
            case LoopStatement loop:
                return Loop(loop);
            case JumpStatement { Kind: JumpKind.Label }:
                return Flow.Normal;
            case JumpStatement { Kind: JumpKind.Goto } j:
                return new Flow(FlowKind.Goto, Label: j.Label);
            case JumpStatement j:
                if (j.Count <= 0)
                {
                    Warn($"{(j.Kind == JumpKind.Break ? "break" : "continue")} {j.Count} a no-op");
                    return Flow.Normal;
                }
                return new Flow(j.Kind == JumpKind.Break ? FlowKind.Break : FlowKind.Continue, j.Count);
            default:
                return Flow.Normal;
        }
    }

    private Flow Loop(LoopStatement loop)
    {
        switch (loop.Kind)
        {
            case LoopKind.While:
                while (IsTrue(loop.Argument))
                    if (Iteration(loop) is { } exit) return exit;
                return Flow.Normal;
            case LoopKind.DoWhile:
                do
                {
                    if (Iteration(loop) is { } exit) return exit;
                }
                while (IsTrue(loop.Argument));
                return Flow.Normal;
            case LoopKind.Repeat:
            {
                var count = RepeatCount(loop);
                for (var n = 0; count < 0 || n < count; n++)
                    if (Iteration(loop) is { } exit) return exit;
                return Flow.Normal;
            }
            default:
            {
                var values = Variables.Substitute(ControlVariables.ExpandBraces(loop.Argument), Report);
                foreach (var value in values)
                {
                    Variables.Set(loop.Variable!, new StringValue(value));
                    if (Iteration(loop) is { } exit) return exit;
                }
                return Flow.Normal;
            }
        }
    }

    /// <summary>One pass through a loop's body: null to go on, or the flow that leaves the loop.</summary>
    private Flow? Iteration(LoopStatement loop)
    {
        var flow = Block(loop.Body);
        _line = loop.Line;
        switch (flow.Kind)
        {
            case FlowKind.Break:
                return flow.Count < 2 ? Flow.Normal : new Flow(FlowKind.Break, flow.Count - 1);
            case FlowKind.Continue:
                return flow.Count < 2 ? null : new Flow(FlowKind.Continue, flow.Count - 1);
            case FlowKind.Goto:
                return flow;
            default:
                return null;
        }
    }

    /// <summary><c>repeat</c> with no count repeats forever (-1); with one, that many times.</summary>
    private int RepeatCount(LoopStatement loop)
    {
        if (loop.Argument.Count == 0) return -1;
        var words = Variables.Substitute(loop.Argument, Report);
        if (words.Count == 1 && ControlNumber.TryParse(words[0], out var n) && n >= 0) return (int)n;
        Report($"repeat: expected a number of times, got '{string.Join(" ", words)}'");
        return 0;
    }

    /// <summary>ngspice's <c>cp_istrue</c>: variables substituted, the expression evaluated, true when any element is not zero.</summary>
    private bool IsTrue(IReadOnlyList<string> condition)
    {
        var words = Variables.Substitute(condition, Report);
        if (words.Count == 0) return false;
        try
        {
            var expressions = VectorExpressionParser.ParseList(string.Join(" ", words));
            return expressions.Count > 0 && !VectorEvaluator.Evaluate(expressions[0], this).IsZero();
        }
        catch (VectorExpressionException e)
        {
            Report(e.Message);
            return false;
        }
    }

    // ---------- messages ----------

    /// <summary>An error of the current command: printed with its line, counted, and the block goes on.</summary>
    private void Report(string message)
    {
        Errors++;
        _host.Error.WriteLine(_line is { } l ? $"hwsim: error: {l.Location}: {message}" : $"hwsim: error: {message}");
    }

    private void Warn(string message) =>
        _host.Error.WriteLine(_line is { } l ? $"hwsim: warning: {l.Location}: {message}" : $"hwsim: warning: {message}");

    // ---------- the vector environment ----------

    Vector? IVectorEnvironment.Find(string name) => FindVector(name);

    UserVectorFunction? IVectorEnvironment.UserFunction(string name, int arity) =>
        _functions.TryGetValue((name.ToLowerInvariant(), arity), out var f) ? f : null;

    bool IVectorEnvironment.Degrees => Variables.Get("units") is StringValue { Value: var u } && u.Equals("degrees", StringComparison.OrdinalIgnoreCase);

    Vector? IVectorEnvironment.CurrentScale => Plots.Current.Scale;

    private Vector? FindVector(string name)
    {
        // a device parameter saved during the current plot's analysis (save @v1[dc]) first, as in ngspice
        if (name.StartsWith('@')) return Plots.Current.Get(name.ToLowerInvariant()) ?? DeviceVector(name);
        return Plots.Get(name);
    }

    /// <summary><c>@device[param]</c> (or <c>@model[param]</c>) as a vector of its value(s).</summary>
    private Vector? DeviceVector(string name)
    {
        var open = name.IndexOf('[', StringComparison.Ordinal);
        var close = name.IndexOf(']', StringComparison.Ordinal);
        if (open < 0 || close < open) throw new VectorExpressionException($"{name}: expected @device[parameter]");
        var device = name[1..open].ToLowerInvariant();
        var parameter = name[(open + 1)..close];
        if (!_netlist.Circuit.TryGet(device, out var entity) || entity is null)
            throw new VectorExpressionException($"{name}: no device or model {device}");
        // a native memristor's state x: where the last analysis left it (x0 before any)
        if (entity is Devices.Memristor && parameter.Equals("x", StringComparison.OrdinalIgnoreCase)
            && _lastEngine?.TryGetBehavior(entity.Name, out var behavior) == true && behavior is Devices.MemristorBehavior memristor)
            return Vector.OfReal(name.ToLowerInvariant(), [memristor.State]);
        var values = DeviceParameters.Get(entity, parameter)
            ?? throw new VectorExpressionException($"{name}: hwsim does not provide parameter '{parameter}' of {device}");
        return Vector.OfReal(name.ToLowerInvariant(), values);
    }

    /// <summary>Variables that are not stored: <c>$&amp;vector</c>, <c>$curplot</c>, <c>$curplotname</c>, <c>$curplottitle</c>, <c>$curplotdate</c>, <c>$plots</c>.</summary>
    private ControlValue? Enquire(string name)
    {
        if (name.StartsWith('&'))
        {
            Vector? v;
            try
            {
                v = FindVector(name[1..]);
            }
            catch (VectorExpressionException)
            {
                return null;
            }
            if (v is null || v.Length == 0) return null;
            // ngspice's cp_enqvec_as_var: one real value, or a list of them (complex values give their real parts)
            return v.Length == 1 ? new RealValue(v.Real[0]) : new ListValue(v.Real.Select(x => (ControlValue)new RealValue(x)).ToList());
        }
        var plot = Plots.Current;
        return name switch
        {
            "curplot" => new StringValue(plot.Name),
            "curplotname" => new StringValue(plot.TypeName),
            "curplottitle" => new StringValue(plot.Title),
            "curplotdate" => new StringValue(Results.PrintTable.Date(plot.Date)),
            "plots" => new ListValue(Plots.All.Select(p => (ControlValue)new StringValue(p.Name)).ToList()),
            _ => null,
        };
    }

    /// <summary>The user functions ngspice defines at start-up (<c>max</c>, <c>min</c>, <c>vdb</c>, <c>vm</c> ...).</summary>
    private void DefinePredefinedFunctions()
    {
        Define("max(x,y)", "(x gt y) * x + (x le y) * y");
        Define("min(x,y)", "(x lt y) * x + (x ge y) * y");
        Define("vdb(x)", "db(v(x))");
        Define("vdb(x,y)", "db(v(x) - v(y))");
        Define("vi(x)", "im(v(x))");
        Define("vi(x,y)", "im(v(x) - v(y))");
        Define("vm(x)", "mag(v(x))");
        Define("vm(x,y)", "mag(v(x) - v(y))");
        Define("vp(x)", "ph(v(x))");
        Define("vp(x,y)", "ph(v(x) - v(y))");
        Define("vr(x)", "re(v(x))");
        Define("vr(x,y)", "re(v(x) - v(y))");
    }

    /// <summary>Defines <c>name(a, b) body</c>.</summary>
    private void Define(string head, string body)
    {
        var open = head.IndexOf('(', StringComparison.Ordinal);
        var close = head.LastIndexOf(')');
        if (open <= 0 || close < open) throw new VectorExpressionException($"define: expected name(arguments), got '{head}'");
        var name = head[..open].Trim().ToLowerInvariant();
        var parameters = head[(open + 1)..close].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var parsed = VectorExpressionParser.ParseOne(body) with { Text = null };
        _functions[(name, parameters.Length)] = new UserVectorFunction(name, parameters, parsed);
    }
}
