using Hwsim.Circuits.Expressions;
using Hwsim.Circuits.Measurements;
using Hwsim.Circuits.Results;

namespace Hwsim.Circuits.Netlist;

/// <summary>The output lines: <c>.save</c>/<c>.probe</c>, <c>.print</c> and <c>.meas</c>/<c>.measure</c>.</summary>
internal sealed partial class Elaborator
{
    private OutputRequests Outputs => _netlist.Outputs;

    // ---------- .save / .probe ----------

    private void SaveCard(NetlistLine line)
    {
        var c = new TokenCursor(line, 1);
        Outputs.HasSave = true;
        if (c.AtEnd) throw c.Error("name the vectors to keep (v(node), i(source), all)");
        while (!c.AtEnd)
        {
            if (c.Peek()!.Is("all") && c.Peek(1)?.Kind != NetlistTokenKind.LeftParen)
            {
                c.Next("all");
                Outputs.SaveAll = true;
                continue;
            }
            var start = c.Peek()!;
            if (start.Kind == NetlistTokenKind.Word && start.Text.StartsWith('@'))
            {
                c.Next("device quantity");
                _netlist.Notes.Add($"{start.Location}: {line.Keyword} {start.Text} ignored (device quantities are not kept by hwsim)");
                continue;
            }
            Outputs.Saves.Add(OutputVectorAt(c, line.Keyword));
        }
    }

    // ---------- .print ----------

    private void PrintCard(NetlistLine line)
    {
        var c = new TokenCursor(line, 1);
        var kind = AnalysisWord(c, ".print", allowOp: false);
        var vectors = new List<OutputVector>();
        if (c.AtEnd) throw c.Error("name the vectors to print");
        while (!c.AtEnd) vectors.Add(OutputVectorAt(c, ".print"));
        Outputs.Prints.Add(new PrintStatement(kind, vectors));
    }

    /// <summary><c>.four freq vector ...</c>: harmonics of the vectors of each transient (ngspice's form).</summary>
    private void FourierCard(NetlistLine line)
    {
        var c = new TokenCursor(line, 1);
        var frequencyToken = c.Peek();
        var frequency = c.Value("fundamental frequency", _global);
        if (!(frequency > 0)) throw new NetlistException(frequencyToken!.Location, $".four: the fundamental frequency must be positive, got {frequency}");
        var vectors = new List<OutputVector>();
        if (c.AtEnd) throw c.Error("name the vectors to analyse");
        while (!c.AtEnd) vectors.Add(OutputVectorAt(c, ".four"));
        Outputs.Fouriers.Add(new FourierStatement(frequency, vectors));
    }

    // ---------- .meas / .measure ----------

    private void MeasureCard(NetlistLine line)
    {
        var c = new TokenCursor(line, 1);
        var card = line.Keyword;
        var kind = AnalysisWord(c, card, allowOp: false);
        var name = c.Word("measurement name");
        var functionToken = c.Next("measurement function (trig, find, when, avg, min, max, pp, rms, integ, param)");
        var word = functionToken.Lower;
        MeasureFunction function = word switch
        {
            "trig" => MeasureFunction.TrigTarg,
            "find" => MeasureFunction.Find,
            "when" => MeasureFunction.When,
            "avg" => MeasureFunction.Avg,
            "min" => MeasureFunction.Min,
            "max" => MeasureFunction.Max,
            "min_at" => MeasureFunction.MinAt,
            "max_at" => MeasureFunction.MaxAt,
            "pp" => MeasureFunction.PeakToPeak,
            "rms" => MeasureFunction.Rms,
            "integ" or "integral" => MeasureFunction.Integral,
            "param" => MeasureFunction.Param,
            _ => throw new NetlistException(functionToken.Location,
                $"{card} {name}: unknown or unsupported function '{functionToken.Text}' (supported: trig ... targ, find, when, avg, min, max, min_at, max_at, pp, rms, integ, param)"),
        };
        var text = line.Text.ToLowerInvariant();
        MeasureCondition Clause() => kind == AnalysisKind.DcSweep ? new MeasureCondition { From = -1e99, To = 1e99 } : new MeasureCondition();
        MeasureCondition main = Clause();
        MeasureCondition? second = null;
        string? expression = null;
        switch (function)
        {
            case MeasureFunction.Param:
            {
                c.Expect(NetlistTokenKind.Equals, "'=' after param");
                var e = c.Next("the expression");
                expression = e.Text;
                c.ExpectEnd();
                break;
            }
            case MeasureFunction.TrigTarg:
            {
                TriggerClause(c, main, card, name, "trig", stopAt: "targ");
                if (!c.TryKeyword("targ")) throw c.Error($"{name}: trig needs a targ clause");
                second = Clause();
                TriggerClause(c, second, card, name, "targ", stopAt: null);
                if (second.Vector is null) throw c.Error($"{name}: targ needs a vector");
                break;
            }
            case MeasureFunction.Find:
            {
                main.Vector = OutputVectorAt(c, card);
                if (c.TryKeyword("when"))
                {
                    second = Clause();
                    WhenClause(c, second, card);
                }
                else
                {
                    if (!(c.Peek() is { } at && at.Is("at") && c.Peek(1)?.Kind == NetlistTokenKind.Equals))
                        throw c.Error($"{name}: find needs at=value or when ...");
                    StandardParameters(c, main, card, stopAt: null);
                }
                break;
            }
            case MeasureFunction.When:
                WhenClause(c, main, card);
                break;
            default:
                if (c.AtEnd) throw c.Error($"{name}: {word} needs a vector");
                main.Vector = OutputVectorAt(c, card);
                if (!c.AtEnd) StandardParameters(c, main, card, stopAt: null);
                break;
        }
        c.ExpectEnd();
        if (kind == AnalysisKind.DcSweep)
            foreach (var clause in new[] { main, second })
                if (clause is not null && clause.To < clause.From) (clause.From, clause.To) = (clause.To, clause.From);
        Outputs.Measures.Add(new MeasureStatement(name, kind, function, word, main, second, expression, text));
    }

    /// <summary>TRIG or TARG: <c>v(x) val=.. rise=..</c> or <c>at=t</c>.</summary>
    private void TriggerClause(TokenCursor c, MeasureCondition clause, string card, string name, string which, string? stopAt)
    {
        if (!(c.Peek() is { } t && t.Is("at") && c.Peek(1)?.Kind == NetlistTokenKind.Equals))
            clause.Vector = OutputVectorAt(c, card);
        StandardParameters(c, clause, card, stopAt);
        if (!clause.HasEvent) throw c.Error($"{name}: {which} needs at, rise, fall or cross");
    }

    /// <summary>WHEN: <c>v(x)=value</c> or <c>v(x)=v(y)</c>, then the standard parameters.</summary>
    private void WhenClause(TokenCursor c, MeasureCondition clause, string card)
    {
        clause.Vector = OutputVectorAt(c, card);
        c.Expect(NetlistTokenKind.Equals, "'=' after the vector of when");
        var rhs = c.Peek() ?? throw c.Error("missing the value or vector after '='");
        var isVector = rhs.Kind == NetlistTokenKind.Word
                       && (c.Peek(1)?.Kind == NetlistTokenKind.LeftParen
                           || (!SpiceNumber.TryParse(rhs.Text, out _) && !_global.TryGetValue(rhs.Lower, out _)));
        if (isVector) clause.Vector2 = OutputVectorAt(c, card);
        else clause.Value = c.Value("the value of when", _global);
        if (!c.AtEnd) StandardParameters(c, clause, card, stopAt: null);
    }

    /// <summary>ngspice's <c>measure_parse_stdParams</c>: RISE FALL CROSS (a count or LAST), VAL, TD, FROM, TO, AT.</summary>
    private void StandardParameters(TokenCursor c, MeasureCondition clause, string card, string? stopAt)
    {
        while (!c.AtEnd && !(stopAt is not null && c.Peek()!.Is(stopAt)))
        {
            var keyToken = c.Next("rise, fall, cross, val, td, from, to or at");
            var key = keyToken.Lower;
            if (key == "last" && c.Peek()?.Kind != NetlistTokenKind.Equals)
            {
                clause.Cross = MeasureCondition.Last;
                clause.Rise = clause.Fall = -1;
                continue;
            }
            if (key is not ("rise" or "fall" or "cross" or "val" or "td" or "from" or "to" or "at") || keyToken.Kind != NetlistTokenKind.Word)
                throw new NetlistException(keyToken.Location, $"{card}: unexpected '{keyToken.Text}' (expected rise, fall, cross, val, td, from, to or at)");
            c.Expect(NetlistTokenKind.Equals, $"'=' after {key}");
            double value;
            if (c.Peek() is { } v && v.Is("last") && key is "rise" or "fall" or "cross")
            {
                c.Next("last");
                value = MeasureCondition.Last;
            }
            else value = c.Value($"the value of {key}", _global);
            var count = (int)Math.Floor(value + 0.5);
            switch (key)
            {
                case "rise": clause.Rise = count; clause.Fall = clause.Cross = -1; break;
                case "fall": clause.Fall = count; clause.Rise = clause.Cross = -1; break;
                case "cross": clause.Cross = count; clause.Rise = clause.Fall = -1; break;
                case "val": clause.Value = value; break;
                case "td": clause.Delay = value; break;
                case "from": clause.From = value; break;
                case "to": clause.To = value; break;
                default: clause.At = value; break;
            }
        }
    }

    // ---------- shared ----------

    private static AnalysisKind AnalysisWord(TokenCursor c, string card, bool allowOp)
    {
        var t = c.Next("the analysis (tran, ac or dc)");
        return t.Lower switch
        {
            "tran" => AnalysisKind.Transient,
            "ac" => AnalysisKind.Ac,
            "dc" => AnalysisKind.DcSweep,
            "op" when allowOp => AnalysisKind.OperatingPoint,
            _ => throw new NetlistException(t.Location, $"{card}: expected the analysis tran, ac or dc, got '{t.Text}'"),
        };
    }

    /// <summary>
    /// A vector as SPICE output lines name it: <c>v(out)</c>, <c>v(a,b)</c>, <c>i(v1)</c>, a form such as <c>vdb(out)</c>
    /// or <c>ip(v1)</c>, a bare node name, or <c>v1#branch</c>. Recorded with its location for the check that the
    /// circuit has it.
    /// </summary>
    private OutputVector OutputVectorAt(TokenCursor c, string card)
    {
        var t = c.Next("a vector (v(node), i(source))");
        if (t.Kind != NetlistTokenKind.Word) throw new NetlistException(t.Location, $"{card}: expected a vector such as v(out) or i(v1), got '{t}'");
        OutputVector? vector;
        if (c.Peek()?.Kind == NetlistTokenKind.LeftParen)
        {
            c.Next("(");
            var args = new List<string>();
            while (c.Peek() is { Kind: NetlistTokenKind.Word }) args.Add(c.Word("node"));
            c.Expect(NetlistTokenKind.RightParen, $"')' closing {t.Text}(");
            vector = OutputVector.Create(t.Lower, args) ?? throw new NetlistException(t.Location,
                $"{card}: '{t.Text}({string.Join(",", args)})' is not a vector: use v(node), v(a,b), i(source), or the forms vm vp vdb vr vi, im ip idb ir ii");
        }
        else if (t.Text.StartsWith('@'))
        {
            throw new NetlistException(t.Location, $"{card}: device quantities such as {t.Text} are not available in hwsim; use node voltages and source currents");
        }
        else if (t.Lower.EndsWith("#branch", StringComparison.Ordinal))
        {
            vector = OutputVector.Create("i", [t.Lower[..^7]])!;
        }
        else
        {
            vector = OutputVector.Create("v", [t.Lower]) ?? throw new NetlistException(t.Location, $"{card}: '{t.Text}' is ground, not a vector");
        }
        Outputs.Named.Add((vector, t.Location, card));
        return vector;
    }
}
