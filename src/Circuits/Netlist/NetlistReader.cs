namespace Hwsim.Circuits.Netlist;

/// <summary>
/// Reads ngspice-dialect netlists: title line, comments, continuation, suffixes, <c>.include</c>, <c>.param</c>,
/// <c>.func</c>, <c>.model</c>, <c>.subckt</c>/<c>X</c> with parameters, <c>.options</c>, <c>.temp</c>, <c>.ic</c>,
/// <c>.nodeset</c>, <c>.op</c>, <c>.dc</c>, <c>.ac</c>, <c>.tran</c>, <c>.if</c>/<c>.elseif</c>/<c>.else</c>/<c>.endif</c>, <c>.end</c>; <c>.control</c> blocks are skipped
/// with a note. Every error is a <see cref="NetlistException"/> naming file, line and column.
/// </summary>
public static class NetlistReader
{
    /// <summary>Reads a netlist file within <paramref name="limits"/> (default <see cref="ResourceLimits.Default"/>).</summary>
    public static ParsedNetlist ReadFile(string path, ResourceLimits? limits = null) => ReadFile(path, limits, null);

    /// <summary>
    /// Reads a netlist file with some parameters changed, as ngspice's <c>alterparam</c> then <c>reset</c> do:
    /// <paramref name="parameterChanges"/> maps a top-level <c>.param</c> name, or <c>subckt.name</c> for a
    /// sub-circuit's default, to its new value.
    /// </summary>
    public static ParsedNetlist ReadFile(string path, ResourceLimits? limits, IReadOnlyDictionary<string, double>? parameterChanges)
    {
        limits ??= ResourceLimits.Default;
        var full = Path.GetFullPath(path);
        var kind = FileKinds.Of(full);
        if (kind == FileKind.Missing) throw new FileNotFoundException($"{path}: no such file", path);
        if (kind == FileKind.Directory) throw new FileNotFoundException($"{path}: is a folder; give a netlist file", path);
        if (kind == FileKind.Special) throw new NetlistException(new SourceLocation(path, 1, 1), "not a regular file (a device, FIFO or socket): give a netlist file");
        return Parse(ReadText(full, path, limits, at: null), path, Path.GetDirectoryName(full), limits, parameterChanges);
    }

    /// <summary>Parses netlist text; <paramref name="sourceName"/> names it in errors, includes resolve against <paramref name="directory"/>.</summary>
    public static ParsedNetlist Parse(string text, string sourceName = "netlist", string? directory = null, ResourceLimits? limits = null) =>
        Parse(text, sourceName, directory, limits, null);

    /// <summary>Parses netlist text with some parameters changed (see <see cref="ReadFile(string, ResourceLimits?, IReadOnlyDictionary{string, double}?)"/>).</summary>
    public static ParsedNetlist Parse(string text, string sourceName, string? directory, ResourceLimits? limits,
        IReadOnlyDictionary<string, double>? parameterChanges) =>
        Parse(text, sourceName, directory, limits, parameterChanges, temper: null);

    private static ParsedNetlist Parse(string text, string sourceName, string? directory, ResourceLimits? limits,
        IReadOnlyDictionary<string, double>? parameterChanges, double? temper)
    {
        limits ??= ResourceLimits.Default;
        var (title, lines) = NetlistLexer.Split(text, sourceName, hasTitle: true);
        var netlist = new ParsedNetlist { Title = title ?? "", SourceName = sourceName, Limits = limits };
        var expanded = new List<NetlistLine>(lines.Count);
        var visiting = new Stack<string>();
        Expand(lines, directory ?? Directory.GetCurrentDirectory(), expanded, netlist, visiting, limits, out _);
        new Elaborator(netlist, limits) { ParameterChanges = parameterChanges, Temper = temper }.Run(expanded);
        if (netlist.UsesTemper)
        {
            var folder = directory ?? Directory.GetCurrentDirectory();
            netlist.ReadAtTemperature = t => Parse(text, sourceName, folder, limits, parameterChanges, t);
        }
        return netlist;
    }

    /// <summary>
    /// Reads one analysis or output card (<c>.tran 1u 1m</c>, <c>.meas tran ...</c>) written in a control block
    /// against an elaborated netlist; errors point into the control line at <paramref name="at"/>.
    /// </summary>
    internal static void ReadCard(ParsedNetlist netlist, string card, SourceLocation at)
    {
        var (_, lines) = NetlistLexer.Split(card, at.File, hasTitle: false);
        foreach (var line in lines)
        {
            var tokens = line.Tokens.Select(t => t with { Location = at with { Column = at.Column + t.Location.Column - 1 } }).ToList();
            Elaborator.ReadCard(netlist, new NetlistLine(tokens, at, line.Text), netlist.Limits);
        }
    }

    /// <summary>The text of a regular file, read only up to <see cref="ResourceLimits.MaxFileBytes"/> (a file may grow while it is read).</summary>
    private static string ReadText(string full, string shown, ResourceLimits limits, SourceLocation? at)
    {
        var max = limits.MaxFileBytes;
        using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (stream.Length > max) throw TooLarge(shown, stream.Length, max, at);
        // Read in chunks rather than trusting the length: it may grow, and /proc files say 0.
        using var bytes = new MemoryStream((int)Math.Min(stream.Length, int.MaxValue - 1) + 1);
        var chunk = new byte[1 << 16];
        int n;
        while ((n = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, max + 1 - bytes.Length))) > 0)
            bytes.Write(chunk, 0, n);
        if (bytes.Length > max) throw TooLarge(shown, bytes.Length, max, at);
        return new System.Text.UTF8Encoding(false).GetString(bytes.GetBuffer(), 0, (int)bytes.Length).TrimStart('\uFEFF');
    }

    private static LimitExceededException TooLarge(string file, long bytes, long max, SourceLocation? at) =>
        new(ResourceLimit.FileBytes, $"{Excerpt.Of(file)} has more than {max} bytes{(bytes > max ? $" ({bytes})" : "")}, the limit per netlist file", at);

    /// <summary>
    /// The file an <c>.include</c> names, checked: it exists, is a regular file (never <c>/dev/zero</c> or a FIFO),
    /// and, when the limits confine includes, lies inside that folder once every symbolic link is followed.
    /// </summary>
    private static string IncludedFile(string name, string directory, NetlistToken at, ResourceLimits limits, string card = ".include")
    {
        var path = Path.GetFullPath(Path.IsPathRooted(name) ? name : Path.Combine(directory, name));
        if (limits.IncludeFolder is { } folder)
        {
            var real = RealPath(path);
            var root = RealPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            if (!real.StartsWith(root, StringComparison.Ordinal))
                throw new NetlistException(at.Location, $"{card}: '{Excerpt.Of(name)}' is outside the netlist's folder (files from others may only include files beside them)");
        }
        return FileKinds.Of(path) switch
        {
            FileKind.Missing => throw new NetlistException(at.Location, $"{card}: file '{Excerpt.Of(name)}' not found (looked in {directory})"),
            FileKind.Directory => throw new NetlistException(at.Location, $"{card}: '{Excerpt.Of(name)}' is a folder"),
            FileKind.Special => throw new NetlistException(at.Location, $"{card}: '{Excerpt.Of(name)}' is not a regular file (a device, FIFO or socket)"),
            _ => path,
        };
    }

    /// <summary>The path with every symbolic link along it resolved (as realpath does).</summary>
    private static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? "/";
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            var target = info.Exists && info.LinkTarget is not null ? info.ResolveLinkTarget(returnFinalTarget: true) : null;
            current = target is not null ? RealPath(target.FullName) : next;
        }
        return current;
    }

    /// <summary>
    /// <c>.lib FILE SECTION</c>: splices the lines between <c>.lib SECTION</c> and <c>.endl</c> of the library file
    /// (a section may itself name sections of this or other files); the rest of the file is not read as netlist.
    /// </summary>
    private static void ExpandLibrary(NetlistLine line, string directory, List<NetlistLine> output, ParsedNetlist netlist,
        Stack<string> visiting, ResourceLimits limits)
    {
        if (line.Tokens.Count < 3)
            throw new NetlistException(line.Location, ".lib: give a library file and a section (.lib FILE SECTION); '.lib NAME' only starts a section inside a library file");
        var sectionToken = line.Tokens[^1];
        var section = sectionToken.Text.Trim('"', '\'');
        var name = string.Concat(line.Tokens.Skip(1).Take(line.Tokens.Count - 2).Select(t => t.Text)).Trim('"', '\'');
        var full = IncludedFile(name, directory, line.Tokens[1], limits, ".lib");
        var key = full + "\n" + section.ToLowerInvariant();
        if (visiting.Contains(key)) throw new NetlistException(sectionToken.Location, $".lib: section '{Excerpt.Of(section)}' of '{Excerpt.Of(name)}' names itself");
        if (visiting.Count > 20) throw new NetlistException(sectionToken.Location, ".lib: nested too deeply");
        var (_, lines) = NetlistLexer.Split(ReadText(full, name, limits, line.Tokens[1].Location), name, hasTitle: false);
        var sections = LibrarySections(lines);
        if (!sections.TryGetValue(section, out var body))
            throw new NetlistException(sectionToken.Location,
                $".lib: no section '{Excerpt.Of(section)}' in '{Excerpt.Of(name)}' (it has: {(sections.Count == 0 ? "none" : string.Join(", ", sections.Keys))})");
        visiting.Push(key);
        Expand(body, Path.GetDirectoryName(full)!, output, netlist, visiting, limits, out var ended);
        visiting.Pop();
        if (ended) throw new NetlistException(sectionToken.Location, $".lib: section '{Excerpt.Of(section)}' of '{Excerpt.Of(name)}' has an .end line");
    }

    /// <summary>The sections of a library file by name: the lines between <c>.lib NAME</c> and <c>.endl</c>.</summary>
    private static Dictionary<string, List<NetlistLine>> LibrarySections(List<NetlistLine> lines)
    {
        var sections = new Dictionary<string, List<NetlistLine>>(StringComparer.OrdinalIgnoreCase);
        List<NetlistLine>? current = null;
        NetlistLine? start = null;
        foreach (var line in lines)
        {
            if (current is null)
            {
                if (line.Keyword == ".lib" && line.Tokens.Count == 2)
                {
                    start = line;
                    current = [];
                    sections.TryAdd(line.Tokens[1].Text.Trim('"', '\''), current);
                }
                continue;
            }
            if (line.Keyword == ".endl")
            {
                current = null;
                continue;
            }
            if (line.Keyword == ".lib" && line.Tokens.Count == 2)
                throw new NetlistException(line.Location, $".lib {line.Tokens[1].Text}: a section starts inside section '{start!.Tokens[1].Text}' (missing .endl)");
            current.Add(line);
        }
        if (current is not null) throw new NetlistException(start!.Location, $".lib {start.Tokens[1].Text}: the section has no .endl");
        return sections;
    }

    /// <summary>Splices <c>.include</c> files, collects <c>.control</c> blocks, stops at <c>.end</c>; <paramref name="ended"/> says whether <c>.end</c> was met.</summary>
    private static void Expand(List<NetlistLine> lines, string directory, List<NetlistLine> output, ParsedNetlist netlist,
        Stack<string> visiting, ResourceLimits limits, out bool ended)
    {
        ended = false;
        var openIfs = 0; // .if blocks open in this file: no file is spliced inside one
        foreach (var line in lines)
        {
            var key = line.Keyword;
            if (key == ".if") openIfs++;
            else if (key == ".endif" && openIfs > 0) openIfs--;
            else if (openIfs > 0 && key is ".include" or ".inc" or ".lib" or ".control") throw Conditionals.NotAllowed(line, key);
            switch (key)
            {
                case ".control":
                    netlist.ControlLines.AddRange(line.Control ?? []);
                    if (!line.ControlClosed) netlist.Warnings.Add($"{line.Location}: .control has no .endc (the block runs to the end of the file)");
                    continue;
                case ".endc":
                    throw new NetlistException(line.Location, ".endc without .control");
                case ".end":
                    ended = true;
                    return;
                case ".include":
                case ".inc":
                {
                    if (line.Tokens.Count < 2) throw new NetlistException(line.Location, ".include: missing file name");
                    var name = string.Concat(line.Tokens.Skip(1).Select(t => t.Text)).Trim('"');
                    var full = IncludedFile(name, directory, line.Tokens[1], limits);
                    if (visiting.Contains(full)) throw new NetlistException(line.Tokens[1].Location, $".include: '{Excerpt.Of(name)}' includes itself");
                    if (visiting.Count > 20) throw new NetlistException(line.Tokens[1].Location, ".include: nested too deeply");
                    visiting.Push(full);
                    var (_, included) = NetlistLexer.Split(ReadText(full, name, limits, line.Tokens[1].Location), name, hasTitle: false);
                    Expand(included, Path.GetDirectoryName(full)!, output, netlist, visiting, limits, out var innerEnded);
                    visiting.Pop();
                    if (innerEnded) { ended = true; return; }
                    continue;
                }
                case ".lib":
                    ExpandLibrary(line, directory, output, netlist, visiting, limits);
                    continue;
                case ".endl":
                    throw new NetlistException(line.Location, ".endl without .lib: a library section ends a '.lib NAME' line in a library file");
                default:
                    output.Add(line);
                    continue;
            }
        }
    }
}
