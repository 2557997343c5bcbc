using Hwsim.Circuits.Control.Script;
using Hwsim.Circuits.Control.Vectors;
using Hwsim.Circuits.Expressions;
using Hwsim.Circuits.Netlist;

namespace Hwsim.Circuits.Control;

/// <summary>Command lines: substitution, <c>;</c>-separated commands, redirection, and the command table.</summary>
public sealed partial class ControlSession
{
    /// <summary>Commands whose <c>&gt;</c> and <c>&lt;</c> are operators, not redirection (ngspice's noredirect).</summary>
    private static readonly HashSet<string> NoRedirect = new(StringComparer.OrdinalIgnoreCase) { "if", "let", "stop", "define", "circbyline" };

    /// <summary>Commands that need nothing done in a batch run (interactive help, history, display settings).</summary>
    private static readonly HashSet<string> NoOps = new(StringComparer.OrdinalIgnoreCase)
    {
        "rusage", "version", "history", "help", "cd", "bug", "status", "show", "showmod", "iplot", "trace", "hardcopy",
        "asciiplot", "xgraph", "destroy_all", "edit", "sysinfo", "inventory", "codemodel", "use", "mdump", "mrdump",
    };

    private void Command(IReadOnlyList<string> raw)
    {
        var words = Variables.Substitute(raw, Report);
        if (words.Count == 0) return;
        if (!words[0].Equals("circbyline", StringComparison.OrdinalIgnoreCase)) words = ControlVariables.ExpandBraces(words);
        var start = 0;
        for (var i = 0; i <= words.Count; i++)
        {
            if (i < words.Count && words[i] != ";") continue;
            if (i > start) One(words.GetRange(start, i - start));
            start = i + 1;
        }
    }

    private void One(List<string> words)
    {
        var name = words[0].ToLowerInvariant();
        var args = words.Skip(1).ToList();
        try
        {
            if (!NoRedirect.Contains(name) && !Redirect(args)) return;
            Dispatch(name, args);
        }
        catch (VectorExpressionException e)
        {
            Report($"{name}: {e.Message}");
        }
        catch (NetlistException e)
        {
            ReportAt(e.Location, e.Reason);
        }
        catch (ExpressionException e)
        {
            Report($"{name}: {e.Message}");
        }
        catch (ArgumentException e)
        {
            Report($"{name}: {e.Message}");
        }
        finally
        {
            ResetOutput();
        }
    }

    private void ReportAt(SourceLocation location, string message)
    {
        Errors++;
        _host.Error.WriteLine($"hwsim: error: {location}: {message}");
    }

    private void Dispatch(string name, List<string> args)
    {
        switch (name)
        {
            case "echo": Echo(args); break;
            case "set": SetCommand(args); break;
            case "unset": foreach (var a in args) Variables.Remove(ControlLexer.Unquote(a)); break;
            case "strcmp": StringCompare(args); break;
            case "define": DefineCommand(args); break;
            case "undefine": Undefine(args); break;
            case "let": Let(args); break;
            case "unlet": Unlet(args); break;
            case "compose": Compose(args); break;
            case "print": Print(args); break;
            case "display": Display(args); break;
            case "setplot": SetPlot(args); break;
            case "destroy": Destroy(args); break;
            case "setscale": SetScale(args); break;
            case "write": Write(args); break;
            case "wrdata": WriteData(args); break;
            case "plot":
            case "gnuplot": PlotCommand(name, args); break;
            case "meas":
            case "measure": Measure(args); break;
            case "run": RunNetlist(); break;
            case "op":
            case "dc":
            case "ac":
            case "tran":
            case "noise":
            case "sens":
            case "pz":
            case "tf": AnalysisCommand(name, args); break;
            case "fourier": Fourier(args); break;
            case "disto":
            case "four":
            case "spec":
            case "fft":
            case "linearize":
                Report($"{name}: this analysis or command is not available in hwsim");
                break;
            case "alter": Alter(args); break;
            case "altermod": AlterModel(args); break;
            case "alterparam": AlterParameter(args); break;
            case "reset": ResetCircuit(); break;
            case "save": Save(args); break;
            case "option":
            case "options": OptionCommand(args); break;
            case "quit":
            case "exit": Quit(args); break;
            case "stop":
            case "resume":
            case "step":
            case "source":
            case "load":
            case "shell":
            case "listing":
            case "circbyline":
            case "remcirc":
            case "devhelp":
                Report($"{name}: not supported by hwsim in a batch run");
                break;
            default:
                if (NoOps.Contains(name)) break;
                if (_unknownCommands.Add(name)) Warn($"{name}: no such command in hwsim; ignored");
                break;
        }
    }

    // ---------- redirection ----------

    /// <summary>Takes <c>&gt; file</c> or <c>&gt;&gt; file</c> out of the arguments and sends the output there; false when it cannot.</summary>
    private bool Redirect(List<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] != ">") continue;
            var append = i + 1 < args.Count && args[i + 1] == ">";
            var fileIndex = i + (append ? 2 : 1);
            if (fileIndex >= args.Count)
            {
                Report("missing name for output");
                return false;
            }
            var path = ControlLexer.Unquote(args[fileIndex]);
            args.RemoveRange(i, fileIndex - i + 1);
            if (!AllowedFile(path)) return false;
            _out = new StreamWriter(Resolve(path), append);
            return true;
        }
        return true;
    }

    private void ResetOutput()
    {
        if (_out != _host.Out) _out.Dispose();
        _out = _host.Out;
    }

    /// <summary>False (with an error) when the run may not write files (<c>--sandbox</c>).</summary>
    private bool AllowedFile(string path)
    {
        if (_host.FilesAllowed) return true;
        Report($"'{Excerpt.Of(path)}': a netlist run with --sandbox may not write files");
        return false;
    }

    private string Resolve(string path) => Path.GetFullPath(Path.Combine(_host.Folder, path));

    // ---------- small commands ----------

    private void Echo(List<string> args)
    {
        var newline = true;
        if (args.Count > 0 && args[0] == "-n")
        {
            newline = false;
            args = args.Skip(1).ToList();
        }
        _out.Write(string.Join(" ", args.Select(ControlLexer.Unquote)));
        if (newline) _out.WriteLine();
    }

    private void SetCommand(List<string> args)
    {
        if (args.Count == 0)
        {
            foreach (var (name, value) in Variables.All)
                _out.WriteLine(value is FlagValue ? $"  {name}" : value is ListValue ? $"  {name}\t( {string.Join(" ", value.Words())} )" : $"  {name}\t{string.Join(" ", value.Words())}");
            return;
        }
        foreach (var (name, value) in ControlVariables.ParseSet(args))
        {
            Variables.Set(name, value);
            if (name.Equals("curplot", StringComparison.Ordinal) && value is StringValue s) SetPlot([s.Value]);
        }
    }

    private void StringCompare(List<string> args)
    {
        if (args.Count != 3)
        {
            Report("strcmp: usage is strcmp variable string1 string2");
            return;
        }
        var c = string.CompareOrdinal(ControlLexer.Unquote(args[1]), ControlLexer.Unquote(args[2]));
        Variables.Set(args[0], new IntegerValue(Math.Sign(c)));
    }

    private void DefineCommand(List<string> args)
    {
        if (args.Count == 0)
        {
            foreach (var f in _functions.Values) _out.WriteLine($"{f.Name} ({string.Join(", ", f.Parameters)})");
            return;
        }
        var text = string.Join(" ", args);
        var close = text.IndexOf(')', StringComparison.Ordinal);
        if (text.IndexOf('(', StringComparison.Ordinal) < 0 || close < 0) throw new VectorExpressionException($"define: expected name(arguments) expression, got '{text}'");
        Define(text[..(close + 1)], text[(close + 1)..]);
    }

    private void Undefine(List<string> args)
    {
        foreach (var a in args)
            foreach (var key in _functions.Keys.Where(k => k.Name.Equals(a, StringComparison.OrdinalIgnoreCase)).ToList())
                _functions.Remove(key);
    }

    private static void Quit(List<string> args)
    {
        var code = 0;
        if (args.Count > 0 && ControlNumber.TryParse(ControlLexer.Unquote(args[0]), out var v)) code = (int)v;
        throw new QuitException(code);
    }

    private void OptionCommand(List<string> args)
    {
        foreach (var (name, value) in ControlVariables.ParseSet(args))
        {
            if (value is FlagValue && name.Equals("noopiter", StringComparison.OrdinalIgnoreCase)) _netlist.Options.NoOpIter = true;
            else if (value is not FlagValue && value.Number is { } number && _netlist.Options.TrySet(name, number)) continue;
            else Warn($"option {name}: not applied by hwsim");
        }
    }
}
