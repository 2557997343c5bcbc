using System.Buffers.Binary;
using System.Net;
using System.Text.RegularExpressions;
using Hwsim.Bridge.Comparison;
using Hwsim.Bridge.Demos;
using Hwsim.Bridge.Evaluation;
using Hwsim.Bridge.Reports;
using Hwsim.Circuits.Blocks;

namespace Hwsim.Bridge.Tests;

/// <summary>
/// The report of <c>hwsim compare</c>, written once for a few small demos (mlp-xor, conv-sobel and lstm-cell at the
/// ideal and macro levels, mlp-shapes at the macro level) into a temporary folder.
/// </summary>
public sealed class ReportFixture : IDisposable
{
    public static readonly (string Demo, FidelityLevel Level)[] Runs =
    {
        ("mlp-xor", FidelityLevel.Ideal), ("mlp-xor", FidelityLevel.Macro),
        ("conv-sobel", FidelityLevel.Ideal), ("conv-sobel", FidelityLevel.Macro),
        ("lstm-cell", FidelityLevel.Ideal), ("lstm-cell", FidelityLevel.Macro),
        ("mlp-shapes", FidelityLevel.Macro),
    };

    public ReportFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), "hwsim-report-" + Guid.NewGuid().ToString("N"));
        var models = RepoFiles.Models;
        Results = Runs.Select(x => Comparer.Run(BridgeDemos.Find(x.Demo)!.ToCase(models), x.Level)).ToList();
        CompareOutputs.Write(Results, Directory);
        Figures = HtmlReport.Write(Results, Directory);
        Html = File.ReadAllText(Path.Combine(Directory, "report.html"));
        SelfContainedHtml = HtmlReport.Page(Figures, Directory, selfContained: true);
    }

    public IReadOnlyList<ResultFigures> Figures { get; }
    /// <summary>The same page with every figure embedded (<c>hwsim compare --self-contained</c>).</summary>
    public string SelfContainedHtml { get; }

    public string Directory { get; }
    public IReadOnlyList<ComparisonResult> Results { get; }
    public string Html { get; }

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { }
    }
}

/// <summary>The report's tests share one fixture (it compiles and runs seven demo levels).</summary>
[CollectionDefinition("report")]
public sealed class ReportCollection : ICollectionFixture<ReportFixture>;

[Collection("report")]
public class ReportTests
{
    private static readonly byte[] PngSignature = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };
    private readonly ReportFixture _report;

    public ReportTests(ReportFixture report) { _report = report; }

    /// <summary>The figures of a demo and level; crossbar maps are drawn once per demo, at the macro level when it ran.</summary>
    private static string[] ExpectedKinds(string demo, FidelityLevel level)
    {
        var (kinds, crossbars) = demo switch
        {
            "mlp-xor" => (new[] { "scatter", "histogram", "signals" }, new[] { "crossbar-fc1" }),
            "conv-sobel" => (new[] { "scatter", "histogram", "signals", "images", "representation" }, new[] { "crossbar-sobel" }),
            "lstm-cell" => (new[] { "scatter", "histogram", "signals", "waveform", "gates" }, new[] { "crossbar-lstm_l0" }),
            "mlp-shapes" => (new[] { "scatter", "histogram", "signals", "classes", "representation" }, new[] { "crossbar-fc1", "crossbar-fc2" }),
            _ => throw new ArgumentException(demo),
        };
        return level == FidelityLevel.Ideal ? kinds : kinds.Concat(crossbars).ToArray();
    }

    /// <summary>A PNG: the signature, then an IHDR chunk with a non-zero width and height.</summary>
    private static void AssertPng(byte[] bytes, string what)
    {
        Assert.True(bytes.Length > 33, $"{what}: {bytes.Length} bytes");
        Assert.True(bytes.AsSpan(0, 8).SequenceEqual(PngSignature), $"{what}: no PNG signature");
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        Assert.True(BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)) > 0 && BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)) > 0, $"{what}: empty image");
    }

    [Fact]
    public void When_ReportWritten_Expect_ValidPngOfEveryExpectedKind()
    {
        foreach (var (demo, level) in ReportFixture.Runs)
            foreach (var kind in ExpectedKinds(demo, level))
            {
                var path = Path.Combine(_report.Directory, "plots", $"{demo}.{level.Name()}.{kind}.png");
                Assert.True(File.Exists(path), $"missing {path}");
                AssertPng(File.ReadAllBytes(path), path);
            }
        var tiny = Path.Combine(_report.Directory, "plots", "mlp-xor.macro.crossbar-fc2.png");
        Assert.False(File.Exists(tiny), "a one-column crossbar is described, not drawn");
        Assert.False(File.Exists(Path.Combine(_report.Directory, "plots", "mlp-xor.ideal.crossbar-fc1.png")), "crossbar maps once per demo");
        Assert.Empty(System.IO.Directory.GetFiles(Path.Combine(_report.Directory, "plots"), "*.tmp*", SearchOption.AllDirectories));
    }

    [Fact]
    public void When_ReportRewritten_Expect_StaleFiguresOfItsResultsGone()
    {
        var dir = Path.Combine(_report.Directory, "rewrite");
        var plots = Path.Combine(dir, "plots");
        System.IO.Directory.CreateDirectory(plots);
        var r = _report.Results.First(x => x.Demo == "mlp-xor" && x.Level == FidelityLevel.Ideal);
        File.WriteAllText(Path.Combine(plots, "mlp-xor.ideal.old-kind.png"), "stale");
        File.WriteAllText(Path.Combine(plots, "mlp-xor.macro.scatter.png"), "another result's");
        ComparisonFigures.ForResult(r, new[] { r }, dir);
        Assert.False(File.Exists(Path.Combine(plots, "mlp-xor.ideal.old-kind.png")));
        Assert.True(File.Exists(Path.Combine(plots, "mlp-xor.macro.scatter.png")));
        Assert.True(File.Exists(Path.Combine(plots, "mlp-xor.ideal.scatter.png")));
    }

    [Fact]
    public void When_ReportWritten_Expect_EveryPlotLinkedOnceWithItsSize()
    {
        var images = Regex.Matches(_report.Html, "<img [^>]*>").Select(m => m.Value).ToList();
        var files = System.IO.Directory.GetFiles(Path.Combine(_report.Directory, "plots"), "*.png").OrderBy(f => f, StringComparer.Ordinal).ToList();
        Assert.Equal(files.Count, images.Count);
        Assert.DoesNotContain("data:image", _report.Html);
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            var tag = Assert.Single(images, i => i.Contains($"src=\"plots/{Path.GetFileName(file)}\"", StringComparison.Ordinal));
            Assert.Contains($"width=\"{BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16))}\" height=\"{BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20))}\"", tag);
        }
        Assert.DoesNotContain("could not be drawn", _report.Html);
    }

    [Fact]
    public void When_SelfContained_Expect_EveryPlotEmbeddedOnce()
    {
        var embedded = Regex.Matches(_report.SelfContainedHtml, "src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").Select(m => Convert.FromBase64String(m.Groups[1].Value)).ToList();
        var files = System.IO.Directory.GetFiles(Path.Combine(_report.Directory, "plots"), "*.png").OrderBy(f => f, StringComparer.Ordinal).ToList();
        Assert.Equal(files.Count, embedded.Count);
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            Assert.Contains(embedded, e => e.AsSpan().SequenceEqual(bytes));
            Assert.Contains($"href=\"plots/{Path.GetFileName(file)}\"", _report.SelfContainedHtml);
        }
        foreach (var png in embedded) AssertPng(png, "embedded image");
    }

    [Fact]
    public void When_ReportWritten_Expect_SummaryTableAndProfiles()
    {
        // every summary.csv column has a short header whose tooltip names the column
        foreach (var column in CompareOutputs.SummaryHeader.Split(','))
            Assert.Contains(HtmlReport.SummaryColumns, c => c.Tooltip.StartsWith(column + ":", StringComparison.Ordinal));
        foreach (var (header, tooltip) in HtmlReport.SummaryColumns)
        {
            Assert.True(header.Length <= 12, $"header '{header}' is long");
            Assert.Contains($"<th title=\"{WebUtility.HtmlEncode(tooltip)}\">{WebUtility.HtmlEncode(header)}</th>", _report.Html);
        }
        foreach (var r in _report.Results)
        {
            Assert.Contains($"href=\"#r-{r.Demo}-{r.Level.Name()}\"", _report.Html);
            foreach (var line in r.Network.Profile.Describe().Split('\n', StringSplitOptions.RemoveEmptyEntries))
                Assert.Contains(WebUtility.HtmlEncode(line), _report.Html);
        }
        Assert.Contains("<details", _report.Html);
    }

    [Fact]
    public void When_ReportWritten_Expect_NoMachinePathsAndOnlyRelativeLinksThatExist()
    {
        Assert.DoesNotContain(_report.Directory, _report.Html);
        Assert.DoesNotContain(RepoFiles.Root, _report.Html);
        Assert.DoesNotContain(Path.GetTempPath(), _report.Html);
        Assert.DoesNotContain("<script", _report.Html);
        Assert.DoesNotContain("<link", _report.Html);
        foreach (Match m in Regex.Matches(_report.Html, "href=\"([^\"#]+)\""))
        {
            var link = WebUtility.HtmlDecode(m.Groups[1].Value);
            Assert.False(link.Contains("://", StringComparison.Ordinal) || link.StartsWith('/') || Path.IsPathRooted(link), $"absolute link {link}");
            var target = Path.Combine(_report.Directory, Uri.UnescapeDataString(link));
            Assert.True(File.Exists(target) || System.IO.Directory.Exists(target), $"link to a missing file: {link}");
        }
        foreach (var r in _report.Results)
        {
            Assert.Contains($"href=\"{CompareOutputs.Stem(r)}.csv\"", _report.Html);
            Assert.Contains($"href=\"netlists/{CompareOutputs.Stem(r)}.cir\"", _report.Html);
        }
    }

    /// <summary>One point, NaN values and a constant (zero-range) output: the figures are still drawn, without problems.</summary>
    [Fact]
    public void When_OnePointNanAndZeroRange_Expect_FiguresAndNoProblems()
    {
        var source = _report.Results.First(r => r.Demo == "lstm-cell" && r.Level == FidelityLevel.Macro);
        var signals = source.Software.Signals.Count;
        var outputs = source.Software.OutputNames.Count;
        SignalTrace Trace(double value, double output) => new(source.Software.Signals, source.Software.OutputNames,
            new[] { Enumerable.Repeat(value, signals).ToArray() }, new[] { Enumerable.Repeat(output, outputs).ToArray() });
        var odd = new ComparisonResult
        {
            Demo = "odd-case",
            Level = FidelityLevel.Macro,
            OutputMaxAbsError = double.NaN,
            OutputRmsError = double.NaN,
            OutputRange = 0,
            Metric = TaskMetric.None,
            Signals = source.Signals.Select((s, i) => s with { MaxAbsError = i % 2 == 0 ? 0 : double.NaN, RmsError = 0, SoftwareMin = 1, SoftwareMax = 1 }).ToList(),
            Software = Trace(1, 0.5),
            Circuit = Trace(double.NaN, double.NaN),
            Network = source.Network,
        };
        var dir = Path.Combine(_report.Directory, "odd");
        foreach (var candidate in new[] { odd, Constant(odd, Trace(1, 0.5)) })
        {
            var figures = ComparisonFigures.ForResult(candidate, new[] { candidate }, dir);
            Assert.Empty(figures.Problems);
            Assert.Contains(figures.Figures, f => f.Kind == "scatter");
            Assert.Contains(figures.Figures, f => f.Kind == "gates");
            foreach (var f in figures.Figures) AssertPng(f.Png, f.Kind);
            var page = HtmlReport.Page(new[] { figures }, dir);
            Assert.Contains("odd-case", page);
        }
    }

    private static ComparisonResult Constant(ComparisonResult r, SignalTrace circuit) => new()
    {
        Demo = r.Demo,
        Level = r.Level,
        OutputMaxAbsError = 0,
        OutputRmsError = 0,
        OutputRange = 0,
        Metric = r.Metric,
        Signals = r.Signals.Select(s => s with { MaxAbsError = 0 }).ToList(),
        Software = r.Software,
        Circuit = circuit,
        Network = r.Network,
    };
}
