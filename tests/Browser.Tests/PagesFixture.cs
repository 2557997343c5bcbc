using Hwsim.Bridge.Comparison;
using Hwsim.Bridge.Compiler;
using Hwsim.Bridge.Evaluation;
using Hwsim.Bridge.Demos;
using Hwsim.Bridge.Reports;
using Hwsim.Bridge.Reports.Inspector;
using Hwsim.Circuits.Blocks;
using Microsoft.Playwright;

namespace Hwsim.Browser.Tests;

/// <summary>
/// The pages under test, written once into a temporary folder: report.html and the inspector of lstm-cell at the ideal
/// and macro levels (with the per-demo CSVs beside them, as hwsim compare writes them) and the inspector page of the ideal tanh block;
/// and one headless chromium for all the tests.
/// </summary>
public sealed class PagesFixture : IAsyncLifetime
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "hwsim-browser-" + Guid.NewGuid().ToString("N"));
    public IReadOnlyList<ComparisonResult> Results { get; private set; } = Array.Empty<ComparisonResult>();
    public string InspectorPath => Path.Combine(Directory, InspectorPage.FileName("lstm-cell"));
    public string BlockPath => Path.Combine(Directory, "tanh.block.html");
    public string ReportPath => Path.Combine(Directory, "report.html");
    /// <summary>The inspector of lstm-cell's device level alone (two steps).</summary>
    public string DevicePath => Path.Combine(Directory, "lstm-cell.device.inspector.html");
    public IBrowser? Browser { get; private set; }
    private IPlaywright? _playwright;

    public async Task InitializeAsync()
    {
        if (Chromium.Path is null) return;
        var models = Path.Combine(Root(), "models");
        var demo = BridgeDemos.Find("lstm-cell")!.ToCase(models);
        Results = new[] { FidelityLevel.Ideal, FidelityLevel.Macro }.Select(l => Comparer.Run(demo, l)).ToList();
        CompareOutputs.Write(Results, Directory);
        HtmlReport.Write(Results, Directory); // report.html, its plots, and the inspector page
        // the device level of lstm-cell on its first two steps (one clocked transient, no period calibration)
        var network = NetworkCompiler.Compile(demo.Model, FidelityLevel.Device, demo.DeviceProfile);
        var rows = demo.Inputs.Take(2).ToList();
        var run = ClockedEvaluator.Run(network, rows, 20e-6);
        var device = new ComparisonResult
        {
            Demo = "lstm-cell", Level = FidelityLevel.Device, OutputMaxAbsError = 0, OutputRmsError = 0, OutputRange = 1, Metric = TaskMetric.None,
            Signals = Array.Empty<SignalError>(), Software = SoftwareTracer.Trace(demo.Model, network, rows), Circuit = run.Trace, Network = network,
            Inputs = rows, Timing = run.Timing,
        };
        File.WriteAllText(DevicePath, InspectorPage.Page(new[] { device }));
        var bench = BlockCatalog.Find("tanh")!.CreateBench(FidelityLevel.Ideal);
        File.WriteAllText(BlockPath, BlockInspectorPage.Page(bench, bench.Run()));
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium.Path, Args = Chromium.Args });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { }
    }

    /// <summary>A new page at <paramref name="path"/> with its console errors and uncaught exceptions collected.</summary>
    public async Task<(IPage Page, List<string> Errors)> OpenAsync(string path)
    {
        var page = await Browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 } });
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        page.PageError += (_, e) => errors.Add(e);
        page.RequestFailed += (_, r) => errors.Add("request failed: " + r.Url);
        await page.GotoAsync(new Uri(path).AbsoluteUri);
        return (page, errors);
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Simulator.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("repository root not found");
    }
}
