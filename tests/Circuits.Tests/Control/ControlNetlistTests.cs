using System.Globalization;
using System.Text.RegularExpressions;
using Hwsim.Circuits.Control;
using Hwsim.Circuits.Netlist;
using Hwsim.TestSupport;
using Hwsim.Verification;

namespace Hwsim.Circuits.Tests.Control;

/// <summary>
/// The netlists in netlists/control run their <c>.control</c> blocks under hwsim and under ngspice 39 (<c>ngspice -b</c>)
/// and print the same thing: every line of standard output (echo, print in line and column form, meas, setplot,
/// data-row counts) in the same order, numbers equal to 2e-6 relative (ngspice prints 6 or 7 significant digits) or
/// 1e-15 absolute. Left out of the comparison: ngspice's banner notes, the initial transient solution it lists in
/// batch runs, and the date on table headers.
/// </summary>
public sealed partial class ControlNetlistTests
{
    private const double Relative = 2e-6;
    private const double Absolute = 1e-15;

    public static TheoryData<string> Netlists => new(Directory.GetFiles(Folder, "*.cir").Select(Path.GetFileName).Order()!);

    private static string Folder => Path.Combine(RepoPaths.Root, "netlists", "control");

    [Fact]
    public void When_FolderListed_Expect_TheControlNetlists()
    {
        Assert.Equal(["alter.cir", "empty.cir", "flow.cir", "fourier.cir", "measure.cir", "noise.cir", "plots.cir", "run.cir", "saves.cir", "tf.cir", "vectors.cir"], Directory.GetFiles(Folder, "*.cir").Select(Path.GetFileName).Order());
    }

    [NgspiceTheory]
    [MemberData(nameof(Netlists))]
    public void When_ControlBlockRun_Expect_NgspicesOutput(string file)
    {
        var path = Path.Combine(Folder, file);
        var ngspice = new NgspiceRunner().RunBatch(path);
        var (hwsimOut, hwsimErr, quit) = RunHwsim(path);

        Assert.True(hwsimErr.Length == 0, $"hwsim reported: {hwsimErr}");
        Assert.True(quit is null or 0, $"quit {quit}");
        var title = File.ReadLines(path).First().Trim().ToLowerInvariant();
        var expected = Comparable(ngspice.Output, title);
        var actual = Comparable(hwsimOut, title);
        Assert.True(expected.Count > 10, $"ngspice printed too little to compare:\n{ngspice.Output}\n{ngspice.Errors}");
        for (var i = 0; i < Math.Min(expected.Count, actual.Count); i++)
            Assert.True(SameLine(expected[i], actual[i]), $"line {i + 1} differs:\nngspice: {expected[i]}\nhwsim:   {actual[i]}");
        Assert.Equal(expected.Count, actual.Count);
    }

    /// <summary>
    /// <c>wrdata</c> writes the same bytes as ngspice's: an operating point (its first vector as the scale), AC
    /// (complex: real and imaginary columns), <c>wr_singlescale</c> and <c>wr_vecnames</c>, a transient.
    /// </summary>
    [NgspiceFact]
    public void When_Wrdata_Expect_NgspicesFiles()
    {
        const string netlist = """
            wrdata forms
            v1 x 0 dc 1 ac 1
            r1 x out 1k
            c1 out 0 1u
            .control
            op
            wrdata op.txt v(out) i(v1)
            ac dec 2 10 1k
            wrdata ac.txt v(out) vdb(out)
            set wr_singlescale
            set wr_vecnames
            wrdata ac2.txt v(out) vdb(out)
            tran 100u 1m
            unset wr_singlescale
            wrdata tr.txt v(out) v(x)
            .endc
            .end
            """;
        var ngspiceDir = Directory.CreateTempSubdirectory("hwsim-wrdata-ng").FullName;
        var hwsimDir = Directory.CreateTempSubdirectory("hwsim-wrdata").FullName;
        File.WriteAllText(Path.Combine(ngspiceDir, "w.cir"), netlist);
        File.WriteAllText(Path.Combine(hwsimDir, "w.cir"), netlist);

        new NgspiceRunner().RunBatch(Path.Combine(ngspiceDir, "w.cir"));
        var (_, err, _) = RunHwsim(Path.Combine(hwsimDir, "w.cir"), hwsimDir);

        Assert.True(err.Length == 0, err);
        foreach (var file in new[] { "op.txt", "ac.txt", "ac2.txt", "tr.txt" })
            Assert.Equal(File.ReadAllText(Path.Combine(ngspiceDir, file)), File.ReadAllText(Path.Combine(hwsimDir, file)));
        Assert.True(File.ReadAllLines(Path.Combine(hwsimDir, "tr.txt")).Length > 10, "a transient of ten steps at least");
    }

    /// <summary>Runs a netlist's control block as <c>hwsim run</c> does, without files: what it printed and its quit code.</summary>
    internal static (string Out, string Err, int? Quit) RunHwsim(string path, string? folder = null)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var netlist = NetlistReader.ReadFile(path);
        var host = new ControlHost
        {
            Out = stdout,
            Error = stderr,
            Reload = changes => NetlistReader.ReadFile(path, null, changes),
            FilesAllowed = folder is not null,
            Folder = folder ?? Path.GetTempPath(),
        };
        var quit = new ControlSession(netlist, host).Run();
        return (stdout.ToString(), stderr.ToString(), quit);
    }

    /// <summary>The lines both programs print the same way: without blanks, banners, the initial transient solution and table dates.</summary>
    private static List<string> Comparable(string output, string title)
    {
        var lines = new List<string>();
        var listing = 0; // 1: in the initial transient solution's header, 2: in its node lines
        foreach (var raw in output.Replace("\f", "", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line == "Initial Transient Solution") listing = 1;
            if (listing == 1)
            {
                if (line.StartsWith("----  ", StringComparison.Ordinal)) listing = 2;
                continue;
            }
            if (listing == 2)
            {
                if (line.Length == 0) listing = 0;
                continue;
            }
            if (line.Length == 0 || line.Trim() == title || DateLine().IsMatch(line)) continue;
            if (line.StartsWith("Note:", StringComparison.Ordinal) || line.StartsWith("Circuit:", StringComparison.Ordinal)
                || line.StartsWith("Doing analysis at", StringComparison.Ordinal) || line.StartsWith("Reset re-loads", StringComparison.Ordinal)
                || line.StartsWith("ngspice-", StringComparison.Ordinal)) continue;
            lines.Add(line);
        }
        return lines;
    }

    /// <summary>Equal text between numbers, numbers within the tolerances.</summary>
    private static bool SameLine(string expected, string actual)
    {
        var e = NumberPattern().Split(expected);
        var a = NumberPattern().Split(actual);
        if (e.Length != a.Length) return false;
        for (var i = 0; i < e.Length; i++)
        {
            if (i % 2 == 0)
            {
                if (!string.Equals(Regex.Replace(e[i], @"\s+", " "), Regex.Replace(a[i], @"\s+", " "), StringComparison.Ordinal)) return false;
                continue;
            }
            var x = double.Parse(e[i], CultureInfo.InvariantCulture);
            var y = double.Parse(a[i], CultureInfo.InvariantCulture);
            if (Math.Abs(x - y) > Relative * Math.Max(Math.Abs(x), Math.Abs(y)) + Absolute) return false;
        }
        return true;
    }

    [GeneratedRegex(@"([-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d (?:\w+ )? ?\d{4}$")]
    private static partial Regex DateLine();
}
