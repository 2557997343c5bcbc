using System.Text.Json.Nodes;

namespace Hwsim.Cli.Tests;

/// <summary>
/// The probes of issue 9 (hostile and broken input), one test per defect: nothing is written outside the named
/// output, special files are never replaced, work and memory are bounded, and every failure is exit 1 or 2 with one
/// short line (3 only for a bug).
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("hwsim-hostile").FullName;

    public void Dispose() => Directory.Delete(_root, true);

    private string Model(string name, string path = "model.json")
    {
        var json = JsonNode.Parse(File.ReadAllText(CliRunner.Repo("models", "mlp-xor.json")))!;
        json["name"] = name;
        var file = Path.Combine(_root, "in", path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, json.ToJsonString());
        return file;
    }

    /// <summary>Every file under the temporary root that is not under <paramref name="allowed"/> nor an input.</summary>
    private IEnumerable<string> WrittenOutside(string allowed) =>
        Directory.EnumerateFileSystemEntries(_root, "*", SearchOption.AllDirectories)
            .Where(p => !p.StartsWith(allowed + Path.DirectorySeparatorChar, StringComparison.Ordinal) && p != allowed
                        && !p.StartsWith(Path.Combine(_root, "in"), StringComparison.Ordinal)
                        && !allowed.StartsWith(p + Path.DirectorySeparatorChar, StringComparison.Ordinal));

    [Theory]
    [InlineData("../../../../evil")]
    [InlineData("{root}/absolute/x")]
    [InlineData("a/../../b\\c:d*?\"<>|")]
    [InlineData("..")]
    [InlineData("")]
    public void Item1_When_ModelNameIsAPath_Expect_EveryFileInsideOut(string name)
    {
        // Deep enough that, were the name obeyed, even "../../../../" stays inside the temporary root.
        var outDir = Path.Combine(_root, "out", "a", "b", "c", "d", "e");
        var (code, _, err) = CliRunner.Run("compare", "--model", Model(name.Replace("{root}", _root)), "--level", "ideal", "--out", outDir);
        Assert.True(code == 0, err);
        Assert.Empty(WrittenOutside(outDir));
        var csvs = Directory.GetFiles(outDir, "*.ideal.csv");
        var csv = Assert.Single(csvs);
        Assert.Matches("^[A-Za-z0-9_-]+\\.ideal\\.csv$", Path.GetFileName(csv));
        Assert.Single(Directory.GetFiles(Path.Combine(outDir, "netlists")));
        Assert.All(Directory.GetFiles(Path.Combine(outDir, "plots")), p => Assert.StartsWith(Path.GetFileName(csv)[..^4], Path.GetFileName(p)));
    }

    [Fact]
    public void Item1_When_NamesHoldLineBreaks_Expect_NoCardInjectedIntoTheNetlist()
    {
        var model = Model("x\n.include /etc/passwd\r.tran 1 1");
        var json = JsonNode.Parse(File.ReadAllText(model))!;
        json["layers"]![0]!["name"] = "fc1\nRX in0 0 1";
        var sd = json["state_dict"]!.AsObject();
        foreach (var key in sd.Select(p => p.Key).Where(k => k.StartsWith("fc1.", StringComparison.Ordinal)).ToList())
        {
            var value = sd[key]!.DeepClone();
            sd.Remove(key);
            sd["fc1\nRX in0 0 1" + key[3..]] = value;
        }
        File.WriteAllText(model, json.ToJsonString());
        var outDir = Path.Combine(_root, "out");
        var (code, _, err) = CliRunner.Run("compare", "--model", model, "--level", "ideal", "--out", outDir);
        Assert.True(code == 0, err);
        var netlist = File.ReadAllText(Assert.Single(Directory.GetFiles(Path.Combine(outDir, "netlists"))));
        Assert.DoesNotContain(netlist.Split('\n', '\r'), line => line.StartsWith(".include", StringComparison.Ordinal) || line.StartsWith(".tran", StringComparison.Ordinal) || line.StartsWith("RX", StringComparison.Ordinal));
        Assert.DoesNotContain(File.ReadAllLines(Path.Combine(outDir, "summary.csv"))[1..], line => !line.Contains(",ideal,hwsim,"));
    }

    [Theory]
    [InlineData("--gmin", "0")]
    [InlineData("--gmin", "-1e-6")]
    [InlineData("--gmin", "NaN")]
    [InlineData("--gmax", "1e-7")]
    [InlineData("--gmax", "Infinity")]
    [InlineData("--variation", "1e9")]
    [InlineData("--variation", "-0.1")]
    [InlineData("--weight-scale", "0")]
    [InlineData("--weight-bits", "0")]
    [InlineData("--input-bits", "25")]
    [InlineData("--read-voltage", "-0.2")]
    [InlineData("--wire-resistance", "NaN")]
    public void Item5_When_ProfileOptionIsOutOfRange_Expect_ExitTwoNamingItBeforeAnyOutput(string option, string value)
    {
        var outDir = Path.Combine(_root, "out");
        var (code, output, err) = CliRunner.Run("compare", "mlp-xor", "--level", "macro", option, value, "--out", outDir);
        Assert.True(code == 2, $"exit {code}: {err}");
        var line = Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"hwsim: error: {option}", line);
        Assert.DoesNotContain("[1/", output);
        Assert.False(Directory.Exists(outDir));
    }

    private string ModelWith(Action<JsonNode> change)
    {
        var json = JsonNode.Parse(File.ReadAllText(CliRunner.Repo("models", "mlp-xor.json")))!;
        change(json);
        var file = Path.Combine(_root, "in", "changed.json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, json.ToJsonString());
        return file;
    }

    [Theory]
    [InlineData("in_features", 2000000000)]
    [InlineData("out_features", 2000000000)]
    [InlineData("in_features", 100000000)]
    public void Item5_When_ModelDeclaresAHugeLayer_Expect_ExitTwoNamingTheLayer(string field, int value)
    {
        var model = ModelWith(j => j["layers"]![0]![field] = value);
        var input = Path.Combine(_root, "in", "x.csv");
        File.WriteAllText(input, "a,b\n0,1\n");
        var (code, _, err) = CliRunner.Run("infer", model, input);
        Assert.True(code == 2, $"exit {code}: {err}");
        Assert.StartsWith($"hwsim: error: {model}: layer 'fc1'", err);
        Assert.Contains("more values than the file holds", err);
    }

    [Fact]
    public void Item8_When_FormatIsANumber_Expect_ItSaysSoNotMissing()
    {
        var model = ModelWith(j => j["format"] = 1);
        var (code, _, err) = CliRunner.Run("infer", model, model);
        Assert.Equal(2, code);
        Assert.Equal($"hwsim: error: {model}: \"format\" must be the string \"hwsim-model/1\", not a number", err.TrimEnd());
    }

    private string Netlist(string name, string body)
    {
        var file = Path.Combine(_root, "in", name);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, "probe\nV1 in 0 1\nR1 in 0 1k\n" + body + "\n.end\n");
        return file;
    }

    /// <summary>Runs a netlist that must be refused: exit 2, one short line, no stack trace.</summary>
    private static string Refused(string netlist, params string[] options)
    {
        var (code, output, err) = CliRunner.Run(["run", netlist, .. options]);
        Assert.True(code == 2, $"exit {code}: {err}");
        var line = Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("hwsim: error: ", line);
        Assert.True(line.Length < 400, line);
        Assert.DoesNotContain("   at ", err + output);
        return line;
    }

    [Theory]
    [InlineData(".param x={PAREN}")]
    [InlineData(".param x={MINUS1}")]
    [InlineData(".param x={SUM}")]
    [InlineData("B1 b 0 V={PAREN}")]
    [InlineData("B1 b 0 V=MINUS1")]
    [InlineData("B1 b 0 V=SUM")]
    public void Item3_When_ExpressionIsDeep_Expect_FileLineColumnNotStackOverflow(string card)
    {
        var text = card.Replace("PAREN", new string('(', 10_000) + "1" + new string(')', 10_000))
            .Replace("MINUS", new string('-', 50_000)).Replace("SUM", string.Join("+", Enumerable.Repeat("1", 100_000)));
        var line = Refused(Netlist("deep.cir", text + (text.StartsWith('B') ? "\nR2 b 0 1" : "")));
        Assert.Matches(@"deep\.cir:4:\d+: ", line);
        Assert.Matches(text.Contains("+1+") ? "deeper than 1000 levels" : "nested deeper than 500 levels", line);
    }

    [Theory]
    [InlineData(".tran 1e-20 1", "--max-points")]
    [InlineData(".dc V1 0 1 1e-8", "--max-points")]
    [InlineData(".ac lin 100000000 1 1meg", "--max-points")]
    [InlineData(".ac dec 1e7 1 1e9", "--max-points")]
    public void Item4_When_AnalysisAsksForTooManyPoints_Expect_ExitTwoNamingTheOption(string card, string option)
    {
        var line = Refused(Netlist("points.cir", card));
        Assert.Contains("points.cir:4:1: ", line);
        Assert.EndsWith($"(raise it with {option})", line);
    }

    [Fact]
    public void Item4_When_PointsLimitRaised_Expect_TheSameAnalysisRuns()
    {
        var file = Netlist("points.cir", ".dc V1 0 1 1e-3");
        Assert.Equal(2, CliRunner.Run("run", file, "--max-points", "100").Code);
        var (code, _, err) = CliRunner.Run("run", file, "--max-points", "1001");
        Assert.True(code == 0, err);
    }

    [Fact]
    public void Item4_When_SubcircuitsExpandToBillions_Expect_ElementLimit()
    {
        var body = new System.Text.StringBuilder();
        body.Append(".subckt s0 a\nR1 a 0 1k\n.ends\n");
        for (var level = 1; level <= 9; level++)
        {
            body.Append($".subckt s{level} a\n");
            for (var k = 0; k < 10; k++) body.Append($"X{k} a s{level - 1}\n");
            body.Append(".ends\n");
        }
        body.Append("X1 in s9\n.op");
        var line = Refused(Netlist("tree.cir", body.ToString()), "--max-elements", "100000");
        Assert.Contains("more than 100000 elements", line);
        Assert.EndsWith("(raise it with --max-elements)", line);
    }

    [Fact]
    public void Item4_When_FuncDoublesFortyTimes_Expect_ExpressionSizeLimit()
    {
        var body = new System.Text.StringBuilder(".func f40(x) = x\n");
        for (var i = 39; i >= 0; i--) body.Append($".func f{i}(x) = f{i + 1}(x) + f{i + 1}(x)\n");
        body.Append("B1 b 0 V=f0(v(in))\nR2 b 0 1\n.op");
        var line = Refused(Netlist("func.cir", body.ToString()));
        Assert.Contains("func.cir:", line);
        Assert.Contains("once its .func calls are expanded", line);
        Assert.EndsWith("(raise it with --max-expression-size)", line);
    }

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/urandom")]
    [InlineData("/dev/null")]
    public void Item4_When_IncludeIsADevice_Expect_RegularFilesOnly(string device)
    {
        var line = Refused(Netlist("dev.cir", $".include {device}\n.op"));
        Assert.Contains("dev.cir:4:10: .include: '" + device + "' is not a regular file", line);
    }

    [Fact]
    public void Item4_When_IncludeIsAFifo_Expect_RefusedWithoutBlocking()
    {
        var fifo = Path.Combine(_root, "in", "pipe");
        Directory.CreateDirectory(Path.GetDirectoryName(fifo)!);
        using (var mk = System.Diagnostics.Process.Start("mkfifo", fifo)) mk.WaitForExit();
        var line = Refused(Netlist("fifo.cir", $".include {fifo}\n.op"));
        Assert.Contains("is not a regular file", line);
    }

    [Fact]
    public void Item4_When_IncludeIsLargerThanTheLimit_Expect_ByteLimit()
    {
        var big = Path.Combine(_root, "in", "big.inc");
        Directory.CreateDirectory(Path.GetDirectoryName(big)!);
        File.WriteAllText(big, string.Concat(Enumerable.Repeat("* padding line of a large include file\n", 1000)));
        var line = Refused(Netlist("big.cir", $".include {big}\n.op"), "--max-file-bytes", "10000");
        Assert.Contains("big.cir:4:10: ", line);
        Assert.EndsWith("(raise it with --max-file-bytes)", line);
        Assert.Equal(0, CliRunner.Run("run", Netlist("big.cir", $".include {big}\n.op")).Code);
    }

    [Fact]
    public void Item7_When_IncludeIsNotANetlist_Expect_AtMostAShortExcerpt()
    {
        var secret = Path.Combine(_root, "in", "secret.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(secret)!);
        var line1 = "root:x:0:0:" + new string('s', 100) + ":/root:/bin/bash";
        File.WriteAllText(secret, line1 + "\n");
        var line = Refused(Netlist("inc.cir", $".include {secret}\n.op"));
        Assert.DoesNotContain(line1, line);
        Assert.DoesNotContain(new string('s', Hwsim.Circuits.Netlist.Excerpt.MaxLength), line);
    }

    [Fact]
    public void Item7_When_NetlistIsBinary_Expect_NoRawBytesOnTheTerminal()
    {
        var file = Path.Combine(_root, "in", "binary.cir");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var bytes = new byte[4096];
        new Random(9).NextBytes(bytes);
        bytes[0] = (byte)'t';
        bytes[1] = (byte)'\n';
        File.WriteAllBytes(file, bytes);
        var (code, output, err) = CliRunner.Run("run", file);
        Assert.True(code == 2, $"exit {code}: {err}");
        Assert.DoesNotContain(err + output, c => char.IsControl(c) && c is not ('\n' or '\r'));
    }

    [Fact]
    public void Item7_When_TokenIsOneMegabyte_Expect_AShortLine()
    {
        var line = Refused(Netlist("token.cir", "R2 in 0 " + new string('k', 1 << 20) + "\n.op"));
        Assert.True(line.Length < 300, $"{line.Length} characters");
    }

    [Fact]
    public void Item7_When_NodeNameHoldsANul_Expect_RefusedBeforeAnyCsv()
    {
        var csv = Path.Combine(_root, "out", "r.csv");
        var line = Refused(Netlist("nul.cir", "R2 in a\0b 1k\nR3 a\0b 0 1k\n.op"), "--out", csv);
        Assert.Contains("nul.cir:4:", line);
        Assert.Contains("U+0000", line);
        Assert.False(File.Exists(csv));
    }

    [Fact]
    public void Sandbox_When_IncludeLeavesTheNetlistFolder_Expect_Refused()
    {
        Directory.CreateDirectory(Path.Combine(_root, "in"));
        var outside = Path.Combine(_root, "in", "outside.inc");
        File.WriteAllText(outside, "R9 in 0 1k\n");
        var file = Netlist("sub/up.cir", ".include ../outside.inc\n.op");
        Assert.Equal(0, CliRunner.Run("run", file).Code);
        var line = Refused(file, "--sandbox");
        Assert.Contains("up.cir:4:10: .include: '../outside.inc' is outside the netlist's folder", line);
        Assert.Contains("outside the netlist's folder", Refused(Netlist("sub/abs.cir", $".include {outside}\n.op"), "--sandbox"));
        Assert.Contains("outside the netlist's folder", Refused(Netlist("sub/passwd.cir", ".include /etc/passwd\n.op"), "--sandbox"));
    }

    [Fact]
    public void Sandbox_When_ALinkInsideTheFolderPointsOutside_Expect_Refused()
    {
        var outside = Path.Combine(_root, "outside.inc");
        File.WriteAllText(outside, "R9 in 0 1k\n");
        Directory.CreateDirectory(Path.Combine(_root, "in", "sub"));
        File.CreateSymbolicLink(Path.Combine(_root, "in", "sub", "link.inc"), outside);
        Directory.CreateSymbolicLink(Path.Combine(_root, "in", "sub", "linkdir"), _root);
        Assert.Contains("outside the netlist's folder", Refused(Netlist("sub/l1.cir", ".include link.inc\n.op"), "--sandbox"));
        Assert.Contains("outside the netlist's folder", Refused(Netlist("sub/l2.cir", ".include linkdir/outside.inc\n.op"), "--sandbox"));
    }

    [Fact]
    public void Sandbox_When_IncludeIsBeside_Expect_RunsWithTighterLimits()
    {
        Directory.CreateDirectory(Path.Combine(_root, "in", "sub"));
        File.WriteAllText(Path.Combine(_root, "in", "sub", "beside.inc"), "R9 in 0 1k\n");
        var (code, _, err) = CliRunner.Run("run", Netlist("sub/ok.cir", ".include beside.inc\n.op"), "--sandbox");
        Assert.True(code == 0, err);
        var line = Refused(Netlist("sub/sweep.cir", ".dc V1 0 1 1e-5"), "--sandbox");
        Assert.Contains("more than the limit of 100000 points", line);
        Assert.EndsWith("(raise it with --max-points)", line);
        Assert.Contains("not a regular file", Refused(Netlist("sub/dev.cir", ".include /dev/zero\n.op")));
    }

    /// <summary>
    /// A MOSFET of absurd gain (kp = 1e10, L = 1 pm: beta 1e16 A/V^2) once failed as "a loop of voltage sources";
    /// it solves as ngspice 39 solves it: the transistor pulls its drain to ground (ngspice: v(d) = -5.4e-16 V) and
    /// the 1 kOhm load carries 1 mA.
    /// </summary>
    [Fact]
    public void Item8_When_MosfetGainIsAbsurd_Expect_SolvedAsNgspiceSolvesIt()
    {
        var output = Path.Combine(_root, "out", "mos.csv");
        var (code, _, err) = CliRunner.Run("run", Netlist("mos.cir", "R2 in d 1k\nM1 d in 0 0 nm l=1e-12 w=1e-6\n.model nm nmos level=1 kp=1e10 vto=0.5\n.op"), "--out", output);
        Assert.True(code == 0, err);
        var lines = File.ReadAllLines(output);
        var header = lines[0].Split(',');
        var values = lines[1].Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.InRange(values[Array.IndexOf(header, "v(d)")], -1e-12, 1e-12);
        Assert.Equal(-1e-3 - 1e-3, values[Array.IndexOf(header, "i(v1)")], 1e-12);
    }

    /// <summary>A weight of 1e20 (issue 9 item 8) makes the others vanish into Gmin: the compare says so, naming the layer.</summary>
    [Fact]
    public void Item8_When_AWeightDwarfsTheOthers_Expect_ANoteNamingTheLayer()
    {
        var model = Model("big");
        var json = JsonNode.Parse(File.ReadAllText(model))!;
        json["state_dict"]!["fc1.weight"]![0]![0] = 1e20;
        File.WriteAllText(model, json.ToJsonString());
        var (code, stdout, err) = CliRunner.Run("compare", "--model", model, "--level", "ideal", "--out", Path.Combine(_root, "out"));
        Assert.True(code == 0, err);
        Assert.Contains("note: layer fc1: 11 weight(s) up to |w| = ", stdout);
        Assert.Contains("lose precision in the circuit", stdout);
    }

    [Fact]
    public void Item8_When_ResistanceIsZeroOrCapacitanceNegative_Expect_ANoteEach()
    {
        var (code, _, err) = CliRunner.Run("run", Netlist("r0.cir", "R2 in a 0\nR3 a 0 1k\nC1 a 0 -1n\n.op"));
        Assert.True(code == 0, err);
        Assert.Contains("r0.cir:4:1: r2: resistance 0 is taken as 0.001 ohm", err);
        Assert.Contains("r0.cir:6:1: c1: negative capacitance", err);
    }
}
