using Hwsim.Circuits.Devices;
using Hwsim.Circuits.Expressions;

namespace Hwsim.Circuits.Netlist;

/// <summary>
/// Turns netlist lines into the flattened circuit. Per scope (the top level, then each sub-circuit instance):
/// parameters and functions first (in order), then models, then elements; <c>X</c> instances recurse with their own
/// parameter scope. Flattened names follow ngspice: element <c>r1</c> in instance <c>x1</c> becomes
/// <c>r.x1.r1</c>, its internal node <c>n1</c> becomes <c>x1.n1</c>.
/// </summary>
internal sealed partial class Elaborator
{
    private readonly ParsedNetlist _netlist;
    private readonly ParameterScope _global;
    private readonly Dictionary<string, Entity> _models = new(StringComparer.OrdinalIgnoreCase);
    private readonly ResourceLimits _limits;
    private readonly HashSet<string> _globalNodes = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The temperature (degrees Celsius) that <c>temper</c> stands for in values; null to take the netlist's own
    /// (<c>.temp</c>, <c>.options temp=</c>, else 27). A <c>.dc temp</c> sweep reads the netlist again at each point.
    /// </summary>
    public double? Temper { get; init; }

    /// <summary>Parameter values that replace the netlist's (<c>alterparam</c>): <c>name</c> at the top level, <c>subckt.name</c> for a default.</summary>
    public IReadOnlyDictionary<string, double>? ParameterChanges { get; init; }

    public Elaborator(ParsedNetlist netlist, ResourceLimits limits)
    {
        _netlist = netlist;
        _limits = limits;
        _global = new ParameterScope();
        _netlist.Parameters = _global;
    }

    /// <summary>An elaborator over a netlist already read, with its top-level parameters (for cards of a control block).</summary>
    private Elaborator(ParsedNetlist netlist, ResourceLimits limits, ParameterScope global)
    {
        _netlist = netlist;
        _limits = limits;
        _global = global;
    }

    /// <summary>
    /// Reads one analysis or output card (<c>.tran 1u 1m</c>, <c>.meas ...</c>) against a netlist already read, as the
    /// control language's commands do; what it adds goes to the netlist's analyses or outputs.
    /// </summary>
    public static void ReadCard(ParsedNetlist netlist, NetlistLine line, ResourceLimits limits)
    {
        var global = netlist.Parameters as ParameterScope ?? new ParameterScope();
        var elaborator = new Elaborator(netlist, limits, global);
        if (!IsControlCard(line.Keyword)) throw new NetlistException(line.Location, $"unknown card '{line.First.Text}'");
        elaborator.ControlCard(line);
    }

    /// <summary>One level of the hierarchy being elaborated.</summary>
    private sealed class Scope
    {
        public required string Path;                       // "" at the top, "x1" or "x1.x2" inside
        public required ParameterScope Parameters;
        public required Dictionary<string, string> Ports;   // port name -> outer node
        public required Dictionary<string, SubcircuitDefinition> Subcircuits;
        public HashSet<string> LocalModels { get; } = new(StringComparer.OrdinalIgnoreCase);
        public Scope? Parent;
        public int Depth;
    }

    public void Run(List<NetlistLine> lines)
    {
        // Most lines of a large netlist are elements, each adding one entity and a node or two.
        _netlist.Circuit.EnsureCapacity(lines.Count);
        _netlist.Locations.EnsureCapacity(lines.Count);
        _netlist.NodeLocations.EnsureCapacity(lines.Count);
        foreach (var line in lines)
            foreach (var (function, count) in NaryMinMax.Find(line.Text))
                _netlist.Warnings.Add($"{line.Location}: {function}() with {count} arguments: hwsim takes the {(function == "max" ? "largest" : "smallest")} of all {count}; ngspice 39 reads only the first and the last");
        Conditionals.Check(lines, _netlist.Warnings);
        var (top, definitions) = BuildTree(lines);
        CheckExpansion(top, definitions);
        foreach (var line in top.Where(l => l.Keyword == ".global"))
            foreach (var node in line.Tokens.Skip(1)) _globalNodes.Add(node.Text);
        _netlist.UsesTemper = lines.Any(l => TemperWord.IsMatch(l.Text));
        _global.Temper = Temper ?? NetlistTemperature(top);
        _nativeMemristors = NativeMemristorsWanted(top);
        var scope = new Scope
        {
            Path = "", Parameters = _global, Ports = new(StringComparer.OrdinalIgnoreCase), Subcircuits = definitions,
        };
        foreach (var line in ElaborateBody(top, scope))
            if (IsControlCard(line.Keyword)) ControlCard(line);
        _netlist.ApplySeed();
    }

    private static readonly System.Text.RegularExpressions.Regex TemperWord =
        new(@"\btemper\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>
    /// The circuit temperature the netlist sets (the last top-level <c>.temp</c> or <c>.options temp=</c>), known
    /// before any value is evaluated so that <c>temper</c> in a value reads it; 27 when not set.
    /// </summary>
    private double NetlistTemperature(List<NetlistLine> top)
    {
        var temperature = _netlist.Options.Temperature;
        foreach (var line in top)
        {
            if (line.Keyword == ".temp" && line.Tokens.Count > 1)
            {
                var c = new TokenCursor(line, 1);
                if (c.AtValue(_global)) temperature = c.Value("temperature", _global);
            }
            else if (line.Keyword is ".options" or ".option" or ".opt")
            {
                for (var i = 1; i + 2 < line.Tokens.Count; i++)
                {
                    if (!line.Tokens[i].Is("temp") || line.Tokens[i + 1].Kind != NetlistTokenKind.Equals) continue;
                    var c = new TokenCursor(line, i + 2);
                    if (c.AtValue(_global)) temperature = c.Value("temp", _global);
                }
            }
        }
        return temperature;
    }

    // ---------- structure ----------

    /// <summary>
    /// Counts the elements the netlist expands to before expanding it (ten instances of a sub-circuit of ten
    /// instances, nine levels deep, is 1e9 resistors: refused at once instead of after a minute and gigabytes).
    /// Each definition is counted once; the count of the top-level line that crosses the limit names it.
    /// </summary>
    private void CheckExpansion(List<NetlistLine> top, Dictionary<string, SubcircuitDefinition> definitions)
    {
        var memo = new Dictionary<SubcircuitDefinition, double>(ReferenceEqualityComparer.Instance);
        var open = new HashSet<SubcircuitDefinition>(ReferenceEqualityComparer.Instance);
        List<Dictionary<string, SubcircuitDefinition>> lookup = [definitions];
        double total = 0;
        foreach (var line in top)
        {
            total += Elements(line, lookup, memo, open);
            if (total > _limits.MaxElements)
                throw new LimitExceededException(ResourceLimit.Elements,
                    $"the netlist expands to more than {_limits.MaxElements} elements once sub-circuits are expanded (the limit)", line.Location);
        }
    }

    /// <summary>Elements one line adds: 1, or for an X line the expanded count of its sub-circuit (0 for control lines).</summary>
    private static double Elements(NetlistLine line, List<Dictionary<string, SubcircuitDefinition>> lookup,
        Dictionary<SubcircuitDefinition, double> memo, HashSet<SubcircuitDefinition> open)
    {
        if (line.Keyword.StartsWith('.')) return 0;
        if (!line.Keyword.StartsWith('x')) return 1;
        var tokens = line.Tokens;
        var end = tokens.Count;
        for (var i = 1; i < tokens.Count - 1; i++)
            if (tokens[i].Is("params:") || (tokens[i].Kind == NetlistTokenKind.Word && tokens[i + 1].Kind == NetlistTokenKind.Equals))
            {
                end = i;
                break;
            }
        if (end < 2) return 0;
        SubcircuitDefinition? def = null;
        foreach (var level in lookup)
            if (level.TryGetValue(tokens[end - 1].Lower, out def)) break;
        // An unknown or recursive sub-circuit is the elaborator's to report, with its own message.
        if (def is null || open.Contains(def)) return 0;
        if (memo.TryGetValue(def, out var known)) return known;
        open.Add(def);
        var inner = new List<Dictionary<string, SubcircuitDefinition>>(lookup.Count + 1) { def.Children };
        inner.AddRange(lookup);
        double count = 0;
        foreach (var body in def.Body) count += Elements(body, inner, memo, open);
        open.Remove(def);
        memo[def] = count;
        return count;
    }

    private static (List<NetlistLine> Top, Dictionary<string, SubcircuitDefinition> Definitions) BuildTree(List<NetlistLine> lines)
    {
        var top = new List<NetlistLine>();
        var topDefs = new Dictionary<string, SubcircuitDefinition>(StringComparer.OrdinalIgnoreCase);
        var stack = new Stack<SubcircuitDefinition>();
        foreach (var line in lines)
        {
            switch (line.Keyword)
            {
                case ".subckt":
                {
                    var def = ParseSubcktHeader(line);
                    var siblings = stack.Count > 0 ? stack.Peek().Children : topDefs;
                    if (!siblings.TryAdd(def.Name, def))
                        throw new NetlistException(line.Location, $".subckt {def.Name} is defined twice");
                    stack.Push(def);
                    break;
                }
                case ".ends":
                    if (stack.Count == 0) throw new NetlistException(line.Location, ".ends without .subckt");
                    var closing = stack.Pop();
                    closing.EndText = line.Text;
                    if (line.Tokens.Count > 1 && !line.Tokens[1].Lower.Equals(closing.Name, StringComparison.OrdinalIgnoreCase))
                        throw new NetlistException(line.Tokens[1].Location, $".ends {line.Tokens[1].Text} closes .subckt {closing.Name}");
                    break;
                default:
                    if (stack.Count > 0) stack.Peek().Body.Add(line);
                    else top.Add(line);
                    break;
            }
        }
        if (stack.Count > 0)
        {
            var open = stack.Peek();
            throw new NetlistException(open.Location, $".subckt {open.Name} has no .ends");
        }
        return (top, topDefs);
    }

    private static SubcircuitDefinition ParseSubcktHeader(NetlistLine line)
    {
        var c = new TokenCursor(line, 1);
        var name = c.Word("sub-circuit name");
        var ports = new List<string>();
        var parameters = new List<(string, NetlistToken)>();
        while (!c.AtEnd)
        {
            if (c.Peek()!.Is("params:"))
            {
                c.Next("params:");
                continue;
            }
            if (c.AtAssignment)
            {
                var p = c.Word("parameter name");
                c.Expect(NetlistTokenKind.Equals, "=");
                parameters.Add((p, c.Next($"value of {p}")));
                continue;
            }
            if (parameters.Count > 0) throw c.Error("ports must come before parameters");
            ports.Add(c.Word("port"));
        }
        return new SubcircuitDefinition { Name = name, Ports = ports, Parameters = parameters, Location = line.Location, Header = line };
    }

    private static bool IsControlCard(string keyword) => keyword is ".options" or ".option" or ".opt" or ".temp" or ".ic"
        or ".nodeset" or ".op" or ".dc" or ".ac" or ".tran" or ".save" or ".print" or ".plot" or ".probe" or ".meas"
        or ".measure" or ".noise" or ".sens" or ".pz" or ".tf" or ".four" or ".fourier" or ".width" or ".global" or ".csparam";

    // ---------- bodies ----------

    /// <summary>Elaborates one scope's lines; returns those kept once its <c>.if</c> blocks are decided.</summary>
    private List<NetlistLine> ElaborateBody(List<NetlistLine> body, Scope scope)
    {
        // .param and .func are never inside a .if block (Conditionals.Check), so they come first and decide them.
        foreach (var line in body)
        {
            if (line.Keyword == ".param") ParamCard(line, scope);
            else if (line.Keyword == ".func") FuncCard(line, scope);
        }
        body = Conditionals.Select(body, scope.Parameters);
        foreach (var line in body)
            if (line.Keyword == ".model") ModelCard(line, scope);
        foreach (var line in body)
        {
            var key = line.Keyword;
            if (key is ".param" or ".func" or ".model") continue;
            if (key.StartsWith('.'))
            {
                if (IsControlCard(key))
                {
                    if (scope.Depth > 0) throw new NetlistException(line.Location, $"{key} is not allowed inside a .subckt");
                    continue;
                }
                throw new NetlistException(line.Location, $"unknown control line '{line.First.Text}'");
            }
            Element(line, scope);
        }
        return body;
    }

    private void ParamCard(NetlistLine line, Scope scope)
    {
        var c = new TokenCursor(line, 1);
        if (c.AtEnd) throw c.Error("missing name = value");
        while (!c.AtEnd)
        {
            var name = c.Word("parameter name");
            c.Expect(NetlistTokenKind.Equals, $"'=' after {name}");
            var value = ReadParamValue(c, scope.Parameters, name);
            if (scope.Depth == 0 && ParameterChanges?.TryGetValue(name, out var changed) == true) value = changed;
            scope.Parameters.Set(name, value);
        }
    }

    /// <summary>A parameter value: one token, or the tokens up to the next <c>name =</c> joined as an expression.</summary>
    private static double ReadParamValue(TokenCursor c, IParameterScope scope, string name)
    {
        var first = c.Next($"value of {name}");
        if (c.AtEnd || c.AtAssignment) return Values.Evaluate(first, scope, c.Line.Keyword, $"value of {name}");
        var parts = new List<string> { first.Kind == NetlistTokenKind.Expression ? "(" + first.Text + ")" : first.Text };
        while (!c.AtEnd && !c.AtAssignment)
        {
            var t = c.Next("value");
            parts.Add(t.Kind == NetlistTokenKind.Expression ? "(" + t.Text + ")" : t.Text);
        }
        return Values.EvaluateExpression(string.Join(" ", parts), first.Location, scope);
    }

    private void FuncCard(NetlistLine line, Scope scope)
    {
        var c = new TokenCursor(line, 1);
        var name = c.Word("function name");
        c.Expect(NetlistTokenKind.LeftParen, "'(' after the function name");
        var args = new List<string>();
        while (c.Peek() is { Kind: NetlistTokenKind.Word }) args.Add(c.Word("argument"));
        c.Expect(NetlistTokenKind.RightParen, "')' after the arguments");
        if (c.Peek()?.Kind == NetlistTokenKind.Equals) c.Next("=");
        if (c.AtEnd) throw c.Error($"function {name} has no body");
        var start = c.Peek()!.Location;
        var body = new List<string>();
        while (!c.AtEnd)
        {
            var t = c.Next("body");
            body.Add(t.Kind == NetlistTokenKind.Expression ? "(" + t.Text + ")" : t.Text);
        }
        try
        {
            var function = UserFunction.Define(name, args, string.Join(" ", body), scope.Parameters.FunctionNames);
            CheckExpanded(function.Body, scope.Parameters, start, $".func {name}");
            scope.Parameters.Define(function);
        }
        catch (ExpressionException e)
        {
            throw new NetlistException(start, $".func {name}: {e.Message}");
        }
        catch (ArgumentException e)
        {
            throw new NetlistException(start, $".func {name}: {e.Message}");
        }
    }

    /// <summary>
    /// Checks what an expression becomes once its <c>.func</c> calls are expanded, before anything expands it: its
    /// size against <see cref="ResourceLimits.MaxExpressionSize"/>, its depth against the stack.
    /// </summary>
    private void CheckExpanded(Expression expression, IParameterScope scope, SourceLocation at, string what)
    {
        var extent = ExpressionMeasure.Of(expression, scope);
        if (extent.Size > _limits.MaxExpressionSize)
            throw new LimitExceededException(ResourceLimit.ExpressionSize,
                $"{what}: the expression has {extent.Size:G3} operations once its .func calls are expanded, more than the limit of {_limits.MaxExpressionSize}", at);
        if (extent.Depth > ExpressionMeasure.MaxExpandedDepth)
            throw new NetlistException(at, $"{what}: the expression is {extent.Depth} levels deep once its .func calls are expanded, more than {ExpressionMeasure.MaxExpandedDepth} (a fixed limit)");
    }

    // ---------- names ----------

    private static string ElementName(Scope scope, string name) =>
        scope.Path.Length == 0 ? name : $"{name[0]}.{scope.Path}.{name}";

    private string NodeName(Scope scope, string node)
    {
        if (node == "0" || node == "gnd") return "0";
        if (scope.Ports.TryGetValue(node, out var outer)) return outer;
        if (_globalNodes.Contains(node)) return node; // .global: the same node in every sub-circuit
        return scope.Path.Length == 0 ? node : $"{scope.Path}.{node}";
    }

    private static string ModelName(Scope scope, string model)
    {
        for (var s = scope; s is not null; s = s.Parent)
            if (s.LocalModels.Contains(model))
                return s.Path.Length == 0 ? model : $"{s.Path}.{model}";
        return model;
    }

    private void AddEntity(Entity entity, NetlistLine line)
    {
        if (_netlist.Circuit.Count >= _limits.MaxElements)
            throw new LimitExceededException(ResourceLimit.Elements,
                $"more than {_limits.MaxElements} elements once sub-circuits are expanded (the limit)", line.Location);
        try
        {
            _netlist.Circuit.Add(entity);
        }
        catch (CircuitException e)
        {
            throw new NetlistException(line.Location, e.Message);
        }
        _netlist.Locations[entity.Name] = line.Location;
    }

    private T RequireModel<T>(Scope scope, string modelToken, NetlistLine line, string kind) where T : Entity
    {
        var name = ModelName(scope, modelToken);
        if (!_models.TryGetValue(name, out var model))
            throw new NetlistException(line.Location, $"{line.Keyword}: model {modelToken} is not defined");
        return model as T ?? throw new NetlistException(line.Location, $"{line.Keyword}: model {modelToken} is not a {kind} model");
    }
}
