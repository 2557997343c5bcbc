namespace Hwsim.Circuits.Netlist;

/// <summary>
/// Reads ngspice-dialect netlists: title line, comments, continuation, suffixes, <c>.include</c>, <c>.param</c>,
/// <c>.func</c>, <c>.model</c>, <c>.subckt</c>/<c>X</c> with parameters, <c>.options</c>, <c>.temp</c>, <c>.ic</c>,
/// <c>.nodeset</c>, <c>.op</c>, <c>.dc</c>, <c>.ac</c>, <c>.tran</c>, <c>.end</c>; <c>.control</c> blocks are skipped
/// with a note. Every error is a <see cref="NetlistException"/> naming file, line and column.
/// </summary>
public static class NetlistReader
{
    public static ParsedNetlist ReadFile(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new FileNotFoundException($"{path}: no such file", path);
        return Parse(File.ReadAllText(full), path, Path.GetDirectoryName(full));
    }

    /// <summary>Parses netlist text; <paramref name="sourceName"/> names it in errors, includes resolve against <paramref name="directory"/>.</summary>
    public static ParsedNetlist Parse(string text, string sourceName = "netlist", string? directory = null)
    {
        var (title, lines) = NetlistLexer.Split(text, sourceName, hasTitle: true);
        var netlist = new ParsedNetlist { Title = title ?? "", SourceName = sourceName };
        var expanded = new List<NetlistLine>();
        var visiting = new Stack<string>();
        Expand(lines, directory ?? Directory.GetCurrentDirectory(), expanded, netlist, visiting, out _);
        new Elaborator(netlist).Run(expanded);
        return netlist;
    }

    /// <summary>Splices <c>.include</c> files, drops <c>.control</c> blocks, stops at <c>.end</c>. Returns true when <c>.end</c> was met.</summary>
    private static void Expand(List<NetlistLine> lines, string directory, List<NetlistLine> output, ParsedNetlist netlist,
        Stack<string> visiting, out bool ended)
    {
        ended = false;
        var inControl = false;
        foreach (var line in lines)
        {
            var key = line.Keyword;
            if (inControl)
            {
                if (key == ".endc") inControl = false;
                continue;
            }
            switch (key)
            {
                case ".control":
                    inControl = true;
                    netlist.Notes.Add($"{line.Location}: .control block skipped (hwsim runs the analyses of the netlist itself)");
                    continue;
                case ".end":
                    ended = true;
                    return;
                case ".include":
                case ".inc":
                {
                    if (line.Tokens.Count < 2) throw new NetlistException(line.Location, ".include: missing file name");
                    var name = string.Concat(line.Tokens.Skip(1).Select(t => t.Text)).Trim('"');
                    var path = Path.IsPathRooted(name) ? name : Path.Combine(directory, name);
                    if (!File.Exists(path)) throw new NetlistException(line.Tokens[1].Location, $".include: file '{name}' not found (looked in {directory})");
                    var full = Path.GetFullPath(path);
                    if (visiting.Contains(full)) throw new NetlistException(line.Tokens[1].Location, $".include: '{name}' includes itself");
                    if (visiting.Count > 20) throw new NetlistException(line.Tokens[1].Location, ".include: nested too deeply");
                    visiting.Push(full);
                    var (_, included) = NetlistLexer.Split(File.ReadAllText(full), name, hasTitle: false);
                    Expand(included, Path.GetDirectoryName(full)!, output, netlist, visiting, out var innerEnded);
                    visiting.Pop();
                    if (innerEnded) { ended = true; return; }
                    continue;
                }
                case ".lib":
                    throw new NetlistException(line.Location, ".lib is not supported: use .include");
                default:
                    output.Add(line);
                    continue;
            }
        }
        if (inControl) netlist.Notes.Add(".control block without .endc");
    }
}
