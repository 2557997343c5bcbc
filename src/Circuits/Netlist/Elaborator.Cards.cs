using Hwsim.Circuits.Analyses;
using Hwsim.Circuits.Devices;
using Hwsim.Circuits.Expressions;
using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Netlist;

internal sealed partial class Elaborator
{
    // ---------- .model ----------

    private void ModelCard(NetlistLine line, Scope scope)
    {
        var c = new TokenCursor(line, 1);
        var nameToken = c.Peek();
        var name = c.Word("model name");
        var typeToken = c.Next("model type");
        var type = typeToken.Lower;
        var flat = scope.Path.Length == 0 ? name : $"{scope.Path}.{name}";
        Entity model;
        Func<string, double, bool> set;
        switch (type)
        {
            case "d":
            {
                var d = new DiodeModel(flat);
                model = d;
                set = d.TrySet;
                break;
            }
            case "r":
            case "res":
            {
                var r = new ResistorModel(flat);
                model = r;
                set = r.TrySet;
                break;
            }
            case "sw":
            {
                var s = new SwitchModel(flat);
                model = s;
                set = s.TrySet;
                break;
            }
            case "npn":
            case "pnp":
            {
                var q = new BjtModel(flat, pnp: type == "pnp");
                model = q;
                set = q.TrySet;
                break;
            }
            case "nmos":
            case "pmos":
            {
                var mos = new MosfetModel(flat, pmos: type == "pmos");
                model = mos;
                set = mos.TrySet;
                break;
            }
            default:
                throw new NetlistException(typeToken.Location, $".model {name}: model type '{typeToken.Text}' is not supported (supported: R, D, SW, NPN, PNP, NMOS, PMOS)");
        }
        var parens = c.Peek()?.Kind == NetlistTokenKind.LeftParen;
        if (parens) c.Next("(");
        var parameters = new List<(NetlistToken Token, string Key, double Value)>();
        while (!c.AtEnd && c.Peek()!.Kind != NetlistTokenKind.RightParen)
        {
            var keyToken = c.Peek()!;
            var key = c.Word("model parameter");
            c.Expect(NetlistTokenKind.Equals, $"'=' after {key}");
            parameters.Add((keyToken, key, c.Value(key, scope.Parameters)));
        }
        if (parens) c.Expect(NetlistTokenKind.RightParen, "')' closing the parameters");
        c.ExpectEnd();
        // LEVEL decides which parameters a MOSFET model has, wherever it stands on the card.
        var levelLabel = "";
        foreach (var (token, key, value) in parameters.Where(p => p.Key == "level"))
        {
            if (model is MosfetModel mos && value != 1)
            {
                if (!MosfetModel.IsSupportedLevel(value))
                    throw new NetlistException(token.Location, $".model {name}: MOSFET level {NetlistNumber.Format(value)} is not supported (supported: 1 and 3)");
                mos.Level = (int)value;
                levelLabel = $" level-{mos.Level}";
            }
            else if (value != 1)
            {
                throw new NetlistException(token.Location, $".model {name}: unknown or unsupported {type.ToUpperInvariant()} parameter '{key}'");
            }
        }
        foreach (var (token, key, value) in parameters)
        {
            if (key == "level") continue;
            if (!set(key, value))
                throw new NetlistException(token.Location, $".model {name}: unknown or unsupported {type.ToUpperInvariant()}{levelLabel} parameter '{key}'");
        }
        if (_models.ContainsKey(flat)) throw new NetlistException(nameToken!.Location, $".model {name} is defined twice");
        _models[flat] = model;
        scope.LocalModels.Add(name);
        AddEntity(model, line);
    }

    // ---------- control cards (top level only) ----------

    private void ControlCard(NetlistLine line)
    {
        var c = new TokenCursor(line, 1);
        var p = _global;
        try
        {
            switch (line.Keyword)
            {
                case ".options":
                case ".option":
                case ".opt":
                    Options(c);
                    break;
                case ".temp":
                    _netlist.Options.Temperature = c.Value("temperature", p);
                    _netlist.GivenOptions["temp"] = _netlist.Options.Temperature.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
                    c.ExpectEnd();
                    break;
                case ".ic":
                    NodeValues(c, _netlist.InitialConditions);
                    break;
                case ".nodeset":
                    NodeValues(c, _netlist.NodeSets);
                    break;
                case ".op":
                    c.ExpectEnd();
                    _netlist.Analyses.Add(new OperatingPointAnalysis());
                    break;
                case ".dc":
                {
                    var inner = Sweep(c, p);
                    var outer = c.AtEnd ? null : Sweep(c, p);
                    c.ExpectEnd();
                    CheckPoints(line, SweepPoints(inner) * (outer is null ? 1 : SweepPoints(outer)), "sweep values");
                    _netlist.Analyses.Add(new DcSweepAnalysis(inner, outer));
                    break;
                }
                case ".ac":
                {
                    var typeToken = c.Next("dec, oct or lin");
                    var type = typeToken.Lower switch
                    {
                        "dec" => AcSweepType.Decade,
                        "oct" => AcSweepType.Octave,
                        "lin" => AcSweepType.Linear,
                        _ => throw new NetlistException(typeToken.Location, $".ac: expected dec, oct or lin, got '{typeToken.Text}'"),
                    };
                    var pointsToken = c.Peek();
                    var points = c.Value("number of points", p);
                    if (points < 1 || points != Math.Floor(points))
                        throw new NetlistException(pointsToken!.Location, $".ac: the number of points must be a whole number of at least 1, got {points}");
                    var start = c.Value("start frequency", p);
                    var stop = c.Value("stop frequency", p);
                    c.ExpectEnd();
                    var decades = Math.Abs(Math.Log10(stop / start));
                    CheckPoints(line, type switch
                    {
                        AcSweepType.Linear => points,
                        AcSweepType.Decade => points * decades + 1,
                        _ => points * decades / Math.Log10(2) + 1,
                    }, "frequencies");
                    _netlist.Analyses.Add(new AcAnalysis(type, (int)points, start, stop));
                    break;
                }
                case ".tran":
                {
                    var step = c.Value("tstep", p);
                    var stop = c.Value("tstop", p);
                    var start = 0.0;
                    double? max = null;
                    var uic = false;
                    if (c.AtValue(p)) start = c.Value("tstart", p);
                    if (c.AtValue(p)) max = c.Value("tmax", p);
                    if (c.TryKeyword("uic")) uic = true;
                    c.ExpectEnd();
                    // The engine never steps further than tmax (default: tstep or a fiftieth of the span, as ngspice).
                    var longest = max ?? Math.Min(step, (stop - start) / 50);
                    CheckPoints(line, stop / longest, "time points (tstop / largest step)");
                    _netlist.Analyses.Add(new TransientAnalysis(step, stop, start, max, uic) { MaxPoints = _limits.MaxPoints });
                    break;
                }
                case ".noise":
                    NoiseCard(line, c, p);
                    break;
                case ".sens":
                    SensitivityCard(line, c, p);
                    break;
                case ".pz":
                    PoleZeroCard(c);
                    break;
                case ".tf":
                    TransferFunctionCard(c);
                    break;
                case ".save":
                case ".probe":
                    SaveCard(line);
                    break;
                case ".print":
                    PrintCard(line);
                    break;
                case ".four":
                case ".fourier":
                    FourierCard(line);
                    break;
                case ".meas":
                case ".measure":
                    MeasureCard(line);
                    break;
                case ".global":
                    break; // read before the elements (Run)
                default:
                    _netlist.Notes.Add($"{line.Location}: {line.Keyword} ignored");
                    break;
            }
        }
        catch (ArgumentException e)
        {
            throw new NetlistException(line.Location, e.Message);
        }
    }

    /// <summary>Refuses an analysis that asks for more points than <see cref="ResourceLimits.MaxPoints"/> before it runs.</summary>
    private void CheckPoints(NetlistLine line, double points, string what)
    {
        // NaN or negative counts are left to the analysis' own checks of its arguments.
        if (points > _limits.MaxPoints)
            throw new LimitExceededException(ResourceLimit.Points,
                $"{line.Keyword} asks for {points:G3} {what}, more than the limit of {_limits.MaxPoints} points per analysis", line.Location);
    }

    private static double SweepPoints(SweepSpec s) => Math.Floor(Math.Abs((s.Stop - s.Start) / s.Step) * (1 + 1e-12)) + 1;

    /// <summary><c>.noise v(out[,ref]) src dec|oct|lin n fstart fstop [pts_per_summary]</c>.</summary>
    private void NoiseCard(NetlistLine line, TokenCursor c, IParameterScope p)
    {
        var outToken = c.Next("the output v(node) or v(node,ref)");
        if (!outToken.Is("v") || c.Peek()?.Kind != NetlistTokenKind.LeftParen)
            throw new NetlistException(outToken.Location, outToken.Is("i")
                ? $".noise: the output must be a voltage v(node) or v(node,ref), not a current '{outToken.Text}(...)'"
                : $".noise: expected the output v(node) or v(node,ref), got '{outToken.Text}'");
        c.Next("(");
        var output = c.Word("the output node");
        var reference = c.Peek()?.Kind == NetlistTokenKind.Word ? c.Word("the reference node") : null;
        c.Expect(NetlistTokenKind.RightParen, "')' closing the output");
        var sourceToken = c.Next("the input source");
        var source = sourceToken.Lower;
        switch (_netlist.Circuit.FirstOrDefault(e => e.Name.Equals(source, StringComparison.OrdinalIgnoreCase)))
        {
            case IndependentSource { HasAc: true }:
                break;
            case IndependentSource:
                throw new NetlistException(sourceToken.Location, $".noise: the input source {sourceToken.Text} has no AC value (give it 'ac 1')");
            case null:
                throw new NetlistException(sourceToken.Location, $".noise: no source named {sourceToken.Text}");
            default:
                throw new NetlistException(sourceToken.Location, $".noise: the input {sourceToken.Text} is not an independent voltage or current source");
        }
        var typeToken = c.Next("dec, oct or lin");
        var type = typeToken.Lower switch
        {
            "dec" => AcSweepType.Decade,
            "oct" => AcSweepType.Octave,
            "lin" => AcSweepType.Linear,
            _ => throw new NetlistException(typeToken.Location, $".noise: expected dec, oct or lin, got '{typeToken.Text}'"),
        };
        var pointsToken = c.Peek();
        var points = c.Value("number of points", p);
        if (points < 1 || points != Math.Floor(points))
            throw new NetlistException(pointsToken!.Location, $".noise: the number of points must be a whole number of at least 1, got {points}");
        var start = c.Value("start frequency", p);
        var stop = c.Value("stop frequency", p);
        var summary = 0.0;
        if (!c.AtEnd)
        {
            var summaryToken = c.Peek();
            summary = c.Value("points per summary", p);
            if (summary < 0 || summary != Math.Floor(summary))
                throw new NetlistException(summaryToken!.Location, $".noise: points per summary must be a whole number, got {summary}");
        }
        c.ExpectEnd();
        _netlist.Analyses.Add(new NoiseAnalysis(output, reference, source, type, (int)points, start, stop, (int)summary));
    }

    private static SweepSpec Sweep(TokenCursor c, IParameterScope p)
    {
        var source = c.Word("source, resistor or temp to sweep");
        var start = c.Value("start value", p);
        var stop = c.Value("stop value", p);
        var step = c.Value("step", p);
        return new SweepSpec(source, start, stop, step);
    }

    private void NodeValues(TokenCursor c, Dictionary<string, double> target)
    {
        if (c.AtEnd) throw c.Error("expected v(node)=value");
        while (!c.AtEnd)
        {
            var v = c.Next("v(node)");
            if (!v.Is("v")) throw new NetlistException(v.Location, $"{c.Line.Keyword}: expected v(node)=value, got '{v}'");
            c.Expect(NetlistTokenKind.LeftParen, "'(' after v");
            var node = c.Word("node");
            c.Expect(NetlistTokenKind.RightParen, "')' after the node");
            c.Expect(NetlistTokenKind.Equals, "'='");
            target[node] = c.Value("node voltage", _global);
        }
    }

    /// <summary>
    /// Options that change nothing ngspice computes (listings, accounting, page layout, the solver package), and
    /// ngspice's own no-ops (lvlcod, itl3, itl5 ...): skipped with a note.
    /// </summary>
    private static readonly HashSet<string> NoEffectOptions = new(StringComparer.OrdinalIgnoreCase)
    {
        "post", "numdgt", "nomod", "nopage", "noacct", "noinit", "norefvalue", "acct", "list", "node", "opts",
        "klu", "sparse", "warn", "keepopinfo", "ingold", "cptime", "limtim", "limpts", "lvlcod", "lvltim", "itl3",
        "itl5",
    };

    private void Options(TokenCursor c)
    {
        var o = _netlist.Options;
        while (!c.AtEnd)
        {
            var keyToken = c.Peek()!;
            var key = c.Word("option name");
            if (c.Peek()?.Kind != NetlistTokenKind.Equals)
            {
                if (key == "noopiter")
                {
                    o.NoOpIter = true;
                    _netlist.GivenOptions[key] = "";
                }
                else
                {
                    IgnoredOption(keyToken, key);
                }
                continue;
            }
            c.Next("=");
            if (key == "method")
            {
                var m = c.Word("trap or gear");
                o.Method = m switch
                {
                    "trap" or "trapezoidal" => IntegrationMethod.Trapezoidal,
                    "gear" => IntegrationMethod.Gear,
                    _ => throw new NetlistException(keyToken.Location, $".options: method must be trap or gear, got '{m}'"),
                };
                _netlist.GivenOptions[key] = m == "gear" ? "gear" : "trap";
                continue;
            }
            var valueToken = c.Peek();
            if (key == "seed")
            {
                Seed(c);
                continue;
            }
            if (key == NativeMemristorOption)
            {
                NativeMemristorSwitch(c);
                continue;
            }
            if (valueToken is { Kind: NetlistTokenKind.Word } && !c.AtValue(_global))
            {
                // a word value (an option hwsim does not know, such as a frontend setting): skip it
                c.Next("value");
                IgnoredOption(keyToken, key);
                continue;
            }
            var value = c.Value($"value of {key}", _global);
            bool known;
            try
            {
                known = o.TrySet(key, value);
            }
            catch (ArgumentException e)
            {
                throw new NetlistException(valueToken!.Location, $".options: {e.Message}");
            }
            if (known) _netlist.GivenOptions[key] = value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            else IgnoredOption(keyToken, key);
        }
    }

    /// <summary>
    /// <c>seed=N</c>: the seed of TRNOISE and TRRANDOM sources, a positive integer as in ngspice. <c>seed=random</c>
    /// (a seed from the clock) is refused: a run must be repeatable from its netlist.
    /// </summary>
    private void Seed(TokenCursor c)
    {
        var valueToken = c.Peek();
        if (valueToken is { Kind: NetlistTokenKind.Word } && !c.AtValue(_global))
            throw new NetlistException(valueToken.Location, $".options: seed must be a positive integer, got '{valueToken.Text}' (hwsim takes no seed from the clock, so that a run can be repeated)");
        var value = c.Value("value of seed", _global);
        if (value < 1 || value > int.MaxValue || value != Math.Floor(value))
            throw new NetlistException(valueToken!.Location, $".options: seed must be a positive integer, got {NetlistNumber.Format(value)}");
        _netlist.Seed = (int)value;
        _netlist.GivenOptions["seed"] = _netlist.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// An option hwsim does not apply: a note when it changes nothing ngspice computes, otherwise a warning (ngspice
    /// itself ignores what it does not know, with a warning; what it does use, hwsim must not drop silently).
    /// </summary>
    private void IgnoredOption(NetlistToken at, string key)
    {
        if (NoEffectOptions.Contains(key)) _netlist.Notes.Add($"{at.Location}: option {key} ignored (it changes no result)");
        else _netlist.Warnings.Add($"{at.Location}: .options: option '{key}' is not applied by hwsim and ignored (where ngspice uses it, results may differ)");
    }
}
