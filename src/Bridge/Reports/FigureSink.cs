using ScottPlot;
using SkiaSharp;

namespace Hwsim.Bridge.Reports;

/// <summary>
/// Where the figures of one result go: <c>DIR/plots/STEM.KIND.png</c>. Each PNG is rendered in memory, written to a
/// temporary sibling and renamed, so no half-written image is ever left behind; its bytes are kept for the page.
/// </summary>
internal sealed class FigureSink
{
    private readonly string _directory;
    private readonly string _stem;

    public FigureSink(string directory, string stem)
    {
        _directory = directory;
        _stem = stem;
    }

    public ReportFigure Save(Plot plt, string kind, string title, string caption, int width, int height) =>
        Write(Png(width, height, plt.Render), kind, title, caption);

    public ReportFigure Save(Multiplot multiplot, string kind, string title, string caption, int width, int height) =>
        Write(Png(width, height, multiplot.Render), kind, title, caption);

    // Encoding, not drawing, is most of a figure's time: Skia's default PNG settings (every filter, zlib 6) take about
    // four times as long as the "up" filter at zlib 3, for files under 10 % smaller.
    private static readonly SKPngEncoderOptions Encoding = new(SKPngEncoderFilterFlags.Up, 3);

    private static byte[] Png(int width, int height, Action<SKSurface> render)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException($"no {width} x {height} drawing surface");
        render(surface);
        using var image = surface.Snapshot();
        using var pixels = image.PeekPixels();
        using var data = pixels.Encode(Encoding) ?? throw new InvalidOperationException("PNG encoding failed");
        return data.ToArray();
    }

    /// <summary>
    /// Deletes the PNGs an earlier run left for this result (<c>STEM.KIND.png</c>), so that plots/ holds only the
    /// figures of the page; other results' files stay.
    /// </summary>
    public void DeleteOld()
    {
        var dir = Path.Combine(_directory, "plots");
        if (!Directory.Exists(dir)) return;
        foreach (var file in Directory.EnumerateFiles(dir, _stem + ".*.png"))
        {
            var kind = Path.GetFileNameWithoutExtension(file)[(_stem.Length + 1)..];
            if (!kind.Contains('.')) File.Delete(file);
        }
    }

    private ReportFigure Write(byte[] png, string kind, string title, string caption)
    {
        var relative = $"plots/{_stem}.{kind}.png";
        var full = Path.GetFullPath(Path.Combine(_directory, "plots", $"{_stem}.{kind}.png"));
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp");
        try
        {
            File.WriteAllBytes(temp, png);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
        return new ReportFigure(kind, title, caption, relative, png);
    }
}
