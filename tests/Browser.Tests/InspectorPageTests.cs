using System.Globalization;
using Microsoft.Playwright;

namespace Hwsim.Browser.Tests;

/// <summary>
/// The inspector pages in a real browser (Debian's chromium driven by Playwright), opened from disk as a user opens
/// them: no console errors, the probe of a crossbar and of an LSTM gate shows the numbers of the per-demo CSV, the
/// level picker switches to the other level's numbers, and a waveform zooms and pans.
/// </summary>
public class InspectorPageTests : IClassFixture<PagesFixture>
{
    private readonly PagesFixture _pages;

    public InspectorPageTests(PagesFixture pages) { _pages = pages; }

    /// <summary>SIGNAL -> (software, circuit) at one point, from the per-demo CSV hwsim compare wrote.</summary>
    private Dictionary<string, (double Software, double Circuit)> Csv(string level, int point)
    {
        var lines = File.ReadAllLines(Path.Combine(_pages.Directory, $"lstm-cell.{level}.csv"));
        var header = lines[0].Split(',');
        var row = lines[point + 1].Split(',');
        var values = new Dictionary<string, (double, double)>();
        for (var k = 1; k + 1 < header.Length; k += 2)
            if (header[k].EndsWith(":software", StringComparison.Ordinal))
                values[header[k][..^":software".Length]] = (double.Parse(row[k], CultureInfo.InvariantCulture), double.Parse(row[k + 1], CultureInfo.InvariantCulture));
        return values;
    }

    /// <summary>The probe table's rows: signal name, software and circuit as shown (6 significant digits).</summary>
    private static async Task<List<(string Name, double Software, double Circuit)>> ProbeAsync(IPage page)
    {
        var rows = await page.Locator("#probe tr[data-signal]").AllAsync();
        var list = new List<(string, double, double)>();
        foreach (var row in rows)
        {
            var cells = await row.Locator("td").AllInnerTextsAsync();
            list.Add((cells[0], double.Parse(cells[2], CultureInfo.InvariantCulture), double.Parse(cells[3], CultureInfo.InvariantCulture)));
        }
        return list;
    }

    /// <summary>Every probed network signal shows the CSV's values to the 6 digits the page prints.</summary>
    private void AssertMatchesCsv(List<(string Name, double Software, double Circuit)> probe, string level, int point, int atLeast)
    {
        var csv = Csv(level, point);
        var checkedSignals = 0;
        foreach (var (name, sw, ck) in probe)
        {
            if (!csv.TryGetValue(name, out var expected)) continue; // inputs and holds are not CSV columns
            Assert.True(Math.Abs(sw - expected.Software) <= 5e-6 * Math.Abs(expected.Software) + 1e-300, $"{name} software {sw} vs CSV {expected.Software}");
            Assert.True(Math.Abs(ck - expected.Circuit) <= 5e-6 * Math.Abs(expected.Circuit) + 1e-300, $"{name} circuit {ck} vs CSV {expected.Circuit}");
            checkedSignals++;
        }
        Assert.True(checkedSignals >= atLeast, $"only {checkedSignals} signals compared");
    }

    private static async Task PickAsync(IPage page, string level, int point)
    {
        await page.SelectOptionAsync("#level", new SelectOptionValue { Label = level });
        await page.FillAsync("#point-n", point.ToString(CultureInfo.InvariantCulture));
        await page.PressAsync("#point-n", "Enter");
    }

    [ChromiumFact]
    public async Task When_CrossbarAndGateClicked_Expect_TheCsvNumbersAndNoConsoleErrors()
    {
        var (page, errors) = await _pages.OpenAsync(_pages.InspectorPath);
        Assert.Equal(new[] { "ideal", "macro" }, await page.Locator("#level option").AllInnerTextsAsync());
        await PickAsync(page, "macro", 7);

        await page.Locator(".diagram-wrap:not([hidden]) g.blk[data-kind=crossbar]").ClickAsync();
        var crossbar = await ProbeAsync(page);
        Assert.Contains(crossbar, r => r.Name == "lstm.l0.h_prev[0]");
        AssertMatchesCsv(crossbar, "macro", 7, atLeast: 8); // the eight gate pre-activations its TIAs give

        // the input gate: the sigmoid block that drives lstm.l0.i[0]
        await page.Locator(".diagram-wrap:not([hidden]) g.blk[data-kind=activation]", new PageLocatorOptions { HasText = "lstm.l0.i[0]" }).ClickAsync();
        var gate = await ProbeAsync(page);
        Assert.Equal(new[] { "lstm.l0.zi[0]", "lstm.l0.zi[1]", "lstm.l0.i[0]", "lstm.l0.i[1]" }, gate.Select(r => r.Name));
        AssertMatchesCsv(gate, "macro", 7, atLeast: 4);
        Assert.Contains("Transfer curve: sigmoid block at the macro level", await page.InnerTextAsync("#block-body"));
        Assert.Empty(errors);
        await page.CloseAsync();
    }

    [ChromiumFact]
    public async Task When_LevelSwitchedAndWaveformZoomed_Expect_TheOtherLevelsNumbersAndANarrowerRange()
    {
        var (page, errors) = await _pages.OpenAsync(_pages.InspectorPath);
        await PickAsync(page, "macro", 12);
        await page.Locator(".diagram-wrap:not([hidden]) g.blk[data-kind=crossbar]").ClickAsync();
        AssertMatchesCsv(await ProbeAsync(page), "macro", 12, atLeast: 8);
        await PickAsync(page, "ideal", 12);
        Assert.True(await page.Locator(".diagram-wrap[data-level=macro]").IsHiddenAsync());
        AssertMatchesCsv(await ProbeAsync(page), "ideal", 12, atLeast: 8);

        // a signal's waveform; drag across part of it to zoom in, as a user does
        await page.Locator("#probe tr[data-signal]", new PageLocatorOptions { HasText = "lstm.l0.zf[0]" }).ClickAsync();
        Assert.Contains("lstm.l0.zf[0]", await page.InnerTextAsync("#signal-title"));
        var over = page.Locator("#wave .u-over").First;
        var box = (await over.BoundingBoxAsync())!;
        var before = await page.EvaluateAsync<double[]>("() => { const u = window.hwsimInspector.charts.wave[0]; return [u.scales.x.min, u.scales.x.max]; }");
        await page.Mouse.MoveAsync(box.X + box.Width * 0.3f, box.Y + box.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + box.Width * 0.6f, box.Y + box.Height / 2, new MouseMoveOptions { Steps = 5 });
        await page.Mouse.UpAsync();
        var after = await page.EvaluateAsync<double[]>("() => { const u = window.hwsimInspector.charts.wave[0]; return [u.scales.x.min, u.scales.x.max]; }");
        var lower = await page.EvaluateAsync<double[]>("() => { const u = window.hwsimInspector.charts.wave[1]; return [u.scales.x.min, u.scales.x.max]; }");
        Assert.True(after[1] - after[0] < 0.5 * (before[1] - before[0]), $"range {before[0]}..{before[1]} became {after[0]}..{after[1]}");
        Assert.Equal(after, lower); // the error plot follows
        Assert.Contains("showing steps", await page.InnerTextAsync("#wave-range"));
        // shift+wheel pans: the same width, further right
        await page.Mouse.MoveAsync(box.X + box.Width * 0.5f, box.Y + box.Height / 2);
        await page.Keyboard.DownAsync("Shift");
        await page.Mouse.WheelAsync(0, 100);
        await page.Keyboard.UpAsync("Shift");
        var panned = await page.EvaluateAsync<double[]>("() => { const u = window.hwsimInspector.charts.wave[0]; return [u.scales.x.min, u.scales.x.max]; }");
        Assert.True(panned[0] > after[0], $"pan: {after[0]}..{after[1]} became {panned[0]}..{panned[1]}");
        Assert.Equal(after[1] - after[0], panned[1] - panned[0], 9);
        await page.ClickAsync("#reset-zoom");
        var reset = await page.EvaluateAsync<double[]>("() => { const u = window.hwsimInspector.charts.wave[0]; return [u.scales.x.min, u.scales.x.max]; }");
        Assert.Equal(before, reset);
        Assert.Empty(errors);
        await page.CloseAsync();
    }

    [ChromiumFact]
    public async Task When_BlockPageOpened_Expect_OperatingPointOnTheSchematicAndNoConsoleErrors()
    {
        var (page, errors) = await _pages.OpenAsync(_pages.BlockPath);
        await page.FillAsync("#point-n", "40");
        await page.PressAsync("#point-n", "Enter");
        var input = await page.TextContentAsync("svg.schematic g.node[data-node=in] tspan.v");
        var output = await page.TextContentAsync("svg.schematic g.node[data-node=out] tspan.v");
        // sweep point 40 of -3..3 step 0.1 is x = 1 (Vs = 1 V in the bench): out = tanh(1) = 0.7616 V
        Assert.Equal("1 V", input);
        Assert.Equal("761.6 mV", output);
        Assert.Equal(2, await page.Locator("#curve .uplot, #error .uplot").CountAsync());
        Assert.Empty(errors);
        await page.CloseAsync();
    }

    /// <summary>A link to a section lands on it with its figures laid out (they carry their size), not on a blank stretch.</summary>
    [ChromiumFact]
    public async Task When_ReportSectionLinkFollowed_Expect_TheSectionInViewAndNoConsoleErrors()
    {
        var (page, errors) = await _pages.OpenAsync(_pages.ReportPath);
        await page.ClickAsync("table.summary a[href='#r-lstm-cell-macro']");
        await page.WaitForTimeoutAsync(300);
        var top = await page.EvaluateAsync<double>("() => document.getElementById('r-lstm-cell-macro').getBoundingClientRect().top");
        Assert.InRange(top, -5, 60);
        var figures = page.Locator("#r-lstm-cell-macro ~ figure img");
        Assert.True(await figures.CountAsync() > 3);
        Assert.True(await page.EvaluateAsync<bool>("() => [...document.images].filter(i => i.getBoundingClientRect().top < innerHeight && i.getBoundingClientRect().bottom > 0).every(i => i.complete && i.naturalWidth > 0)"));
        Assert.Contains("lstm-cell.inspector.html", await page.Locator("a", new PageLocatorOptions { HasText = "Open its circuit inspector" }).First.GetAttributeAsync("href"));
        Assert.Empty(errors);
        await page.CloseAsync();
    }

    /// <summary>The device level: its timing and energy, the clocked transient of a chosen signal with the clock phases, a hold's probe.</summary>
    [ChromiumFact]
    public async Task When_DeviceLevelShown_Expect_TimingTransientAndHoldsWithoutConsoleErrors()
    {
        var (page, errors) = await _pages.OpenAsync(_pages.DevicePath);
        Assert.Equal(new[] { "device" }, await page.Locator("#level option").AllInnerTextsAsync());
        Assert.Contains("Clock period 20 \u00b5s", await page.InnerTextAsync("#timing-facts"));
        Assert.True(await page.Locator("#energy tr").CountAsync() > 3);
        await page.Locator(".diagram-wrap:not([hidden]) g.blk[data-kind=hold]", new PageLocatorOptions { HasText = "c hold" }).ClickAsync();
        await page.Locator("#probe tr[data-signal]", new PageLocatorOptions { HasText = "lstm.l0.c[0]" }).First.ClickAsync();
        Assert.Equal(1, await page.Locator("#transient .uplot").CountAsync());
        var legend = await page.InnerTextAsync("#transient .u-legend");
        Assert.Contains("v(lstm_l0_c0)", legend);
        Assert.Contains("phi1", legend);
        Assert.Equal(1, await page.Locator(".diagram-wrap:not([hidden]) g.blk.rail[data-kind=clock]").CountAsync());
        Assert.Empty(errors);
        await page.CloseAsync();
    }
}
