namespace Hwsim.Bridge.Reports;

/// <summary>The training loss curve of a model (and its validation loss, when there is one), as a PNG.</summary>
public static class LossCurvePlot
{
    /// <summary>
    /// Plots log10 of the loss per epoch and saves it to <paramref name="path"/> (800 x 500), written to a temporary
    /// file first and renamed, so no half-written PNG is left behind.
    /// </summary>
    public static void Save(string path, string title, string lossName, IReadOnlyList<double> trainLoss, IReadOnlyList<double>? validationLoss = null)
    {
        var plt = new ScottPlot.Plot();
        plt.Font.Set(PlotFont());
        double[] epochs = Enumerable.Range(1, trainLoss.Count).Select(e => (double)e).ToArray();
        var train = plt.Add.ScatterLine(epochs, trainLoss.Select(Log).ToArray());
        train.LegendText = "training";
        if (validationLoss is not null && validationLoss.Any(double.IsFinite))
        {
            var valid = plt.Add.ScatterLine(epochs, validationLoss.Select(Log).ToArray());
            valid.LegendText = "validation";
            plt.ShowLegend();
        }
        plt.Title(title);
        plt.XLabel("epoch");
        plt.YLabel($"log10 {lossName} loss");
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var tmp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileNameWithoutExtension(full)}.{Guid.NewGuid():N}.tmp.png");
        try
        {
            plt.SavePng(tmp, 800, 500);
            File.Move(tmp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(tmp)) File.Delete(tmp);
        }
    }

    // A loss of exactly 0 (a noise-free neuron fitted exactly) is drawn at 1e-35 rather than at minus infinity.
    private static double Log(double loss) => double.IsFinite(loss) ? Math.Log10(Math.Max(loss, 1e-35)) : double.NaN;

    private static string PlotFont()
    {
        // DejaVu Sans is on Debian; when it is missing, let ScottPlot pick a font it can find.
        string[] dirs = ["/usr/share/fonts", "/usr/local/share/fonts", Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".fonts")];
        bool found = dirs.Where(Directory.Exists).Any(d => Directory.EnumerateFiles(d, "DejaVuSans.ttf", SearchOption.AllDirectories).Any());
        return found ? "DejaVu Sans" : ScottPlot.Fonts.Default;
    }
}
