using Hwsim.Circuits.Devices;
using Hwsim.Circuits.Expressions;

namespace Hwsim.Circuits.Netlist;

internal sealed partial class Elaborator
{
    private const string Supported = "R C L K V I E F G H S D Q M B X";

    private void Element(NetlistLine line, Scope scope)
    {
        var raw = line.First;
        if (raw.Kind != NetlistTokenKind.Word) throw new NetlistException(raw.Location, $"expected an element name, got '{raw}'");
        var name = raw.Lower;
        var c = new TokenCursor(line, 1);
        var p = scope.Parameters;
        switch (name[0])
        {
            case 'r': Resistor(line, scope, c, name, p); break;
            case 'c': Capacitor(line, scope, c, name, p); break;
            case 'l': Inductor(line, scope, c, name, p); break;
            case 'k': Coupling(line, scope, c, name, p); break;
            case 'v': Source(line, scope, c, name, p, voltage: true); break;
            case 'i': Source(line, scope, c, name, p, voltage: false); break;
            case 'e': VoltageControlled(line, scope, c, name, p, voltageOut: true); break;
            case 'g': VoltageControlled(line, scope, c, name, p, voltageOut: false); break;
            case 'f': CurrentControlled(line, scope, c, name, p, voltageOut: false); break;
            case 'h': CurrentControlled(line, scope, c, name, p, voltageOut: true); break;
            case 's': Switch(line, scope, c, name); break;
            case 'd': DiodeCard(line, scope, c, name, p); break;
            case 'q': BjtCard(line, scope, c, name, p); break;
            case 'm': MosfetCard(line, scope, c, name, p); break;
            case 'b': BehavioralCard(line, scope, c, name); break;
            case 'x': Instance(line, scope, c, name); break;
            default:
                throw new NetlistException(raw.Location, $"unknown element type '{raw.Text[0]}' in '{raw.Text}' (supported: {Supported})");
        }
    }

    private string[] Nodes(TokenCursor c, Scope scope, int count, string what)
    {
        var nodes = new string[count];
        for (var i = 0; i < count; i++)
        {
            var location = c.Here;
            nodes[i] = NodeName(scope, c.Node(what, i, count));
            _netlist.NodeLocations.TryAdd(nodes[i], location);
        }
        return nodes;
    }

    /// <summary>Reads <c>key=value</c> pairs until the end; <paramref name="accept"/> decides each key.</summary>
    private static void Assignments(TokenCursor c, IParameterScope p, Action<string, double, NetlistToken> accept)
    {
        while (!c.AtEnd)
        {
            var (key, value, keyToken) = NextAssignment(c, p);
            accept(key, value, keyToken);
        }
    }

    /// <summary>The next <c>key=value</c> of an element line (the cursor is not at its end).</summary>
    private static (string Key, double Value, NetlistToken KeyToken) NextAssignment(TokenCursor c, IParameterScope p)
    {
        if (!c.AtAssignment) throw c.Error($"unexpected '{c.Peek()}'");
        var keyToken = c.Peek()!;
        var key = c.Word("parameter");
        c.Expect(NetlistTokenKind.Equals, "=");
        return (key, c.Value($"value of {key}", p), keyToken);
    }

    /// <summary>
    /// <c>Rname n+ n- [value] [model] [r=] [ac=] [m=] [scale=] [l=] [w=] [tc1=] [tc2=] [tce=] [temp=] [dtemp=]
    /// [noisy=]</c>; the resistance, temperature coefficients and noise of a model are resolved here as ngspice's
    /// RESsetup and RESupdate_conduct do.
    /// </summary>
    /// <summary>No instance parameters given (read only: the resistor reads its defaults from it).</summary>
    private static readonly Dictionary<string, double> Empty = new();

    private void Resistor(NetlistLine line, Scope scope, TokenCursor c, string name, IParameterScope p)
    {
        var n = Nodes(c, scope, 2, "resistor needs two nodes and a value");
        if (BehavioralResistance(c) is { } behavioral)
        {
            BehavioralResistor(line, scope, c, name, n, behavioral);
            return;
        }
        double? value = c.TryValue(p, out var v0) ? v0 : null;
        ResistorModel? model = null;
        if (c.Peek() is { Kind: NetlistTokenKind.Word } modelToken && !c.AtAssignment && _models.ContainsKey(ModelName(scope, modelToken.Lower)))
        {
            model = RequireModel<ResistorModel>(scope, c.Word("resistor model"), line, "R");
            if (value is null && c.TryValue(p, out var v1)) value = v1;
        }
        // Most resistors of a large netlist (a crossbar's) have no model and no key=value: no dictionary, no closure for them.
        var given = model?.InstanceDefaults is { Count: > 0 } defaults ? new Dictionary<string, double>(defaults, StringComparer.OrdinalIgnoreCase) : Empty;
        while (!c.AtEnd)
        {
            var (key, v, t) = NextAssignment(c, p);
            if (ReferenceEquals(given, Empty)) given = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
            switch (key)
            {
                case "r": case "resistance": value = v; break;
                case "tc": given["tc1"] = v; break;
                case "noise": given["noisy"] = v; break;
                case "ac" or "m" or "scale" or "tc1" or "tc2" or "tce" or "temp" or "dtemp" or "l" or "w" or "noisy": given[key] = v; break;
                case "bv_max": break; // a safe-operating-area limit: ngspice only warns with it
                default: throw new NetlistException(t.Location, $"{name}: unknown resistor parameter '{key}'");
            }
        }
        if (value is null && given.TryGetValue("resistance", out var fromModel)) value = fromModel;
        var m = given.GetValueOrDefault("m", 1);
        if (m <= 0) throw c.Error("m must be positive");
        var scale = given.GetValueOrDefault("scale", 1);
        double? length = given.TryGetValue("l", out var l) ? l : null;
        double? width = given.TryGetValue("w", out var w) ? w : null;
        if (model is null && (length is not null || width is not null))
            throw new NetlistException(line.Location, $"{name}: l= and w= need a resistor model (.model NAME R rsh=...)");
        if (value is null && model is not null)
        {
            var len = length ?? model.DefaultLength;
            var wid = width ?? model.DefaultWidth;
            if (len * wid * model.SheetResistance > 0)
                value = (len - 2 * model.Short) / (wid - 2 * model.Narrow) * model.SheetResistance;
            else if (model.Resistance is { } r)
                value = r;
            else
            {
                _netlist.Warnings.Add($"{line.Location}: {name}: resistance too low or not given, set to 1 mOhm (as ngspice does)");
                value = ResistorBehavior.MinimumResistance;
            }
        }
        if (value is null) throw c.Error("missing resistance");
        // As ngspice (restemp.c) a resistance below 1 mOhm in magnitude is taken as 1 mOhm; say so, as a typo is likelier than intent.
        if (Math.Abs(value.Value * scale / m) < ResistorBehavior.MinimumResistance)
            _netlist.Notes.Add($"{line.Location}: {name}: resistance {value.Value * scale / m:G4} is taken as {ResistorBehavior.MinimumResistance:G4} ohm, as ngspice does");
        var resistor = new Resistor(ElementName(scope, name), n[0], n[1], value.Value * scale / m)
        {
            AcResistance = given.TryGetValue("ac", out var ac) ? ac * scale / m : null,
            FirstOrderTemperatureCoefficient = given.TryGetValue("tc1", out var tc1) ? tc1 : model?.Tc1 ?? 0,
            SecondOrderTemperatureCoefficient = given.TryGetValue("tc2", out var tc2) ? tc2 : model?.Tc2 ?? 0,
            ExponentialTemperatureCoefficient = given.TryGetValue("tce", out var tce) ? tce : model?.Tce,
            Temperature = given.TryGetValue("temp", out var temp) ? temp : null,
            TemperatureOffset = given.GetValueOrDefault("dtemp"),
            NominalTemperature = model?.NominalTemperature,
            Model = model?.Name,
            Multiplier = m,
            Scale = scale,
            Noisy = given.GetValueOrDefault("noisy", 1) != 0,
        };
        if (model is { Kf: not 0 })
        {
            var area = length is null && width is null ? 1.0
                : Math.Pow((length ?? model.DefaultLength) - 2 * model.Short, model.Lf) * Math.Pow((width ?? model.DefaultWidth) - 2 * model.Narrow, model.Wf);
            resistor.FlickerNoise = new ResistorFlickerNoise(model.Kf, model.Af, model.Ef, area);
        }
        AddEntity(resistor, line);
    }

    private void Capacitor(NetlistLine line, Scope scope, TokenCursor c, string name, IParameterScope p)
    {
        var n = Nodes(c, scope, 2, "capacitor needs two nodes and a value");
        double? value = c.TryValue(p, out var v0) ? v0 : null;
        double? ic = null;
        double m = 1;
        Assignments(c, p, (key, v, t) =>
        {
            switch (key)
            {
                case "c": case "capacitance": value = v; break;
                case "ic": ic = v; break;
                case "m": m = v; break;
                default: throw new NetlistException(t.Location, $"{name}: unknown capacitor parameter '{key}'");
            }
        });
        if (value is null) throw c.Error("missing capacitance");
        if (value.Value < 0) _netlist.Notes.Add($"{line.Location}: {name}: negative capacitance {value.Value:G4} F (accepted, as ngspice does; is the sign meant?)");
        AddEntity(new Capacitor(ElementName(scope, name), n[0], n[1], value.Value * m) { InitialCondition = ic, Multiplier = m }, line);
    }

    private void Inductor(NetlistLine line, Scope scope, TokenCursor c, string name, IParameterScope p)
    {
        var n = Nodes(c, scope, 2, "inductor needs two nodes and a value");
        double? value = c.TryValue(p, out var v0) ? v0 : null;
        double? ic = null;
        double m = 1;
        Assignments(c, p, (key, v, t) =>
        {
            switch (key)
            {
                case "l": case "inductance": value = v; break;
                case "ic": ic = v; break;
                case "m": m = v; break;
                default: throw new NetlistException(t.Location, $"{name}: unknown inductor parameter '{key}'");
            }
        });
        if (value is null) throw c.Error("missing inductance");
        AddEntity(new Inductor(ElementName(scope, name), n[0], n[1], value.Value / m) { InitialCondition = ic, Multiplier = m }, line);
    }

    private void Coupling(NetlistLine line, Scope scope, TokenCursor c, string name, IParameterScope p)
    {
        var l1 = c.Word("first inductor");
        var l2 = c.Word("second inductor");
        var k = c.Value("coupling coefficient", p);
        c.ExpectEnd();
        if (!l1.StartsWith('l') || !l2.StartsWith('l')) throw new NetlistException(line.Location, $"{name}: K couples two inductors (names starting with L)");
        AddEntity(new MutualInductance(ElementName(scope, name), ElementName(scope, l1), ElementName(scope, l2), k), line);
    }

    private void Source(NetlistLine line, Scope scope, TokenCursor c, string name, IParameterScope p, bool voltage)
    {
        var n = Nodes(c, scope, 2, $"{(voltage ? "voltage" : "current")} source needs two nodes");
        var flat = ElementName(scope, name);
        IndependentSource source = voltage ? new VoltageSource(flat, n[0], n[1]) : new CurrentSource(flat, n[0], n[1]);
        while (!c.AtEnd)
        {
            var t = c.Peek()!;
            if (t.Is("dc"))
            {
                c.Next("dc");
                if (c.Peek()?.Kind == NetlistTokenKind.Equals) c.Next("=");
                source.Dc = c.Value("DC value", p);
            }
            else if (t.Is("ac"))
            {
                // ac [mag [phase]] and the keyword form ac=mag [phase]
                c.Next("ac");
                var keyword = c.Peek()?.Kind == NetlistTokenKind.Equals;
                if (keyword) c.Next("=");
                source.HasAc = true;
                source.AcMagnitude = keyword || c.AtValue(p) ? c.Value("AC magnitude", p) : 1;
                source.AcPhase = c.AtValue(p) ? c.Value("AC phase", p) : 0;
            }
            else if (t.Kind == NetlistTokenKind.Word && t.Lower is "pulse" or "sin" or "exp" or "pwl" or "trnoise" or "trrandom")
            {
                if (source.Waveform is not null) throw new NetlistException(t.Location, $"{name}: a source takes one waveform");
                source.Waveform = Waveform(c, p, name);
            }
            else if (t.Kind == NetlistTokenKind.Word && t.Lower is "distof1" or "distof2")
            {
                // Only ngspice's .disto reads these; without it ngspice ignores them, so the run is the same.
                c.Next(t.Lower);
                if (c.AtValue(p)) c.Value("distortion magnitude", p);
                if (c.AtValue(p)) c.Value("distortion phase", p);
                _netlist.Warnings.Add($"{t.Location}: {name}: {t.Text.ToUpperInvariant()} ignored (a distortion input used only by .disto, which hwsim does not have)");
            }
            else if (t.Kind == NetlistTokenKind.Word && t.Lower is "sffm" or "am" or "portnum")
            {
                throw new NetlistException(t.Location, $"{name}: the {t.Text.ToUpperInvariant()} specification is not supported");
            }
            else if (c.AtValue(p) && source.Dc is null && source.Waveform is null && !source.HasAc)
            {
                source.Dc = c.Value("DC value", p);
            }
            else
            {
                throw new NetlistException(t.Location, $"{name}: unexpected '{t}' (expected dc, ac, pulse, sin, exp, pwl, trnoise or trrandom)");
            }
        }
        AddEntity(source, line);
    }

    private static Waveform Waveform(TokenCursor c, IParameterScope p, string name)
    {
        var kind = c.Next("waveform");
        var parens = c.Peek()?.Kind == NetlistTokenKind.LeftParen;
        if (parens) c.Next("(");
        var values = new List<double>();
        while (!c.AtEnd && c.Peek()!.Kind != NetlistTokenKind.RightParen && c.AtValue(p))
            values.Add(c.Value("waveform value", p));
        if (parens) c.Expect(NetlistTokenKind.RightParen, $"')' closing {kind.Text}");
        try
        {
            switch (kind.Lower)
            {
                case "pulse": return new PulseWaveform(values.ToArray());
                case "sin": return new SineWaveform(values.ToArray());
                case "exp": return new ExponentialWaveform(values.ToArray());
                case "trnoise": return new TransientNoiseWaveform(values.ToArray());
                case "trrandom": return new RandomWaveform(values.ToArray());
                default:
                {
                    double? repeat = null;
                    double delay = 0;
                    while (c.AtAssignment && c.Peek()!.Lower is "r" or "td")
                    {
                        var key = c.Word("r or td");
                        c.Expect(NetlistTokenKind.Equals, "=");
                        var v = c.Value(key, p);
                        if (key == "r") repeat = v;
                        else delay = v;
                    }
                    return new PwlWaveform(values.ToArray(), repeat, delay);
                }
            }
        }
        catch (ArgumentException e)
        {
            throw new NetlistException(kind.Location, $"{name}: {e.Message}");
        }
    }

    private void VoltageControlled(NetlistLine line, Scope scope, TokenCursor c, string name, IParameterScope p, bool voltageOut)
    {
        var n = Nodes(c, scope, 2, "controlled source needs two output nodes");
        if (c.Peek() is { } t && t.Kind == NetlistTokenKind.Word && t.Lower is "poly" or "value" or "vol" or "cur" or "table")
            throw new NetlistException(t.Location, $"{name}: the {t.Text.ToUpperInvariant()} form is not supported (use a B source)");
        var ctrl = Nodes(c, scope, 2, "controlled source needs two controlling nodes");
        var gain = c.Value(voltageOut ? "gain" : "transconductance", p);
        c.ExpectEnd();
        var flat = ElementName(scope, name);
        Entity e = voltageOut
            ? new VoltageControlledVoltageSource(flat, n[0], n[1], ctrl[0], ctrl[1], gain)
            : new VoltageControlledCurrentSource(flat, n[0], n[1], ctrl[0], ctrl[1], gain);
        AddEntity(e, line);
    }

    private void CurrentControlled(NetlistLine line, Scope scope, TokenCursor c, string name, IParameterScope p, bool voltageOut)
    {
        var n = Nodes(c, scope, 2, "controlled source needs two output nodes");
        var control = c.Word("controlling voltage source");
        var gain = c.Value(voltageOut ? "transresistance" : "gain", p);
        c.ExpectEnd();
        var flat = ElementName(scope, name);
        var flatControl = ElementName(scope, control);
        Entity e = voltageOut
            ? new CurrentControlledVoltageSource(flat, n[0], n[1], flatControl, gain)
            : new CurrentControlledCurrentSource(flat, n[0], n[1], flatControl, gain);
        AddEntity(e, line);
    }

    private void Switch(NetlistLine line, Scope scope, TokenCursor c, string name)
    {
        var n = Nodes(c, scope, 4, "switch needs two nodes, two controlling nodes and a model");
        var modelToken = c.Word("switch model");
        var model = RequireModel<SwitchModel>(scope, modelToken, line, "SW");
        bool? on = null;
        if (c.TryKeyword("on")) on = true;
        else if (c.TryKeyword("off")) on = false;
        c.ExpectEnd();
        AddEntity(new VoltageSwitch(ElementName(scope, name), n[0], n[1], n[2], n[3], model.Name) { InitiallyOn = on }, line);
    }

    private void DiodeCard(NetlistLine line, Scope scope, TokenCursor c, string name, IParameterScope p)
    {
        var n = Nodes(c, scope, 2, "diode needs two nodes and a model");
        var modelToken = c.Word("diode model");
        var model = RequireModel<DiodeModel>(scope, modelToken, line, "D");
        var diode = new Diode(ElementName(scope, name), n[0], n[1], model.Name);
        if (c.AtValue(p)) diode.Area = c.Value("area", p);
        while (!c.AtEnd)
        {
            if (c.TryKeyword("off")) { diode.Off = true; continue; }
            if (!c.AtAssignment) throw c.Error($"unexpected '{c.Peek()}'");
            var keyToken = c.Peek()!;
            var key = c.Word("parameter");
            c.Expect(NetlistTokenKind.Equals, "=");
            var v = c.Value(key, p);
            switch (key)
            {
                case "area": diode.Area = v; break;
                case "ic": diode.InitialCondition = v; break;
                case "m": diode.Area *= v; break;
                default: throw new NetlistException(keyToken.Location, $"{name}: unknown diode parameter '{key}'");
            }
        }
        AddEntity(diode, line);
    }

    /// <summary><c>Qname c b e [s] model [area] [off] [ic=vbe,vce] [area=] [areab=] [areac=] [m=]</c>.</summary>
    private void BjtCard(NetlistLine line, Scope scope, TokenCursor c, string name, IParameterScope p)
    {
        var n = Nodes(c, scope, 3, "BJT needs collector, base and emitter nodes and a model");
        var next = c.Word("substrate node or BJT model");
        string substrate = "0";
        string modelToken;
        if (_models.ContainsKey(ModelName(scope, next)))
        {
            modelToken = next;
        }
        else
        {
            substrate = NodeName(scope, next);
            modelToken = c.Word("BJT model");
        }
        var model = RequireModel<BjtModel>(scope, modelToken, line, "NPN or PNP");
        var q = new Bjt(ElementName(scope, name), n[0], n[1], n[2], model.Name, substrate);
        if (c.AtValue(p)) q.Area = c.Value("area", p);
        while (!c.AtEnd)
        {
            if (c.TryKeyword("off")) { q.Off = true; continue; }
            if (!c.AtAssignment) throw c.Error($"unexpected '{c.Peek()}'");
            var keyToken = c.Peek()!;
            var key = c.Word("parameter");
            c.Expect(NetlistTokenKind.Equals, "=");
            switch (key)
            {
                case "area": q.Area = c.Value(key, p); break;
                case "areab": q.AreaB = c.Value(key, p); break;
                case "areac": q.AreaC = c.Value(key, p); break;
                case "m": q.Multiplier = c.Value(key, p); break;
                case "ic":
                    q.InitialVbe = c.Value("ic vbe", p);
                    if (c.AtValue(p)) q.InitialVce = c.Value("ic vce", p);
                    break;
                default: throw new NetlistException(keyToken.Location, $"{name}: unknown BJT parameter '{key}'");
            }
        }
        AddEntity(q, line);
    }

    /// <summary><c>Mname d g s b model [l=] [w=] [ad=] [as=] [pd=] [ps=] [m=] [off] [ic=vds,vgs,vbs]</c>.</summary>
    private void MosfetCard(NetlistLine line, Scope scope, TokenCursor c, string name, IParameterScope p)
    {
        var n = Nodes(c, scope, 4, "MOSFET needs drain, gate, source and bulk nodes and a model");
        var modelToken = c.Word("MOSFET model");
        var model = RequireModel<MosfetModel>(scope, modelToken, line, "NMOS or PMOS");
        var mos = new Mosfet(ElementName(scope, name), n[0], n[1], n[2], n[3], model.Name);
        while (!c.AtEnd)
        {
            if (c.TryKeyword("off")) { mos.Off = true; continue; }
            if (!c.AtAssignment) throw c.Error($"unexpected '{c.Peek()}'");
            var keyToken = c.Peek()!;
            var key = c.Word("parameter");
            c.Expect(NetlistTokenKind.Equals, "=");
            switch (key)
            {
                case "l": mos.Length = c.Value(key, p); break;
                case "w": mos.Width = c.Value(key, p); break;
                case "ad": mos.DrainArea = c.Value(key, p); break;
                case "as": mos.SourceArea = c.Value(key, p); break;
                case "pd": mos.DrainPerimeter = c.Value(key, p); break;
                case "ps": mos.SourcePerimeter = c.Value(key, p); break;
                case "m": mos.Multiplier = c.Value(key, p); break;
                case "ic":
                    mos.InitialVds = c.Value("ic vds", p);
                    if (c.AtValue(p)) mos.InitialVgs = c.Value("ic vgs", p);
                    if (c.AtValue(p)) mos.InitialVbs = c.Value("ic vbs", p);
                    break;
                default: throw new NetlistException(keyToken.Location, $"{name}: unknown MOSFET parameter '{key}'");
            }
        }
        AddEntity(mos, line);
    }

    private static readonly System.Text.RegularExpressions.Regex BehavioralLine = new(
        @"^\s*\S+\s+\S+\s+\S+\s+([vi])\s*=\s*(.*)$",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.Singleline);

    /// <summary>
    /// A behavioural expression parsed, checked against the expansion limit and bound to the scope's nodes and
    /// elements; a parse or binding error comes out as the <see cref="ExpressionException"/> its caller locates.
    /// </summary>
    private Expression BindBehavioral(string body, Scope scope, NetlistLine line, string name)
    {
        var parsed = ExpressionParser.Parse(body, scope.Parameters.FunctionNames);
        CheckExpanded(parsed, scope.Parameters, line.Location, name);
        return BehavioralExpression.Bind(parsed, scope.Parameters, node => NodeName(scope, node), device => ElementName(scope, device));
    }

    /// <summary><c>Bname n+ n- V = expr</c> or <c>I = expr</c>: the expression is the rest of the line, as written.</summary>
    private void BehavioralCard(NetlistLine line, Scope scope, TokenCursor c, string name)
    {
        var n = Nodes(c, scope, 2, "behavioural source needs two nodes and V = expr or I = expr");
        var kindToken = c.Word("V or I");
        if (kindToken is not ("v" or "i") || c.Peek()?.Kind != NetlistTokenKind.Equals)
            throw new NetlistException(line.Location, $"{name}: expected V = expression or I = expression after the nodes");
        var text = StripInlineComment(line.Text);
        var m = BehavioralLine.Match(text);
        if (!m.Success) throw new NetlistException(line.Location, $"{name}: expected V = expression or I = expression after the nodes");
        var body = m.Groups[2].Value.Trim();
        var instance = BehavioralInstanceParameters(line, c.Index + 1, scope, name, ref body);
        var quoted = body.Length >= 2 && body[0] == '\'' && body[^1] == '\'';
        if (quoted) body = body[1..^1];
        if (body.Length == 0) throw new NetlistException(line.Location, $"{name}: the expression is empty");
        Expression expression;
        try
        {
            expression = BindBehavioral(body, scope, line, name);
        }
        catch (ExpressionException e)
        {
            throw new NetlistException(ExpressionErrorLocation(line, c.Index + 1, quoted, e), $"{name}: in '{Excerpt.Of(body)}': {e.Message}");
        }
        var kind = kindToken == "v" ? BehavioralSourceKind.Voltage : BehavioralSourceKind.Current;
        AddEntity(new BehavioralSource(ElementName(scope, name), n[0], n[1], kind, expression)
        {
            Tc1 = instance.GetValueOrDefault("tc1"),
            Tc2 = instance.GetValueOrDefault("tc2"),
            Temperature = instance.TryGetValue("temp", out var temp) ? temp : null,
            DeltaTemperature = instance.GetValueOrDefault("dtemp"),
            ReciprocalTemperatureFactor = instance.GetValueOrDefault("reciproctc") != 0,
        }, line);
    }

    /// <summary>
    /// Where in the file an expression error is: its column inside the expression moved to the line, when the
    /// expression is on one physical line (on a card continued with '+', the card's start).
    /// </summary>
    private static SourceLocation ExpressionErrorLocation(NetlistLine line, int first, bool quoted, ExpressionException e)
    {
        var tokens = line.Tokens;
        if (e.Column is not { } column || first >= tokens.Count || tokens[first].Location.Line != tokens[^1].Location.Line)
            return line.Location;
        var start = tokens[first].Location;
        return start with { Column = start.Column + (quoted ? 1 : 0) + column - 1 };
    }

    private static readonly System.Text.RegularExpressions.Regex RuntimeReference = new(
        @"\b[vi]\s*\(|\btime\b|\bhertz\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    /// <summary>
    /// The index of a resistor's value token when it is an expression reading <c>v(</c>, <c>i(</c>, <c>time</c> or
    /// <c>hertz</c> (<c>R n1 n2 {expr}</c> or <c>r = {expr}</c>), which ngspice (inpcom.c inp_compat) turns into a
    /// B source; null for an ordinary value. (ngspice converts <c>temper</c> too; here temper is re-evaluated as a
    /// parameter at each temperature, which gives the same resistance.)
    /// </summary>
    private static int? BehavioralResistance(TokenCursor c)
    {
        var tokens = c.Line.Tokens;
        for (var k = c.Index; k < tokens.Count; k++)
        {
            var positional = k == c.Index;
            var assigned = k >= 2 && tokens[k - 1].Kind == NetlistTokenKind.Equals && (tokens[k - 2].Is("r") || tokens[k - 2].Is("resistance"));
            if ((positional || assigned) && tokens[k].Kind == NetlistTokenKind.Expression && RuntimeReference.IsMatch(tokens[k].Text)) return k;
        }
        return null;
    }

    /// <summary>
    /// <c>R n1 n2 r = {expr} [tc1=] [tc2=] [m=]</c> with an expression of node voltages, currents or time: as ngspice,
    /// the B source <c>i = v(n1,n2) / (expr) * m</c> whose resistance scales by 1 + tc1 d + tc2 d^2 (reciproctc=1).
    /// </summary>
    private void BehavioralResistor(NetlistLine line, Scope scope, TokenCursor c, string name, string[] n, int valueIndex)
    {
        var tokens = line.Tokens;
        var text = tokens[valueIndex].Text;
        var given = new Dictionary<string, double>(StringComparer.Ordinal);
        var k = c.Index;
        while (k < tokens.Count)
        {
            if (k == valueIndex) { k++; continue; }
            if (k + 2 < tokens.Count && tokens[k + 1].Kind == NetlistTokenKind.Equals && tokens[k].Kind == NetlistTokenKind.Word)
            {
                var key = tokens[k].Lower;
                if (k + 2 == valueIndex && key is "r" or "resistance") { k += 3; continue; }
                if (key is not ("tc1" or "tc2" or "m"))
                    throw new NetlistException(tokens[k].Location,
                        $"{name}: '{key}=' is not supported on a behavioural resistor (its value reads v(), i(), time or hertz); tc1=, tc2= and m= are");
                given[key] = Values.Evaluate(tokens[k + 2], scope.Parameters, name, key);
                k += 3;
                continue;
            }
            throw new NetlistException(tokens[k].Location, $"{name}: unexpected '{tokens[k]}' on a behavioural resistor (its value reads v(), i(), time or hertz)");
        }
        var body = $"v({tokens[1].Text}, {tokens[2].Text}) / ({text})";
        if (given.TryGetValue("m", out var m)) body += $" * ({NetlistNumber.Format(m)})";
        Expression expression;
        try
        {
            expression = BindBehavioral(body, scope, line, name);
        }
        catch (ExpressionException e)
        {
            var at = tokens[valueIndex].Location;
            throw new NetlistException(at with { Column = at.Column + 1 }, $"{name}: in '{Excerpt.Of(text)}': {e.Message}");
        }
        AddEntity(new BehavioralSource(ElementName(scope, name), n[0], n[1], BehavioralSourceKind.Current, expression)
        {
            Tc1 = given.GetValueOrDefault("tc1"),
            Tc2 = given.GetValueOrDefault("tc2"),
            ReciprocalTemperatureFactor = true,
        }, line);
    }

    private static readonly string[] BehavioralInstanceKeys = ["tc1", "tc2", "temp", "dtemp", "reciproctc"];

    private static readonly System.Text.RegularExpressions.Regex TrailingAssignment = new(
        @"\s+(tc1|tc2|temp|dtemp|reciproctc)\s*=\s*(\{[^{}]*\}|'[^']*'|[^\s=]+)\s*$",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    /// <summary>
    /// The instance parameters ngspice reads after a B-source expression (<c>tc1= tc2= temp= dtemp= reciproctc=</c>),
    /// taken off the end of the line's tokens (from <paramref name="first"/>, the first token of the expression) and
    /// of <paramref name="body"/>, the expression text.
    /// </summary>
    private static Dictionary<string, double> BehavioralInstanceParameters(NetlistLine line, int first, Scope scope, string name, ref string body)
    {
        var given = new Dictionary<string, double>(StringComparer.Ordinal);
        var tokens = line.Tokens;
        var end = tokens.Count;
        while (end - 3 > first && tokens[end - 2].Kind == NetlistTokenKind.Equals
            && tokens[end - 3].Kind == NetlistTokenKind.Word && BehavioralInstanceKeys.Contains(tokens[end - 3].Lower))
        {
            var key = tokens[end - 3].Lower;
            var cut = TrailingAssignment.Match(body);
            if (!cut.Success || !cut.Groups[1].Value.Equals(key, StringComparison.OrdinalIgnoreCase))
                throw new NetlistException(tokens[end - 3].Location, $"{name}: cannot tell {key}= from the expression; write {key}=value after it");
            given.TryAdd(key, Values.Evaluate(tokens[end - 1], scope.Parameters, name, key));
            body = body[..cut.Index].TrimEnd();
            end -= 3;
        }
        return given;
    }

    private static string StripInlineComment(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == ';') return text[..i];
            if (text[i] == '$' && (i == 0 || char.IsWhiteSpace(text[i - 1]))) return text[..i];
        }
        return text;
    }

    private void Instance(NetlistLine line, Scope scope, TokenCursor c, string name)
    {
        // Xname node... subckt [params:] [a=v ...]: the sub-circuit name is the last word before the assignments.
        var tokens = line.Tokens;
        var end = tokens.Count;
        for (var i = 1; i < tokens.Count - 1; i++)
        {
            if (tokens[i].Is("params:") || (tokens[i].Kind == NetlistTokenKind.Word && tokens[i + 1].Kind == NetlistTokenKind.Equals))
            {
                end = i;
                break;
            }
        }
        if (end < 3) throw new NetlistException(line.Location, $"{name}: expected nodes and a sub-circuit name");
        var subToken = tokens[end - 1];
        if (subToken.Kind != NetlistTokenKind.Word) throw new NetlistException(subToken.Location, $"{name}: expected a sub-circuit name, got '{subToken}'");
        var def = FindSubcircuit(scope, subToken.Lower)
                  ?? throw new NetlistException(subToken.Location, $"{name}: sub-circuit {subToken.Text} is not defined");
        var actual = new List<string>();
        for (var i = 1; i < end - 1; i++)
        {
            if (tokens[i].Kind != NetlistTokenKind.Word) throw new NetlistException(tokens[i].Location, $"{name}: expected a node, got '{tokens[i]}'");
            actual.Add(NodeName(scope, tokens[i].Lower));
        }
        if (actual.Count != def.Ports.Count)
            throw new NetlistException(line.Location,
                $"{name}: sub-circuit {def.Name} has {def.Ports.Count} ports ({string.Join(" ", def.Ports)}), the instance gives {actual.Count} nodes");
        if (scope.Depth > 50) throw new NetlistException(line.Location, $"{name}: sub-circuits nested more than 50 deep (recursive definition?)");

        // Instance values are evaluated in the caller's scope; defaults in the new scope, in order.
        var overrides = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        var overrideAt = new Dictionary<string, SourceLocation>(StringComparer.OrdinalIgnoreCase);
        var c2 = new TokenCursor(line, end);
        c2.TryKeyword("params:");
        while (!c2.AtEnd)
        {
            var keyToken = c2.Peek()!;
            var key = c2.Word("parameter name");
            c2.Expect(NetlistTokenKind.Equals, "=");
            if (!def.Parameters.Any(d => d.Name.Equals(key, StringComparison.OrdinalIgnoreCase)))
                throw new NetlistException(keyToken.Location, $"{name}: sub-circuit {def.Name} has no parameter '{key}'");
            overrideAt[key] = c2.Peek()?.Location ?? keyToken.Location;
            overrides[key] = ReadParamValue(c2, scope.Parameters, key);
        }

        var path = scope.Path.Length == 0 ? name : $"{scope.Path}.{name}";
        var inner = new Scope
        {
            Path = path,
            Parameters = new ParameterScope(_global),
            Ports = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase),
            Subcircuits = def.Children,
            Parent = scope,
            Depth = scope.Depth + 1,
        };
        for (var i = 0; i < def.Ports.Count; i++) inner.Ports[def.Ports[i]] = actual[i];
        foreach (var (pname, token) in def.Parameters)
        {
            var v = overrides.TryGetValue(pname, out var o) ? o
                : ParameterChanges?.TryGetValue($"{def.Name}.{pname}", out var changed) == true ? changed
                : Values.Evaluate(token, inner.Parameters, ".subckt " + def.Name, $"default of {pname}");
            inner.Parameters.Set(pname, v);
        }
        if (NativeMemristor(def) is { } memristor)
        {
            var x0At = overrideAt.TryGetValue("x0", out var at) ? at : def.Parameters[0].Value.Location;
            NativeMemristorInstance(line, scope, inner, name, actual, memristor, x0At);
            return;
        }
        ElaborateBody(def.Body, inner);
    }

    private static SubcircuitDefinition? FindSubcircuit(Scope scope, string name)
    {
        for (var s = scope; s is not null; s = s.Parent)
            if (s.Subcircuits.TryGetValue(name, out var d)) return d;
        return null;
    }
}
