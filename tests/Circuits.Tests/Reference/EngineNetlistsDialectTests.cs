using System.Text.RegularExpressions;
using Hwsim.TestSupport;

namespace Hwsim.Circuits.Tests.Reference;

/// <summary>
/// The engine netlists stay inside the dialect our parser reads, and together they cover every element, source
/// waveform, analysis and syntax feature the engine must handle (no ngspice needed).
/// </summary>
public sealed partial class EngineNetlistsDialectTests
{
    private static readonly string[] Files = Directory.GetFiles(RepoPaths.EngineNetlists, "*.cir")
        .Append(Path.Combine(RepoPaths.EngineNetlists, "models.inc")).Order().ToArray();

    /// <summary>Every content line (title skipped), lower case, with its file name.</summary>
    private static readonly (string File, string Line)[] Lines = Files
        .SelectMany(f => File.ReadAllLines(f).Skip(f.EndsWith(".cir", StringComparison.Ordinal) ? 1 : 0)
            .Select(l => (Path.GetFileName(f), l.Trim().ToLowerInvariant())))
        .Where(x => x.Item2.Length > 0)
        .ToArray();

    /// <summary>Element lines with their ; comments removed.</summary>
    private static readonly string[] Elements = Lines.Select(x => x.Line)
        .Where(l => !l.StartsWith('*') && !l.StartsWith('.') && !l.StartsWith('+'))
        .Select(l => l.Split(';')[0].Trim())
        .ToArray();

    private static readonly string[] Dots = Lines.Select(x => x.Line).Where(l => l.StartsWith('.')).ToArray();

    [Fact]
    public void When_NetlistsRead_Expect_NoConstructOutsideTheDialect()
    {
        string[] forbidden = [".control", ".endc", ".meas", ".measure", ".save", ".temp", ".lib", ".func", ".global"];
        Assert.DoesNotContain(Dots, d => forbidden.Contains(d.Split(' ')[0]));
        Assert.All(Elements, e => Assert.Contains(e[0], "rclkviefghsdx")); // no B sources, no transistors
        Assert.All(Files.Where(f => f.EndsWith(".cir", StringComparison.Ordinal)),
            f => Assert.Equal(".end", File.ReadAllLines(f).Last(l => l.Trim().Length > 0).Trim().ToLowerInvariant()));
    }

    [Theory]
    [InlineData('r')]
    [InlineData('c')]
    [InlineData('l')]
    [InlineData('k')]
    [InlineData('v')]
    [InlineData('i')]
    [InlineData('e')]
    [InlineData('f')]
    [InlineData('g')]
    [InlineData('h')]
    [InlineData('s')]
    [InlineData('d')]
    [InlineData('x')]
    public void When_ElementsListed_Expect_EveryKindUsed(char letter) =>
        Assert.Contains(Elements, e => e[0] == letter);

    [Theory]
    [InlineData('v', "dc")]
    [InlineData('v', "ac")]
    [InlineData('v', "pulse(")]
    [InlineData('v', "sin(")]
    [InlineData('v', "pwl(")]
    [InlineData('v', "exp(")]
    [InlineData('i', "dc")]
    [InlineData('i', "ac")]
    [InlineData('i', "pulse(")]
    [InlineData('i', "sin(")]
    [InlineData('i', "pwl(")]
    [InlineData('i', "exp(")]
    public void When_SourcesListed_Expect_EveryWaveformOnBothKinds(char letter, string waveform) =>
        Assert.Contains(Elements, e => e[0] == letter && e.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(3).Any(t => t.StartsWith(waveform, StringComparison.Ordinal)));

    [Fact]
    public void When_AcSourcesListed_Expect_MagnitudeAndPhaseGiven() =>
        Assert.Contains(Elements, e => AcWithPhase().IsMatch(e));

    [Theory]
    [InlineData(@"^\.op\b")]
    [InlineData(@"^\.dc v\w+ ")]
    [InlineData(@"^\.dc i\w+ ")]
    [InlineData(@"^\.dc r\w+ ")]
    [InlineData(@"^\.dc \w+ \S+ \S+ \S+ \w+ \S+ \S+ \S+")]
    [InlineData(@"^\.ac dec ")]
    [InlineData(@"^\.ac oct ")]
    [InlineData(@"^\.ac lin ")]
    [InlineData(@"^\.tran \S+ \S+")]
    [InlineData(@"^\.tran .* uic")]
    [InlineData(@"^\.ic v\(")]
    [InlineData(@"^\.options method=gear maxord=2")]
    [InlineData(@"^\.param ")]
    [InlineData(@"^\.model \w+ d\b")]
    [InlineData(@"^\.model \w+ sw\b")]
    [InlineData(@"^\.subckt .* params:")]
    [InlineData(@"^\.include ")]
    public void When_ControlLinesListed_Expect_EveryAnalysisAndDirective(string pattern) =>
        Assert.Contains(Dots, d => Regex.IsMatch(d, pattern));

    [Theory]
    [InlineData("reltol=")]
    [InlineData("abstol=")]
    [InlineData("vntol=")]
    [InlineData("gmin=")]
    public void When_OptionsListed_Expect_ToleranceOptionsSet(string option) =>
        Assert.Contains(Lines, x => (x.Line.StartsWith(".options", StringComparison.Ordinal) || x.Line.StartsWith('+')) && x.Line.Contains(option, StringComparison.Ordinal));

    [Theory]
    [InlineData("is=")]
    [InlineData("n=")]
    [InlineData("rs=")]
    [InlineData("cjo=")]
    [InlineData("vj=")]
    [InlineData("m=")]
    [InlineData("tt=")]
    [InlineData("bv=")]
    [InlineData("ibv=")]
    [InlineData("fc=")]
    public void When_DiodeModelRead_Expect_EveryLevelOneParameter(string parameter) =>
        Assert.Contains(Lines, x => x.File == "models.inc" && Regex.IsMatch(x.Line, $@"[\s(]{Regex.Escape(parameter)}"));

    [Theory]
    [InlineData("vt=")]
    [InlineData("vh=")]
    [InlineData("ron=")]
    [InlineData("roff=")]
    public void When_SwitchModelRead_Expect_EveryParameter(string parameter) =>
        Assert.Contains(Dots, d => d.StartsWith(".model", StringComparison.Ordinal) && d.Contains(" sw ", StringComparison.Ordinal) && d.Contains(parameter, StringComparison.Ordinal));

    [Theory]
    [InlineData("f")]
    [InlineData("p")]
    [InlineData("n")]
    [InlineData("u")]
    [InlineData("m")]
    [InlineData("k")]
    [InlineData("meg")]
    [InlineData("g")]
    [InlineData("t")]
    [InlineData("mil")]
    public void When_ValuesRead_Expect_EverySuffix(string suffix) =>
        Assert.Contains(Elements, e => e.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(3).Any(t => Regex.IsMatch(t, $@"^[0-9.]+{suffix}$")));

    [Fact]
    public void When_SyntaxListed_Expect_CommentsContinuationsExpressionsAndNesting()
    {
        Assert.Contains(Lines, x => x.Line.StartsWith('*'));
        Assert.Contains(Lines, x => x.Line.StartsWith('+'));
        Assert.Contains(Lines, x => !x.Line.StartsWith('*') && x.Line.Contains(';', StringComparison.Ordinal));
        Assert.Contains(Elements, e => e.Contains('{', StringComparison.Ordinal));
        Assert.Contains(Elements, e => e.StartsWith('x') && e.Contains("params:", StringComparison.Ordinal));
        Assert.Contains(Elements, e => e.StartsWith('x') && !e.Contains("params:", StringComparison.Ordinal) && e.Contains('=', StringComparison.Ordinal));
        Assert.Contains(File.ReadAllLines(Path.Combine(RepoPaths.EngineNetlists, "suffixes_syntax.cir")), l => l.Any(char.IsUpper) && !l.StartsWith('*'));
        // An X inside a .subckt: nested sub-circuits.
        var text = File.ReadAllText(Path.Combine(RepoPaths.EngineNetlists, "subckt_params.cir")).ToLowerInvariant();
        Assert.Matches(@"\.subckt twostage[^\n]*\n(?:[^\n]*\n)*?x\w+ [^\n]*divider[^\n]*\n(?:[^\n]*\n)*?\.ends", text);
    }

    [GeneratedRegex(@"\bac\s+[0-9.e+-]+[a-z]*\s+-?[0-9.]+")]
    private static partial Regex AcWithPhase();
}
